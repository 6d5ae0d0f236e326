"""`--format html`: one self-contained page an editor can open and read.

Each article is shown as written, with every finding highlighted in place (colour by category,
underline by level); hovering or focusing a highlight shows its message, suggestions and related
places, and a list beside each article links to every spot. Checkboxes filter by category and
level; a summary sits at the top.

Safety: every piece of article text and every message is HTML-escaped, and a Content-Security-
Policy allows only this page's own script and style (by hash) and no network at all, so even an
article that contains `<script>` cannot run anything.
"""
from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from html import escape
from typing import Iterable

from .. import __version__
from ..model import CATEGORIES, Finding, Severity
from ..report import FileReport, Summary
from .base import Formatter, show_suggestion

LEVELS = tuple(sorted(Severity, reverse=True))
# one colour per category (background of the highlight), readable on white
CATEGORY_COLORS = {
    "names": "#f8c8dc", "spelling": "#ffd6a5", "attribution": "#caffbf", "dates": "#9bf6ff",
    "style": "#bdb2ff", "usage": "#fdffb6", "punctuation": "#a0c4ff", "grammar": "#ffc6ff",
    "sourcing": "#d0f4de", "metadata": "#e4e4e4",
}
DEFAULT_COLOR = "#dddddd"

STYLE = """
:root { font-family: system-ui, sans-serif; color: #1b1b1b; background: #fafafa; }
body { margin: 0 auto; max-width: 80rem; padding: 1rem 2rem 4rem; }
h1 { font-size: 1.5rem; margin: .5rem 0; }
h2 { font-size: 1.1rem; margin: 0 0 .5rem; word-break: break-all; }
table.summary { border-collapse: collapse; margin: .5rem 0 1rem; }
table.summary th, table.summary td { border: 1px solid #ccc; padding: .2rem .6rem; text-align: right; }
table.summary th:first-child, table.summary td:first-child { text-align: left; }
.swatch { display: inline-block; width: .8em; height: .8em; border: 1px solid #888; margin-right: .3em; }
#filters fieldset { display: inline-block; border: 1px solid #ccc; margin: 0 1rem .5rem 0; }
#filters label { margin-right: .8rem; white-space: nowrap; }
section.article { display: grid; grid-template-columns: minmax(0, 3fr) minmax(16rem, 2fr); gap: 1.5rem;
  background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 1rem; margin: 1rem 0; }
section.article > h2 { grid-column: 1 / -1; }
pre.source { white-space: pre-wrap; overflow-wrap: anywhere; font: 1rem/1.6 Georgia, serif; margin: 0; }
.np { color: #8a8a8a; }
/* HTML articles read as text: their tags are hidden unless the reader asks to see them */
body:not(.show-markup) pre.fmt-html .np { display: none; }
mark.f { color: inherit; border-bottom: 2px solid #777; cursor: help; border-radius: 2px; }
mark.f.l-error { border-bottom: 3px solid #c62828; }
mark.f.l-warning { border-bottom: 2px dashed #b26a00; }
mark.f.l-suggestion { border-bottom: 2px dotted #00695c; }
mark.f.empty::before { content: "\\2038"; color: #c62828; font-weight: bold; }
mark.f.off { background: transparent !important; border-bottom: none; cursor: auto; }
mark.f:focus, mark.f:target { outline: 2px solid #1565c0; }
mark.r { background: transparent; color: inherit; border-bottom: 2px double #1565c0; }
mark.r.off { border-bottom: none; }
ol.findings { margin: 0; padding-left: 1.4rem; font-size: .92rem; }
ol.findings li { margin-bottom: .6rem; }
ol.findings li[hidden] { display: none; }
.lvl { font-weight: bold; text-transform: uppercase; font-size: .75rem; }
.lvl.l-error { color: #c62828; } .lvl.l-warning { color: #b26a00; } .lvl.l-suggestion { color: #00695c; }
.cat { border-radius: 3px; padding: 0 .3em; font-size: .8rem; }
.sugg { color: #1b5e20; }
code { font-size: .85rem; }
#tip { position: absolute; z-index: 10; max-width: 28rem; background: #fff; border: 1px solid #888;
  box-shadow: 0 2px 8px rgba(0,0,0,.25); padding: .5rem .7rem; font-size: .9rem; border-radius: 4px; }
.clean { color: #1b5e20; }
"""

SCRIPT = """
(function () {
  "use strict";
  var boxes = Array.prototype.slice.call(document.querySelectorAll("#filters input[name]"));
  function apply() {
    var off = {};
    boxes.forEach(function (b) { if (!b.checked) { off[b.name + ":" + b.value] = true; } });
    var shown = 0;
    document.querySelectorAll("[data-cat]").forEach(function (el) {
      var hide = !!(off["cat:" + el.getAttribute("data-cat")] || off["lvl:" + el.getAttribute("data-lvl")]);
      if (el.tagName === "LI") { el.hidden = hide; if (!hide) { shown += 1; } }
      else { el.classList.toggle("off", hide); }
    });
    var count = document.getElementById("shown");
    if (count) { count.textContent = String(shown); }
  }
  boxes.forEach(function (b) { b.addEventListener("change", apply); });
  var markup = document.getElementById("markup");
  if (markup) {
    markup.addEventListener("change", function () { document.body.classList.toggle("show-markup", markup.checked); });
  }
  var tip = document.getElementById("tip");
  function show(mark) {
    if (mark.classList.contains("off")) { return; }
    var item = document.getElementById("item-" + mark.getAttribute("data-f"));
    if (!item) { return; }
    tip.replaceChildren();
    item.querySelectorAll(".detail").forEach(function (d) { tip.appendChild(d.cloneNode(true)); });
    var r = mark.getBoundingClientRect();
    tip.style.left = Math.max(4, r.left + window.scrollX) + "px";
    tip.style.top = (r.bottom + window.scrollY + 4) + "px";
    tip.hidden = false;
  }
  function hide() { tip.hidden = true; }
  document.querySelectorAll("mark.f").forEach(function (m) {
    m.removeAttribute("title");   /* the script's tooltip replaces the browser's */
    m.addEventListener("mouseenter", function () { show(m); });
    m.addEventListener("mouseleave", hide);
    m.addEventListener("focus", function () { show(m); });
    m.addEventListener("blur", hide);
  });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") { hide(); } });
  apply();
})();
"""


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


CSP = (f"default-src 'none'; script-src {_hash(SCRIPT)}; style-src {_hash(STYLE)}; img-src data:; "
       "base-uri 'none'; form-action 'none'")


def e(text: object) -> str:
    return escape(str(text), quote=True)


@dataclass
class _Interval:
    start: int
    end: int
    kind: str              # f (finding), r (related place), np (not prose)
    fid: int = 0
    rel: int = 0
    finding: Finding | None = None
    opened: bool = False   # the first element of a finding carries its id (the link target)

    def open(self) -> str:
        if self.kind == "np":
            return '<span class="np">'
        f = self.finding
        assert f is not None
        data = f'data-cat="{e(f.category)}" data-lvl="{f.severity}"'
        if self.kind == "r":
            ident = "" if self.opened else f' id="r-{self.fid}-{self.rel}"'
            self.opened = True
            return f'<mark class="r"{ident} data-r="{self.fid}" {data}>'
        ident = "" if self.opened else f' id="f-{self.fid}"'
        self.opened = True
        empty = " empty" if self.start == self.end else ""
        tip = f.message + (f" Suggestion: {', '.join(map(show_suggestion, f.suggestions))}" if f.suggestions else "")
        return (f'<mark class="f c-{e(f.category)} l-{f.severity}{empty}"{ident} data-f="{self.fid}" {data} '
                f'tabindex="0" title="{e(tip)}">')

    def close(self) -> str:
        return "</span>" if self.kind == "np" else "</mark>"


def highlight(source: str, intervals: list[_Interval]) -> str:
    """The source, escaped, with intervals as properly nested elements.

    Intervals that cross are split: when one must close while a later-opened one is still open,
    that one is closed and reopened after it, so the markup stays well formed and each piece
    still belongs to its finding (`data-f`).
    """
    out: list[str] = []
    starts: dict[int, list[_Interval]] = {}
    empties: dict[int, list[_Interval]] = {}
    points = {0, len(source)}
    for iv in intervals:
        (empties if iv.start == iv.end else starts).setdefault(iv.start, []).append(iv)
        points.update((iv.start, iv.end))
    stack: list[_Interval] = []
    pos = 0
    for x in sorted(points):
        out.append(escape(source[pos:x]))       # e() without its str(): a slice is a str
        pos = x
        if stack and any(iv.end == x for iv in stack):
            reopen = []
            while any(iv.end == x for iv in stack):
                top = stack.pop()
                out.append(top.close())
                if top.end != x:
                    reopen.append(top)
            for iv in reversed(reopen):
                out.append(iv.open())
                stack.append(iv)
        for iv in empties.get(x, []):
            out.append(iv.open() + iv.close())
        # longer first, so it encloses the shorter ones that start here; prose markers outermost
        for iv in sorted(starts.get(x, []), key=lambda iv: (iv.kind != "np", -iv.end, iv.fid, iv.rel)):
            out.append(iv.open())
            stack.append(iv)
    out.append(escape(source[pos:]))
    while stack:
        out.append(stack.pop().close())
    return "".join(out)


class HtmlFormatter(Formatter):
    name = "html"

    def start(self) -> None:
        self.sections: list[str] = []
        self.next_id = 1
        self.table: dict[str, dict[Severity, int]] = {}
        self.files: list[tuple[str, int, int]] = []   # path, section number, findings
        self.html_articles = False

    def file(self, report: FileReport) -> None:
        n = len(self.files) + 1
        self.files.append((report.path, n, len(report.findings)))
        intervals: list[_Interval] = []
        items: list[str] = []
        for f in report.findings:
            fid = self.next_id
            self.next_id += 1
            self.table.setdefault(f.category, {s: 0 for s in Severity})[f.severity] += 1
            intervals.append(_Interval(f.span.start, f.span.end, "f", fid, finding=f))
            for k, r in enumerate(f.related, 1):
                intervals.append(_Interval(r.span.start, r.span.end, "r", fid, k, finding=f))
            items.append(self._item(fid, f))
        doc = report.document
        if doc is not None:
            self.html_articles = self.html_articles or doc.format == "html"
            intervals.extend(_Interval(s.start, s.end, "np") for s in doc.non_prose if s.end > s.start)
            body = f'<pre class="source fmt-{e(doc.format)}">{highlight(doc.source, intervals)}</pre>'
        else:
            body = '<p>(the article text is not available)</p>'
        listing = (f'<ol class="findings">{"".join(items)}</ol>' if items
                   else '<p class="clean">No findings.</p>')
        self.sections.append(
            f'<section class="article" id="a-{n}"><h2>{e(report.path)} '
            f'<small>({len(report.findings)} finding{"" if len(report.findings) == 1 else "s"})</small></h2>'
            f'<div class="text">{body}</div><div class="list">{listing}</div></section>')

    def _item(self, fid: int, f: Finding) -> str:
        p = f.position
        parts = [
            f'<li id="item-{fid}" data-cat="{e(f.category)}" data-lvl="{f.severity}">',
            f'<a class="loc" href="#f-{fid}">{p.line}:{p.column}</a> ',
            f'<div class="detail"><span class="lvl l-{f.severity}">{f.severity}</span> ',
            f'<span class="cat c-{e(f.category)}">{e(f.category)}</span> <code>{e(f.rule)}</code>',
            f'<div class="msg">{e(f.message)}</div>',
        ]
        if f.suggestions:
            sugg = ", ".join(f'<q class="sugg">{e(s)}</q>' if s.strip() else f'<em>{e(show_suggestion(s))}</em>'
                             for s in f.suggestions)
            parts.append(f'<div>{"Fix" if len(f.suggestions) == 1 else "Suggestions"}: {sugg}</div>')
        if f.related:
            parts.append("<ul class=\"related\">" + "".join(
                f'<li><a href="#r-{fid}-{k}">{r.position.line}:{r.position.column}</a> {e(r.message)}</li>'
                for k, r in enumerate(f.related, 1)) + "</ul>")
        parts.append("</div></li>")
        return "".join(parts)

    def _summary(self, summary: Summary) -> Iterable[str]:
        levels = ", ".join(f"{summary.by_level[s]} {s}{'' if summary.by_level[s] == 1 else 's'}" for s in LEVELS)
        yield (f'<p><strong>{summary.findings}</strong> finding{"" if summary.findings == 1 else "s"} '
               f'({levels}) in {summary.files} file{"" if summary.files == 1 else "s"}; '
               f'<span id="shown">{summary.findings}</span> shown.</p>')
        if self.table:
            yield '<table class="summary"><thead><tr><th>category</th>'
            yield "".join(f"<th>{s}</th>" for s in LEVELS) + "<th>total</th></tr></thead><tbody>"
            for cat, counts in sorted(self.table.items(), key=lambda kv: (-sum(kv[1].values()), kv[0])):
                yield (f'<tr><td><span class="swatch c-{e(cat)}"></span>{e(cat)}</td>'
                       + "".join(f"<td>{counts[s]}</td>" for s in LEVELS) + f"<td>{sum(counts.values())}</td></tr>")
            yield "</tbody></table>"
        if len(self.files) > 1:
            yield "<ul class=\"files\">" + "".join(
                f'<li><a href="#a-{n}">{e(path)}</a> ({count})</li>' for path, n, count in self.files) + "</ul>"
        cats = sorted(self.table, key=lambda c: CATEGORIES.index(c) if c in CATEGORIES else len(CATEGORIES))
        yield '<form id="filters"><fieldset><legend>Category</legend>'
        yield "".join(f'<label><input type="checkbox" name="cat" value="{e(c)}" checked> '
                      f'<span class="swatch c-{e(c)}"></span>{e(c)}</label>' for c in cats)
        yield '</fieldset><fieldset><legend>Level</legend>'
        yield "".join(f'<label><input type="checkbox" name="lvl" value="{s}" checked> {s}</label>' for s in LEVELS)
        yield "</fieldset>"
        if self.html_articles:
            yield ('<fieldset><legend>View</legend><label><input type="checkbox" id="markup"> '
                   'show the HTML markup</label></fieldset>')
        yield "</form>"

    def finish(self, summary: Summary) -> None:
        colors = "".join(f".c-{c} {{ background: {col}; }}\n" for c, col in CATEGORY_COLORS.items())
        # categories a custom rule may add get a neutral colour (only names that are safe in CSS)
        extra = [c for c in self.table if c not in CATEGORY_COLORS and c.replace("-", "").isalnum()]
        colors += "".join(f".c-{c} {{ background: {DEFAULT_COLOR}; }}\n" for c in extra)
        style = STYLE + colors
        csp = CSP.replace(_hash(STYLE), _hash(style))
        title = e(self.options.get("title") or "deskcheck report")
        w = self.stream.write
        w("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
        w(f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n')
        w('<meta name="viewport" content="width=device-width, initial-scale=1">\n')
        w(f'<meta name="generator" content="deskcheck {e(__version__)}">\n')
        w(f'<title>{title}</title>\n<link rel="icon" href="data:,">\n<style>{style}</style></head>\n<body>\n')
        w(f"<header><h1>{title}</h1>{''.join(self._summary(summary))}</header>\n<main>\n")
        w("\n".join(self.sections))
        w('\n</main>\n<div id="tip" role="tooltip" hidden></div>\n')
        w(f"<script>{SCRIPT}</script>\n</body></html>\n")
