"""The regex prefilter only ever skips a rule that cannot match."""
from __future__ import annotations

from functools import lru_cache

import regex
from hypothesis import given, settings, strategies as st

from deskcheck import check_text
from deskcheck.kinds.vale import WORD_TEMPLATE
from deskcheck.prefilter import Filter, View, fold, may_match, required_strings, requirements


def _bundled_patterns(*ids: str) -> list[str]:
    """The compiled patterns' text of these bundled rules."""
    from deskcheck.rules import load_styles
    by_id = {r.id: r for r in load_styles(["Newsroom"], None)}
    return [by_id[i].kind.pattern.pattern for i in ids]


# the bundled rules no string describes, whose segments a derived probe chooses (deskcheck.probes)
PROBED_RULES = ("Newsroom.TrailingSpace", "Newsroom.LeadingSpace", "Newsroom.DoubleBlankLines",
                "Newsroom.SpaceAfterStop", "Newsroom.SpaceAfterComma")
PROBES = _bundled_patterns(*PROBED_RULES)


def _strings(pattern: str, flags: int = 0) -> list[set[str]]:
    need = requirements(pattern, flags)
    return [] if need is None else [{s for s, _ in clause} for clause in need]


def test_word_lists_require_one_of_their_words() -> None:
    need = required_strings(WORD_TEMPLATE.format("utilize|in order to|a lot"))
    assert need == {"utilize", "in order to", "a lot"}
    assert not may_match(need, fold("The council will use the money."))
    assert may_match(need, fold("They UTILIZE it."))


def test_patterns_it_cannot_read_always_run() -> None:
    assert requirements(r"\s+$") is None                        # no string is certain
    assert requirements(r"[^,]x?") is None                      # a negated class: anything
    assert requirements(r"(?:colour){e<=1}") is None            # fuzzy matching: regex-only syntax
    assert requirements(r"[[:alpha:]]+ville") is None           # POSIX class: misread by the re parser
    assert requirements(r"x?") is None
    assert requirements(r"\p{Lu}\p{Ll}+ville") is not None


def test_neighbouring_parts_join_into_longer_strings() -> None:
    assert {" ,", "\t,", " ;", "\t;"} in _strings(r"[ \t]+(?=[,;])")       # a look-ahead's text follows
    assert {"abx"} in _strings(r"(?<=ab)x")                                 # a look-behind's text precedes
    assert _strings(r"(?<!ab)x") == [{"x"}]                                 # a negative one asserts nothing
    assert {"  ", "\t"} in _strings(r"(?:[ ]{2,}|\t+)")                    # two copies in a row
    assert {"ly-", "only-"} in _strings(r"(?:\w+ly|only)-\w")                      # every alternative's ending
    assert {"\n\n", " \n"} in _strings(r"\n[ ]*\n")                       # an optional part in between


def test_case_is_kept_where_the_pattern_keeps_it() -> None:
    need = requirements("President")
    assert need is not None and not Filter(need).may_match(View("the president said"))
    assert Filter(need).may_match(View("President Aliyev"))
    loose = requirements("(?i:president)")
    assert loose is not None and Filter(loose).may_match(View("PRESIDENT"))


def test_case_folding_follows_the_regex_engine() -> None:
    # the engine matches "I" with dotless "ı" and "i" with "İ" under IGNORECASE
    for pattern, text in [("istanbul", "İSTANBUL and İstanbul"), ("IN", "ın"), ("strasse", "STRASSE"),
                          ("ς", "Σ"), ("k", "\u212a")]:
        assert regex.search(pattern, text, regex.V0 | regex.IGNORECASE)
        need = requirements(pattern, regex.IGNORECASE)
        assert need is not None and Filter(need).may_match(View(text)), (pattern, text)


ALPHABET = "abAB -ıİIiΣς"
atoms = st.sampled_from(["a", "b", "ab", "ba", "A", "-", " ", "[ab]", ".", r"\w", r"\b", "(?=a)", "(?<!b)",
                         "(?<=a)", "(?=b )", "[ -]", "ı", "I", "Σ", "(?i:a)", "(?-i:b)", "[ab]{2}", "a?"])


@st.composite
def patterns(draw: st.DrawFn, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        choice = draw(st.integers(0, 5 if depth < 2 else 2))
        if choice <= 2:
            parts.append(draw(atoms))
        elif choice == 3:
            parts.append(f"(?:{draw(patterns(depth + 1))}|{draw(patterns(depth + 1))})")
        elif choice == 4:
            parts.append(f"(?:{draw(patterns(depth + 1))}){draw(st.sampled_from(['?', '*', '+', '{2}', '{0,2}', '{2,}']))}")
        else:
            parts.append(f"({draw(patterns(depth + 1))})")
    return "".join(parts)


@settings(max_examples=600, deadline=None)
@given(patterns(), st.text(alphabet=ALPHABET, max_size=30), st.booleans())
def test_a_skipped_pattern_never_matches(pattern: str, text: str, ignorecase: bool) -> None:
    flags = regex.IGNORECASE if ignorecase else 0
    compiled = regex.compile(pattern, regex.V0 | regex.MULTILINE | flags)
    need = requirements(pattern, flags)
    if compiled.search(text) is not None and need is not None:
        assert Filter(need).may_match(View(text)), (pattern, text, need)


@settings(max_examples=600, deadline=None)
@given(patterns(), st.text(alphabet=ALPHABET, max_size=30), st.booleans(), st.integers(0, 30), st.integers(0, 30))
def test_a_skipped_segment_never_matches(pattern: str, text: str, ignorecase: bool, a: int, b: int) -> None:
    flags = regex.IGNORECASE if ignorecase else 0
    compiled = regex.compile(pattern, regex.V0 | regex.MULTILINE | flags)
    start, end = min(a, b, len(text)), min(max(a, b), len(text))
    need = requirements(pattern, flags)
    if need is None or compiled.search(text, start, end) is None:
        return
    inner = requirements(pattern, flags, behind=False)
    assert Filter(need, inner).segment_may_match(View(text), start, end), (pattern, text, start, end)


def test_segments_without_the_strings_are_skipped() -> None:
    need = requirements(r"(?<=x)(?:million|billion)")
    inner = requirements(r"(?<=x)(?:million|billion)", behind=False)
    assert need is not None and inner is not None
    text = "a million here. none there."
    f = Filter(need, inner)
    assert f.segment_may_match(View(text), 0, 15) and not f.segment_may_match(View(text), 16, len(text))


def test_rules_still_fire_through_the_engine() -> None:
    assert [f.rule for f in check_text("The budget is TK million.\n")] == ["Deskcheck.Placeholders"]
    assert check_text("The budget is 4 million.\n") == []


spans_st = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20)).map(lambda t: (t[0], t[0] + t[1])), max_size=12)


@settings(max_examples=300, deadline=None)
@given(spans_st, st.integers(0, 80), st.integers(0, 15))
def test_segment_index_agrees_with_a_scan(raw: list[tuple[int, int]], start: int, length: int) -> None:
    from deskcheck.model import Span
    from deskcheck.scopes import SegmentIndex
    segments = [Span(a, b) for a, b in raw]
    index = SegmentIndex(segments)
    span = Span(start, start + length)
    assert index.holds(start) == any(s.start <= start < s.end for s in segments)
    assert index.contains(span) == any(s.start <= span.start and span.end <= s.end for s in segments)
    expected = sorted((s for s in segments if s.start < span.end and s.end > span.start),
                      key=lambda s: (s.start, s.end))
    assert index.overlapping(span.start, span.end) == expected


REPEATS = [
    r"(?<![\w-])(?P<word>(?>\p{L}+))[ \t\u00a0]+(?P=word)(?![\w$€£¥-])",
    r"\b(?:(?P<x>(?<![\w-])(?P<word>(?>\p{L}+))[ \t\u00a0]+(?P=word)(?![\w$€£¥-])))",
    r"(?<!\w)(\w+)\s?[ ]+\1(?!\w)",
    r"(\w+) \1",
    r"(?<![\w-])(\w+)[ ]+\1(?![\w$-])",
]


@settings(max_examples=800, deadline=None)
@given(st.sampled_from(REPEATS), st.text(alphabet="abAB ıİIiΣσςK\u212aſs-$€\u00a0\t1_.", max_size=24),
       st.booleans(), st.integers(0, 24), st.integers(0, 24))
def test_the_repeat_probe_keeps_every_segment_with_a_match(pattern: str, text: str, ignorecase: bool,
                                                          a: int, b: int) -> None:
    from deskcheck.model import Span
    from deskcheck.prefilter import filter_for
    compiled = regex.compile(pattern, regex.V0 | regex.MULTILINE | (regex.IGNORECASE if ignorecase else 0))
    start, end = min(a, b, len(text)), min(max(a, b), len(text))
    f = filter_for(compiled)
    if f is None or compiled.search(text, start, end) is None:
        return
    assert f.segments(View(text), [Span(start, end)]) == [Span(start, end)], (pattern, text, start, end)


def test_the_repeat_probe_drops_paragraphs_without_a_repeat() -> None:
    from deskcheck.model import Span
    from deskcheck.prefilter import filter_for
    f = filter_for(regex.compile(REPEATS[0], regex.V0 | regex.IGNORECASE))
    assert f is not None and f.probe is not None
    text = "the theory holds. The the end."
    assert f.segments(View(text), [Span(0, 17), Span(18, len(text))]) == [Span(18, len(text))]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="abı İ-", min_size=1, max_size=5), max_size=8),
       st.text(alphabet="abı İ-", max_size=40))
def test_the_automaton_finds_every_place_of_every_needle(needles: list[str], text: str) -> None:
    assert_automaton_finds_what_find_finds(needles, text)


def assert_automaton_finds_what_find_finds(needles: list[str], text: str) -> None:
    """Every needle the automaton covers has the places a plain scan with startswith gives."""
    from deskcheck import prefilter
    if prefilter._rs is None:
        return
    prefilter._ac_register(needles, ())
    occ = prefilter.ac_occurrences(text, 0)
    for s in set(needles):
        if prefilter._ac_covers(s):
            places = [i for i in range(len(text)) if text.startswith(s, i)]
            assert occ.get(s, []) == places, (s, text)


@settings(max_examples=400, deadline=None)
@given(patterns(), st.text(alphabet=ALPHABET, max_size=30), st.booleans(),
       st.lists(st.tuples(st.integers(0, 30), st.integers(0, 8)), max_size=5))
def test_the_automaton_answers_as_str_find_does(pattern: str, text: str, ignorecase: bool,
                                                raw: list[tuple[int, int]]) -> None:
    """Filter's answers, table or not, equal the plain reading of its clauses with `in`."""
    from deskcheck.model import Span
    flags = regex.IGNORECASE if ignorecase else 0
    need = requirements(pattern, flags)
    if need is None:
        return
    spans: list[Span] = []
    for a, n in sorted(raw):                # sorted, not overlapping, as the engine's scopes give
        a = max(a, spans[-1].end if spans else 0)
        spans.append(Span(min(a, len(text)), min(a + n, len(text))))
    f = Filter(need, requirements(pattern, flags, behind=False), 64)
    folded = fold(text)

    def holds(strings: "tuple[str, ...] | frozenset[str]", form: int, a: int = 0, b: int = len(text)) -> bool:
        t = folded if form else text
        return any(t.find(s, a, b) >= 0 for s in strings)

    expected_match = all(holds(p, 0) or holds(pa, 0) or holds(fo, 1) or holds(fa, 1) for p, pa, fo, fa in f.clauses)
    assert f.may_match(View(text)) == expected_match
    if f.segment_clause is None or len(folded) != len(text):
        return
    # a segment holds a string of every segment clause (the best one and the others the
    # automaton answers for)
    expected = [s for s in spans if all(any(holds(n, form, s.start, s.end) or holds(ac, form, s.start, s.end)
                                            for form, n, ac in parts) for parts in f._segment_plan)]
    assert f.segments(View(text), spans) == (expected if spans else spans)
    assert f._needled_plain(View(text), spans) == (expected if expected != spans else spans)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="ab\U0001F600é\udce9 -", min_size=1, max_size=4), max_size=8),
       st.text(alphabet="ab\U0001F600é\udce9 -", max_size=40))
def test_the_automaton_gives_character_offsets_as_str_find(needles: list[str], text: str) -> None:
    """Whichever automaton is installed, its places are str.find's, in characters (not UTF-8
    bytes), also past a character outside the BMP, and a lone surrogate falls back to find."""
    from deskcheck import prefilter
    if prefilter._rs is None:
        return
    prefilter._ac_register(needles, ())
    occ = prefilter.ac_occurrences(text, 0)
    expected = prefilter._find_all(text, sorted(prefilter._ac_needles[0]))
    assert occ == expected, (needles, text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="ab\U0001F600é\udce9 -", min_size=1, max_size=4), max_size=8),
       st.lists(st.text(alphabet="ab\U0001F600é\udce9 -", max_size=40), min_size=1, max_size=4))
def test_the_dfa_automaton_finds_what_the_first_one_does(needles: list[str], texts: list[str]) -> None:
    """After DFA_AFTER articles the automaton is rebuilt as a DFA: the same places, before and
    after (and str.find's)."""
    from deskcheck import prefilter
    if prefilter._rs is None:
        return
    prefilter._ac_register(needles, ())
    prefilter._ac_automaton(0)
    for i in range(prefilter.DFA_AFTER + 2):
        text = texts[i % len(texts)]
        assert prefilter.ac_occurrences(text, 0) == prefilter._find_all(text, sorted(prefilter._ac_needles[0])), \
            (needles, text, i)


def _rule_pattern(source: str) -> "regex.Pattern[str]":
    from deskcheck.patterns import compile_pattern
    return compile_pattern(source)


@lru_cache(maxsize=None)
def _rule_filter(source: str) -> "Filter | None":
    """A bundled pattern's filter, made once for the many examples that ask (deriving its probe
    and compiling it would otherwise be most of each example's time)."""
    from deskcheck.prefilter import filter_for
    return filter_for(_rule_pattern(source))


# characters each probe's pattern reads (the exhaustive test takes all short texts of them)
_PROBE_ALPHABETS = {"\n": " \n\r\u00a0a", ",": ",aÉ“( ", ".": "a.A“é"}


def _alphabet(pattern: str) -> str:
    if "[.!?]" in pattern:
        return _PROBE_ALPHABETS["."]
    return _PROBE_ALPHABETS["," if "," in pattern else "\n"]


@settings(max_examples=2000, deadline=None)
@given(st.sampled_from(sorted(PROBES)), st.data(), st.integers(0, 30), st.integers(0, 30))
def test_a_probe_keeps_every_segment_with_a_match(pattern: str, data: st.DataObject, a: int, b: int) -> None:
    from deskcheck.model import Span
    text = data.draw(st.text(alphabet=_alphabet(pattern) + " \t\n\u2007\u202f\"’”)!?[bB1", max_size=30))
    compiled = _rule_pattern(pattern)
    start, end = min(a, b, len(text)), min(max(a, b), len(text))
    f = _rule_filter(pattern)
    assert f is not None and f.probe is not None
    if compiled.search(text, start, end) is None:
        return
    assert f.segments(View(text), [Span(start, end)]) == [Span(start, end)], (pattern, text, start, end)


_CHUNKS = [" ", "  ", "\n", "\r", "\t", "\u00a0", "\u202f", "aa", "Ab", "é", "Éé", ".", ",", "!", "?", "“", "”", "\"",
           "(", ")", "[", "’", "‘", "1", "U.S.", "-"]


@settings(max_examples=3000, deadline=None)
@given(st.sampled_from(sorted(PROBES)), st.lists(st.sampled_from(_CHUNKS), max_size=12).map("".join),
       st.integers(0, 40), st.integers(0, 40))
def test_a_probe_keeps_every_segment_with_a_match_in_texts_of_words(pattern: str, text: str, a: int, b: int) -> None:
    """As above, with texts put together from words and marks, where matches are common."""
    from deskcheck.model import Span
    compiled = _rule_pattern(pattern)
    start, end = min(a, b, len(text)), min(max(a, b), len(text))
    f = _rule_filter(pattern)
    assert f is not None
    for start, end in ((start, end), (0, len(text))):
        if compiled.search(text, start, end) is not None:
            assert f.segments(View(text), [Span(start, end)]) == [Span(start, end)], (pattern, text, start, end)


_TOKENS = {"\n": [" ", "\t", "\n", "\r\n", "\u00a0", "a", "\n\n"],
           ".": ["aa", "Ab", "é", "É", ".", "!", "“", "\"", " ", "(", ")", "U.S"],
           ",": ["ab", "É", ",", "“", "(", "[", ")", "”", " ", "1"]}


def test_a_probe_keeps_every_segment_with_a_match_in_every_short_run_of_words() -> None:
    """Exhaustively, over every run of up to four words and marks of those the pattern reads,
    with segments ending at the words' edges."""
    from itertools import product

    from deskcheck.model import Span
    from deskcheck.prefilter import filter_for
    for source in PROBES:
        compiled = _rule_pattern(source)
        f = filter_for(compiled)
        assert f is not None
        tokens = _TOKENS["." if "[.!?]" in source else "," if "," in source else "\n"]
        for n in range(5):
            for words in product(tokens, repeat=n):
                text = "".join(words)
                edges = [sum(len(w) for w in words[:i]) for i in range(n + 1)]
                view = View(text)
                for start, end in {(0, len(text)), *((e, len(text)) for e in edges), *((0, e) for e in edges)}:
                    if compiled.search(text, start, end) is not None:
                        assert f.segments(view, [Span(start, end)]) == [Span(start, end)], (source, text, start, end)


def test_the_probes_letter_classes_hold_every_ascii_letter_the_patterns_do() -> None:
    """The probes read \\p{Lu}, \\p{Ll} and \\p{L} as "an ASCII letter of that case, or not ASCII"."""
    for cp in range(128):
        ch = chr(cp)
        assert not regex.match(r"\p{Lu}", ch, regex.V0) or "A" <= ch <= "Z"
        assert not regex.match(r"\p{Ll}", ch, regex.V0) or "a" <= ch <= "z"
        assert not regex.match(r"\p{L}", ch, regex.V0) or ch.isalpha()


def test_the_bundled_rules_have_their_probes() -> None:
    from deskcheck.model import Span
    from deskcheck.prefilter import filter_for
    from deskcheck.rules import load_styles
    probed = {r.id for r in load_styles(["Newsroom"], None)
              if getattr(r.kind, "pattern", None) is not None and (f := filter_for(r.kind.pattern)) is not None
              and f.probe is not None}
    assert set(PROBED_RULES) <= probed
    # a clean article: every probe drops its one segment
    text = "# Title\n\nA paragraph, and more. Another line.\n\nThe end.\n"
    for source in PROBES:
        f = filter_for(_rule_pattern(source))
        assert f is not None and f.segments(View(text), [Span(0, len(text))]) == []


def test_a_probe_keeps_every_segment_with_a_match_in_every_short_text() -> None:
    """Exhaustively, over every text of up to five characters from the ones the patterns read,
    and every segment of it (the random test above may miss a short corner)."""
    from itertools import product

    from deskcheck.model import Span
    from deskcheck.prefilter import filter_for
    for source in PROBES:
        compiled = _rule_pattern(source)
        f = filter_for(compiled)
        assert f is not None
        for n in range(6):
            for chars in product(_alphabet(source), repeat=n):
                text = "".join(chars)
                view = View(text)
                for start in range(n + 1):
                    for end in range(start, n + 1):
                        if compiled.search(text, start, end) is not None:
                            assert f.segments(view, [Span(start, end)]) == [Span(start, end)], (source, text, start, end)
