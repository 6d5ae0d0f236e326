"""HTML articles: the prose of the article body, with exact source offsets.

The standard library's HTMLParser is used because it reports where each piece of text starts in
the source (tree builders such as lxml or html5lib do not), and entities can be kept apart from
the text around them, so a finding on "&amp;" reports "&amp;" as written.
"""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from operator import itemgetter

from ..compiled import re_compile
from ..model import Metadata, Span
from ._builder import ViewBuilder
from .dates import parse_meta_date, settle_date

BLOCKS = {
    "p": "paragraph", "h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading",
    "h5": "heading", "h6": "heading", "li": "list", "blockquote": "blockquote",
    "figcaption": "caption", "caption": "caption", "td": "table", "th": "table", "dd": "paragraph",
    "dt": "paragraph", "pre": None,
}
SKIP = {"script", "style", "nav", "noscript", "template", "svg", "head", "pre", "code", "button", "form", "iframe"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Reader(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.builder = ViewBuilder(source)
        self.meta = Metadata()
        # HTMLParser counts lines by "\n" alone, so these starts do too (worked out when its
        # events first need them: a source fed by _feed_simple never does)
        self._line_starts: list[int] | None = None
        self.stack: list[str] = []
        self.skip_depth = 0
        self.block_depth: list[int] = []    # stack depths at which blocks opened
        self.has_article = "<article" in source.lower()
        self.in_article = not self.has_article
        self.article_depth = -1
        self.seen_h1 = False
        self.head_title: list[str] = []
        self.in_head_title = False
        self._at = -1               # the event's source offset when _feed_simple feeds it
        self._tag_text = ""         # and a start tag's text

    def _offset(self) -> int:
        if self._at >= 0:           # fed by _feed_simple, which knows where each event starts
            return self._at
        line, col = self.getpos()
        if self._line_starts is None:
            self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.source)]
        return self._line_starts[line - 1] + col

    # -- tags -------------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._offset()
        end_tag = (self._tag_text if self._at >= 0 else self.get_starttag_text()) or ""
        self.builder.non_prose.append(Span(start, start + len(end_tag)))
        a = {k: (v or "") for k, v in attrs}
        if tag == "meta":
            prop = a.get("property") or a.get("name") or ""
            if prop in ("article:published_time", "date", "pubdate", "publishdate"):
                d = parse_meta_date(a.get("content", ""))
                if d is not None:
                    self.meta.date_sources.append((f"<meta {prop}>", d, None))
            if prop in ("author", "article:author") and a.get("content") and not self.meta.author:
                self.meta.author = a["content"]
            return
        if tag == "title" and "head" in self.stack:
            self.in_head_title = True
        if tag in VOID:
            if tag == "br" and self.block_depth and not self.skip_depth:
                self.builder.synthetic("\n")
            return
        self.stack.append(tag)
        if tag == "article" and self.article_depth < 0:
            self.in_article = True
            self.article_depth = len(self.stack)
        if tag in SKIP or (tag in ("header", "footer", "aside") and not self.in_article):
            self.skip_depth += 1
        if tag == "time" and a.get("datetime"):
            d = parse_meta_date(a["datetime"])
            if d is not None:
                self.meta.date_sources.append(("<time datetime>", d, Span(start, start + len(end_tag))))
        if self.skip_depth or not self.in_article:
            return
        kind = BLOCKS.get(tag)
        if kind is None:
            return
        if tag == "h1" and not self.seen_h1:
            kind = "title"
            self.seen_h1 = True
        cls = a.get("class", "")
        if tag == "p" and "byline" in cls.split():
            kind = "byline"
        if self.block_depth and kind in ("paragraph",) and self.builder._block_kind in ("blockquote", "list"):
            return  # a <p> inside a quote or list item belongs to it
        self.builder.start_block(kind)
        self.block_depth.append(len(self.stack))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack and self.stack[-1] == tag:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        start = self._offset()
        close = self.source.find(">", start)
        self.builder.non_prose.append(Span(start, close + 1 if close != -1 else len(self.source)))
        if tag == "title":
            self.in_head_title = False
        if tag not in self.stack:
            return
        while self.stack:
            depth = len(self.stack)
            top = self.stack.pop()
            if self.block_depth and self.block_depth[-1] == depth:
                self.block_depth.pop()
                self.builder.end_block()
            if top in SKIP or (top in ("header", "footer", "aside") and not (self.in_article and depth > self.article_depth)):
                self.skip_depth = max(0, self.skip_depth - 1)
            if depth == self.article_depth:
                self.in_article = False
                self.article_depth = -2
            if top == tag:
                break

    # -- text -------------------------------------------------------------------------------
    def _prose(self) -> bool:
        return bool(self.block_depth) and not self.skip_depth and self.in_article

    def handle_data(self, data: str) -> None:
        start = self._offset()
        if self.in_head_title:
            self.head_title.append(data)
        if self._prose():
            self.builder.copy(start, start + len(data))
        elif data.strip():
            # words outside the article body (navigation, head) are not prose, even for raw rules
            self.builder.non_prose.append(Span(start, start + len(data)))

    def handle_decl(self, decl: str) -> None:
        start = self._offset()
        self.builder.non_prose.append(Span(start, start + len(decl) + 3))

    def handle_pi(self, data: str) -> None:
        start = self._offset()
        self.builder.non_prose.append(Span(start, start + len(data) + 3))

    def _ref(self, text: str) -> None:
        start = self._offset()
        end = self.source.find(";", start)
        end = end + 1 if end != -1 and end - start <= 40 else start + len(text)
        if self._prose():
            self.builder.stand_in(html.unescape(self.source[start:end]), start, end)

    def handle_entityref(self, name: str) -> None:
        self._ref(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._ref(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        start = self._offset()
        self.builder.non_prose.append(Span(start, start + len(data) + 7))


# Simple markup, read without HTMLParser: start tags with quoted attribute values, end tags, text,
# entity and character references ended by ";", and a doctype, nothing else (no comment, no
# processing instruction, no stray "<" or "&", nothing but ASCII whitespace inside a tag). For
# such a source HTMLParser (convert_charrefs off) makes exactly these calls: one handle_data per
# run of text between marks, handle_starttag (or handle_startendtag for "/>") with the name and
# attribute names lowercased and the values unquoted (none holds "&", so unescaping keeps them),
# handle_endtag, handle_entityref / handle_charref with the name, handle_decl with what is between
# "<!" and ">". tests/test_reader_shortcuts.py holds the two readers to the same Document.
_WS = "[ \t\n\r\f]"
_SIMPLE_TOKEN = re_compile(
    r"(?P<text>[^<&]+)"
    rf"|<(?P<tag>[a-zA-Z][a-zA-Z0-9]*)(?P<attrs>(?:{_WS}+[a-zA-Z][a-zA-Z0-9_:.-]*"
    rf"(?:{_WS}*={_WS}*(?:\"[^\"&<>]*\"|'[^'&<>]*'))?)*){_WS}*(?P<close>/?)>"
    rf"|</(?P<end>[a-zA-Z][a-zA-Z0-9]*){_WS}*>"
    r"|&(?P<ref>[a-zA-Z][a-zA-Z0-9]*|#[0-9]+|#[xX][0-9a-fA-F]+);"
    r"|<!(?P<decl>[dD][oO][cC][tT][yY][pP][eE][^<>]*)>"
)
_SIMPLE_ATTR = re_compile(rf"{_WS}+([a-zA-Z][a-zA-Z0-9_:.-]*)(?:{_WS}*={_WS}*(?:\"([^\"]*)\"|'([^']*)'))?")
# elements whose content HTMLParser reads as raw text (script, style; more in newer Pythons): not
# simple. A title is, when it holds text alone (read the same either way).
_RAW_TEXT = frozenset(("script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext",
                       "textarea"))


# _SIMPLE_TOKEN with the whole token as a first group: findall then gives each token's pieces as
# a tuple, built in C, instead of a match object asked a method per piece
_SIMPLE_TOKEN_WHOLE = re_compile("(" + _SIMPLE_TOKEN.pattern + ")")
# (whole, text, tag, attrs, close, end, ref, decl): a piece that is absent is ""
_Token = tuple[str, str, str, str, str, str, str, str]
_whole = itemgetter(0)
_tag = itemgetter(2)


def _simple_tokens(source: str) -> list[_Token] | None:
    """The tokens of a simple source (see above), or None for any other.

    Tokens are never empty and never overlap, so they cover the source exactly when their
    lengths add up to its length. A raw-text element makes a source not simple; a title must
    hold one text token or nothing, and be closed."""
    tokens: list[_Token] = _SIMPLE_TOKEN_WHOLE.findall(source)
    if sum(map(len, map(_whole, tokens))) != len(source):
        return None                 # something no token covers
    tags = list(map(str.lower, map(_tag, tokens)))     # start tags' names ("" for other tokens)
    if not _RAW_TEXT.isdisjoint(tags):
        return None
    i = -1
    while True:
        try:
            i = tags.index("title", i + 1)
        except ValueError:
            return tokens
        if tokens[i][4]:
            return None             # <title/>: read as an empty element or as an opening tag, by version
        j = i + 1
        if j < len(tokens) and tokens[j][1]:
            j += 1                  # the title's text
        if j == len(tokens) or tokens[j][5].lower() != "title":
            return None             # a title holding more than text, or never closed
        i = j


def _feed_simple(reader: _Reader, source: str) -> bool:
    """Feed the reader a simple source's events as HTMLParser would; False (nothing fed) for any
    other source."""
    tokens = _simple_tokens(source)
    if tokens is None:
        return False
    at = 0
    for whole, text, tag, attrs, close, end, ref, decl in tokens:
        reader._at = at
        if text:
            reader.handle_data(text)
        elif end:
            reader.handle_endtag(end.lower())
        elif tag:
            found: list[tuple[str, str | None]] = []
            if attrs:
                for a in _SIMPLE_ATTR.finditer(attrs):
                    name, double, single = a.groups()
                    found.append((name.lower(), double if double is not None else single))
            reader._tag_text = whole
            if close:
                reader.handle_startendtag(tag.lower(), found)
            else:
                reader.handle_starttag(tag.lower(), found)
        elif ref:
            if ref[0] == "#":
                reader.handle_charref(ref[1:])
            else:
                reader.handle_entityref(ref)
        else:
            reader.handle_decl(decl)
        at += len(whole)
    reader._at = -1
    return True


def parse_html(source: str, path: str) -> "Document":  # noqa: F821
    reader = _Reader(source)
    if not _feed_simple(reader, source):
        reader.feed(source)
        reader.close()
    builder = reader.builder
    meta = reader.meta
    settle_date(meta, path)
    doc = builder.build(path, "html", meta)
    titles = doc.blocks_of("title")
    if titles:
        meta.title = doc.text[titles[0].span.start:titles[0].span.end]
    elif reader.head_title:
        meta.title = "".join(reader.head_title).strip()
    # a paragraph holding only a <time> element is the date line, not prose
    for _where, _d, span in meta.date_sources:
        if span is None:
            continue
        for i, block in enumerate(doc.blocks):
            if block.kind == "paragraph":
                bstart = doc.offsets.start(block.span.start)
                if 0 <= bstart - span.end <= 2 and parse_meta_date(doc.text[block.span.start:block.span.end]):
                    doc.blocks[i] = type(block)("dateline", block.span, block.index)
    for b in doc.blocks:
        if b.kind == "byline" and not meta.author:
            meta.author = doc.text[b.span.start:b.span.end].removeprefix("By ").strip()
    return doc
