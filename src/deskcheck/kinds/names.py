"""`names`: one person, agency or place, one spelling.

`check: consistency` (category names): an article that spells one name two ways. The preferred
form is the house list's, else the article's majority (its first use on a tie); every other
occurrence is reported with the preferred form as the fix and the preferred form's places as
related locations.

`check: house` (category style): an article that is consistent but uses a form the house list
rejects (a house preference, not a contradiction); and, with `--archive`, a name this article
spells the way only a minority of the archive's articles do.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from itertools import chain
from operator import attrgetter
from pathlib import Path
from typing import Iterable

from ..analysis.names import (GENERIC, NAME_ENTRIES, HouseList, Mention, MentionTable, NameGroup, Occurrence, fold,
                              group_names, is_common_lowercase, is_dictionary_word, load_house_lists, mention_surface,
                              mention_table)
from ..model import Hit, Related, Span
from ..scopes import index_of
from .base import Context, Kind

CHECKS = ("consistency", "house")
_UNASKED = object()


# (attrgetter reads the attributes in C: a rule's segments and an article's blocks are mapped to
# their bounds without a Python step each)
_BOUNDS = attrgetter("start", "end")
_BLOCK_BOUNDS = attrgetter("span.start", "span.end")
_LOWER = attrgetter("lower")
_FORM = attrgetter("form")


def _scope(ctx: Context) -> tuple[tuple[int, int], ...]:
    return tuple(map(_BOUNDS, ctx.segments))


def in_scope(ctx: Context, scope: tuple[tuple[int, int], ...] | None = None) -> MentionTable:
    """The document's name mentions inside the rule's segments, in order, as a table (its Mention
    objects made on demand): once per document and scope, since both names rules ask. `scope` is
    `_scope(ctx)`, when the caller has it."""
    if scope is None:
        scope = _scope(ctx)
    key = ("deskcheck.kinds.names.in_scope", scope)
    cache = ctx.doc.cache
    found = cache.get(key)
    if found is None:
        # a mention lies inside its block: a block inside a segment answers for all its mentions,
        # and only the mentions of other blocks are asked about one by one. A block that is a
        # segment itself (the text scope's segments are its blocks) is found in a set, and when
        # every block is, every mention is in scope
        segments = set(scope)
        blocks = ctx.doc.blocks
        table = mention_table(ctx.doc)
        if segments.issuperset(map(_BLOCK_BOUNDS, blocks)):
            found = cache[key] = table
        else:
            whole = {b.index for b in blocks if (b.span.start, b.span.end) in segments}
            contains = index_of(ctx.segments).contains      # a binary search per question
            whole.update(b.index for b in blocks if b.index not in whole and contains(b.span))
            found = cache[key] = table.subset(
                k for k, (_first, _stop, start, end, block, *_rest) in enumerate(table.rows)
                if block in whole or contains(Span(start, end)))
    return found  # type: ignore[no-any-return]


def _kept(ctx: Context, occ: Occurrence, phrases: tuple[str, ...]) -> bool:
    """The occurrence sits inside a phrase the house list keeps ("chicken Kiev")."""
    if not phrases:
        return False
    block = ctx.doc.block_at(occ.token.span.start)
    if block is None:
        return False
    text = ctx.text[block.span.start:block.span.end].lower()
    pos = occ.token.span.start - block.span.start
    for phrase in phrases:
        p = phrase.lower()
        i = text.find(p)
        while i != -1:
            if i <= pos < i + len(p):
                return True
            i = text.find(p, i + 1)
    return False


def _times(n: int) -> str:
    return f"{n}×"


class Names(Kind):
    name = "names"
    default_category = "names"
    default_scope = ("text",)

    @dataclass
    class Options:
        check: str = "consistency"
        names_list: str = "names.yml"      # in the style's data/ folder; '' for none

    def setup(self) -> None:
        if self.options.check not in CHECKS:
            raise ValueError(f"'check' must be one of {', '.join(CHECKS)}, not {self.options.check!r}")

    def house(self, ctx: Context) -> HouseList:
        # the list of paths is built once per config's names lists; the files themselves are still
        # looked at (their modification time) for every article, so an edited list is read again
        extra = ctx.settings.names_lists
        if not isinstance(extra, tuple):
            extra = tuple(extra)        # a caller's list: a key must be hashable
        paths = self._paths.get(extra)
        if paths is None:
            bundled = (self.rule.base_dir / "data" / self.options.names_list,) if self.options.names_list else ()
            paths = self._paths[extra] = bundled + tuple(extra)
        # both names rules of an article ask: the files are looked at once per article
        key = ("deskcheck.kinds.names.house", paths)
        house = ctx.doc.cache.get(key)
        if house is None:
            house = ctx.doc.cache[key] = load_house_lists(paths)
        return house  # type: ignore[no-any-return]

    @cached_property
    def _paths(self) -> dict[tuple[Path, ...], tuple[Path, ...]]:
        return {}

    def check(self, ctx: Context) -> Iterable[Hit]:
        if ctx.raw:
            return
        scope = _scope(ctx)
        ms = in_scope(ctx, scope)
        if not ms:
            return
        house = self.house(ctx)
        groups = groups_for(ctx, ms, house, scope)
        if self.options.check == "consistency":
            hits = self._consistency(ctx, groups, house)
        else:
            hits = self._house(ctx, groups, house, ms)
            if ctx.settings.archive is not None:
                hits = chain(hits, self._archive(ctx, groups, house))
        # a spelling the newsroom or the article accepts (vocabulary, deskcheck-accept) stays
        accepted = ctx.settings.vocabulary.accept
        for hit in hits:
            if ctx.text[hit.span.start:hit.span.end] not in accepted:
                yield hit

    # -- consistency ------------------------------------------------------------------------

    def _consistency(self, ctx: Context, groups: list[NameGroup], house: HouseList) -> Iterable[Hit]:
        # every misspelt word first, then one finding per mention: a person's name is reported
        # whole ("Mikhail Tsereteli", not "Mikhail"), with one fix for all its misspelt words
        edits: list[_Edit] = []
        for g in groups:
            if len(g.forms) < 2:
                continue
            preferred, reason, entry_keep = choose(g, house)
            shown = preferred if preferred in g.forms else majority(g)
            related = tuple(Related(o.token.span, f"'{shown}' here") for o in g.forms[shown])
            for form, occs in g.forms.items():
                if form == preferred:
                    continue
                other = shown if form != shown else next(f for f in g.forms if f != form)
                for o in occs:
                    if _kept(ctx, o, entry_keep):
                        continue
                    rel = related if form != shown else tuple(
                        Related(x.token.span, f"'{other}' here") for x in g.forms[other])
                    message = self.message(form, _times(len(occs)), other, _times(len(g.forms[other])),
                                           preferred, reason)
                    edits.append(_Edit(o, prefix_of(o) + preferred, message, rel))
        yield from _by_mention(ctx, edits)

    # -- house ------------------------------------------------------------------------------

    def _house(self, ctx: Context, groups: list[NameGroup], house: HouseList, ms: MentionTable) -> Iterable[Hit]:
        seen = house.head_answers       # house_form's answers for surnames, places and agencies
        for g in groups:
            if len(g.forms) != 1:
                continue   # an inconsistent name is the consistency check's finding
            # most groups are one spelling of a surname or place the list has no answer for,
            # asked before: house_form's remembered answer, read here without calling it
            if g.role == "head":
                for form in g.forms:
                    hit = seen.get(form, _UNASKED)
                if hit is None:
                    continue
            form, occs = next(iter(g.forms.items()))
            hit = house_form(g, form, house)
            if hit is None or hit[0] == form:
                continue
            preferred, note, keep = hit
            for o in occs:
                if _kept(ctx, o, keep):
                    continue
                yield Hit(o.token.span, self.message(form, preferred, _house_reason(note)),
                          (prefix_of(o) + preferred,))
        yield from self._house_whole_names(ctx, groups, house, ms)

    def _house_whole_names(self, ctx: Context, groups: list[NameGroup], house: HouseList,
                           ms: MentionTable) -> Iterable[Hit]:
        """A whole name the list spells with other spacing (Kim Jong-un), used consistently."""
        if not house.mentions:
            return
        worded: set[Span] | None = None     # made when first needed: few articles get that far
        spaced = {(o.mention.span.start, o.mention.span.end) for g in groups if g.role == "mention" for o in _flat(g)}
        tails = house.mention_tails()
        infos = ms.infos
        if tails.isdisjoint(map(_LOWER, ms.words())):
            return      # no word of the article ends a whole name of the list (most articles)
        for k, (_first, stop, start, end, *_rest) in enumerate(ms.rows):
            # the mention's last word as written is the last word of its surface (the words of a
            # mention are joined by single spaces): most mentions need go no further
            if infos[stop - 1].lower not in tails or (start, end) in spaced:
                continue
            m = ms.mention(k)
            surface = mention_surface(ctx.doc, m)
            hit = house.mentions.get(surface.lower())
            if hit is None or hit[0].lower() == surface.lower():
                continue
            if worded is None:
                # the house form is asked once per spelling, not once per place it is used
                worded = {o.token.span for g in groups if g.role != "mention" for form, occs in g.forms.items()
                          if (h := house_form(g, form, house)) is not None and h[0] != form for o in occs}
            if any(t.span in worded for t in m.tokens):
                continue   # the word-level finding already says it
            preferred, entry = hit
            yield Hit(m.span, self.message(surface, preferred, _house_reason(entry.note)), (preferred,))

    # -- archive ----------------------------------------------------------------------------

    def _archive(self, ctx: Context, groups: list[NameGroup], house: HouseList) -> Iterable[Hit]:
        index = ctx.settings.archive
        for g in groups:
            if len(g.forms) != 1 or g.role != "head":
                continue
            form, occs = next(iter(g.forms.items()))
            if house.head(form) is not None:
                continue   # the house list decides this name
            verdict = index.minority(form)
            if verdict is None:
                continue
            preferred, used_by, total = verdict
            reason = f"the archive's usual spelling: {used_by} of {total} articles that use the name"
            for o in occs:
                yield Hit(o.token.span, self.message(form, preferred, reason), (prefix_of(o) + preferred,))


@dataclass(frozen=True)
class _Edit:
    occ: Occurrence
    fix: str                     # what replaces the occurrence's text
    message: str
    related: tuple[Related, ...]


def _whole_name(o: Occurrence) -> bool:
    """A word of a person's full name (given name or surname): reported as the whole name."""
    return o.role in ("given", "head") and o.mention.person_like


def _by_mention(ctx: Context, edits: list[_Edit]) -> Iterable[Hit]:
    """One hit per edit, except that the edits inside one person's full name become one hit
    spanning the name as written (possessive excluded), whose fix rewrites every misspelt word:
    editors and the fix command see "Mikhail Tsereteli -> Mikheil Tsereteli", and two fixes
    never overlap. A whole-name or organisation finding swallows word findings inside it."""
    wide = [e.occ.token.span for e in edits if e.occ.role in ("mention", "phrase")]
    by_name: dict[Span, list[_Edit]] = {}
    for e in edits:
        span = e.occ.token.span
        if e.occ.role not in ("mention", "phrase") and any(
                w.start <= span.start and span.end <= w.end for w in wide):
            continue
        if _whole_name(e.occ):
            by_name.setdefault(e.occ.mention.span, []).append(e)
        else:
            yield Hit(span, e.message, (e.fix,), e.related)
    for span, group in sorted(by_name.items(), key=lambda kv: kv[0].start):
        group.sort(key=lambda e: e.occ.token.span.start)
        span = Span(min(_name_start(group[0].occ.mention), group[0].occ.token.span.start), span.end)
        if _marked_up(ctx, span):
            # markup inside the name (<b>Mikhail</b> Tsereteli): a whole-name fix would delete it
            for e in group:
                yield Hit(e.occ.token.span, e.message, (e.fix,), e.related)
            continue
        fixed, pos = [], span.start
        for e in group:
            fixed.append(ctx.text[pos:e.occ.token.span.start])
            fixed.append(e.fix)
            pos = e.occ.token.span.end
        fixed.append(ctx.text[pos:span.end])
        related = tuple(dict.fromkeys(r for e in group for r in e.related))
        yield Hit(span, " ".join(e.message for e in group), ("".join(fixed),), related)


def _marked_up(ctx: Context, span: Span) -> bool:
    """The source of this stretch of prose is not the prose itself: tags or emphasis inside."""
    offsets = ctx.doc.offsets
    source = ctx.doc.source[offsets.start(span.start):offsets.end(span.end)]
    return source != ctx.text[span.start:span.end]


def _name_start(m: Mention) -> int:
    """Where the person's own name begins inside a run of capitalised words: after an acronym, an
    organisation word or a capitalised dictionary entry ("Labour MP Jane Smith", "Washington
    Post Jane Smith", "American Jane Smith" are all "Jane Smith")."""
    start = m.tokens[-1].span.start
    for t in reversed(m.tokens[:-1]):
        if ((len(t.text) > 1 and t.text.isupper()) or t.key in GENERIC
                or (is_dictionary_word(t.text) and t.text[0].isupper() and t.text not in NAME_ENTRIES
                    and not is_common_lowercase(t.text))):
            break
        start = t.span.start
    return start


def _house_reason(note: str) -> str:
    return f"house names list: {note}" if note else "house names list"


def _flat(g: NameGroup) -> Iterable[Occurrence]:
    for occs in g.forms.values():
        yield from occs


def prefix_of(o: Occurrence) -> str:
    """A joined particle is kept in the fix: al-Qaida -> al-Qaeda."""
    return o.token.text[: len(o.token.text) - len(o.token.form)]


def groups_for(ctx: Context, ms: MentionTable, house: HouseList,
               scope: tuple[tuple[int, int], ...] | None = None) -> list[NameGroup]:
    """Grouping, once per document and scope: the three checks share it."""
    # with an archive every name spelled one way is asked about; else only those with a house form
    archive = ctx.settings.archive is not None
    key = ("deskcheck.kinds.names.groups", _scope(ctx) if scope is None else scope, id(house), archive)
    cache = ctx.doc.cache
    if key not in cache:
        forms = set(map(_FORM, ms.words()))
        # the house list is asked once per form and run (its answers are remembered on it); an
        # article's forms then meet the forms it has answers for in one set operation
        for f in forms.difference(house._heads_seen):      # (set.difference reads the smaller side)
            house.head(f)
        if archive:
            kept = None
        else:
            for f in forms.difference(house.head_answers):
                head_answer(f, house)           # (which asks house.head too)
            # a name spelled one way matters to the checks only with a house form (or an
            # archive): the others' groups are not made
            kept = (forms & house.answered).__contains__
        hits = forms & house.heads_hit
        by_pref: dict[str, list[str]] = {}
        if hits:
            for f in forms:         # (in the order of `forms`, as the pairs were always made)
                if f in hits:
                    by_pref.setdefault(house.head(f)[0], []).append(f)    # type: ignore[index]
        forced = [(fs[0], f) for fs in by_pref.values() for f in fs[1:]]
        given_keys = house.given_keys()
        cache[key] = group_names(ctx.doc, ms, house.distinct, forced, kept, lambda form: fold(form) in given_keys)
    return cache[key]  # type: ignore[no-any-return]


def house_form(g: NameGroup, form: str, house: HouseList) -> tuple[str, str, tuple[str, ...]] | None:
    """(preferred form, note, kept phrases) when the house list has this name."""
    if g.role == "head":
        return head_answer(form, house)
    if g.role == "phrase":
        return None
    if g.role == "mention":
        hit = house.mentions.get(form.lower())
    else:
        # the person's surname as the list spells it, whichever spelling this article used
        listed = next((h for s in g.surnames if (h := house.head(s)) is not None), None)
        hit = house.given_name(form, listed[0] if listed else g.person)
    if hit is None:
        return None
    preferred, entry = hit
    return preferred, entry.note, entry.keep


def head_answer(form: str, house: HouseList) -> tuple[str, str, tuple[str, ...]] | None:
    """`house_form` of a surname, place or agency spelling: a pure function of the list and the
    spelling, asked for most words of every article, so remembered on the list."""
    seen = house.head_answers
    if form in seen:
        return seen[form]  # type: ignore[return-value]
    hit = house.head(form) or house.near(form)
    found = None if hit is None else (hit[0], hit[1].note, hit[1].keep)
    seen[form] = found
    if found is not None:
        house.answered.add(form)
    return found


def majority(g: NameGroup) -> str:
    first = g.first
    return max(g.forms, key=lambda f: (len(g.forms[f]), -first[f]))


def choose(g: NameGroup, house: HouseList) -> tuple[str, str, tuple[str, ...]]:
    """The preferred form and why: the house list, else the majority, else the first use."""
    for form in g.forms:
        hit = house_form(g, form, house)
        if hit is not None:
            return hit[0], " (house list)", hit[2]
    best = majority(g)
    counts = sorted((len(o) for o in g.forms.values()), reverse=True)
    tie = len(counts) > 1 and counts[0] == counts[1]
    return best, " (first used)" if tie else " (used most)", ()
