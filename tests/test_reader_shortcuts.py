"""The readers' shortcuts give the same Document as the plain way they replace (property tests)."""
from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given, settings, strategies as st

from deskcheck.formats import markdown, parse
from deskcheck.errors import ReadError
from deskcheck.model import Document, OffsetMap, Span

# Mostly plain prose, with every character class that means something to markdown-it at the
# start, middle or end of a line: block markers, inline markers, digits before "." or ")",
# the whitespace CommonMark trims and the whitespace it does not, CR and NUL.
ATOM_LIST = [
    "word", "Minsk", "café", "東京", "don't", "“quoted”", "end.", "a,b", "!", "?", ":", "$5", "%",
    "@", "{x}", "^", "(1)", "12", "2021", "x" * 12, " ", " ", " ", "  ", "\t",
    "#", "##", ">", "-", "--", "---", "+", "=", "===", "~", "~~~", "*", "_", "`", "```", "|",
    "[", "]", "![", "<", "<b>", "&", "&amp;", "\\", "1.", "2)", "10.", "3",
    "\u00a0", "\u2003", "\u3000", "\x0b", "\x0c", "\x1c", "\x85", "\u2028", "\ufeff", "\r", "\x00",
    "_x_", "*x*", "**x**", "&#35;", "&copy;", "\\*", "`c`", "<http://a.example>", "[a](b)", "![i](p)",
    "[a]: http://b.example", "<!-- c -->", "  \n", "\\\n", "# ", "> ", "- ", "+ ", "* ", "1. ", "7) ",
    "    ", "- - -", "***", "<div>", "~~~ ", "``` ", "a | b\n:-- | --:", "| a |\n| - |",
]
ATOMS = st.sampled_from(ATOM_LIST)
SAFE = st.sampled_from(["word", "Minsk", "café", "said.", "“quoted”", "12", "a,b", "!", ":", "x"])
WORDS = st.lists(SAFE, min_size=1, max_size=4).map(" ".join)
# a line of plain words with at most one atom at its start, in its middle or at its end
LINE = st.tuples(st.sampled_from(["start", "middle", "end", "none"]), ATOMS, WORDS, WORDS).map(
    lambda t: {"start": t[1] + t[2], "middle": t[2] + t[1] + t[3], "end": t[2] + t[1], "none": t[2]}[t[0]])
PLAIN = st.one_of(st.just(""), WORDS)
# plain lines around one line that may carry an atom, so each atom is tried on a body that is
# otherwise plain; and bodies of atoms anywhere, for everything else
BODY = st.one_of(
    st.tuples(st.lists(PLAIN, max_size=4), LINE, st.lists(PLAIN, max_size=4),
              st.sampled_from(["", "\n", "\n\n"])).map(lambda t: "\n".join([*t[0], t[1], *t[2]]) + t[3]),
    st.lists(st.one_of(PLAIN, st.lists(ATOMS, min_size=1, max_size=6).map("".join)), max_size=8).map("\n".join),
)


def _fields(doc: Document) -> tuple[Any, ...]:
    return (doc.text, doc.blocks, doc.offsets._pieces, doc.offsets._text_starts, doc.non_prose,
            doc.metadata)


def _read(src: str) -> tuple[Any, ...]:
    try:
        return _fields(parse(src, "md", "a.md"))
    except ReadError as exc:        # bad front matter: the same error either way
        return (str(exc),)


def _same_without_shortcut(src: str) -> bool:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(markdown, "_plain_body", lambda *a: False)
        slow = _read(src)
    return _read(src) == slow


@settings(max_examples=200, deadline=None)
@given(BODY, st.booleans())
def test_plain_markdown_shortcut_matches_markdown_it(body: str, front: bool) -> None:
    src = ("---\ntitle: A head\ndate: 2021-04-21\n---\n" if front else "") + body
    assert _same_without_shortcut(src)


@pytest.mark.parametrize("atom", ATOM_LIST)
def test_each_atom_in_each_place(atom: str) -> None:
    """Every atom at the start, middle and end of the first, a middle and the last line of a
    paragraph, between plain paragraphs: the same Document with and without the shortcut."""
    for where in ("{a}word said", "word {a} said", "word said{a}", "{a}"):
        line = where.format(a=atom)
        for body in (f"{line}\nnext line\n\nafter\n", f"before\n{line}\nnext\n",
                     f"first\n\nbefore\n{line}\n", f"first\n\nbefore\n{line}"):
            for src in (body, "---\ntitle: T\n---\n" + body):
                assert _same_without_shortcut(src), src


# the guard as one pattern, as markdown.py's comment states it
SPEC = re.compile(r"[\\`*_\[\]<&|\r\x00]|^[^\S\n]|[^\S\n]$|^(?:[#>+=~-]|\d+[.)])", re.M)


@settings(max_examples=150, deadline=None)
@given(st.one_of(BODY, st.text(), st.text(alphabet=st.sampled_from(" \t\n\r\x85\u00a0\u2028ab1.)#-*"))))
def test_plain_check_is_the_pattern(text: str) -> None:
    assert markdown.is_plain(text) == (SPEC.search(text) is None)


def test_plain_markdown_takes_the_shortcut() -> None:
    src = "---\ntitle: Ferry\n---\n\nThe ferry left at 9:30, an hour late!\nIt said so.\n\n\nA 2021 report.\n"
    from deskcheck.formats._builder import ViewBuilder
    assert markdown._plain_body(ViewBuilder(src), src, src.index("The"))
    doc = parse(src, "md", "a.md")
    assert [b.kind for b in doc.blocks] == ["title", "paragraph", "paragraph"]
    assert _same_without_shortcut(src)


@pytest.mark.parametrize("body", ["# Head\n", "1. one\n", "2) two\n", "text  \nmore\n", " indented\n",
                                  "a *b*\n", "a &amp; b\n", "line\n===\n", "a | b\n", "x\r\ny\n"])
def test_markdown_syntax_goes_to_markdown_it(body: str) -> None:
    from deskcheck.formats._builder import ViewBuilder
    assert not markdown._plain_body(ViewBuilder(body), body, 0)


# -- the engine's mapping of hits to source positions -------------------------------------------

def _span_plain(omap: OffsetMap, span: Span) -> Span:
    """OffsetMap.span as start() and end() define it (the inlined version must agree)."""
    start = omap.start(span.start)
    end = omap.end(span.end) if span.end > span.start else start
    return Span(start, max(start, end))


# pieces: (gap of synthetic text before it, text length, source gap before it, source length,
# or 0 for a piece copied verbatim)
PIECES = st.lists(st.tuples(st.integers(0, 2), st.integers(1, 4), st.integers(0, 2),
                            st.one_of(st.just(0), st.integers(0, 5))), max_size=6)


@settings(max_examples=150, deadline=None)
@given(PIECES, st.lists(st.tuples(st.integers(-2, 40), st.integers(-2, 40)), min_size=1, max_size=30))
def test_offset_map_span_is_start_and_end(pieces: list[tuple[int, int, int, int]],
                                          spans: list[tuple[int, int]]) -> None:
    omap = OffsetMap()
    t = s = 0
    for gap, tl, sgap, sl in pieces:
        t += gap
        s += sgap
        omap.add(t, tl, s, sl if sl else tl)    # 0: a copied piece (same length)
        t += tl
        s += sl if sl else tl
    for a, b in spans:
        assert omap.span(Span(a, b)) == _span_plain(omap, Span(a, b))


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab \n\r"), max_size=30),
       st.lists(st.tuples(st.integers(-2, 34), st.integers(-2, 34)), min_size=1, max_size=20))
def test_position_is_line_col_of_both_ends(source: str, spans: list[tuple[int, int]]) -> None:
    doc = Document("a.md", "md", source, "", [], OffsetMap())
    for a, b in spans:
        pos = doc.position(Span(a, b))
        assert (pos.line, pos.column, pos.end_line, pos.end_column) == (*doc.line_col(a), *doc.line_col(b))


# -- the plain-text reader -----------------------------------------------------------------------

def _parse_text_plain(source: str, path: str) -> Document:
    """The text reader as it was before its shortcuts: comments always scanned, the CR-aware
    paragraph pattern, every paragraph through start_block/copy/end_block."""
    from deskcheck.formats import text
    from deskcheck.formats._builder import ViewBuilder
    from deskcheck.formats.dates import parse_meta_date, settle_date
    from deskcheck.model import Metadata
    builder = ViewBuilder(source)
    meta = Metadata()
    comments = [Span(m.start(), m.end()) for m in text._COMMENT_LINE.finditer(source)]
    builder.non_prose.extend(comments)
    spans, pos = [], 0
    for m in text._PARA_BREAK.finditer(source):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(source)))
    paras = []
    for start, end in [(a, b) for a, b in spans if source[a:b].strip()]:
        pieces = text._without(start, end, comments)
        if any(source[a:b].strip() for a, b in pieces):
            paras.append(pieces)
    for i, pieces in enumerate(paras):
        first_text = "".join(source[a:b] for a, b in pieces)
        single_line = "\n" not in first_text.strip() and "\r" not in first_text.strip()
        kind = "paragraph"
        if i == 0 and single_line and len(paras) > 1 and not first_text.rstrip().endswith((".", '"', "”")):
            kind = "title"
            meta.title = first_text.strip()
        elif i <= 2 and single_line and (text._BYLINE.match(first_text) or text._name_before_date(paras, i, source)):
            kind = "byline"
            meta.author = re.sub(r"^\s*By\s+", "", first_text.strip(), flags=re.I)
        elif i <= 3 and single_line and (d := parse_meta_date(first_text)) is not None:
            kind = "dateline"
            a, b = pieces[0]
            meta.date_sources.append(("date line", d, Span(a, b)))
        builder.start_block(kind)
        for a, b in pieces:
            builder.copy(a, b)
        builder.end_block()
    settle_date(meta, path)
    return builder.build(path, "txt", meta)


TEXT_LINES = st.sampled_from([
    "Ferry service resumes", "By Dana Whitlock", "Dana Whitlock", "April 21, 2021", "21 April 2021",
    "2021-04-21", "The ferry left.", "“It is late,” she said.", "<!-- deskcheck-disable -->",
    "  <!-- note -->  ", "<!--x-->", "a <!-- b --> c", "", "", " ", "\t", "  indented words",
    "words then spaces  ", "By",
])
TEXT = st.tuples(st.lists(TEXT_LINES, max_size=12), st.sampled_from(["\n", "\r\n", "\r", "mixed"])).map(
    lambda t: "".join(line + (("\n", "\r\n", "\r")[i % 3] if t[1] == "mixed" else t[1])
                      for i, line in enumerate(t[0])))


@settings(max_examples=150, deadline=None)
@given(TEXT, st.sampled_from(["a.txt", "2021-04-21-ferry.txt", "dir/2020-01-02-x.txt"]))
def test_text_reader_matches_the_plain_version(source: str, path: str) -> None:
    assert _fields(parse(source, "txt", path)) == _fields(_parse_text_plain(source, path))


# -- dates in metadata and date lines --------------------------------------------------------------

def test_space_chars_are_the_space_pattern() -> None:
    import sys
    from deskcheck.formats import dates
    assert set(dates.SPACE_CHARS) == {c for c in map(chr, range(sys.maxunicode + 1)) if dates._SPACES.fullmatch(c)}


def _parse_meta_date_plain(value: object) -> Any:
    """parse_meta_date without its look at the two ends first."""
    from deskcheck.formats import dates
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(dates, "_may_be_date", lambda value: True)
        return dates.parse_meta_date(value)


DATE_ATOMS = st.sampled_from(["April", "Apr.", "sept", "Monday,", "21", "21st", "2021", "2021-04-21", "-", ",",
                              " ", "\u00a0", "\u200b", "\ufeff", "\u2028", "\t", "\n", "٣", "x", "said.", "0"])


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.lists(DATE_ATOMS, max_size=7).map("".join), st.text(max_size=12)))
def test_meta_date_matches_the_plain_version(value: str) -> None:
    from deskcheck.formats.dates import parse_meta_date
    assert parse_meta_date(value) == _parse_meta_date_plain(value)


@pytest.mark.parametrize("value", ["April 21, 2021", "Monday, April 21, 2021", "21 April 2021", "21st Apr. 2021",
                                   "\u00a0April\u2003 21, 2021\u200b\ufeff", "2021-04-21", "Sept 3, 2020",
                                   "2021-04-21 said.", "31 February 2021", "said. 2021", "21 Foo 2021", ""])
def test_meta_date_examples_match_the_plain_version(value: str) -> None:
    from deskcheck.formats.dates import parse_meta_date
    assert parse_meta_date(value) == _parse_meta_date_plain(value)


# -- the HTML reader's simple-markup path --------------------------------------------------------

HTML_ATOMS = st.sampled_from([
    "<p>", "</p>", "<P>", "</P >", "<p class=\"byline\">", "<p class='byline lead'>", "<p class=byline>",
    "<h1>", "</h1>", "<h2>", "</h2>", "<article>", "</article>", "<body>", "</body>", "<head>", "</head>",
    "<title>", "</title>", "<title/>", "<nav>", "</nav>", "<li>", "</li>", "<blockquote>", "</blockquote>",
    "<br>", "<br/>", "<br />", "<p/>", "<figcaption>", "</figcaption>", "<time datetime=\"2021-04-21\">",
    "</time>", "<meta property=\"article:published_time\" content=\"2021-04-20\">", "<meta name=author content=\"A\">",
    "<meta\nname=\"author\"\tcontent='Jo Doe'>", "<input disabled>", "<div data-x=\"a>b\">", "<a href=\"x&amp;y\">",
    "<script>", "</script>", "<style>", "</style>", "<!-- c -->", "<!DOCTYPE html>", "<!doctype html>", "<?pi x?>",
    "<textarea>", "</textarea>", "<pre>", "</pre>", "<code>", "</code>",
    "Word", "words here.", "“Quoted,” she said.", "&amp;", "&#39;", "&#x27;", "&nbsp;", "&amp", "& ", "<", " < ",
    ">", "\n", "\r\n", " ", "\t", "\u00a0", "April 21, 2021", "By Jo Doe", "\x00",
])
SIMPLE_HTML_ATOMS = st.sampled_from([
    "<p>", "</p>", "<P>", "</P >", "<p class=\"byline\">", "<h1>", "</h1>", "<article>", "</article>",
    "<li>", "</li>", "<br>", "<br/>", "<time datetime=\"2021-04-21\">", "</time>", "<blockquote>", "</blockquote>",
    "<meta property=\"article:published_time\" content=\"2021-04-20\">", "<!DOCTYPE html>",
    "Word", "words here.", "“Quoted,” she said.", "&amp;", "&#39;", "&#x27;", "&nbsp;", "\n", " ", "\u00a0",
    "April 21, 2021", "By Jo Doe", "<title>Head</title>",
])


def _read_html(src: str) -> tuple[Any, ...]:
    return _fields(parse(src, "html", "a.html"))


def _same_html_without_shortcut(src: str) -> bool:
    from deskcheck.formats import html
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(html, "_feed_simple", lambda reader, source: False)
        slow = _read_html(src)
    return _read_html(src) == slow


# elements with text inside and between them, tag names in either case
ELEMENT = st.tuples(st.sampled_from(["p", "h1", "li", "article", "blockquote", "nav", "head", "time", "figcaption"]),
                    st.booleans(), st.booleans(), st.lists(SIMPLE_HTML_ATOMS, max_size=3).map("".join),
                    st.sampled_from(["", "tail text", "\n", "&amp;"])).map(
    lambda t: f"<{t[0].upper() if t[1] else t[0]}>{t[3]}</{t[0].upper() if t[2] else t[0]}>{t[4]}")


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.lists(HTML_ATOMS, max_size=30).map("".join),
                 st.lists(SIMPLE_HTML_ATOMS, max_size=30).map("".join),
                 st.lists(st.one_of(ELEMENT, SIMPLE_HTML_ATOMS), max_size=12).map("".join)))
def test_simple_html_path_matches_htmlparser(src: str) -> None:
    assert _same_html_without_shortcut(src)


@pytest.mark.parametrize("src", [
    "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Ferry late</title>\n</head>\n"
    "<body>\n<article>\n<h1>Ferry late</h1>\n<p class=\"byline\">By Jo Doe</p>\n<p><time datetime=\"2021-04-21\">"
    "April 21, 2021</time></p>\n<p>The ferry &amp; the bus left at 9:30.<br/>It&#39;s late.</p>\n</article>\n"
    "</body>\n</html>\n",
    "<p>One</p><P CLASS='x'>Two &#x27;<BR />three</P>",
    "<article><p>a</P>b<p>c</p></ARTICLE><p>after</p>",
])
def test_simple_html_takes_the_shortcut(src: str) -> None:
    from deskcheck.formats import html
    assert html._simple_tokens(src) is not None
    assert _same_html_without_shortcut(src)


@pytest.mark.parametrize("src", ["<p>a<!-- c -->b</p>", "<p>a < b</p>", "<p>AT&T</p>", "<script>x</script>",
                                 "<p a=b>x</p>", "<title><b>x</b></title>", "<p>a &amp b</p>", "<?x?>"])
def test_other_html_goes_to_htmlparser(src: str) -> None:
    from deskcheck.formats import html
    assert html._simple_tokens(src) is None
    assert _same_html_without_shortcut(src)


# --- simple front matter, read without PyYAML ---------------------------------------------------

from deskcheck.yamlnodes import load_with_nodes  # noqa: E402

_FM_KEYS = ["title", "date", "author", "description", "tags", "yes", "on", "null", "No", "x_y", "a-b", "_k",
            "title"]
_FM_VALUES = [
    '"A head"', "'A head'", "A head", "Pushkin's birth", "Đoković wins", "2021-04-21", "2021-4-21", "2021-02-30",
    "2021-04-21 10:30", "12", "1.5", "0x1f", "yes", "No", "off", "null", "~", "", '"say \\"x\\""', "'it''s'",
    "a: b", "a #b", "a#b", "- x", "[x]", "{x: 1}", "&a x", "*a", "!x y", "|", ">", "%x", "@x", "`x", "?x",
    "-x", "x, y", "x]", "a  b", "a\tb", "x ", " x", '"x" # c', "x\u2028y", "x\x85y", "\ufeffx", "x\x7fy",
    '"a: #b"', "'a: #b'", "Ñoño Pérez", "😀 face", "2021-04-21T10:30:00Z", ".inf", "+12", "=", "<<",
]
FRONT = st.lists(st.tuples(st.sampled_from(_FM_KEYS), st.sampled_from([": ", ":", ":  ", " : "]),
                           st.sampled_from(_FM_VALUES), st.sampled_from(["\n", "\r\n", "  \n", " # c\n"])),
                 max_size=5).map(lambda ls: "".join(k + c + v + e for k, c, v, e in ls))
# lines of the simple shape with values of every kind, so most texts take the shortcut or only
# just miss it
_FM_SIMPLE = ['"A head"', "'A head'", "A head", "Pushkin's birth", "Đoković wins", "2021-04-21", "2021-4-21",
              "x, y", "x]", "a  b", '"a: #b"', "'a: #b'", "😀 face", "a\tb", "yes", "2021-02-30"]
FRONT_LINES = st.lists(st.tuples(st.one_of(st.sampled_from(_FM_KEYS[:4]), st.sampled_from(_FM_KEYS)),
                                 st.one_of(st.sampled_from(_FM_SIMPLE), st.sampled_from(_FM_VALUES))),
                       min_size=1, max_size=4, unique_by=lambda kv: kv[0]
                       ).map(lambda ls: "".join(f"{k}: {v}\n" for k, v in ls))


def _loaded(text: str) -> Any:
    """PyYAML's data, and its nodes' scalar values with their places and styles."""
    try:
        data, node = load_with_nodes(text)
    except Exception as exc:        # an error: the shortcut must not take such text
        return type(exc)
    return data, markdown._scalars(node)


def _simple(text: str) -> Any:
    simple = markdown._simple_front_matter(text)
    return None if simple is None else (simple[0], markdown._scalars(simple[1]))


@settings(max_examples=600, deadline=None)
@given(st.one_of(FRONT, FRONT_LINES))
def test_simple_front_matter_same_as_pyyaml(text: str) -> None:
    simple = _simple(text)
    if simple is not None:
        expected = _loaded(text)
        assert simple == expected
        assert [type(v) for v in simple[0].values()] == [type(v) for v in expected[0].values()]


@settings(max_examples=200, deadline=None)
@given(FRONT_LINES)
def test_markdown_reader_same_without_the_front_matter_shortcut(text: str) -> None:
    src = "---\n" + text + "---\n\nA paragraph.\n"

    def read() -> Any:
        try:
            return _read(src)
        except ValueError as exc:   # PyYAML's own error for a date that does not exist, either way
            return type(exc)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(markdown, "_simple_front_matter", lambda t: None)
        slow = read()
    assert read() == slow


@pytest.mark.parametrize("text", [
    'title: "Russia strikes Odesa"\ndate: 2023-07-19\nauthor: Olena Hrytsenko\n',
    "title: 'A head: with a colon'\nsummary: Pushkin's birth, marked\ndate: 2021-04-21\n",
    'title: "Đoković ééé wins"\nauthor: Ñoño Pérez\n',
])
def test_simple_front_matter_takes_the_shortcut(text: str) -> None:
    simple = _simple(text)
    assert simple is not None
    assert simple == _loaded(text)
    src = "---\n" + text + "---\n\nA paragraph.\n"
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(markdown, "_simple_front_matter", lambda t: None)
        slow = _read(src)
    assert _read(src) == slow


@pytest.mark.parametrize("text", [
    "date: 2021-02-30\n", "date: 2021-04-21 10:30\n", "n: 12\n", "yes: x\n", "a: x\na: y\n", "a: b: c\n",
    "a: x # c\n", "a:  x\n", "  a: x\n", "# c\na: x\n", "a: x\n\nb: y\n", "", "a: [x]\n", "a: x\r\n",
])
def test_other_front_matter_goes_to_pyyaml(text: str) -> None:
    assert markdown._simple_front_matter(text) is None


# --- the builder's bulk calls against the calls they stand for ------------------------------------

def _builder_state(b: Any) -> tuple[Any, ...]:
    return ("".join(b._parts), b._len, b.offsets._pieces, b.offsets._text_starts, b.blocks, b._block_kind)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" \t\r\nab\u00a0.", max_size=40),
       st.lists(st.tuples(st.sampled_from(["paragraph", "title", "byline"]), st.integers(0, 45), st.integers(0, 45)),
                max_size=6),
       st.booleans())
def test_copied_blocks_same_as_one_call_each(source: str, items: list[tuple[str, int, int]], open_first: bool) -> None:
    from deskcheck.formats._builder import ViewBuilder
    items = sorted(items, key=lambda t: t[1])
    bulk, plain = ViewBuilder(source), ViewBuilder(source)
    for b in (bulk, plain):
        if open_first:
            b.start_block("title")
            b.copy(0, 2)
    bulk.copied_blocks(items)
    for kind, a, b in items:
        plain.start_block(kind)
        plain.copy(a, b)
        plain.end_block()
    plain.end_block()
    bulk.end_block()
    assert _builder_state(bulk) == _builder_state(plain)
