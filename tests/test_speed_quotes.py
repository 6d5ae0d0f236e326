"""The sentence, quotation and attribution shortcuts against the plain versions they replace:
each plain version is kept here (or in the module, where it still serves), and both must agree."""
from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings, strategies as st

from deskcheck.analysis import attribution, quotes as quotes_mod, sentences as sentences_mod
from deskcheck.analysis.quotes import QuoteScan
from deskcheck.analysis.sentences import Sentence
from deskcheck.formats import parse
from deskcheck.model import Block, Document, OffsetMap, Span

_PIECES = [
    "Word", "word", "Smith", "said", "told", "says", "asked", "according to", "He said:", "Her answer:",
    "so-called", "dubbed", "the film", "called", "signs reading", ",", ", ", ":", ";", "—", "— Jane Doe",
    ".", ". ", "!", "?", "?!", "...", "…", ".)", ".”", ".\"", ".’", "?”", "!'", ")", "(", "[", "]",
    "Mr.", "Dr.", "U.S.", "u.s.", "No.", "no.", "No. 10", "Sept.", "a.m.", "e.g.", "J.", "St.", "Inc.",
    "Sun.", "sun.", "Gen.", "approx.", "x.y.z.", "3.5", "10", "1990s", "'90s", "don't", "rock 'n' roll",
    "Jones'", "players' union", "5'10\"", "6\" pipe", "O’Brien", "'em",
    "“", "”", "\"", "'", "‘", "’", "«", "»", "„", "‹", "›",
    " ", " ", " ", "  ", "\t", "\n", "\n\n", "\u00a0", "\u2003", "\u2028", "\x85", "\x0b",
    "À", "Éric", "östlich", "I", "we", "We will win", "It rained", "Ça va", "ſ",
]
TEXT = st.lists(st.sampled_from(_PIECES), max_size=50).map(lambda ps: " ".join(ps).strip(" "))
TEXT_TIGHT = st.lists(st.sampled_from(_PIECES), max_size=50).map("".join)
FORMAT = st.sampled_from(["md", "txt", "html"])


def _doc(text: str, fmt: str) -> Document:
    if fmt == "html":
        body = "".join(f"<p>{p}</p>\n" for p in text.split("\n\n"))
        return parse(f"<html><body><article>{body}</article></body></html>", "html", "t.html")
    return parse(text, fmt, "t." + fmt)


# --- sentences ----------------------------------------------------------------------------------

def _plain_sentences(doc: Document) -> list[Sentence]:
    """The split as it was: block by block, trimming every sentence's end."""
    out = []
    for block in doc.blocks:
        for a, b in sentences_mod._split_block(doc.text, block.span.start, block.span.end):
            while b > a and doc.text[b - 1].isspace():
                b -= 1
            if b > a:
                out.append(Sentence(Span(a, b), block.index))
    return out


def test_regex_whitespace_is_str_isspace() -> None:
    """The backwards word read (`[^\\s("“]*`) stops where the plain walk's isspace() stops."""
    every = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c < 0xE000)
    assert set(re.findall(r"\s", every)) == {c for c in every if c.isspace()}


@settings(max_examples=400, deadline=None)
@given(st.one_of(TEXT, TEXT_TIGHT), FORMAT)
def test_sentences_same_as_the_split_of_each_block(text: str, fmt: str) -> None:
    doc = _doc(text, fmt)
    assert sentences_mod.sentences(doc) == _plain_sentences(doc)


@pytest.mark.parametrize("text", [
    "Mr. Smith went home. Dr. Jones stayed.\n\nThe U.S. “We are ready,” she said. He met No. 10 staff.",
    "It ended.\u00a0\n\nNext one. (Yes.) [No.] “Done.” ‘Fine.’ Right?! Sure...  Then a.m. Later.",
    "A. B. Smith and J. Doe left. Sun. Sept. 3 was quiet. The sun. It set. e.g. This. x.y.z. That.",
])
@pytest.mark.parametrize("fmt", ["md", "txt", "html"])
def test_sentences_same_on_abbreviations_and_block_ends(text: str, fmt: str) -> None:
    doc = _doc(text, fmt)
    assert sentences_mod.sentences(doc) == _plain_sentences(doc)
    assert len(sentences_mod.sentences(doc)) > 3


@settings(max_examples=200, deadline=None)
@given(TEXT_TIGHT, st.lists(st.tuples(st.integers(0, 80), st.integers(0, 80)), max_size=6))
def test_breaks_on_any_blocks(text: str, cuts: list[tuple[int, int]]) -> None:
    """Blocks the readers never make (touching, overlapping, out of order, not after a space): the
    one-pass split falls back to the split of each block, so the answer is the same."""
    blocks = [Block("paragraph", Span(min(a, b, len(text)), min(max(a, b), len(text))), i)
              for i, (a, b) in enumerate(cuts)]
    blocks = [b for b in blocks if b.span.end > b.span.start]
    blocks = [Block(b.kind, b.span, i) for i, b in enumerate(blocks)]
    doc = Document("t.txt", "txt", text, text, blocks, OffsetMap())
    assert sentences_mod.sentences(doc) == _plain_sentences(doc)


def test_break_whose_next_letter_is_past_the_block_end() -> None:
    """Text outside any block right after a block's end ("(" ends the block, "A" follows it): the
    bounded scan cannot see that letter, so the one-pass split must not break there either."""
    text = "Word. (A b.\n\nNext one. Two."
    blocks = [Block("paragraph", Span(0, 7), 0), Block("paragraph", Span(13, len(text)), 1)]
    doc = Document("t.txt", "txt", text, text, blocks, OffsetMap())
    assert sentences_mod.sentences(doc) == _plain_sentences(doc)
    assert [text[s.span.start:s.span.end] for s in sentences_mod.sentences(doc)] == ["Word. (", "Next one.", "Two."]


# --- quotations ---------------------------------------------------------------------------------

def _plain_scan_block(text: str, start: int, end: int, scan: QuoteScan,
                      outer: str) -> list[tuple[int, int, str, int, bool]]:
    """quotes._scan_block as it was: every mark found by the pattern, the open doubles listed again
    at each double mark, the open/close tests called."""
    q = quotes_mod
    single_outer = outer in "'‘"
    found: list[tuple[int, int, str, int, bool]] = []
    stack: list[tuple[int, str]] = []
    skip: set[int] = set()
    for found_mark in q._ANY_MARK.finditer(text, start, end):
        i = found_mark.start()
        ch = text[i]
        if i in skip:
            continue
        if q._is_double(ch):
            doubles_open = [s for s in stack if q._is_double(s[1])]
            if ch in q.OPEN_DOUBLE:
                opening = True
            elif ch in q.CLOSE_DOUBLE:
                opening = False
            else:
                can_open, can_close = q._can_open(text, i, start, end), q._can_close(text, i, start, end)
                if not doubles_open and not can_open and i > start and text[i - 1].isdigit():
                    continue
                if doubles_open and can_close and not can_open:
                    opening = False
                elif can_close and not can_open and i > start and text[i - 1] in ".,!?…":
                    opening = False
                elif can_open and not can_close:
                    opening = True
                else:
                    opening = not doubles_open
            if opening:
                stack.append((i, ch))
            elif doubles_open:
                while stack:
                    pos, mark = stack.pop()
                    if q._is_double(mark):
                        found.append((pos, i + 1, mark, len(stack), True))
                        scan.closers[pos] = ch
                        break
            else:
                scan.strays.append(Span(i, i + 1))
            continue
        if q._apostrophe(text, i, start, end):
            m = q._ELIDED.match(text, i + 1, end)
            if m is not None and m.group().lower() == "n" and m.end() < end:
                skip.add(m.end())
            continue
        single_top = bool(stack) and not q._is_double(stack[-1][1])
        if ch in q.OPEN_SINGLE or (ch == "'" and q._can_open(text, i, start, end)):
            if ch == "'" and outer != "'" and not stack:
                continue
            if i + 1 < end and not text[i + 1].isspace():
                stack.append((i, ch))
            continue
        if not q._can_close(text, i, start, end):
            continue
        if single_top:
            if q._possessive(text, i, start, end) and q._later_single_closer(text, i + 1, end):
                continue
            pos, mark = stack.pop()
            found.append((pos, i + 1, mark, len(stack), True))
            scan.closers[pos] = ch
        elif single_outer and ch in q.CLOSE_SINGLE and not stack and text[i - 1] in ".,!?":
            scan.strays.append(Span(i, i + 1))
    for depth, (pos, mark) in enumerate(stack):
        if not q._is_double(mark) and not (single_outer and depth == 0 and q._opens_sentence(text, pos, start)):
            continue
        found.append((pos, end, mark, depth, False))
    return found


def _plain_quote_scan(doc: Document) -> QuoteScan:
    """quote_scan with every block scanned by the plain block scan (a block without marks too)."""
    with pytest.MonkeyPatch.context() as mp:
        # one stand-in mark per block, so no block is skipped, and each scanned the plain way
        mp.setattr(quotes_mod, "_mark_positions", lambda text: sorted(b.span.start for b in doc.blocks))
        mp.setattr(quotes_mod, "_scan_block",
                   lambda text, start, end, scan, outer, marks=None: _plain_scan_block(text, start, end, scan, outer))
        return quotes_mod.quote_scan.__wrapped__(doc)


def _scan_fields(scan: QuoteScan) -> tuple[object, ...]:
    return scan.quotes, scan.strays, scan.closers


@settings(max_examples=400, deadline=None)
@given(st.one_of(TEXT, TEXT_TIGHT), FORMAT)
def test_quote_scan_same_as_scanning_every_block(text: str, fmt: str) -> None:
    doc = _doc(text, fmt)
    assert _scan_fields(quotes_mod.quote_scan.__wrapped__(doc)) == _scan_fields(_plain_quote_scan(doc))


@settings(max_examples=200, deadline=None)
@given(st.one_of(TEXT, TEXT_TIGHT))
def test_mark_positions_are_the_pattern_matches(text: str) -> None:
    assert quotes_mod._mark_positions(text) == [m.start() for m in quotes_mod._ANY_MARK.finditer(text)]


def test_running_quote_broken_by_a_paragraph_without_marks() -> None:
    text = "“We will go on\n\nNo marks here at all.\n\n“and on,” she said."
    doc = _doc(text, "md")
    fast = quotes_mod.quote_scan.__wrapped__(doc)
    assert _scan_fields(fast) == _scan_fields(_plain_quote_scan(doc))
    assert not any(q.continues or q.continued for q in fast.quotes)


# --- attribution --------------------------------------------------------------------------------

def _plain_title_like(words: list[str]) -> bool:
    significant = [w for w in words if w.lower() not in attribution._SMALL_WORDS]
    return bool(significant) and len(words) < 8 and all(w[0].isupper() or w[0].isdigit() for w in significant)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["the", "The", "of", "War", "peace", "1990", "A", "and", "X", "ſ", "Éric"]),
                max_size=12))
def test_title_like_same_as_plain(words: list[str]) -> None:
    assert attribution._title_like(words) == _plain_title_like(words)


_NAMING_PIECES = ["so-called", "dubbed", "Dubbed", "called", "the film", "a sign reading", "emblazoned with",
                  "referred to as", "documentaries", "known as", "titled", "the", "of", "as", "a", "word",
                  "x", "re", ",", " ,", ", ", " ", "  ", "\n", "\u00a0", "-", "ſlogan", "KNOWN AS", "policy",
                  "nicknamed", "plan", "cal", "led"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_NAMING_PIECES), max_size=14), st.booleans())
def test_naming_near_the_end_same_as_a_search_of_the_whole_lead(pieces: list[str], spaced: bool) -> None:
    lead = (" " if spaced else "").join(pieces).rstrip()
    assert attribution._naming(lead) == (attribution._NAMING.search(lead) is not None)


# the naming pattern as it was written, one flat case-insensitive list
_FLAT_NAMING = re.compile(rf"\b(?:{attribution._NAMING_WORDS})\s*,?\s*(?:of\s+|as\s+|the\s+|a\s+)?$", re.IGNORECASE)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_NAMING_PIECES + ["SO-CALLED", "ſigns", "İ", "Docum", "entary", "s", "Films",
                                                  "of ", "As", "THE ", "labeled", "labelled", "t-shirt"]),
                max_size=14), st.booleans(), st.integers(0, 30))
def test_grouped_naming_same_as_the_flat_list(pieces: list[str], spaced: bool, pos: int) -> None:
    lead = (" " if spaced else "").join(pieces)
    for at in (0, min(pos, len(lead))):
        fast = attribution._NAMING.search(lead, at)
        plain = _FLAT_NAMING.search(lead, at)
        assert (fast and fast.span()) == (plain and plain.span())


@pytest.mark.parametrize("lead", ["he dubbed As ", "the Film OF ", "a so-called The ", "what they CALLED, a  ",
                                  "ſigns reading", "the Documentaries", "a T-SHIRT", "it reads", "not called"])
def test_grouped_naming_same_as_the_flat_list_examples(lead: str) -> None:
    fast = attribution._NAMING.search(lead)
    assert (fast and fast.span()) == (lambda m: m and m.span())(_FLAT_NAMING.search(lead))


def test_naming_reach_covers_every_naming_word() -> None:
    words = re.findall(r"[a-z][a-z -]*[a-z]", attribution._NAMING_WORDS.split(")s?")[0])
    assert "emblazoned with" in words
    assert max(len(w) for w in words) <= attribution._NAMING_REACH
    assert attribution._naming("a banner emblazoned with") and attribution._naming("what he called  ,")


_WORDY = st.lists(st.sampled_from(["a", "Bc", "it’s", "don't", "x-y", "-", "’", "'", " ", "  ", ",", ".", "…", "“",
                                   "\n", "\u00a0", "é", "9", "_", "—"]), max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(_WORDY)
def test_eight_word_test_counts_as_the_word_split(text: str) -> None:
    assert (attribution._AT_LEAST_EIGHT_WORDS.match(text) is not None) == (len(attribution._words(text)) >= 8)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=60).map(" ".join), FORMAT)
def test_classify_same_with_every_word_split(text: str, fmt: str) -> None:
    doc = _doc(text, fmt)
    quotes = [q for q in quotes_mod.quotes(doc) if q.depth == 0]
    fast = [attribution.classify(doc, q, doc.text[max(0, q.span.start - 30):q.span.start]) for q in quotes]
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(attribution, "_AT_LEAST_EIGHT_WORDS", re.compile("(?!)"))
        plain = [attribution.classify(doc, q, doc.text[max(0, q.span.start - 30):q.span.start]) for q in quotes]
    assert fast == plain


@settings(max_examples=200, deadline=None)
@given(_WORDY, st.integers(0, 40), st.integers(0, 40))
def test_opens_block_same_as_strip(text: str, a: int, b: int) -> None:
    a, b = min(a, len(text)), min(max(a, b), len(text))
    if a < len(text) or a == b:
        assert attribution._opens_block(text, a, b) == (text[a:b].strip() == "")


@pytest.mark.parametrize("text", [
    "He mentioned “The Best Of The Old Times Here” again.",        # seven title words
    "He mentioned “The Best Of The Old Times Here Now” again.",    # eight: too long for a title
    "She said “we will go to the coast and stay there” on Monday.",
    "“Go,” he said. “We will not wait for them or anyone else here now,” she said.",
])
def test_classify_same_with_every_word_split_examples(text: str) -> None:
    doc = _doc(text, "md")
    quotes = [q for q in quotes_mod.quotes(doc) if q.depth == 0]
    assert quotes
    fast = [attribution.classify(doc, q, doc.text[:q.span.start]) for q in quotes]
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(attribution, "_AT_LEAST_EIGHT_WORDS", re.compile("(?!)"))
        plain = [attribution.classify(doc, q, doc.text[:q.span.start]) for q in quotes]
    assert fast == plain


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["a", "A", " ", "\n", ".", "!", "?", "”", ")", "“", "(", "9", "é"]), max_size=40)
       .map("".join), st.integers(0, 5))
def test_break_matches_are_the_pattern_matches(text: str, start: int) -> None:
    start = min(start, len(text))
    if start and not text[start - 1].isspace():
        return                          # callers start at a block, which follows whitespace
    plain = [(m.span(), m.span(1)) for m in sentences_mod._BREAK.finditer(text, start, len(text))]
    assert [(m.span(), m.span(1)) for m in sentences_mod._break_matches(text, start, len(text))] == plain


# --- unattributed claims --------------------------------------------------------------------------

_SPANS = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=8)


@settings(max_examples=400, deadline=None)
@given(_SPANS, _SPANS, st.booleans())
def test_sentence_pieces_found_from_the_segments(sent_cuts: list[tuple[int, int]],
                                                 seg_cuts: list[tuple[int, int]], ordered: bool) -> None:
    """Each segment visiting the sentences it overlaps finds what each sentence asking the index
    finds, in the same order; segments may overlap, touch, be empty or come in any order, and
    sentences out of order take the plain walk."""
    from deskcheck.kinds import unattributed
    from deskcheck.scopes import SegmentIndex

    spans = [Span(min(a, b), max(a, b)) for a, b in sent_cuts]
    spans = [s for s in spans if s.end > s.start]
    if ordered:                       # what sentences() gives: in order, never overlapping
        kept: list[Span] = []
        for s in sorted(spans, key=lambda s: s.start):
            if not kept or s.start >= kept[-1].end:
                kept.append(s)
        spans = kept
    sents = [Sentence(s, 0) for s in spans]
    segments = [Span(min(a, b), max(a, b)) for a, b in seg_cuts]
    plain = unattributed._pieces_per_sentence(sents, SegmentIndex(segments))
    assert unattributed.sentence_pieces(sents, segments) == plain


# --- attribution.orphans: decided without every quotation's check --------------------------------

_ORPHAN_PIECES = [
    "“", "”", "\"", "‘", "’", "'", "«", "»", "We will win", "we will go on", "It rained", "Yes", "the plan",
    "she said", "he told reporters", "Smith said", "according to", "said", "— Jane Doe", "He said:",
    "Her answer:", "in a statement", "so-called", "dubbed", "the film", "War and Peace", "by Jane Doe",
    "policy", "I", "my", "never", "Mr.", ". ", ".", ", ", ",", ":", " ", "  ", "\n\n", "\n\n“", "\n\n\"",
    ":\n\n“", "?", "!", "—",
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_ORPHAN_PIECES), max_size=60), st.sampled_from(["", " "]), FORMAT)
def test_orphans_same_as_from_every_check(pieces: list[str], sep: str, fmt: str) -> None:
    doc = _doc(sep.join(pieces).strip(" "), fmt)
    assert attribution.orphans.__wrapped__(doc) == attribution._orphans_from_checks(doc)


@pytest.mark.parametrize("text", [
    "“We will go on,” he said.\n\n“And on.”\n\n“And on and on and on.”",          # a running quote, attributed
    "“We will go on and on\n\n“and on and on and on.”",                             # running, no speaker
    "“We will go on and on\n\n“and on and on and on,” she said.",                   # the later part's cue
    "The minister said:\n\n“We will go on and on and on.”",                         # a colon before the block
    "“We will go on and on and on.” It rained. “We will not stop here.”",           # neighbours
    "“Stop it now please.” “Go away now please.” Smith said so. “Never again, we said.”",
    "He mentioned “War and Peace” and “the plan” again. “We will win this time.”",
    "“We will win this time",                                                         # never closed
])
def test_orphans_same_as_from_every_check_examples(text: str) -> None:
    for fmt in ("md", "txt", "html"):
        doc = _doc(text, fmt)
        assert attribution.orphans.__wrapped__(doc) == attribution._orphans_from_checks(doc)
    assert any(attribution._orphans_from_checks(_doc(t, "md")) for t in (
        "“We will go on and on\n\n“and on and on and on.”", "“Stop it now please.” “Go away now please.”"))


# --- the quote-marks rule: articles whose marks cannot give a finding -----------------------------

def _marks_findings(text: str, fmt: str) -> list[tuple[object, ...]]:
    from deskcheck import check_text
    return [(f.rule, f.span, f.message) for f in check_text(text, format=fmt, path="t." + fmt)
            if f.rule == "Deskcheck.QuoteMarks"]


@settings(max_examples=200, deadline=None)
@given(st.one_of(TEXT, TEXT_TIGHT, st.lists(st.sampled_from(_ORPHAN_PIECES), max_size=40).map(" ".join)),
       st.sampled_from(["md", "txt"]))
def test_quote_marks_same_without_the_early_exit(text: str, fmt: str) -> None:
    from deskcheck.kinds import attribution as kind
    fast = _marks_findings(text, fmt)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(kind, "_no_mark_findings", lambda scan: False)
        assert _marks_findings(text, fmt) == fast


@pytest.mark.parametrize("text", [
    "“We will win,” she said. “We will not,” he said.", "\"We will win,\" she said. \"Not,\" he said.",
    "“We will win,\" she said.", "“We will win,” she said. \"Not,\" he said.", "“We will win, she said.",
    "We will win,” she said.", "‘We will win,’ she said. ‘Not,’ he said.",
])
def test_quote_marks_early_exit_only_without_findings(text: str) -> None:
    from deskcheck.kinds import attribution as kind
    scan = quotes_mod.quote_scan(_doc(text, "md"))
    assert kind._no_mark_findings(scan) == (not _marks_findings(text, "md"))
