"""words.Initials against the plain version it replaces: the set of every sentence's first letter
or digit (words._sentence_starts), asked for each capitalised word."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from deskcheck.analysis import words
from deskcheck.formats import parse

_PIECES = ["The", "council", "Said", "it", ".", ". ", "? ", "! ", "“", "”", "\"", "(", ")", "—", " ",
           "  ", "\n", "\n\n", "# ", "- ", "1", "42", "Ève", "É", "_", "…", "U.S.", "Mr.", "A", "b"]


def _plain(doc, start: int) -> bool:  # type: ignore[no-untyped-def]
    """Initials.__call__ as it was: membership in every sentence start, then the opening mark
    and headline tests."""
    if start in words._sentence_starts(doc):
        return True
    text = doc.text
    j = start - 1
    while j >= 0 and text[j] in words._BLANKS:
        j -= 1
    if j >= 0 and text[j] in words._OPENERS:
        return True
    return words.SegmentIndex([b.span for b in doc.blocks if b.kind in ("title", "heading")]).holds(start)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=50), st.sampled_from(["txt", "md"]))
def test_initials_same_as_every_sentence_start(pieces: list[str], fmt: str) -> None:
    doc = parse("".join(pieces), fmt, "t." + fmt)
    initials = words.Initials(doc)
    text = doc.text
    # every place a word can start, capitalised or not
    for start in range(len(text)):
        if text[start].isalnum():
            assert initials(start) == _plain(doc, start), start
