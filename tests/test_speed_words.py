"""The per-word and per-sentence shortcuts (names, words, spelling, attribution) against the plain
versions they replace: each plain version is kept here, as it was, and both must agree."""
from __future__ import annotations

import re
import string
import sys

from hypothesis import given, settings, strategies as st

from deskcheck.analysis import attribution
from deskcheck.analysis.quotes import Quote, quotes
from deskcheck.analysis.sentences import Sentence, sentences
from deskcheck.formats import parse
from deskcheck.model import Document, Span


def _doc(text: str, fmt: str = "txt") -> Document:
    return parse(text, fmt, "t." + fmt)


# --- attribution.anonymous_sources --------------------------------------------------------------

def test_odd_cases_are_those_re_matches_ascii_letters_with() -> None:
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    odd = {c for letter in string.ascii_lowercase for c in re.findall(letter, every, re.IGNORECASE)
           if not c.isascii()}
    assert odd == set(attribution.ODD_CASES)
    # and str.lower() keeps every other character one character long
    assert {c for c in every if len(c.lower()) != 1} <= odd


def _plain_anonymous_sources(doc: Document) -> list[Span]:
    text = doc.text
    spans = [q.span for q in quotes(doc) if q.depth == 0]
    by_block: dict[int, list[Sentence]] = {}
    for s in sentences(doc):
        by_block.setdefault(s.block, []).append(s)
    out: list[Span] = []
    for sents in by_block.values():
        for i, s in enumerate(sents):
            for m in attribution.ANONYMOUS.finditer(text, s.span.start, s.span.end):
                if any(qs.start <= m.start() < qs.end for qs in spans):
                    continue
                context = text[s.span.start:s.span.end]
                if i + 1 < len(sents):
                    context += " " + text[sents[i + 1].span.start:sents[i + 1].span.end]
                if attribution.ANONYMITY_REASON.search(context):
                    continue
                out.append(Span(attribution._extend_left(text, s.span.start, m.start()), m.end()))
    return out


_SOURCE_PIECES = ["sources", "Sources", "SOURCE", "ſources", "source", "souRce", "said", "told", "say",
                  "close to", "clo", "se", "people", "familiar with", "with knowledge of", "KNOWLEDGE",
                  "Knowledge", "according to", "Accord", "ing to", "two", "several", "officials",
                  "because", "the talks", "İ", "ı", "é", "“", "”", "\"", ".", ". ", ", ", " ", " ",
                  "\n\n", "The", "who", "were"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_SOURCE_PIECES), max_size=40), st.booleans())
def test_anonymous_sources_same_as_a_scan_of_every_sentence(pieces: list[str], with_view: bool) -> None:
    doc = _doc(" ".join(pieces))
    if with_view:                       # as while the rules run: the engine's view of the text
        from deskcheck import prefilter
        attribution._anonymous_filter()
        doc.cache.setdefault(prefilter.VIEWS_KEY, {})[False] = prefilter.View(doc.text)
    assert attribution.anonymous_sources(doc) == _plain_anonymous_sources(doc)


def test_anonymous_needles_are_required_by_every_form() -> None:
    """Each form of the anonymous-source pattern (the grouped pattern matches what they match, as
    test_alternation checks) requires, by deskcheck.prefilter's reading of it, one of a set of
    strings each holding one of ANONYMOUS_NEEDLES, inside what a scan bounded by its sentence
    reads: then a sentence without any of them has no match."""
    from deskcheck import prefilter
    for form in attribution._ANONYMOUS_FORMS:
        clauses = prefilter.requirements(form, re.IGNORECASE, behind=False) or ()
        assert any(all(ic and any(n in prefilter.fold_needle(s) for n in attribution.ANONYMOUS_NEEDLES)
                       for s, ic in clause) for clause in clauses), form


def test_anonymous_sources_same_with_the_engines_view() -> None:
    """With the engine's view of the text (its folded copy, the automaton's places) the sentences
    are picked from it; the findings are those of the plain scan."""
    from deskcheck import prefilter
    text = ("The council met. Sources close to the mayor said the vote would pass. People were there.\n\n"
            "People familiar with the plan say it will cost more. According to two sources, it was late. "
            "Several officials with knowledge of the talks told us so. It was close.")
    doc = _doc(text)
    attribution._anonymous_filter()
    view = doc.cache.setdefault(prefilter.VIEWS_KEY, {})[False] = prefilter.View(doc.text)
    spans = [s.span for s in sentences(doc)]
    assert attribution._worth_scanning(doc, doc.text, spans) == [1, 3, 4, 5, 6]
    assert view.occurrences(1)          # found by the automaton
    assert attribution.anonymous_sources(doc) == _plain_anonymous_sources(doc)
    assert len(attribution.anonymous_sources(doc)) == 4


def test_anonymous_sources_found_in_later_sentences() -> None:
    text = ("The council met. Sources close to the mayor said the vote would pass.\n\n"
            "People familiar with the plan say it will cost more. It was late.")
    doc = _doc(text)
    found = attribution.anonymous_sources(doc)
    assert found == _plain_anonymous_sources(doc)
    assert [text[s.start:s.end] for s in found][:1] == ["Sources close to the mayor said"]


# --- words.word_columns -------------------------------------------------------------------------

from deskcheck.analysis import words as words_mod  # noqa: E402

_WORDY = st.lists(st.sampled_from(list("ab Z_9.-'’‐,:\n\u00a0éßÿĀЖ中\u0301@#/") + ["\u2019s", "www.", "://"]),
                  max_size=60).map("".join)


@settings(max_examples=400, deadline=None)
@given(_WORDY)
def test_word_split_same_as_the_plain_pattern(text: str) -> None:
    plain = re.compile(words_mod._PLAIN_WORD_PATTERN)
    latin1 = re.compile(words_mod._PLAIN_WORD_PATTERN.replace("\\w", words_mod._LATIN1_WORD))
    assert words_mod._WORD_SPLIT.split(text) == plain.split(text)
    if not any(ord(c) > 0xFF for c in text):
        assert words_mod._WORD_SPLIT_LATIN1.split(text) == latin1.split(text) == plain.split(text)


@settings(max_examples=200, deadline=None)
@given(_WORDY)
def test_latin1_test_same_as_max(text: str) -> None:
    fast = text.isascii() or words_mod._BEYOND_LATIN1.search(text) is None
    assert fast == (text.isascii() or (bool(text) and max(text) < "\u0100"))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", "Cc", "dd", "e’s"]), max_size=30),
       st.sets(st.sampled_from(["a", "b", "Cc", "dd", "e’s", "zz"]), max_size=6))
def test_occurrences_same_as_a_loop(texts: list[str], wanted: set[str]) -> None:
    plain = [n for n, text in enumerate(texts) if text in wanted]
    assert words_mod.occurrences(texts, wanted) == plain
    assert words_mod.occurrences(texts, frozenset(wanted)) == plain


# --- attribution.quote_checks -------------------------------------------------------------------

def _plain_quote_checks(doc: Document) -> list[attribution.QuoteCheck]:
    A = attribution
    text = doc.text
    outer = [q for q in quotes(doc) if q.depth == 0]
    spans = [q.span for q in outer]
    by_block: dict[int, list[Sentence]] = {}
    for s in sentences(doc):
        by_block.setdefault(s.block, []).append(s)
    checks: list[A.QuoteCheck] = []
    first_of_group: dict[int, int] = {}
    for q in outer:
        sents = by_block.get(q.block, [])
        idx = [i for i, s in enumerate(sents) if s.span.overlaps(q.span) or s.span.start == q.span.start]
        cue: Span | None = None
        if idx:
            lo, hi = max(0, idx[0] - 1), min(len(sents) - 1, idx[-1] + 1)
            first = sents[idx[0]]
            lead = text[first.span.start:q.span.start] if first.span.start <= q.span.start else ""
            order = list(range(idx[0], idx[-1] + 1)) + [lo, hi]
            for i in order:
                s = sents[i]
                m = A.find_cue(A._masked(text, s.span, spans))
                if m is not None:
                    cue = _plain_cue_span(text, s.span, spans, m)
                    break
        else:
            lead = ""
        if cue is None and text[doc.blocks[q.block].span.start:q.span.start].strip() == "":
            cue = _plain_colon_before_block(doc, q, by_block)
        needs, why = A.classify(doc, q, lead)
        if q.continued and q.group in first_of_group:
            head = checks[first_of_group[q.group]]
            needs, why = head.needs_speaker, "running"
            if cue is None:
                cue = head.cue
            elif head.cue is None:
                checks[first_of_group[q.group]] = A.QuoteCheck(head.quote, head.needs_speaker, head.why, cue)
        first_of_group.setdefault(q.group, len(checks))
        checks.append(A.QuoteCheck(q, needs, why, cue))
    return checks


def _plain_colon_before_block(doc: Document, q: Quote, by_block: dict[int, list[Sentence]]) -> Span | None:
    prev = doc.blocks[q.block - 1] if q.block else None
    if prev is not None and doc.text[prev.span.start:prev.span.end].rstrip().endswith(":"):
        sents = by_block.get(prev.index, [])
        if sents:
            masked = attribution._masked(doc.text, sents[-1].span, [])
            if attribution.SPEECH_CUE.search(masked) or attribution._COLON_INTRO.search(masked):
                return sents[-1].span
    return None


def _plain_cue_span(text: str, sent: Span, spans: list[Span], m: re.Match[str]) -> Span:
    pos = sent.start
    mapping: list[int] = []
    for qs in attribution._near(spans, sent):
        if qs.end <= pos or qs.start >= sent.end:
            continue
        mapping.extend(range(pos, max(pos, qs.start)))
        mapping.append(max(pos, qs.start))
        pos = max(pos, qs.end)
    mapping.extend(range(pos, sent.end))
    a = mapping[min(m.start(), len(mapping) - 1)]
    b = mapping[min(m.end(), len(mapping)) - 1] + 1
    return Span(a, max(a, b))


_QUOTE_PIECES = ["“", "”", "\"", "‘", "’", "We will win", "she said", "He said:", "Smith", "told reporters",
                 "the plan", "so-called", ". ", ".", ", ", " ", " ", "\n\n", "It rained", "— Jane Doe",
                 "Her answer:", "according to", "I", "never"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_QUOTE_PIECES), max_size=40))
def test_quote_checks_same_as_scanning_each_time(pieces: list[str]) -> None:
    doc = _doc(" ".join(pieces))
    fast = attribution.quote_checks(doc)
    assert fast == _plain_quote_checks(doc)


_MORE_QUOTE_PIECES = _QUOTE_PIECES + [
    "'", "«", "»", "Mr.", "Dr. Smith", "U.S.", "said:", ":", "dubbed", "the film", "—", "called", "War and Peace",
    "by Jane Doe", "policy", "“Yes.”", "\"No,\"", "?", "!", "\n", "told", "in a statement", "We", "my",
    "the Joneses'", "don't"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_MORE_QUOTE_PIECES), max_size=50), st.sampled_from(["md", "txt"]), st.booleans())
def test_quote_checks_same_as_plain_on_more_pieces(pieces: list[str], fmt: str, tight: bool) -> None:
    doc = _doc(("" if tight else " ").join(pieces), fmt)
    assert attribution.quote_checks(doc) == _plain_quote_checks(doc)


def test_quote_checks_neighbours_share_sentences() -> None:
    text = ("“We will win,” she said. “They will lose.” “Nobody knows.”\n\n"
            "“Rain again,” he said. “More rain.”")
    doc = _doc(text)
    assert attribution.quote_checks(doc) == _plain_quote_checks(doc)
    assert sum(c.cue is not None for c in attribution.quote_checks(doc)) >= 4


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_QUOTE_PIECES), max_size=40), st.sampled_from(["md", "txt"]), st.data())
def test_cue_span_same_as_the_offset_list(pieces: list[str], fmt: str, data: st.DataObject) -> None:
    doc = _doc(" ".join(pieces), fmt)
    spans = [q.span for q in quotes(doc) if q.depth == 0]
    for s in sentences(doc):
        masked = attribution._masked(doc.text, s.span, spans)
        for m in re.finditer(r"\w+|\ufffc|.", masked):
            assert attribution._cue_span(doc.text, s.span, spans, m) == _plain_cue_span(doc.text, s.span, spans, m)
        a = data.draw(st.integers(0, len(masked)))
        b = data.draw(st.integers(a, len(masked)))
        m2 = re.compile(".*", re.S).match(masked, a, b)
        if m2 is not None and len(masked):
            assert attribution._cue_span(doc.text, s.span, spans, m2) == _plain_cue_span(doc.text, s.span, spans, m2)


# --- names: the grouping's side-by-side pairs ---------------------------------------------------

from deskcheck.analysis import names as names_mod  # noqa: E402

_NAME_PIECES = ["Latvia", "Lithuania", "and", "or", ",", "Iran", "Iraq", "Aliyev", "Aliev", "Ilham", "Heydar",
                "Smith", "Smyth", "said", "met", ".", "\n\n", "Mr", "Mrs", "Odesa", "Odessa", "Kyiv", "Kiev", "&"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_NAME_PIECES), max_size=30))
def test_side_by_side_pairs_among_some_forms(pieces: list[str]) -> None:
    doc = _doc(" ".join(pieces))
    ms = names_mod.mentions(doc)
    every = names_mod._coordinated(doc, ms)
    forms = {t.form for m in ms for t in m.tokens}
    for some in (set(), forms, set(list(forms)[::2]), {"Latvia", "Lithuania", "Iran"}):
        few = names_mod._coordinated(doc, ms, some)
        assert few <= every
        # every pair of two of the forms is answered alike
        assert {p for p in every if p <= some} == {p for p in few if p <= some}


# --- kinds.names: the house check's remembered answers ------------------------------------------

def _house_rule():  # type: ignore[no-untyped-def]
    from deskcheck.rules import bundled_rules_dir, load_rule
    style = bundled_rules_dir() / "Deskcheck"
    rule = load_rule(style / "HouseNames.yml", "Deskcheck", style)
    assert rule is not None
    return rule


def _plain_house(kind, ctx, groups, house, ms):  # type: ignore[no-untyped-def]
    from deskcheck.kinds import names as kn
    from deskcheck.model import Hit
    for g in groups:
        if len(g.forms) != 1:
            continue
        form, occs = next(iter(g.forms.items()))
        hit = kn.house_form(g, form, house)
        if hit is None or hit[0] == form:
            continue
        preferred, note, keep = hit
        for o in occs:
            if kn._kept(ctx, o, keep):
                continue
            yield Hit(o.token.span, kind.message(form, preferred, kn._house_reason(note)),
                      (kn.prefix_of(o) + preferred,))
    yield from kind._house_whole_names(ctx, groups, house, ms)


_HOUSE_PIECES = ["Kiev", "Kyiv", "Belta", "BelTA", "chicken Kiev", "Zelenskyi", "Zelensky", "Volodymyr",
                 "Lukashenko", "Lukashenka", "Alexander", "Kim Jong Un", "Kim Jong-un", "said", "in", ".",
                 "\n\n", "Smith", "the", "Mr"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_HOUSE_PIECES), max_size=25), st.booleans())
def test_house_check_same_as_asking_every_group(pieces: list[str], asked_before: bool) -> None:
    from deskcheck.kinds import names as kn
    from deskcheck.kinds.base import Context, Settings
    from deskcheck.scopes import segments
    rule = _house_rule()
    doc = _doc(" ".join(pieces))
    ctx = Context(doc, doc.text, list(segments(doc, rule.scope)), Settings(), False)
    ms = kn.in_scope(ctx)
    house = rule.kind.house(ctx)
    if not asked_before:
        house.head_answers.clear()      # (the shortcut reads answers remembered across articles)
    groups = kn.groups_for(ctx, ms, house)
    fast = list(rule.kind._house(ctx, groups, house, ms))
    assert fast == list(_plain_house(rule.kind, ctx, groups, house, ms))


# the pair tests are remembered per pair of spellings (pure functions of the two strings, the
# distinct list and the flag): the same answers as asking afresh
_PAIR_FORMS = ["Aliyev", "Aliev", "Aliyeva", "Grant", "Grand", "Odesa", "Odessa", "Mikheil", "Mikhail", "Clara",
               "Claire", "Daniel", "Daniela", "Niger", "Nigeria", "Belta", "Plata", "Gaddafi", "Kadhafi", "Brown"]


@given(st.sampled_from(_PAIR_FORMS), st.sampled_from(_PAIR_FORMS), st.booleans(), st.booleans())
def test_remembered_pair_tests_same_as_plain(a: str, b: str, listed: bool, dictionary: bool) -> None:
    distinct = frozenset({names_mod.fold(a)}) if listed else frozenset()
    assert names_mod.variant_pair(a, b, distinct, dictionary) == \
        names_mod.variant_pair.__wrapped__(a, b, distinct, dictionary)
    assert names_mod.given_variant_pair(a, b) == names_mod.given_variant_pair.__wrapped__(a, b)
    assert names_mod.distinct_given(a, b) == names_mod.distinct_given.__wrapped__(a, b)


@given(st.lists(st.sampled_from(["ministry", "health", "kenya", "sea", "black", "x"]), min_size=1, max_size=4))
def test_phrase_word_test_same_as_plain(keys: list[str]) -> None:
    generic = names_mod.GENERIC
    plain = keys[-1] not in generic and (len(keys) == 1 or all(k not in generic for k in keys[:-1]))
    quick = keys[0] not in generic if len(keys) == 1 else generic.isdisjoint(keys)
    assert quick == plain


@given(st.lists(st.sampled_from(["“", "\"", "‘", "«", " ", "\n", "\u00a0", "We", "we", "Élan", "said", "."]),
                max_size=30))
def test_quote_openings_same_as_finditer(pieces: list[str]) -> None:
    # the sentence starts for names: each mark tried where str.find puts it, against the plain
    # version that scans the text with finditer
    doc = _doc("".join(pieces))
    got = names_mod._sentence_starts(doc)
    expected = set()
    for s in sentences(doc):
        i = s.span.start
        while i < s.span.end and doc.text[i] in names_mod._OPENERS:
            i += 1
        expected.add(i)
    expected |= {m.end() for m in names_mod._QUOTE_OPENING.finditer(doc.text)}
    assert got == expected


@given(st.integers(0, 10**6), st.integers(0, 10**6))
def test_quick_span_same_as_constructor(start: int, end: int) -> None:
    import pickle
    quick, plain = names_mod._span(start, end), Span(start, end)
    assert type(quick) is Span and quick == plain and hash(quick) == hash(plain)
    assert repr(quick) == repr(plain) and pickle.loads(pickle.dumps(quick)) == plain
