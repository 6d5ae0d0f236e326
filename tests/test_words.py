"""The words analysis and the lookups behind the spelling checks, against plain reference versions.

The analysis builds its word lists with whole-text operations and answers some questions lazily
(which capital opens a sentence, how often a name form is used); these tests hold it to the
simple word-by-word definition it replaces, on fixed and generated articles.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from deskcheck import lexicon
from deskcheck.analysis.sentences import sentences
from deskcheck.analysis.words import (_MARK, _NON_PROSE, WordColumns, columns_in, occurrences,
                                      word_columns, words, words_in)
from deskcheck.formats import parse
from deskcheck.kinds.spelling import name_forms, strip_clitic
from deskcheck.model import Document, Span

_REFERENCE_WORD = re.compile(r"\w+(?:[-'’‐.]\w+)*")
_OPENERS = set("\"“‘'(«[—–-:")


def reference_words(doc: Document) -> list[tuple[int, int, str, bool]]:
    """Word by word: every run, less one-character runs, numbers, codes, dotted abbreviations
    and runs inside a URL, address or handle; `initial` for a capital that opens a sentence or
    a quotation or sits in a headline."""
    text = doc.text
    skip = []
    for m in _MARK.finditer(text):
        a, b = m.start(), m.end()
        while a > 0 and not text[a - 1].isspace():
            a -= 1
        while b < len(text) and not text[b].isspace():
            b += 1
        if _NON_PROSE.match(text, a, b):
            skip.append((a, b))
    sent_starts = [s.span.start for s in sentences(doc)]
    headline = [b.span for b in doc.blocks if b.kind in ("title", "heading")]
    out = []
    for m in _REFERENCE_WORD.finditer(text):
        start, end = m.span()
        token = m.group()
        if end - start < 2 or re.search(r"[\d_.]", token) or any(a <= start < b for a, b in skip):
            continue
        initial = False
        if token[0].isupper():
            i = bisect_right(sent_starts, start) - 1
            j = start - 1
            while j >= 0 and text[j] in " \t\u00a0":
                j -= 1
            initial = (any(s.start <= start < s.end for s in headline)
                       or not any(c.isalnum() for c in text[sent_starts[i] if i >= 0 else 0:start])
                       or (j >= 0 and text[j] in _OPENERS))
        out.append((start, end, token, initial))
    return out


ARTICLE = """# Minister Visits Llandeilo

Residents of Llandeilo met the minister on Tuesday. "Zagulba will decide," she said (Zagulba's
office agreed). The well-being of 12-megawatt plants, G7 talks and the U.S. budget came up.

'Quiet' voices asked - Pryce said - about e-mail to desk@example.com, @newsdesk and #localnews,
and about https://example.org/a-story and bbc.co.uk/news.
"""


def test_words_skip_numbers_codes_abbreviations_and_addresses() -> None:
    doc = parse(ARTICLE, "md", "a.md")
    texts = [w.text for w in words(doc)]
    for gone in ("12-megawatt", "G7", "U.S", "desk", "example", "newsdesk", "localnews", "https",
                 "bbc"):
        assert gone not in texts
    for kept in ("Llandeilo", "well-being", "Zagulba's", "e-mail", "Pryce"):
        assert kept in texts
    assert all(doc.text[w.start:w.end] == w.text for w in words(doc))


def test_initial_marks_sentence_starts_quotations_and_headlines_only() -> None:
    doc = parse(ARTICLE, "md", "a.md")
    initial = {(w.text, w.initial) for w in words(doc)}
    assert ("Minister", True) in initial          # headline
    assert ("Residents", True) in initial         # sentence start
    assert ("Zagulba", True) in initial           # after an opening quotation mark
    assert ("Llandeilo", False) in initial        # mid-sentence, in the body
    assert ("Pryce", True) in initial             # after a dash
    assert ("Quiet", True) in initial


def test_words_match_the_word_by_word_definition() -> None:
    doc = parse(ARTICLE, "md", "a.md")
    assert [tuple(w) for w in words(doc)] == reference_words(doc)


_PIECES = st.sampled_from([
    "Zagulba", "said", "the", "minister", "a", "I", "U.S.", "e.g.", "G7", "4.2%", "12-megawatt",
    "well-being", "don't", "Pryce's", "co\u2010host", "x_y", "www.example.org", "@desk", "#tag",
    "desk@example.com", "bbc.co.uk/news", "café", "Ⅷ", "²", "—", "–", "-", ":", "(", ")", "\"",
    "“", "”", "‘", "'", "’", ".", ",", "!", "?", " ", " ", " ", "\u00a0", "\n", "\n\n", "\t",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, min_size=0, max_size=40), st.sampled_from(["txt", "md"]))
def test_words_match_the_definition_on_generated_text(pieces: list[str], fmt: str) -> None:
    source = "".join(pieces)
    doc = parse(source, fmt, "g." + fmt)
    assert [tuple(w) for w in words(doc)] == reference_words(doc)
    cols = word_columns(doc)
    assert [cols.initial(n) for n in range(len(cols))] == [w.initial for w in words(doc)]


@settings(max_examples=100, deadline=None)
@given(st.lists(_PIECES, min_size=1, max_size=40), st.lists(st.tuples(st.integers(0, 60),
                                                                       st.integers(0, 60)), max_size=4))
def test_words_in_spans_are_the_words_inside_them(pieces: list[str], bounds: list[tuple[int, int]]) -> None:
    doc = parse("".join(pieces), "txt", "g.txt")
    spans = [Span(a, b) for a, b in bounds]
    expected = [w for s in spans for w in words(doc) if s.start <= w.start and w.end <= s.end]
    assert words_in(doc, spans) == expected
    assert columns_in(doc, spans).text == [w.text for w in expected]


def test_columns_in_whole_text_is_the_document_list() -> None:
    doc = parse(ARTICLE, "md", "a.md")
    whole = columns_in(doc, [Span(0, len(doc.text))])
    assert isinstance(whole, WordColumns) and whole.text == word_columns(doc).text


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from("abcdef"), max_size=30), st.sets(st.sampled_from("abcdefg"), max_size=5))
def test_occurrences_are_the_indexes_of_wanted_texts(texts: list[str], wanted: set[str]) -> None:
    assert occurrences(texts, wanted) == [n for n, t in enumerate(texts) if t in wanted]


def reference_name_forms(doc: Document) -> dict[str, int]:
    counts: dict[str, int] = {}
    for w in words(doc):
        if w.text[0].islower() and "-" not in w.text:
            continue
        for part in w.text.replace("\u2010", "-").split("-"):
            base, _ = strip_clitic(part)
            if base[:1].isupper():
                counts[base] = counts.get(base, 0) + (1 if w.initial else 2)
    return counts


def test_name_forms_count_each_form_as_the_word_by_word_count() -> None:
    doc = parse(ARTICLE + "\nPryce-Jones and Zagulba met. Pryce left.\n", "md", "a.md")
    expected = reference_name_forms(doc)
    forms = name_forms(doc)
    for form in set(expected) | {"Nobody", "Llandeilo", "Pryce", "Jones"}:
        assert forms.get(form, 0) == expected.get(form, 0)


def _binary_search(lines: lexicon.SortedLines, key: str) -> str | None:
    """The table's own binary search, the way it answers keys it cannot send to the fast path."""
    data = lines.data
    k = key.encode("utf-8", "surrogatepass")
    start = lines._lower_bound(k)
    if start >= len(data):
        return None
    end = data.find(b"\n", start)
    line_key, _, value = data[start:end if end >= 0 else len(data)].partition(b"\t")
    return value.decode("utf-8") if line_key == k else None


def _table(tmp_path: Path, keys: set[str]) -> lexicon.SortedLines:
    rows = sorted(keys, key=lambda k: k.encode("utf-8"))
    path = tmp_path / "table.txt"
    path.write_text("".join(f"{k}\t{i}\n" if i % 3 else f"{k}\n" for i, k in enumerate(rows)),
                    encoding="utf-8")
    return _reindexed(lexicon.SortedLines(path))


def _reindexed(lines: lexicon.SortedLines) -> lexicon.SortedLines:
    """The same table with a fine coarse index, so small tables have several stretches."""
    data = lines.data
    starts = [0]
    pos = 64
    while pos < len(data):
        nl = data.find(b"\n", pos)
        if nl < 0 or nl + 1 >= len(data):
            break
        starts.append(nl + 1)
        pos = nl + 1 + 64
    lines._starts = starts
    lines._keys = [lines._key_at(s) for s in starts]
    return lines


_KEYS = st.text(alphabet="abcdeéZ'-", min_size=1, max_size=6)


@settings(max_examples=60, deadline=None)
@given(st.sets(_KEYS, min_size=1, max_size=60), st.lists(_KEYS, max_size=20))
def test_table_lookups_agree_with_the_binary_search(tmp_path_factory, keys: set[str], probes: list[str]) -> None:
    lines = _table(tmp_path_factory.mktemp("t"), keys)
    for key in list(keys) + probes + ["", "a\tb", "a\nb", "zzzz"]:
        assert lines._search(key) == _binary_search(lines, key)
    for prefix in {k[:1] for k in keys} | {"q"}:
        assert lines.keys_with_prefix(prefix) == [k for k, _ in lines.with_prefix(prefix)]


def test_unknown_words_are_those_the_dictionary_does_not_know() -> None:
    lex = lexicon.load()
    probe = {"committee", "Comittee", "London", "zagulba", "minister's", "café", "recieve", "The"}
    fresh = {w for w in probe if not lex._knows(w)}
    assert lex.unknown(set(probe)) == fresh
    assert lex.unknown(set(probe)) == fresh          # answered again from memory
    assert all(lex.knows(w) == (w not in fresh) for w in probe)


def test_weighted_distance_prices_the_common_slips() -> None:
    assert lexicon.weighted_distance("recieve", "receive") == lexicon.COST_TRANSPOSE
    assert lexicon.weighted_distance("comittee", "committee") == lexicon.COST_DOUBLING
    assert lexicon.weighted_distance("minsiter", "minister") == lexicon.COST_TRANSPOSE
    assert lexicon.weighted_distance("cat", "cat") == 0.0
    assert lexicon.weighted_distance("", "ab") == 2.0


def test_cheap_substitution_table_prices_as_the_cost_function() -> None:
    chars = lexicon._ALPHABET + "AEIé'- 1"
    for typed in chars:
        for meant in chars:
            if typed != meant:
                table = lexicon._CHEAP_SUBSTITUTES.get(typed, {})
                assert table.get(meant, 1.0) == lexicon._substitute_cost(typed, meant)
