"""The quotation model: which marks pair up, nesting, apostrophes and running quotes."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from deskcheck.analysis.quotes import quote_scan, quote_spans, quotes
from deskcheck.analysis.sentences import sentences
from deskcheck.formats import parse


def doc_of(text: str, fmt: str = "md"):
    return parse(text, fmt, f"x.{fmt}")


def quoted(text: str, fmt: str = "md") -> list[tuple[str, int]]:
    """(quotation with its marks, depth) for every quotation found."""
    doc = doc_of(text, fmt)
    return [(doc.text[q.span.start:q.span.end], q.depth) for q in quotes(doc)]


@pytest.mark.parametrize("text, expected", [
    ('"We are ready," she said.', [('"We are ready,"', 0)]),
    ("“We are ready,” she said.", [("“We are ready,”", 0)]),
    ("‘We are ready,’ she said.", [("‘We are ready,’", 0)]),
    ("'We are ready,' she said.", [("'We are ready,'", 0)]),
    ('"I don\'t know," he said.', [('"I don\'t know,"', 0)]),
])
def test_marks_pair(text: str, expected: list[tuple[str, int]]) -> None:
    assert quoted(text) == expected


@pytest.mark.parametrize("text", [
    "They don't play rock 'n' roll any more.",
    "Music from the '90s filled the hall.",
    "Music from the ‘90s filled the hall.",
    "Jones' car and the players' bus were parked outside.",
    "O’Brien’s team won; the Smiths’ dog barked.",
    "He is 5'10\" and the pipe is 6\" wide.",
])
def test_apostrophes_and_primes_are_not_quotes(text: str) -> None:
    doc = doc_of(text)
    assert quotes(doc) == []
    assert quote_scan(doc).strays == []


def test_apostrophes_inside_single_quotes() -> None:
    text = "‘The players’ union won’t sign, and rock ’n’ roll is dead,’ he said."
    assert quoted(text) == [("‘The players’ union won’t sign, and rock ’n’ roll is dead,’", 0)]


def test_same_mark_nesting() -> None:
    text = "“We met the minister. “It is now or never,” he told us, and we agreed,” she said."
    found = quoted(text)
    assert found[0] == ("“We met the minister. “It is now or never,” he told us, and we agreed,”", 0)
    assert found[1] == ("“It is now or never,”", 1)


def test_single_inside_double_and_double_inside_single() -> None:
    assert quoted("“It was a ‘mistake’, frankly,” he said.") == [
        ("“It was a ‘mistake’, frankly,”", 0), ("‘mistake’", 1)]
    assert quoted("‘I heard him say “never” twice,’ the witness said.") == [
        ("‘I heard him say “never” twice,’", 0), ("“never”", 1)]


def test_running_quote_across_paragraphs() -> None:
    text = "“The first part,” she said. “The second part.\n\n“The third part.”"
    doc = doc_of(text)
    qs = quotes(doc)
    assert [q.continues for q in qs] == [False, True, False]
    assert [q.continued for q in qs] == [False, False, True]
    assert qs[1].group == qs[2].group != qs[0].group
    assert not any(q.unbalanced for q in qs)


def test_british_running_quote() -> None:
    text = "‘We did everything,’ the coach said. ‘The players gave all.\n\n‘Next season we go again.’"
    qs = quotes(doc_of(text))
    assert [q.continued for q in qs] == [False, False, True]
    assert not any(q.unbalanced for q in qs)


def test_quote_left_open_without_running_quote_is_unbalanced() -> None:
    qs = quotes(doc_of("“We tried,” she said. “We failed.\n\nThe vote was held later."))
    assert [q.unbalanced for q in qs] == [False, True]


def test_closing_mark_with_no_opening_is_a_stray() -> None:
    doc = doc_of("The minister said no.” Then he left.")
    assert [doc.text[s.start:s.end] for s in quote_scan(doc).strays] == ["”"]


def test_html_entities_are_quotation_marks() -> None:
    text = "<article><p>&ldquo;We are ready,&rdquo; she said.</p></article>"
    doc = doc_of(text, "html")
    assert [doc.text[q.span.start:q.span.end] for q in quotes(doc)] == ["“We are ready,”"]


def test_quote_spans_are_outer_quotes() -> None:
    doc = doc_of("“It was a ‘mistake’, frankly,” he said.")
    assert [doc.text[s.start:s.end] for s in quote_spans(doc)] == ["“It was a ‘mistake’, frankly,”"]


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="ab '\"“”‘’.,\n", max_size=80))
def test_quotes_stay_inside_their_block(text: str) -> None:
    doc = doc_of(text)
    for q in quotes(doc):
        block = doc.blocks[q.block].span
        assert block.start <= q.span.start < q.span.end <= block.end
        assert q.span.start < q.inner.start <= q.inner.end <= q.span.end


# --- sentence boundaries around quotations (the attribution check counts sentences) -------


def split(text: str) -> list[str]:
    doc = doc_of(text)
    return [doc.text[s.span.start:s.span.end] for s in sentences(doc)]


@pytest.mark.parametrize("text, expected", [
    ('"Why?" she asked. "Because we can." Then she left.',
     ['"Why?" she asked.', '"Because we can."', "Then she left."]),
    ("“Is it over?” “No.” She smiled.", ["“Is it over?”", "“No.”", "She smiled."]),
    ("The mayor said no. Mr. Lund agreed.", ["The mayor said no.", "Mr. Lund agreed."]),
    ("They met at No. 10 Downing St. in London.", ["They met at No. 10 Downing St. in London."]),
    ("We sat under the sun. Then it rained.", ["We sat under the sun.", "Then it rained."]),
    ('She toured the U.S. "It was long," she said.', ["She toured the U.S.", '"It was long," she said.']),
    ('Dr. "Doc" Holt spoke.', ['Dr. "Doc" Holt spoke.']),
])
def test_sentences_around_quotes(text: str, expected: list[str]) -> None:
    assert split(text) == expected
