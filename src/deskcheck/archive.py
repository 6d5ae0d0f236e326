"""Names across an archive: how the paper usually spells a name, and who spells it otherwise.

Opt-in (`--archive`, or `archive: true` in the config), because pre-commit and CI pass many
unrelated files at once. The articles of one run are read once up front; for every name the
spellings are grouped across articles with the same test the per-article check uses, and a
spelling used by only a minority of the articles that use the name is reported on those articles
(rule Deskcheck.HouseNames, category style) with the archive's usual form as the fix.

`deskcheck names learn ARCHIVE_DIR -o names.yml` writes the same statistics as a house names
list, so new articles are checked against how the paper has always spelled a name.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable

from .analysis.names import (
    candidate_pairs, given_variant_pair, load_house_lists, mentions, occurrences, variant_pair,
)
from .model import Document

if TYPE_CHECKING:
    from .api import ConfigCache, Options


# the archive's usual form must be used in this many articles, and RATIO times as many as the
# other: look-alike names of different people are common in a big archive, true variants are
# usually a small minority
MIN_ARTICLES = 5
RATIO = 3


@dataclass
class ArchiveName:
    """One name across the archive: its spellings and how many articles use each."""
    preferred: str
    articles: Counter[str]              # form -> number of articles using it

    @property
    def total(self) -> int:
        return sum(self.articles.values())


@dataclass
class ArchiveIndex:
    names: list[ArchiveName] = field(default_factory=list)
    by_form: dict[str, ArchiveName] = field(default_factory=dict)
    article_count: int = 0

    def minority(self, form: str) -> tuple[str, int, int] | None:
        """(the archive's form, articles using it, articles using the name) when `form` is a
        spelling only a minority of the archive's articles use."""
        name = self.by_form.get(form)
        if name is None or name.preferred == form:
            return None     # only clear habits are recorded as variants (see index_from_stats)
        pref = name.articles[name.preferred]
        return name.preferred, pref, pref + name.articles[form]


@dataclass
class _Stats:
    articles: Counter[str] = field(default_factory=Counter)        # head form -> articles
    given: dict[str, set[str]] = field(default_factory=dict)        # head form -> given-name keys


def article_forms(doc: Document) -> tuple[set[str], dict[str, set[str]]]:
    """The surname/place/agency spellings one article uses, and the given names beside each."""
    ms = mentions(doc)
    # ordinary words ending an organisation's name ("Council", "States") are not spellings to learn
    heads = {o.token.form for o in occurrences(ms)
             if o.role == "head" and not o.token.common and len(o.token.key) >= 3}
    given: dict[str, set[str]] = {}
    for m in ms:
        if m.person_like:
            given.setdefault(m.tokens[-1].form, set()).update(t.key for t in m.tokens[:-1])
    return heads, given


def build_index(docs: Iterable[Document], distinct: frozenset[str] = frozenset()) -> ArchiveIndex:
    stats = _Stats()
    n = 0
    for doc in docs:
        n += 1
        heads, given = article_forms(doc)
        stats.articles.update(heads)
        for form, keys in given.items():
            stats.given.setdefault(form, set()).update(keys)
    return index_from_stats(stats, n, distinct)


def _conflict(a: set[str], b: set[str]) -> bool:
    """Two surnames whose people never share a given name (or a variant of one)."""
    if not a or not b or a & b:
        return False
    return not any(given_variant_pair(x, y) for x in a for y in b)


def index_from_stats(stats: _Stats, article_count: int, distinct: frozenset[str] = frozenset()) -> ArchiveIndex:
    """Each spelling's usual form: among the spellings it pairs with *directly*, the one most
    articles use, when that one is a clear habit. Direct pairs only: with thousands of names,
    chains of look-alikes (A~B, B~C) would otherwise join names that share nothing."""
    count = stats.articles
    partners: dict[str, set[str]] = {}
    for a, b in candidate_pairs(list(count)):
        if variant_pair(a, b, distinct) and not _conflict(stats.given.get(a, set()), stats.given.get(b, set())):
            partners.setdefault(a, set()).add(b)
            partners.setdefault(b, set()).add(a)

    def rank(f: str) -> tuple[int, bool, str]:
        # most articles first; on a tie the plainer (ASCII) spelling, then alphabetical, so a
        # run's answer never depends on the order the files were read
        return (-count[f], not f.isascii(), f)

    usual: dict[str, str] = {}
    for f, ps in partners.items():
        best = min(ps, key=rank)
        if rank(best) < rank(f) and clear_habit(count[best], count[f]):
            usual[f] = best
    index = ArchiveIndex(article_count=article_count)
    for f in sorted(count, key=rank):
        if f not in usual or usual[f] in usual:
            name = ArchiveName(f, Counter({f: count[f]}))
            index.names.append(name)
            index.by_form[f] = name
    for f, best in usual.items():
        if best not in usual:
            index.by_form[best].articles[f] = count[f]
            index.by_form[f] = index.by_form[best]
    return index


def clear_habit(usual: int, other: int) -> bool:
    """The usual form is used in enough articles, and clearly more often than the other."""
    return usual >= MIN_ARTICLES and usual >= RATIO * other


# --- the report run ------------------------------------------------------------------------------

def enabled(articles: list[str], configs: "ConfigCache", options: "Options") -> bool:
    if options.archive is not None:
        return bool(options.archive)
    return any(configs.for_path(p).archive for p in articles if p != "-")


def prepare(articles: list[str], configs: "ConfigCache", options: "Options") -> "Options":
    """The run's options with the archive index attached when archive mode is on.

    Called once by api.run before the articles are checked; without archive mode it returns the
    options unchanged and reads nothing.
    """
    if not enabled(articles, configs, options):
        return options
    from .api import load_document
    from .errors import DeskcheckError

    docs = []
    _READ.clear()
    distinct: set[str] = set()
    for path in articles:
        if path == "-":
            continue
        config = configs.for_path(path)
        if config.ignored(path):
            continue
        try:
            doc = load_document(path, options)
        except DeskcheckError:
            continue   # the main pass reports unreadable files
        docs.append(doc)
        _READ[path] = doc
        distinct.update(_distinct_for(config))
    index = build_index(docs, frozenset(distinct))
    return options.replace(archive_index=index)


# documents the archive pass read, handed once to the main pass (api.load_document) so each
# article is parsed and analysed once; a worker process that has none simply reads the file
_READ: dict[str, Document] = {}


def take(path: str) -> Document | None:
    return _READ.pop(path, None)


def _distinct_for(config: object) -> frozenset[str]:
    from .rules import bundled_rules_dir
    paths = [bundled_rules_dir() / "Deskcheck" / "data" / "names.yml", *getattr(config, "names", ())]
    return load_house_lists(paths).distinct


# --- names learn ---------------------------------------------------------------------------------

def learn(docs: Iterable[Document], min_articles: int = 2) -> tuple[str, int]:
    """A house names list (YAML text) of the archive's spellings, and the number of articles read.

    Every name used in at least `min_articles` articles is listed with its usual form; spellings
    that only a clear minority of articles use are listed as its variants; `counts` gives the
    articles per spelling.
    """
    import yaml

    index = build_index(docs)
    entries = []
    for name in sorted(index.names, key=lambda n: (-n.total, n.preferred)):
        if name.total < min_articles:
            continue
        entry: dict[str, object] = {"name": name.preferred}
        others = sorted((f for f in name.articles if f != name.preferred), key=lambda f: (-name.articles[f], f))
        # only a clear habit makes a house rule; the counts still show every spelling seen
        variants = [f for f in others if index.minority(f) is not None]
        if variants:
            entry["variants"] = variants
        entry["counts"] = {f: name.articles[f] for f in [name.preferred, *others]}
        entries.append(entry)
    header = (f"# House names list learned by 'deskcheck names learn' from {index.article_count} "
              f"article{'s' if index.article_count != 1 else ''}.\n"
              "# name: the spelling most articles use; variants: the others; counts: articles per spelling.\n"
              "# Load it from .deskcheck.yaml with  names: [this-file.yml]\n")
    body = yaml.safe_dump({"names": entries}, allow_unicode=True, sort_keys=False, width=100)
    return header + body, index.article_count
