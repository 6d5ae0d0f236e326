"""Markdown articles with YAML front matter, parsed by markdown-it-py (CommonMark).

markdown-it gives each block its source lines but not the character offsets of inline text, so
each text token is aligned to its block's source once, here, while the view is built; after
this no stage looks anything up in the text again.
"""
from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import Any

from ..yamlnodes import load_with_nodes  # first: it imports PyYAML through the pattern store

import yaml  # noqa: E402

from ..compiled import re_compile
from ..errors import ReadError
from ..model import Metadata, Span
from ._builder import ViewBuilder
from .dates import front_matter_value_span, parse_meta_date, settle_date

_FRONT = re_compile(r"\A---[ \t]*(\r\n|\r|\n)")
_FRONT_END = re_compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.M)
_NEWLINE = re_compile(r"\r\n|\r|\n")
PROSE_KEYS = {"title": "title", "description": "metadata", "summary": "metadata", "subtitle": "metadata"}
_ENTITY = re_compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


@lru_cache(maxsize=1)
def _parser() -> Any:
    from ..compiled import stored_re_patterns
    with stored_re_patterns():     # its modules compile their patterns at import
        from markdown_it import MarkdownIt
    return MarkdownIt("commonmark").enable("table")


def split_front_matter(source: str, path: str) -> tuple[int, dict[str, Any], Any]:
    """(offset where the body starts, front matter mapping, (YAML node tree or None, or the
    _Scalars of simple front matter; where the front matter starts))."""
    m = _FRONT.match(source)
    if not m:
        return 0, {}, None
    end = _FRONT_END.search(source, m.end())
    if not end:
        raise ReadError("front matter opened with '---' on line 1 is never closed", path, 1)
    yaml_text = source[m.end():end.start()]
    body = end.end()
    nl = _NEWLINE.match(source, body)
    if nl:
        body = nl.end()
    try:
        simple = _simple_front_matter(yaml_text)
        data, node = simple if simple is not None else load_with_nodes(yaml_text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise ReadError(f"front matter is not valid YAML: {problem}", path, line) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ReadError("front matter must be a mapping of keys to values", path, 2)
    return body, data, (node, m.end())


# Simple front matter: lines of `key: value` only, read without PyYAML (whose composing and
# constructing of nodes, in Python, was half of reading a Markdown article). A key is a plain
# word; one space follows its colon; a value is a double- or single-quoted string on its line,
# with no escape, quote or character YAML treats specially, or a plain scalar that neither starts
# with an indicator nor holds a colon or "#". Such a line means the same to YAML 1.1 whatever its
# words; what a plain value resolves to (string, date, number ...) is asked of PyYAML's own
# resolver, and only strings and plain dates are built here: anything else goes to PyYAML, as
# does any other text. tests/test_reader_shortcuts.py holds the two to the same values, and the
# values' places and styles to those in PyYAML's nodes.
_YAML_BAD = r"\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff"
_SIMPLE_LINE = re_compile(
    r"([A-Za-z_][A-Za-z0-9_-]{0,99}): "
    rf"(?:\"([^\"\\{_YAML_BAD}]*)\"|'([^'{_YAML_BAD}]*)'"
    rf"|([^ {_YAML_BAD}\-?:,\[\]{{}}#&*!|>'\"%@`](?:[^ :#{_YAML_BAD}]|[ ]+(?=[^ :#{_YAML_BAD}]))*))\n")
_PLAIN_DATE = re_compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_STR_TAG = "tag:yaml.org,2002:str"
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
_YAML: dict[str, Any] = {}      # the resolver and the plain scalar style, made on first use


def _yaml_parts() -> dict[str, Any]:
    if not _YAML:
        _YAML["resolver"] = yaml.resolver.Resolver()
        # the style the loader in use gives a plain scalar ("" from libyaml, None from PyYAML's own)
        _YAML["plain"] = load_with_nodes("a: b\n")[1].value[0][1].style
    return _YAML


class _Scalars:
    """Simple front matter's values where they stand, for what the reader asks of a node tree:
    (key, the value's scalar text, its style, and its start and end in the front matter), one
    per line. Read without PyYAML, the front matter needs no node objects."""
    __slots__ = ("entries",)

    def __init__(self, entries: list[tuple[str, str, Any, int, int]]) -> None:
        self.entries = entries


def _simple_front_matter(text: str) -> "tuple[dict[str, Any], _Scalars] | None":
    """load_with_nodes(text) for simple front matter (see above), with the values' places
    instead of a node tree; None for any other text."""
    parts = _yaml_parts()
    resolve = parts["resolver"].resolve
    plain_style = parts["plain"]
    data: dict[str, Any] = {}
    entries: list[tuple[str, str, Any, int, int]] = []
    pos = 0
    for m in _SIMPLE_LINE.finditer(text):
        if m.start() != pos:
            return None
        pos = m.end()
        key, double, single, plain = m.groups()
        if key in data or resolve(yaml.ScalarNode, key, (True, False)) != _STR_TAG:
            return None
        value: Any
        if plain is None:           # a quoted string: never resolved to anything else
            raw, style = (double, '"') if double is not None else (single, "'")
            value = raw
            start = m.start(2 if double is not None else 3) - 1    # from the opening quote
        else:
            raw, style = plain, plain_style
            start = m.start(4)
            tag = resolve(yaml.ScalarNode, raw, (True, False))
            if tag == _STR_TAG:
                value = raw
            elif tag == _TIMESTAMP_TAG and (d := _PLAIN_DATE.fullmatch(raw)) is not None:
                try:
                    value = dt.date(int(d[1]), int(d[2]), int(d[3]))
                except ValueError:
                    return None
            else:
                return None
        data[key] = value
        entries.append((key, raw, style, start, pos - 1))
    if pos != len(text) or not entries:
        return None
    return data, _Scalars(entries)


def _scalars(node: Any) -> list[tuple[Any, str, Any, int, int]]:
    """(key, scalar text, style, start, end) of each top-level value of a front matter node tree
    that is a scalar; a _Scalars' own entries."""
    if isinstance(node, _Scalars):
        return node.entries
    if node is None or not hasattr(node, "value") or not isinstance(node.value, list):
        return []
    return [(getattr(k, "value", None), v.value, v.style, v.start_mark.index, v.end_mark.index)
            for k, v in node.value if isinstance(getattr(v, "value", None), str)]


def _value_span(node_info: Any, key: str) -> Span | None:
    """Where a top-level front matter value sits in the source (front_matter_value_span)."""
    node, yaml_start = node_info
    if not isinstance(node, _Scalars):
        return front_matter_value_span(node, yaml_start, key)
    for k, _value, _style, start, end in node.entries:
        if k == key:
            return Span(yaml_start + start, yaml_start + end)
    return None


def parse_markdown(source: str, path: str) -> "Document":  # noqa: F821
    builder = ViewBuilder(source)
    meta = Metadata()
    body, front, node_info = split_front_matter(source, path)
    if body:
        builder.non_prose.append(Span(0, body))
        meta.front_matter = front
        _front_matter_prose(builder, front, node_info)
        for key in ("date", "publishDate", "published", "pubDate"):
            if key in front:
                d = parse_meta_date(front[key])
                if d is not None:
                    meta.date_sources.append((f"front matter '{key}'", d, _value_span(node_info, key)))
        title = front.get("title")
        meta.title = str(title) if title is not None else None
        author = front.get("author")
        meta.author = ", ".join(map(str, author)) if isinstance(author, list) else (str(author) if author else None)
    settle_date(meta, path)
    _body(builder, source, body)
    return builder.build(path, "md", meta)


def _front_matter_prose(builder: ViewBuilder, front: dict[str, Any], node_info: Any) -> None:
    node, yaml_start = node_info
    for key, value, style, start, end in _scalars(node):
        kind = PROSE_KEYS.get(key)
        if kind is None:
            continue
        start += yaml_start
        end += yaml_start
        raw = builder.source[start:end]
        builder.start_block(kind)
        if style in ('"', "'") and raw[1:-1] == value:
            builder.copy(start + 1, end - 1)
        elif style is None and raw == value:
            builder.copy(start, end)
        else:
            builder.stand_in(value, start, end)
        builder.end_block()


def _line_starts(source: str) -> list[int]:
    starts = [0]
    for m in re.finditer(r"\r\n|\r|\n", source):
        starts.append(m.end())
    return starts


# What makes a body more than plain paragraphs for markdown-it (CommonMark preset plus tables):
# a character that can start an inline construct (escape, code, emphasis, link or image,
# autolink or HTML, entity) or a table row; a carriage return or NUL (markdown-it rewrites them);
# a line that starts or ends with whitespace (indented code, trimming, hard breaks); or a line
# that starts like a block (heading, quote, list, rule, setext underline, fence). As one pattern
# (the test suite holds it to this): [\\`*_\[\]<&|\r\x00]|^\s|\s$|^(?:[#>+=~-]|\d+[.)]), multiline,
# with \s not matching the newline. Checked here with `in` and per line, ~20x faster than the regex.
_INLINE_MARKS = ("\\", "`", "*", "_", "[", "]", "<", "&", "|", "\r", "\x00")
_BLOCK_STARTS = frozenset("#>+=~-")
_ORDERED = re_compile(r"\d+[.)]")


def is_plain(text: str) -> bool:
    """Is this Markdown body only paragraphs of plain lines (see above)?"""
    for mark in _INLINE_MARKS:
        if mark in text:
            return False
    for line in text.split("\n"):
        if line and (line[0] in _BLOCK_STARTS or line[0].isspace() or line[-1].isspace()
                     or (line[0].isdecimal() and _ORDERED.match(line))):
            return False
    return True


def _plain_body(builder: ViewBuilder, source: str, body: int) -> bool:
    """The view of a body that is only paragraphs of plain lines, built without markdown-it.

    For such a body markdown-it yields one paragraph per run of non-empty lines, whose inline
    children are one text token per line (the whole line) joined by soft breaks; `_body` then
    copies each line and each line break. This builds the same pieces directly (the same text,
    blocks and offset map: tests/test_reader_shortcuts.py checks it against markdown-it) and
    returns False, building nothing, for any other body.
    """
    if not is_plain(source[body:]):        # the text markdown-it would see
        return False
    # a paragraph: a run of non-empty lines (a plain body's lines hold no white space at their
    # ends, so a line is empty only between paragraphs), its final line break left out
    builder.plain_blocks("paragraph", [m.span() for m in _PLAIN_PARAGRAPH.finditer(source, body)])
    return True


_PLAIN_PARAGRAPH = re_compile(r"[^\n]+(?:\n[^\n]+)*")


def _body(builder: ViewBuilder, source: str, body: int) -> None:
    if _plain_body(builder, source, body):
        return
    text = source[body:]
    tokens = _parser().parse(text)
    starts = [body + s for s in _line_starts(text)] + [len(source)]
    stack: list[str] = []
    for i, tok in enumerate(tokens):
        t = tok.type
        if t.endswith("_open"):
            stack.append(t[:-5])
        elif t.endswith("_close"):
            if stack:
                stack.pop()
        if t in ("fence", "code_block", "html_block", "hr"):
            if tok.map:
                builder.non_prose.append(Span(starts[tok.map[0]], starts[min(tok.map[1], len(starts) - 1)]))
            continue
        if t != "inline" or not tok.map:
            continue
        if "heading" in stack:
            kind = "heading"
        elif "blockquote" in stack:
            kind = "blockquote"
        elif "list_item" in stack:
            kind = "list"
        elif "table" in stack:
            kind = "table"
        else:
            kind = "paragraph"
        lo = starts[tok.map[0]]
        hi = starts[min(tok.map[1], len(starts) - 1)]
        builder.start_block(kind)
        _inline(builder, source, lo, hi, tok.children or [])
        builder.end_block()


def _inline(builder: ViewBuilder, source: str, lo: int, hi: int, children: list[Any]) -> None:
    cur = lo
    in_autolink = False
    for child in children:
        t = child.type
        if t == "link_open" and child.markup == "autolink":
            in_autolink = True
        elif t == "link_close":
            in_autolink = False
        if t == "text" and not in_autolink:
            cur = _align(builder, source, cur, hi, child.content)
        elif t in ("softbreak", "hardbreak"):
            m = _NEWLINE.search(source, cur, hi)
            if m:
                builder.copy(m.start(), m.end())
                cur = m.end()
            else:
                builder.synthetic("\n")
        elif t in ("code_inline", "html_inline"):
            end = source.find(child.content, cur, hi)
            if end != -1:
                builder.non_prose.append(Span(end, end + len(child.content)))
                cur = end + len(child.content)
            if t == "code_inline":
                builder.synthetic("\ufffc")  # a placeholder keeps the words around code apart
        elif t == "image":
            end = source.find(")", cur, hi)
            if end != -1:
                cur = end + 1
        elif t == "text" and in_autolink:
            end = source.find(child.content, cur, hi)
            if end != -1:
                cur = end + len(child.content)


def _align(builder: ViewBuilder, source: str, cur: int, hi: int, content: str) -> int:
    """Append a text token's content, mapped to where it stands in source[cur:hi]."""
    at = source.find(content, cur, hi)
    if at != -1:
        builder.copy(at, at + len(content))
        return at + len(content)
    # the source spells some characters differently: escapes (\*), entities (&amp;)
    import html     # here: its entity table costs ~2 ms of a cold start, and most articles never get here
    for ch in content:
        if cur < hi and source[cur] == ch:
            builder.copy(cur, cur + 1)
            cur += 1
            continue
        if source.startswith("\\" + ch, cur):
            builder.stand_in(ch, cur, cur + 2)
            cur += 2
            continue
        m = _ENTITY.match(source, cur)
        if m and html.unescape(m.group()) .startswith(ch):
            builder.stand_in(ch, m.start(), m.end())
            cur = m.end()
            continue
        nxt = source.find(ch, cur, hi)
        if nxt == -1:
            builder.synthetic(ch)
        else:
            builder.copy(nxt, nxt + 1)
            cur = nxt + 1
    return cur
