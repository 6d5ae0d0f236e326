"""HTML articles: the prose of the article body, with exact source offsets.

The standard library's HTMLParser is used because it reports where each piece of text starts in
the source (tree builders such as lxml or html5lib do not), and entities can be kept apart from
the text around them, so a finding on "&amp;" reports "&amp;" as written.
"""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

from ..model import Metadata, Span
from ._builder import ViewBuilder
from .dates import date_from_filename, parse_meta_date

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
        # HTMLParser counts lines by "\n" alone, so these starts do too
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.stack: list[str] = []
        self.skip_depth = 0
        self.block_depth: list[int] = []    # stack depths at which blocks opened
        self.has_article = "<article" in source.lower()
        self.in_article = not self.has_article
        self.article_depth = -1
        self.seen_h1 = False
        self.time_value: str | None = None
        self.head_title: list[str] = []
        self.in_head_title = False

    def _offset(self) -> int:
        line, col = self.getpos()
        return self._line_starts[line - 1] + col

    # -- tags -------------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._offset()
        end_tag = self.get_starttag_text() or ""
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


def parse_html(source: str, path: str) -> "Document":  # noqa: F821
    reader = _Reader(source)
    reader.feed(source)
    reader.close()
    builder = reader.builder
    doc_blocks = builder
    fd = date_from_filename(Path(path).name)
    meta = reader.meta
    if fd is not None:
        meta.date_sources.append(("file name", fd, None))
    if meta.date_sources:
        meta.date = meta.date_sources[0][1]
    doc = doc_blocks.build(path, "html", meta)
    titles = doc.blocks_of("title")
    if titles:
        meta.title = doc.text[titles[0].span.start:titles[0].span.end]
    elif reader.head_title:
        meta.title = "".join(reader.head_title).strip()
    # a paragraph holding only a <time> element is the date line, not prose
    for src_where, _d, span in meta.date_sources:
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
