"""A derived probe only ever drops a segment its pattern cannot match in."""
from __future__ import annotations

import re
from typing import Any

import regex
from hypothesis import given, settings, strategies as st

from deskcheck.model import Span
from deskcheck.probes import Probe, derive, probe_for

FLAGS = regex.V0 | regex.MULTILINE       # as rule patterns are compiled

# texts rich in what such patterns read: white space of every kind, line breaks, punctuation,
# quotation marks, letters of both cases (and ones whose case is not ASCII's), digits
ALPHABET = " \t\n\r\u00a0\u2007\u202f.,!?;:'\"“”‘’()[]-aAbBzZéÉıİK\u212a19#"

# (pattern part, characters it reads): a text is drawn from the characters its pattern's parts
# read and a few more, so matches are common
_ATOMS = [
    (r"a", "aA"), (r"B", "Bb"), (r"\.", "."), (r",", ","), (r"!", "!"), (r"\n", "\n"), (r"\r", "\r"),
    (r"\t", "\t"), (r" ", " "), (r"\u00a0", "\u00a0"), (r"“", "“"), (r"’", "’"), (r"-", "-"), (r"é", "éÉ"),
    (r"K", "Kk\u212a"), (r"i", "iIıİ"), (r"[ \t]", " \t"), (r"[.!?]", ".?"), (r"[,;]", ",;"),
    (r"[\u00a0\u2007\u202f]", "\u00a0\u202f"), (r"[“\"‘]", "“\""), (r"[)”\"’]", ")”"), (r"[a-z]", "az"),
    (r"[A-Z]", "AZ"), (r"[^,]", ",a"), (r"[^\s]", " a"), (r"[^a-z]", "aA"), (r"\s", " \n\u2007"),
    (r"\S", "a."), (r"\d", "19"), (r"\w", "a_1é"), (r"\W", " ."), (r"\D", "1a"), (r".", "a\n"),
    (r"\p{L}", "aAé"), (r"\p{Lu}", "AÉa"), (r"\p{Ll}", "aéA"), (r"\P{L}", "a1 "), (r"[\p{L}'’-]", "a'-"),
    (r"[^\p{L}]", "a "), (r"[\p{Lu}\d]", "A1a"), (r"^", "\n"), (r"$", "\n"), (r"\A", ""), (r"\Z", ""),
    (r"\b", " a"), (r"\B", "aa"),
]


def _join(parts: list[tuple[str, str]], sep: str = "") -> tuple[str, str]:
    return sep.join(p for p, _ in parts), "".join(c for _, c in parts)


def _wrap(template: str) -> "Any":
    return lambda part: (template.format(part[0]), part[1])


def _extend(inner: st.SearchStrategy[tuple[str, str]]) -> st.SearchStrategy[tuple[str, str]]:
    return st.one_of(
        st.lists(inner, min_size=2, max_size=4).map(_join),
        st.tuples(inner, st.sampled_from(["?", "*", "+", "{1,3}", "{2,}", "{2}", "{0,2}", "*?", "++"])).map(
            lambda t: (f"(?:{t[0][0]}){t[1]}", t[0][1])),
        st.lists(inner, min_size=2, max_size=3).map(lambda xs: _wrap("(?:{})")(_join(xs, "|"))),
        *(inner.map(_wrap(t)) for t in ("(?={})", "(?<={})", "(?!{})", "(?<!{})", "(?i:{})", "(?>{})", "({})")),
    )


_PATTERNS = st.recursive(st.sampled_from(_ATOMS), _extend, max_leaves=6)


@st.composite
def _pattern_and_text(draw: st.DrawFn) -> tuple[str, str]:
    pattern, chars = draw(_PATTERNS)
    text = draw(st.text(alphabet="".join(sorted(set(chars + " a.\n"))), max_size=24))
    return pattern, text


def _spans(draw_ints: list[tuple[int, int]], n: int) -> list[Span]:
    spans: list[Span] = []
    for a, size in sorted(draw_ints):
        a = max(a, spans[-1].end if spans else 0)
        if a > n:
            break
        spans.append(Span(a, min(a + size, n)))
    return spans


def _any_probe(pattern: str, flags: int) -> "Probe | None":
    """The derived probe however common its pivot (probe_for keeps only the useful ones)."""
    got = derive(pattern, flags)
    if got is None:
        return None
    gate = derive(pattern, flags, eol=False)
    probes = tuple((re.compile(p), ch) for p, ch in got[0])
    if gate is None:
        return Probe(probes, (), got[1], got[2], pad=got[5])
    return Probe(probes, tuple((re.compile(p), ch) for p, ch in gate[0]), max(got[1], gate[1]),
                 max(got[2], gate[2]), pad=got[5] or gate[5])


def _check(pattern: str, flags: int, text: str, spans: list[Span]) -> None:
    try:
        compiled = regex.compile(pattern, flags)
    except regex.error:
        return
    probe = _any_probe(pattern, flags)
    if probe is None:
        return
    kept = probe.keep(text, spans)
    for span in spans:
        if compiled.search(text, span.start, span.end) is not None:
            assert span in kept, (pattern, text, span, derive(pattern, flags))


@settings(max_examples=2500, deadline=None)
@given(_pattern_and_text(), st.booleans(),
       st.lists(st.tuples(st.integers(0, 24), st.integers(0, 24)), min_size=1, max_size=4))
def test_a_probe_keeps_every_segment_a_pattern_matches_in(pattern_text: tuple[str, str], ignorecase: bool,
                                                           raw: list[tuple[int, int]]) -> None:
    pattern, text = pattern_text
    _check(pattern, FLAGS | (regex.IGNORECASE if ignorecase else 0), text, _spans(raw, len(text)))


# user rules of the bundled rules' shapes: a class before a line end, a mark before a letter, a
# run of line breaks, ignoring case
USER_PATTERNS = [r"[ \t]+$", r";(?=\p{L})", r"(?<=\n)\n{2,}", r"(?i)(?<=\p{Ll})!(?=[a-z])", r"(?<=\d),(?=\d{4})",
                 r"(?<=^|\n)\t+(?=\S)", r"\.{2}(?!\.)"]


def test_user_rules_of_those_shapes_get_a_probe_that_drops_clean_paragraphs() -> None:
    clean = "A clean paragraph; with marks, and 1,23 digits.\nNext line."
    for pattern in USER_PATTERNS:
        probe = probe_for(pattern, FLAGS)
        assert probe is not None, pattern
        assert probe.keep(clean, [Span(0, len(clean))]) == [], pattern


@settings(max_examples=600, deadline=None)
@given(st.sampled_from(USER_PATTERNS), st.text(alphabet=ALPHABET, max_size=30),
       st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), min_size=1, max_size=4))
def test_user_rule_probes_keep_every_segment_with_a_match(pattern: str, text: str, raw: list[tuple[int, int]]) -> None:
    _check(pattern, FLAGS, text, _spans(raw, len(text)))


def test_the_classes_hold_every_ascii_character_the_engine_matches() -> None:
    """Each class's ASCII part is asked of the `regex` engine; its non-ASCII part is everything."""
    from deskcheck.probes import derive as _derive
    for escape in (r"\s", r"\S", r"\d", r"\D", r"\w", r"\W", r"\p{L}", r"\p{Lu}", r"\P{Ll}", r"[^\s,]", r"[\p{L}\d]",
                   r".", r"[^a-z]"):
        for ic in (0, regex.IGNORECASE):
            got = _derive(escape, FLAGS | ic)
            if got is None:     # a class of every character (a negated one ignoring case): no probe
                assert ic and escape.startswith("[^"), escape
                continue
            probe = re.compile(got[0][0][0]) if len(got[0]) == 1 else None
            engine = regex.compile(escape, FLAGS | ic)
            for cp in list(range(128)) + [0xa0, 0xe9, 0x130, 0x131, 0x17f, 0x212a, 0x2028]:
                if engine.fullmatch(chr(cp)) and probe is not None:
                    assert probe.search("\n" + chr(cp) + "\n"), (escape, ic, cp)


def _plain_class_source(cs: Any) -> str:
    """A probe class spelt out member by member (non-ASCII as one range): what the compact,
    negated spelling must equal."""
    mask, extra, wide = cs
    members = "".join(f"\\x{cp:02x}" for cp in range(128) if mask >> cp & 1)
    members += r"\x80-\U0010ffff" if wide else "".join(f"\\U{ord(ch):08x}" for ch in sorted(extra))
    return "[" + members + "]" if members else r"[^\x00-\U0010ffff]"


_SAMPLE = [chr(cp) for cp in range(130)] + ["\u00a0", "é", "\u2014", "\u212a", "\uffff", "\U00010000", "\U0010ffff"]


@settings(max_examples=300, deadline=None)
@given(st.integers(0, (1 << 128) - 1), st.frozensets(st.sampled_from(_SAMPLE[128:]), max_size=3), st.booleans(),
       st.sampled_from([0, (1 << 128) - 1, 1 << 10, ((1 << 128) - 1) & ~(1 << 10)]), st.booleans())
def test_a_class_is_compiled_as_the_set_it_stands_for(mask: int, extra: frozenset[str], wide: bool, edge: int,
                                                    use_edge: bool) -> None:
    from deskcheck.probes import _class_source
    cs = (edge if use_edge else mask, frozenset() if wide else extra, wide)
    compact, plain = re.compile(_class_source(cs)), re.compile(_plain_class_source(cs))
    for ch in _SAMPLE:
        assert bool(compact.fullmatch(ch)) == bool(plain.fullmatch(ch)), (cs, ch)
