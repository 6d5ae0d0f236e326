"""The check stage: every rule over one Document, hits turned into source-positioned Findings."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from . import prefilter, profiling
from .kinds.base import Context, Settings
from .model import Document, Finding, Hit, IdentityMap, OffsetMap, RelatedLocation, Span
from .rules import Rule
from .scopes import is_raw, segments


@dataclass
class RuleFailure:
    rule: str
    path: str
    error: str


@dataclass
class CheckResult:
    findings: list[Finding] = field(default_factory=list)
    failures: list[RuleFailure] = field(default_factory=list)


def to_finding(doc: Document, rule: Rule, hit: Hit, omap: OffsetMap) -> Finding:
    span = omap.span(hit.span)
    # most hits point nowhere else: skip setting up the generator for them
    related = tuple(
        RelatedLocation(rs, doc.position(rs), r.message)
        for r in hit.related
        for rs in [omap.span(r.span)]
    ) if hit.related else ()
    # positional: a call with nine keywords costs a third more than the Finding it makes
    return Finding(rule.id, hit.category or rule.category, rule.level, hit.message, span,
                   doc.position(span), doc.source[span.start:span.end], hit.suggestions, related)


# Kinds whose every hit comes from a match of one compiled pattern (the attribute named here) in
# the view: a rule of one of these is skipped on an article that lacks what every match of that
# pattern requires (deskcheck.prefilter), which is exact, so findings never change.
PREFILTERED_KINDS = {"existence": "pattern", "substitution": "pattern", "compound-modifier": "pattern",
                     "demonym": "pattern", "unattributed": "claim"}
_UNSET = object()


def _required(rule: Rule) -> "prefilter.Filter | None":
    """The filter of a rule's pattern, worked out once per loaded rule and kept on its kind
    object (not in a table keyed by id(): a later rule's kind could reuse a freed object's id)."""
    need = getattr(rule.kind, "_deskcheck_required", _UNSET)
    if need is _UNSET:
        attr = PREFILTERED_KINDS.get(rule.kind_name)
        pattern = getattr(rule.kind, attr, None) if attr else None
        needles = getattr(rule.kind, "prefilter_needles", prefilter.SEGMENT_NEEDLES)
        need = prefilter.filter_for(pattern, needles) if pattern is not None else None
        try:
            rule.kind._deskcheck_required = need  # type: ignore[attr-defined]
        except AttributeError:      # a kind with __slots__: ask again next time
            pass
    return need  # type: ignore[return-value]


_plans: "dict[int, tuple[list[Rule], list[tuple[Rule, Any, tuple[str, ...], bool, prefilter.Filter | None]]]]" = {}


def _plan(rules: list[Rule]) -> "list[tuple[Rule, Any, tuple[str, ...], bool, prefilter.Filter | None]]":
    """Per rule: its kind and scope, whether the scope is raw, and its prefilter, worked out
    once per rule list (a run checks every article with the same list) rather than once per
    rule per article. Kept by the list's identity (the list is held, so a freed list's id
    cannot come back for another); the engine checks each entry's kind and scope are still the
    rule's before using it."""
    got = _plans.get(id(rules))
    if got is None or got[0] is not rules or len(got[1]) != len(rules):
        if len(_plans) > 16:
            _plans.clear()
        got = _plans[id(rules)] = (rules, [(r, r.kind, r.scope, is_raw(r.scope), _required(r)) for r in rules])
    return got[1]


def check_document(doc: Document, rules: list[Rule], settings: Settings) -> CheckResult:
    if not profiling.ENABLED:
        return _check_document(doc, rules, settings)
    # the engine's own work (prefilter, segments, findings) as a stage of its own: the rules'
    # timers nest inside this one, so their time is not counted twice
    profiling.start()
    try:
        return _check_document(doc, rules, settings)
    finally:
        profiling.stop(ENGINE_STAGE)


ENGINE_STAGE = "stage:engine (prefilter, segments)"
FINDINGS_STAGE = "stage:engine (findings: source positions)"


def _check_document(doc: Document, rules: list[Rule], settings: Settings) -> CheckResult:
    from .patterns import RegexTimeout

    result = CheckResult()
    identity = IdentityMap()
    timed = profiling.ENABLED
    # many rules share a scope: select its segments once per document, not once per rule
    by_scope: dict[tuple[str, ...], list[Span]] = {}
    holes: dict[str, list[Span]] = {}          # what `~name` removes, shared by the scopes
    # the raw or prose view, folded when first needed (kept with the document: a kind may read
    # the needles' places its rule's filter found, prefilter.view_of)
    views: dict[bool, prefilter.View] = doc.cache.setdefault(prefilter.VIEWS_KEY, {})
    fmt, profile = doc.format, settings.profile
    for rule, (planned, kind, scope, raw, need) in zip(rules, _plan(rules)):
        # does the rule apply to this article (enabled, its formats, its profiles)? Asked for every
        # rule of every article, so written out here rather than called
        if not rule.enabled or (rule.formats and fmt not in rule.formats) or (
                rule.profiles and profile not in rule.profiles):
            continue
        if planned is not rule or rule.kind is not kind or rule.scope is not scope:
            raw, need = is_raw(rule.scope), _required(rule)     # changed since the plan: ask again
        if need is not None:
            view = views.get(raw)
            if view is None:
                view = views[raw] = prefilter.View(doc.source if raw else doc.text)
            if not need.may_match(view):
                continue            # the rule's pattern cannot match this article: nothing to scan
        spans = by_scope.get(rule.scope)
        if spans is None:
            spans = by_scope[rule.scope] = segments(doc, rule.scope, holes)
        if need is not None and need.per_segment:
            # a segment that lacks what every match inside it needs is not scanned (each scan call
            # costs microseconds of set-up, the regex timeout's included, before reading a character)
            spans = need.segments(views[raw], spans)
            if not spans:
                continue
        ctx = Context(doc, doc.source if raw else doc.text, list(spans), settings, raw)
        omap = identity if raw else doc.offsets
        if timed:
            profiling.KINDS[rule.id] = rule.kind_name
            profiling.start()
        try:
            for hit in rule.kind.check(ctx):
                if timed:
                    # hits come lazily, inside the rule's timer: time the engine's part on its own
                    profiling.start()
                    try:
                        finding = to_finding(doc, rule, hit, omap)
                    finally:
                        profiling.stop(FINDINGS_STAGE)
                else:
                    finding = to_finding(doc, rule, hit, omap)
                result.findings.append(finding)
        except RegexTimeout:
            raise
        except Exception as exc:  # a bug in one rule must not hide every other finding
            result.failures.append(RuleFailure(rule.id, doc.path, f"{type(exc).__name__}: {exc}"))
        finally:
            if timed:
                profiling.stop("rule:" + rule.id)
    doc.cache.pop(prefilter.VIEWS_KEY, None)    # the rules are done with them
    return result
