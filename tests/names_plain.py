"""The names analysis's object-per-word path, as it was before the mention table: the plain
version the tests hold the table scan and the table grouping equal to. Every mention is a
Mention, every word a NameToken with its Span; the grouping reads those objects."""
from __future__ import annotations

from typing import AbstractSet, Callable, Iterable

from deskcheck.analysis.names import (
    _APPOSITIVE, _COORDINATION, _INITIAL, _JOINERS, _KIN, _WORD_INFO, GENERIC, MALE_TITLES, FEMALE_TITLES,
    NAME_BLOCKS, PHRASE_MIN_WORDS, Mention, NameGroup, NameToken, Occurrence, _candidates,
    _clean_bounds, _group_phrases, _new_object, _sentence_starts, _shouting, _span,
    _text_candidates, _UnionFind, _used_alone, _word_info, candidate_pairs, distinct_given, fold, given_variant_pair, variant_pair,
)
from bisect import bisect_left

from deskcheck.model import Document, Span, _span_end as _set_end, _span_start as _set_start


def _mention(run: list[NameToken], block_index: int, kind: str, title: str, sentence_start: bool) -> Mention:
    # a one-word name's span is its word's (spans are values: sharing one changes nothing)
    span = run[0].span if len(run) == 1 else _span(run[0].span.start, run[-1].span.end)
    return Mention(span, tuple(run), block_index, kind, title, sentence_start)


def _block_mentions(doc: Document, blocks: Iterable[tuple[int, int, int, str, list[tuple[int, str]] | None]],
                    starts: set[int], out: list[Mention]) -> None:
    """Append the mentions of each block (start, end, index, kind, candidates) to `out`; a
    block's candidates are what the caller found, or None for `_candidates` of the block (every
    one). All blocks in one call: a call per block cost more than a short block's words."""
    text = doc.text
    known = _WORD_INFO.get
    append = out.append
    for block_start, block_end, block_index, kind, found in blocks:
        headline = kind in ("title", "heading")
        shouting = _shouting(text[block_start:block_end])
        run: list[NameToken] = []
        title = ""
        run_title = ""
        run_sentence_start = False
        prev_end = -1

        # only capitalised words and particles matter: lowercase words just end a run, and
        # skipping them keeps this loop to a few dozen steps per paragraph
        for start, raw in _candidates(text, block_start, block_end) if found is None else found:
            info = known(raw) or _word_info(raw)
            end = start + info.length
            joined = prev_end >= 0 and start - prev_end == 1 and text[prev_end] in " \u00a0"
            prev_end = end
            if not joined:
                if run:
                    append(_mention(run, block_index, kind, run_title, run_sentence_start))
                    run = []
                title = ""
            if info.plain and not (shouting and info.upper):
                # most words: what the branches below do for a capitalised word that is no
                # particle, initial, title or dictionary entry
                if not run:
                    run_title = title
                    run_sentence_start = start in starts or start == block_start
                span = _new_object(Span)        # (_span, inlined: one frame less per name word)
                _set_start(span, start)
                _set_end(span, end)
                run.append(NameToken(info.word, span, info.form, info.key, info.form_common))
                continue
            if info.particle:
                # a particle continues a run ("Mohammed bin Salman"), or may start one ("de Gaulle")
                continue
            if run and info.single_capital and _INITIAL.match(text, end):
                # a middle initial ("Katherine M. Morales") stays inside the name it sits in
                prev_end = end + 1
                continue
            if info.name_word and not (shouting and info.upper):
                if info.title:
                    if run:
                        append(_mention(run, block_index, kind, run_title, run_sentence_start))
                        run = []
                    title = info.lower
                    continue
                at_start = start in starts or start == block_start
                # a capitalised dictionary entry (Monday, April, American) is never a name here; an
                # ordinary word is not one when capitalised only because it opens a sentence or a
                # headline ("Gordon Brown", "Theresa May": inside a name such an entry is part of it)
                if (info.lexicon_entry and not run) or ((at_start or headline) and info.common):
                    # "After", "The", "Strikes" in a headline, "Monday", "American": not names
                    if run:
                        append(_mention(run, block_index, kind, run_title, run_sentence_start))
                        run = []
                    title = ""
                    continue
                if not run:
                    run_title = title
                    run_sentence_start = at_start
                span = _new_object(Span)        # (_span, inlined: one frame less per name word)
                _set_start(span, start)
                _set_end(span, end)
                run.append(NameToken(info.word, span, info.form, info.key, info.form_common))
                continue
            if run:
                append(_mention(run, block_index, kind, run_title, run_sentence_start))
                run = []
            title = ""
        if run:
            append(_mention(run, block_index, kind, run_title, run_sentence_start))


def mentions_plain(doc: Document) -> list[Mention]:
    """Every name mention in the prose view, in order: a Mention, NameTokens and Spans each."""
    text = doc.text
    found: list[tuple[int, str]] | None = None
    blocks: list[tuple[int, int, int, str, list[tuple[int, str]] | None]] = []
    for block in doc.blocks:
        if block.kind in NAME_BLOCKS:
            start, end = block.span.start, block.span.end
            if _clean_bounds(text, start, end):
                # (every block of a parsed article): its slice of one scan of the whole text
                if found is None:
                    found, positions = _text_candidates(text)
                blocks.append((start, end, block.index, block.kind,
                               found[bisect_left(positions, start):bisect_left(positions, end)]))
            else:
                blocks.append((start, end, block.index, block.kind, None))
    out: list[Mention] = []
    _block_mentions(doc, blocks, _sentence_starts(doc), out)
    return _mark_surnames(doc, out)

def _mark_surnames(doc: Document, ms: list[Mention], every: bool = False) -> list[Mention]:
    """Mark the names whose last word, an ordinary word, the article also uses alone as a name:
    with a title ("Mr Brown") or mid-sentence and not after "the" ("Brown said", but not "the
    Strip").

    Only where the mark decides `Mention.person_like`: a last word that is no organisation or place
    word (Council, States: never a person's), after a word that is no ordinary word; a form never
    used so is left unmarked, sparing its searches of the text (most such forms are those words).
    `every`: mark every form the article uses alone (the plain version tests compare with)."""
    # only these forms can be marked (a form's commonness is the form's): most articles have none
    needed = {last.form for m in ms if len(tokens := m.tokens) >= 2 and (last := tokens[-1]).common
              and (every or (last.key not in GENERIC and not tokens[-2].common))}
    if not needed:
        return ms
    alone: set[str] = set()
    for m in ms:
        if len(m.tokens) != 1 or m.tokens[0].form not in needed:
            continue
        before = doc.text[max(0, m.span.start - 4):m.span.start].lower()
        if m.title or not (m.sentence_start or m.block_kind in ("title", "heading") or before == "the "):
            alone.add(m.tokens[0].form)
    # at a sentence start an ordinary word is no mention at all; what follows it still tells:
    # "Brown said", "Black's lawyer"
    wanted = needed - alone
    text = doc.text
    for form in wanted:
        if _used_alone(text, form):
            alone.add(form)
    if not alone:
        return ms
    return [m.replace(surname_alone=True) if len(m.tokens) >= 2 and m.tokens[-1].form in alone else m
            for m in ms]


# --- grouping ---------------------------------------------------------------------------------

def _coordinated(doc: Document, ms: list[Mention], forms: AbstractSet[str] | None = None) -> set[frozenset[str]]:
    """Pairs of names written side by side ("Latvia and Lithuania", "Iran, Iraq"): two names.
    With `forms`, only the pairs of two of these forms (the rest are left out unasked: the pairs
    the grouping asks about are few, and testing the words between every two names was most of
    the cost)."""
    out: set[frozenset[str]] = set()
    text = doc.text
    coordination = _COORDINATION.fullmatch
    for a, b in zip(ms, ms[1:]):
        if a.block != b.block:
            continue
        if forms is not None and (a.tokens[-1].form not in forms or (
                b.tokens[0].form not in forms and b.tokens[-1].form not in forms)):
            continue
        if coordination(text, a.span.end, b.span.start):
            out.add(frozenset((a.tokens[-1].form, b.tokens[0].form)))
            out.add(frozenset((a.tokens[-1].form, b.tokens[-1].form)))
    return out


def group_names(doc: Document, ms: list[Mention], distinct: frozenset[str] = frozenset(),
                forced: Iterable[tuple[str, str]] = (), keep: Callable[[str], bool] | None = None,
                keep_given: Callable[[str], bool] | None = None) -> list[NameGroup]:
    """Group the spellings of one name; `forced` pairs of forms are one name (the house list says so).

    With `keep`, a head spelled only one way is left out unless keep(form) is true, and with
    `keep_given` likewise a person's given name spelled one way: a caller that has nothing to
    say of most such names (the house check: no house form for them) is spared making their
    groups and occurrences; every other group is the same."""
    # one pass over the mentions: the occurrences (as `occurrences` lists them), and the context
    # of each surname: the given names and the titles it is used with, and the forms only ever
    # seen before another name word with the words they precede ("Michelle" in "Michelle Grey",
    # whose dictionary-word surname hides that she is a person)
    # head occurrences by form, forms in order of first use and each form's uses in order
    # (as pairs: the occurrences are made for the groups kept)
    heads: dict[str, list[tuple[NameToken, Mention]]] = {}
    # given names with their place counted from the name's end (occurrences made for the groups kept)
    given_occ: list[tuple[NameToken, Mention, int]] = []
    given_of: dict[str, set[str]] = {}
    titles_of: dict[str, set[str]] = {}
    before: dict[str, set[str]] = {}
    alone: set[str] = set()
    # for the spacing and organisation groupings: the mentions of several words or of a word with
    # a hyphen or apostrophe, and the indexes of those that may hold an organisation or place word
    spaced: list[Mention] = []
    seeds: list[int] = []
    for k, m in enumerate(ms):
        tokens = m.tokens
        last = tokens[-1]
        if len(tokens) == 1:
            if last.key in GENERIC:
                seeds.append(k)
            w = last.text
            if "-" in w or "'" in w or "’" in w:
                spaced.append(m)
            form = last.form
            occs = heads.get(form)
            if occs is None:
                heads[form] = [(last, m)]
            else:
                occs.append((last, m))
            alone.add(form)
        else:
            # m.person_like, for a mention of two or more words
            person = last.key not in GENERIC and (not last.common or (m.surname_alone and not tokens[-2].common))
            if person:
                given_of.setdefault(last.form, set()).update(t.key for t in tokens[:-1])
            seeds.append(k)         # (its words are tested there)
            spaced.append(m)
            for i, t in enumerate(tokens):
                if t is last:
                    heads.setdefault(t.form, []).append((t, m))
                    alone.add(t.form)
                elif person:
                    given_occ.append((t, m, len(tokens) - 1 - i))
                elif not (t.common or len(t.key) < 3):
                    heads.setdefault(t.form, []).append((t, m))
                    before.setdefault(t.form, set()).add(tokens[i + 1].key)
        if m.title:
            titles_of.setdefault(last.form, set()).add(m.title)
    head_forms = list(heads)
    side_by_side: set[frozenset[str]] | None = None     # made for the first pair tested
    uf = _UnionFind()
    forced_set = {frozenset(p) for p in forced}
    present = set(head_forms)

    def conflict(a: str, b: str) -> bool:
        nonlocal side_by_side
        if side_by_side is None:
            side_by_side = _coordinated(doc, ms, paired)
        if frozenset((a, b)) in side_by_side:
            return True
        ga, gb = given_of.get(a, set()), given_of.get(b, set())
        if ga and gb and not any(x == y or given_variant_pair(x, y) for x in ga for y in gb):
            return True     # Ilham Aliyev and Heydar Aliev: two people
        ta, tb = titles_of.get(a, set()), titles_of.get(b, set())
        if (ta & MALE_TITLES and tb & FEMALE_TITLES) or (ta & FEMALE_TITLES and tb & MALE_TITLES):
            return True
        if (a not in alone and b not in alone and before.get(a, set()) & before.get(b, set())
                and distinct_given(a, b)):
            return True     # Mitchell Grey and Michelle Grey: given names of their own, two people
        return False

    def same_person(a: str, b: str) -> bool:
        ga, gb = given_of.get(a, set()), given_of.get(b, set())
        return any(x == y or given_variant_pair(x, y) for x in ga for y in gb)

    pairs = candidate_pairs(head_forms)
    paired = {f for pair in pairs for f in pair}     # the only forms `conflict` asks about
    for a, b in pairs:
        if frozenset((a, b)) in forced_set:
            uf.union(a, b)
        elif conflict(a, b):
            continue
        elif variant_pair(a, b, distinct) or (same_person(a, b) and variant_pair(a, b, distinct, dictionary=False)):
            # two dictionary words are two names, unless one person's given name sits beside both
            uf.union(a, b)
    for pair in forced_set:
        if len(pair) == 2:
            a, b = tuple(pair)
            if a in present and b in present:
                uf.union(a, b)
    head_groups: dict[object, NameGroup] = {}
    roots: dict[str, object] = {}       # find() once per form, not once per use
    # forms in order of first use: a group and its forms come in the order of their first use
    joined = uf.parent
    for form, uses in heads.items():
        if form not in joined:
            # a form never paired is its own group (find would say so, after recording it); one
            # the caller does not keep is left out (its given names' surnames are still (form,))
            roots[form] = form
            if keep is None or keep(form):
                head_groups[form] = NameGroup("head", {form: [Occurrence(t, m, "head") for t, m in uses]})
            continue
        root = roots[form] = uf.find(form)
        occs = [Occurrence(t, m, "head") for t, m in uses]
        g = head_groups.get(root)
        if g is None:
            head_groups[root] = NameGroup("head", {form: occs})
        else:
            g.forms[form] = occs
    # given names: grouped only within one person (the surname's group); a given name's
    # mention ends in a head, whose root is known
    given_by_person: dict[object, list[tuple[NameToken, Mention, int]]] = {}
    for t, m, pos in given_occ:
        given_by_person.setdefault(roots[m.tokens[-1].form], []).append((t, m, pos))
    groups = list(head_groups.values())
    for person, gocc in given_by_person.items():
        surnames = tuple(head_groups[person].forms) if person in head_groups else (str(person),)
        # the position inside the name matters too: Kim Jong Un's "Kim" is not his "Jong"
        # (the place was counted in the pass over the mentions: tokens.index compared tokens field
        # by field)
        by_pos: dict[int, list[tuple[NameToken, Mention]]] = {}
        for t, m, pos in gocc:
            by_pos.setdefault(pos, []).append((t, m))
        for uses in by_pos.values():
            # (one use, the most common case, has one spelling)
            forms = [uses[0][0].form] if len(uses) == 1 else list(dict.fromkeys(t.form for t, _m in uses))
            if len(forms) == 1:
                # one spelling (most people): one group, nothing to compare
                if keep_given is not None and not keep_given(forms[0]):
                    continue
                g = NameGroup("given", person=str(person), surnames=surnames)
                g.forms[forms[0]] = [Occurrence(t, m, "given") for t, m in uses]
                groups.append(g)
                continue
            pos_occ = [Occurrence(t, m, "given") for t, m in uses]
            guf = _UnionFind()
            for i, a in enumerate(forms):
                guf.find(a)
                for b in forms[i + 1:]:
                    if frozenset((a, b)) in forced_set or (
                            given_variant_pair(a, b) and not _relative(doc, pos_occ, a, b)
                            and (not distinct_given(a, b) or _one_person(doc, ms, pos_occ, a, b, surnames))):
                        guf.union(a, b)
            sub: dict[object, NameGroup] = {}
            for o in pos_occ:
                root = guf.find(o.token.form)
                g = sub.get(root)
                if g is None:
                    g = sub[root] = NameGroup("given", person=str(person), surnames=surnames)
                g.forms.setdefault(o.token.form, []).append(o)
            groups.extend(sub.values())
    groups.extend(spacing_groups(doc, spaced, spaced=True))
    groups.extend(phrase_groups(doc, ms, seeds))
    return groups


def _relative(doc: Document, occ: list[Occurrence], a: str, b: str) -> bool:
    """The later of two given names is introduced as a relative ("her sister-in-law, Catherine
    Lowe", "Catherine Lowe, his wife,"): two people, however alike the names are spelled."""
    first = {f: min(o.token.span.start for o in occ if o.token.form == f) for f in (a, b)}
    later = a if first[a] > first[b] else b
    text = doc.text
    for o in occ:
        if o.token.form != later:
            continue
        start, end = o.mention.span.start, o.mention.span.end
        before = text[max(0, start - 30):start]
        before = before[max(before.rfind("."), before.rfind(";")) + 1:]
        if _KIN.search(before):
            return True
        after = _APPOSITIVE.match(text, end)
        if after:
            close = text.find(",", after.end(), after.end() + 60)
            if _KIN.search(text, end, close if close != -1 else after.end() + 60):
                return True
    return False


def _one_person(doc: Document, ms: list[Mention], occ: list[Occurrence], a: str, b: str,
                surnames: tuple[str, ...]) -> bool:
    """Evidence that two given names which are names in their own right (Clara/Claire) on one
    surname are one person misspelled: both carry the same title or role ("Judge Katherine
    Morales" ... "Judge Kathryn Morales"); or the article calls someone by the bare surname, as
    it would not with two people of that name, introduces the later name as no one new (no
    title, no appositive) and never mentions a relative."""
    titles = {f: {o.mention.title for o in occ if o.token.form == f} - {""} for f in (a, b)}
    if titles[a] & titles[b]:
        return True
    if not any(len(m.tokens) == 1 and m.tokens[0].form in surnames for m in ms):
        return False
    first = {f: min(o.token.span.start for o in occ if o.token.form == f) for f in (a, b)}
    later = a if first[a] > first[b] else b
    if titles[later] or any(_APPOSITIVE.match(doc.text, o.mention.span.end)
                            for o in occ if o.token.form == later):
        return False     # the later name is introduced as someone new ("Claire Donnelly, the physio,")
    blocks = {o.mention.block for o in occ}
    blocks.update(m.block for m in ms if m.tokens[-1].form in surnames)
    return not any(_KIN.search(doc.text, b.span.start, b.span.end)
                   for b in doc.blocks if b.index in blocks)

def spacing_groups(doc: Document, ms: list[Mention], spaced: bool = False) -> list[NameGroup]:
    """Whole names written with different spacing or hyphens: Kim Jong Un / Kim Jong-un,
    al-Qaeda / Al Qaeda. The words themselves agree, so the word-level grouping cannot see it.
    `spaced`: `ms` holds only such mentions already (see below)."""
    # a one-word mention is the word as written (no space inside), so it only counts with a
    # hyphen or apostrophe in it; and two forms are needed to differ
    if not spaced:
        ms = [m for m in ms if len(m.tokens) > 1 or "-" in (w := m.tokens[0].text) or "'" in w or "’" in w]
    if len(ms) < 2:
        return []
    text = doc.text
    surfaces = [" ".join(text[m.span.start:m.span.end].split()) for m in ms]    # mention_surface, inlined
    # (fold remembers its answers: mapped in C, as is str.lower)
    keys = list(map(fold, surfaces))
    lowered = list(map(str.lower, surfaces))
    # a group needs a key written two ways (lowercased): when no key is, as in most articles (each
    # name written one way), the groups below are not built. Exact: the mentions read below are
    # some of these, so no key of theirs is written two ways either
    if len(set(keys)) == len(set(zip(keys, lowered))):
        return []
    # by folded key, the forms written (lowercased) and their mentions, first use first; tokens
    # and occurrences are made only for a key written two ways
    by_key: dict[str, dict[str, list[tuple[str, Mention]]]] = {}
    for m, surface, key, low in zip(ms, surfaces, keys, lowered):
        if len(m.tokens) < 2 and not any(c in surface for c in "-'’ "):
            continue
        # case alone is the word-level check's business (BelTA/Belta, a capitalised particle
        # opening a sentence); here only separators count
        by_key.setdefault(key, {}).setdefault(low, []).append((surface, m))
    out = []
    for key, forms in by_key.items():
        if len(forms) < 2 or len({len(uses[0][1].tokens) for uses in forms.values()}) < 2:
            continue   # same words, joined alike: a hyphen inside one word is the word-level check's
        g = NameGroup("mention")
        for uses in forms.values():
            # the form is named by its first use as written
            g.forms[uses[0][0]] = [Occurrence(NameToken(surface, m.span, surface, key, False), m, "mention")
                                   for surface, m in uses]
        out.append(g)
    return out


class _Phrase:
    """An organisation's name as the object path found it: its first Mention, and its words as
    NameTokens (read for their key and form, as the table's word facts are)."""
    __slots__ = ("start", "end", "words", "joiners", "mention")

    def __init__(self, span: Span, words: tuple[NameToken, ...], joiners: tuple[str, ...], mention: Mention) -> None:
        self.start = span.start
        self.end = span.end
        self.words = words
        self.joiners = joiners
        self.mention = mention


def _phrases(doc: Document, ms: list[Mention], seeds: list[int] | None = None) -> list[_Phrase]:
    """Multi-word organisation names: mentions, joined by "of"/"for" ("Ministry of Health"),
    with at least one organisation or place word (Department, Agency, Council). `seeds`: the
    indexes, in order, of the mentions that may have such a word (every other has none), when
    the caller has them."""
    text = doc.text
    joins = _JOINERS.fullmatch
    n = len(ms)

    def joined(k: int) -> bool:
        """ms[k] and ms[k + 1] are one name's parts, joined by "of", "for", "&" ..."""
        a, b = ms[k], ms[k + 1]
        if a.block != b.block:
            return False
        end, start = a.span.end, b.span.start
        # a joiner is 3 to 9 characters long (" & " to " for the "): most gaps are not
        return 3 <= start - end <= 9 and joins(text, end, start) is not None

    # A phrase is a maximal chain of joined mentions with an organisation or place word in it.
    # Chains are found from those words (few) outward, not by walking every mention; a chain is
    # the same whichever of its mentions it is found from.
    out: list[_Phrase] = []
    done = -1           # the last mention of the last chain found
    for k in range(n) if seeds is None else seeds:
        if k <= done:
            continue
        tokens = ms[k].tokens
        # no organisation or place word in it (most mentions: one word, tested alone)
        if tokens[0].key not in GENERIC if len(tokens) == 1 else GENERIC.isdisjoint([t.key for t in tokens]):
            continue
        i = k
        while i > 0 and joined(i - 1):
            i -= 1
        j = k
        while j + 1 < n and joined(j):
            j += 1
        done = j
        words = tokens if i == j else tuple(t for x in ms[i:j + 1] for t in x.tokens)
        if len(words) < PHRASE_MIN_WORDS:
            continue
        # "&" and "and" join an organisation's name the same way (Securities & Exchange)
        joiners = tuple(" ".join(text[ms[x].span.end:ms[x + 1].span.start].split()).replace("&", "and")
                        for x in range(i, j))
        out.append(_Phrase(Span(ms[i].span.start, ms[j].span.end), words, joiners, ms[i]))
    return out


def phrase_groups(doc: Document, ms: list[Mention], seeds: list[int] | None = None) -> list[NameGroup]:
    """The organisation grouping of the phrases the object path finds (the grouping of phrases
    itself is the library's)."""
    return _group_phrases(doc, _phrases(doc, ms, seeds), lambda m: m)
