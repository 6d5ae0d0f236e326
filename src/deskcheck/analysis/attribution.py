"""Who said it: which quotations need a speaker, and whether the copy names one.

A quotation needs a speaker when it is direct speech: a quotation standing as its own sentence
(it opens the sentence and ends with the sentence), one introduced by a colon, or a partial quote
of several words inside a sentence. It does not when it names something: a title of a work or
other capitalised name ("War and Peace", "Rochette"), a term or scare quote of a word or three
("reset"), or a quotation introduced as a name, slogan or sign text (so-called, dubbed, nicknamed,
titled, a sign reading ...), or credited like a work ("..." by Jane Doe).

It is attributed when a speech cue (a speech verb such as said, told, wrote, according to, or
"in a statement") stands outside every quotation in its own sentence, or in the sentence right
before or after it in the same paragraph, with someone to say it (a name, a pronoun, a noun
phrase). The paragraphs of a running quote share one attribution. Words inside quotation marks
never attribute anything.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from .. import prefilter
from ..alternation import by_prefix, split_top
from ..compiled import re_compile
from ..model import Document, Span
from . import cached
from .quotes import Quote, quotes
from .sentences import Sentence, sentences

# speech verbs and phrases: the speaker's side of a quotation
_VERBS = (
    "said|says|say|saying|told|tells|tell|telling|added|adds|adding|wrote|writes|writing|"
    "asked|asks|asking|(?<!-)called|(?<!-)calls|calling|described|describes|describing|"
    "stated|states|noted|notes|noting|explained|explains|explaining|continued|continues|"
    "replied|replies|responded|responds|declared|declares|announced|announces|insisted|insists|"
    "argued|argues|arguing|warned|warns|warning|claimed|claims|recalled|recalls|remarked|"
    "admitted|admits|tweeted|tweets|posted|posts|reported|reports|urged|urges|acknowledged|"
    "conceded|concedes|suggested|suggests|cautioned|joked|jokes|exclaimed|shouted|shouts|yelled|"
    "whispered|recounted|recounts|observed|commented|complained|complains|boasted|predicted|"
    "predicts|promised|vowed|vows|pledged|confirmed|confirms|denied|denies|emphasi[sz]ed|"
    "emphasi[sz]es|stressed|stresses|concluded|testified|texted|messaged|chanted|sang|sings|"
    "laughed|sighed|answered|answers|agreed|mused|quipped|countered|retorted|maintained|"
    "contended|wondered|wonders|thundered|recalled|quoted|quoting|cited|citing|"
    "revealed|reveals|reflected|lamented|laments|offered|summed up|sums up|estimated|cried|"
    "screamed|murmured|muttered|begged|pleaded|pleads|demanded|demands|objected|protested|"
    "reasoned|proclaimed|assured|reassured|informed|advised|hinted|speculated|elaborated|"
    "clarified|confessed|disclosed|interjected|opined|proposed|recommended|repeated|reiterated|"
    "reiterates|reminded|reckoned|reckons|snapped|swore|teased|threatened|blogged|emailed|"
    "e-mailed|wrote back|characteri[sz]ed|(?:was|were|is|are|been) quoted|"
    "spoke|speaks|found|finds|concludes|recommends|recommended|"
    "put it|puts it|pointed out|points out|went on|goes on|according to"
)
_PHRASES = (
    r"in an? (?:joint |written |brief |short |televised |recorded |video |radio )?"
    r"(?:statement|interview|email|e-mail|letter|post|tweet|message|speech|address|video|op-ed|"
    r"column|blog|memo|note|briefing|podcast|broadcast|press release|news conference|press conference)"
    r"|in (?:his|her|their|its|my|our|your) (?:words|statement|speech|remarks|letter|post|memoir|"
    r"book|column|testimony|address)"
    r"|speaking (?:to|at|on|from|with|during|after|before|in)\b"
    r"|in [A-Z][\w-]*(?:'s|’s|s'|s’) (?:own )?words"
)
# grouped by leading letters: the same matches, found several times faster (deskcheck.alternation)
SPEECH_CUE = re_compile(rf"\b{by_prefix(split_top(_VERBS) + split_top(_PHRASES))}\b")

# a speaker for the verb: a pronoun, a capitalised word, or a noun phrase with a determiner
_SPEAKER = re_compile(
    r"\b(?:he|she|they|we|I|it|you|who|which|one|[A-Z][\w’'.-]*|"
    r"(?:the|a|an|his|her|their|its|our|my|your|this|that|two|three|several|many|some|other)\s+[\w-]+)\b"
)
# nouns that make a colon introduction an attribution ("Her message was blunt: ...")
_COLON_INTRO = re_compile(
    r"\b(?:statement|message|words|response|reply|answer|verdict|speech|remarks?|letter|post|tweet|"
    r"note|email|warning|advice|explanation|view|position|argument|plea|question|conclusion|"
    r"summary|instructions?|orders?)\b[^.!?]*:\s*$",
    re.IGNORECASE,
)

# what names a quotation rather than reporting speech, right before its opening mark
_NAMING_WORDS = (
    r"so-called|dubbed|nicknamed|named|called|titled|entitled|headlined|"
    r"captioned|labell?ed|branded|known as|billed as|referred to as|marketed as|"
    r"listed as|term|terms|word|words|phrase|slogan|motto|hashtag|signs?|"
    r"banners?|placards?|posters?|t-shirts?|stickers?|reading|reads?|marked|stamped|"
    r"emblazoned with|logo|the name|nickname|title|headline|campaign|brand|"
    r"(?:film|movie|book|novel|song|album|play|show|series|opera|poem|exhibition|painting|report|"
    r"study|paper|essay|article|column|podcast|documentary|memoir|anthem|hymn|single|track|episode|"
    r"programme|program|policy|plan|operation|code name|codename)s?"
)
# matched ignoring case, as `\b(?:words)\s*...$` under re.IGNORECASE would be; the words grouped
# by their leading letters (deskcheck.alternation): _naming tries the pattern at a couple of dozen
# places per quotation, and the flat list tried every word at each
_NAMING = re_compile(rf"\b{by_prefix(split_top(_NAMING_WORDS))}(?i:\s*,?\s*(?:of\s+|as\s+|the\s+|a\s+)?$)")
# a quotation used as a modifier names a thing: the "don't ask, don't tell" policy
_NAMED_AFTER = re_compile(
    r"\s+(?:policy|policies|rule|rules|law|laws|order|orders|campaign|slogan|scheme|plan|strategy|"
    r"approach|programme|program|initiative|movement|era|doctrine|model|deal|bill|act|clause|tax|"
    r"agreement|principle|principles|project|operation|sign|signs|banner|label|button|option|"
    r"mode|setting|message|warning|badge)\b")
_CREDIT = re_compile(r"\s*,?\s+by\s+(?:[A-Z]|the\s+[A-Z])")
_SMALL_WORDS = frozenset(
    "a an and the of in on at to for by with from or nor but as de la le du von van der da del di "
    "is are was be it its vs".split())
_FIRST_PERSON = re_compile(r"\b(?:I|I'm|I’m|I've|I’ve|me|my|we|we're|we’re|us|our|you|your)\b")
_MASK = "\ufffc"   # stands for a quotation when looking for cues outside quotation marks
# "... the end." — Jane Doe: a dash after a quotation, then the speaker's name
_DASH_CREDIT = re_compile(rf"{_MASK}\s*[—–]\s*[A-Z]|^\s*[—–]\s*[A-Z]")
_WORD = re_compile(r"[\w’'-]+")

# anonymous sources: "sources said", "a source close to the talks told ...", "according to sources"
_SOURCE_VERBS = r"said|say|says|told|tell|tells|confirmed|confirm|indicated|revealed|claimed|claim|suggested|suggest|added|insisted|warned|described"
_ANONYMOUS_FORMS = [
    r"sources?\b(?:\s+(?:close\s+to|familiar\s+with|at|in|within|inside|from|with\s+knowledge\s+of|"
    r"involved\s+in|briefed\s+on|on|near)(?:\s+[\w’'-]+){1,6}?)?(?:,\s*who\s[^,.;]*,)?,?\s+"
    rf"(?:have\s+|had\s+|also\s+)?(?:{_SOURCE_VERBS})\b",
    r"according\s+to\s+(?:(?:a|an|one|two|three|several|some|multiple|other|unnamed|anonymous|"
    r"senior|the|[\w-]+)\s+){0,3}?sources?\b",
    r"(?:a|an|one|two|three|several)\s+(?:person|people|official|officials|insider|insiders|diplomat|"
    r"diplomats|aide|aides)\s+(?:familiar\s+with|close\s+to|with\s+knowledge\s+of)\b[^.;!?]*?\s"
    r"(?:said|says|told)\b",
    r"(?:people|persons)\s+(?:familiar\s+with|close\s+to|with\s+knowledge\s+of)\b[^.;!?]*?\s"
    r"(?:said|say|says|told)\b",
]
ANONYMOUS = re_compile(rf"\b{by_prefix(_ANONYMOUS_FORMS)}")
_SOURCE_MODIFIER = re_compile(
    r"(?:a|an|one|two|three|four|several|some|multiple|other|unnamed|anonymous|senior|the|"
    r"government|military|diplomatic|security|intelligence|industry|police|party|official|"
    r"[A-Z][\w-]*)$")
ANONYMITY_REASON = re_compile(
    r"\bbecause\b|\bnot\s+authori[sz]ed\b|\bnot\s+permitted\b|\bnot\s+allowed\s+to\b|\bto\s+protect\b|"
    r"\bfor\s+fear\b|\bfearing\b|\bsensitiv|\bto\s+speak\s+freely\b|\bconfidential|\bprivate\s+(?:talks|"
    r"discussions|deliberations|matters)\b|\bfor\s+(?:their|his|her)\s+(?:safety|protection)\b|"
    r"\breprisals?\b|\bretaliation\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class QuoteCheck:
    quote: Quote
    needs_speaker: bool
    why: str                 # how the decision was made (for messages and tests)
    cue: Span | None         # the attribution found, when there is one


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


# the first eight of _WORD's matches (each a whole run: the look-ahead stops a run being split)
_AT_LEAST_EIGHT_WORDS = re_compile(r"(?:[^\w’'-]*[\w’'-]+(?![\w’'-])){8}")
_EIGHT_WORDS = ["word"] * 8     # stands for a quotation's words when it has eight or more


def _title_like(words: list[str]) -> bool:
    # a long run of capitalised words is more likely a headline-case sentence than a name (asked
    # first: most quotations are long, and then no word needs looking at)
    if len(words) >= 8:
        return False
    significant = [w for w in words if w.lower() not in _SMALL_WORDS]
    return bool(significant) and all(w[0].isupper() or w[0].isdigit() for w in significant)


# the longest word or phrase _NAMING names a quotation with ("emblazoned with"), and more
_NAMING_REACH = 24


def _naming(lead: str) -> bool:
    """_NAMING.search(lead) for a lead without trailing whitespace, tried only near its end.

    A match ends at the end of the lead: its optional tail (of, as, the, a) needs whitespace
    after it, which the lead does not end with, so a match is a naming word, spaces, a comma
    perhaps, and the end. Its naming word then ends where the lead, less a final comma and the
    spaces before it, ends, and starts at most _NAMING_REACH characters before that. `re`
    reads the characters before `pos` for the word boundary, so no match is lost or gained."""
    core = lead[:-1].rstrip() if lead.endswith(",") else lead
    return _NAMING.search(lead, max(0, len(core) - _NAMING_REACH)) is not None


def classify(doc: Document, q: Quote, lead: str) -> tuple[bool, str]:
    """Does this quotation need a speaker? `lead` is its sentence's text before the opening mark."""
    text = doc.text
    inner = text[q.inner.start:q.inner.end].strip()
    # eight words or more decide the length tests below alike (and are never title-like):
    # then the rest of a long quotation need not be split into words
    words = _EIGHT_WORDS if _AT_LEAST_EIGHT_WORDS.match(inner) else _words(inner)
    if not words:
        return False, "empty"
    block_end = doc.blocks[q.block].span.end
    after = text[q.span.end:min(block_end, q.span.end + 40)]
    lead_core = lead.rstrip()
    if _naming(lead_core):
        return False, "named"
    if q.closed and _CREDIT.match(after):
        return False, "credit"
    if q.closed and _NAMED_AFTER.match(after) and not inner.rstrip()[-1:] in ".!?,":
        return False, "named"
    last = inner.rstrip("”’\"' ")[-1:]
    ends_sentence_inside = last in ".!?…"
    standalone = lead_core.strip(" —–-\u00a0") == "" or lead_core.endswith(":")
    ends_clause = (not q.closed or after[:1] in ",.!?;:—–)" or after.strip() == ""
                   or last in ".!?,…—–-")
    if _title_like(words) and not (standalone and ends_sentence_inside):
        return False, "title"
    if standalone and ends_clause:
        return True, "speech"
    if len(words) >= 4 or (len(words) >= 2 and _FIRST_PERSON.search(inner)):
        return True, "partial"
    return False, "term"


def _near(quote_spans: list[Span], span: Span, ends: list[int] | None = None) -> list[Span]:
    """The quotations that can touch `span`. Outer quotations never overlap, so they are sorted by
    end as well as start: a binary search finds the first, instead of a walk over every quotation
    of the article for every sentence (quadratic on a long file). `ends`: the spans' ends, when
    the caller has listed them."""
    if ends is not None:
        i = bisect_right(ends, span.start)
    else:
        i = bisect_right(quote_spans, span.start, key=_end_of)
    j = i
    while j < len(quote_spans) and quote_spans[j].start < span.end:
        j += 1
    return quote_spans[i:j]


def _end_of(span: Span) -> int:
    return span.end


def _masked(text: str, span: Span, quote_spans: list[Span], ends: list[int] | None = None) -> str:
    """The text of `span` with every quotation in it replaced by one mask character each."""
    out = []
    pos = span.start
    for qs in _near(quote_spans, span, ends):
        if qs.end <= pos or qs.start >= span.end:
            continue
        out.append(text[pos:max(pos, qs.start)])
        out.append(_MASK)
        pos = max(pos, qs.end)
    if pos < span.end:
        out.append(text[pos:span.end])
    return "".join(out)


def find_cue(masked: str) -> re.Match[str] | None:
    """A speech cue with a speaker near it, outside quotation marks."""
    for m in SPEECH_CUE.finditer(masked):
        window = masked[max(0, m.start() - 80):m.start()] + " " + masked[m.end():m.end() + 60]
        for s in _SPEAKER.finditer(window.replace(_MASK, " ")):
            if s.group().lower() not in ("according", "said", "says"):
                return m
    m = _DASH_CREDIT.search(masked)
    if m is not None:
        return m
    stripped = masked.rstrip()
    if stripped.endswith(_MASK):
        before = stripped[:-1]
        if _COLON_INTRO.search(before):
            return _COLON_INTRO.search(before)
    # a colon introduction inside the sentence: "Her answer: ..." with a quote after it
    i = masked.find(":" + " " + _MASK)
    if i == -1:
        i = masked.find(":" + _MASK)
    if i != -1 and _COLON_INTRO.search(masked[:i + 1]):
        return _COLON_INTRO.search(masked[:i + 1])
    return None


class _ByBlock:
    """The sentences of one block, as a range of the article's sentence list: sentences come block
    by block, in block order, so two binary searches find a block's (asked only for the few
    blocks holding a quotation, instead of sorting every sentence of the article into blocks)."""

    def __init__(self, sents: list[Sentence]) -> None:
        self.sents = sents
        self._ranges: dict[int, tuple[int, int]] = {}

    def range(self, block: int) -> tuple[int, int]:
        r = self._ranges.get(block)
        if r is None:
            sents = self.sents
            lo = bisect_left(sents, block, key=_block_of)
            r = self._ranges[block] = (lo, bisect_right(sents, block, lo, key=_block_of))
        return r


def _block_of(s: Sentence) -> int:
    return s.block


def _span_end(s: Sentence) -> int:
    return s.span.end


def _span_start(s: Sentence) -> int:
    return s.span.start


@cached
def quote_checks(doc: Document) -> list[QuoteCheck]:
    """Every outer quotation of the prose, with its need for a speaker and its attribution."""
    text = doc.text
    outer = [q for q in quotes(doc) if q.depth == 0]
    if not outer:
        return []
    spans = [q.span for q in outer]
    ends = [s.end for s in spans]
    sents = sentences(doc)
    by_block = _ByBlock(sents)
    checks: list[QuoteCheck] = []
    first_of_group: dict[int, int] = {}
    # a sentence's cue depends on the sentence alone (and the quotations, the same for all): neighbouring
    # quotations ask about the same sentences, so each sentence is masked and scanned once
    cues: dict[int, Span | None] = {}
    for q in outer:
        lo, hi = by_block.range(q.block)
        # the sentences of the block that overlap the quotation: sentences and quotations are never
        # empty, and a block's sentences are in order without overlapping, so they are those
        # ending after the quotation starts and starting before it ends, a run found by bisection
        i0 = bisect_right(sents, q.span.start, lo, hi, key=_span_end)
        i1 = bisect_left(sents, q.span.end, i0, hi, key=_span_start) - 1
        cue: Span | None = None
        if i0 <= i1:
            first = sents[i0]
            lead = text[first.span.start:q.span.start] if first.span.start <= q.span.start else ""
            # the sentence itself first, then the one before, then the one after
            order = list(range(i0, i1 + 1)) + [max(lo, i0 - 1), min(hi - 1, i1 + 1)]
            for i in order:
                if i in cues:
                    cue = cues[i]
                else:
                    s = sents[i]
                    m = find_cue(_masked(text, s.span, spans, ends))
                    cue = cues[i] = None if m is None else _cue_span(text, s.span, spans, m, ends)
                if cue is not None:
                    break
        else:
            lead = ""
        if cue is None and _opens_block(text, doc.blocks[q.block].span.start, q.span.start):
            cue = _colon_before_block(doc, q, by_block)
        needs, why = classify(doc, q, lead)
        if q.continued and q.group in first_of_group:
            head = checks[first_of_group[q.group]]
            # a running quote's later paragraphs carry the first paragraph's speaker (and need)
            needs, why = head.needs_speaker, "running"
            if cue is None:
                cue = head.cue
            elif head.cue is None:
                checks[first_of_group[q.group]] = QuoteCheck(head.quote, head.needs_speaker, head.why, cue)
        first_of_group.setdefault(q.group, len(checks))
        checks.append(QuoteCheck(q, needs, why, cue))
    return checks


def _opens_block(text: str, block_start: int, start: int) -> bool:
    """Nothing but whitespace before `start` in its block: text[block_start:start].strip() == "",
    without slicing the paragraph when its first character already says no."""
    if start > block_start and not text[block_start].isspace():
        return False
    return text[block_start:start].strip() == ""


def _colon_before_block(doc: Document, q: Quote, by_block: _ByBlock) -> Span | None:
    """A paragraph ending "He said:" introduces the quotation that opens the next paragraph."""
    if q.block == 0:
        return None
    prev = doc.blocks[q.block - 1]
    if doc.text[prev.span.start:prev.span.end].rstrip().endswith(":"):
        lo, hi = by_block.range(prev.index)
        if hi > lo:
            last = by_block.sents[hi - 1]
            masked = _masked(doc.text, last.span, [])
            if SPEECH_CUE.search(masked) or _COLON_INTRO.search(masked):
                return last.span
    return None


def _cue_span(text: str, sent: Span, spans: list[Span], m: re.Match[str], ends: list[int] | None = None) -> Span:
    """Map a cue match in masked text back to the view (walking the masks): the masked text is
    runs copied from the view, each quotation standing as one character for its start."""
    pieces: list[tuple[int, int, int]] = []     # (masked start, view start, length)
    pos = sent.start
    k = 0
    for qs in _near(spans, sent, ends):
        if qs.end <= pos or qs.start >= sent.end:
            continue
        cut = max(pos, qs.start)
        if cut > pos:
            pieces.append((k, pos, cut - pos))
            k += cut - pos
        pieces.append((k, cut, 1))
        k += 1
        pos = max(pos, qs.end)
    if sent.end > pos:
        pieces.append((k, pos, sent.end - pos))
        k += sent.end - pos

    def view(i: int) -> int:
        if i < 0:           # as a list index would
            i += k
        for start, at, n in pieces:
            if i < start + n:
                return at + (i - start)
        raise IndexError(i)

    a = view(min(m.start(), k - 1))
    b = view(min(m.end(), k) - 1) + 1
    return Span(a, max(a, b))


@cached
def orphans(doc: Document) -> list[QuoteCheck]:
    """Quotations that need a speaker and have none (one per running quotation): what
    `_orphans_from_checks` finds in quote_checks, asking only what decides it.

    A running quotation is reported, by its first part, when that part is not left unbalanced,
    needs a speaker, and no part has a cue. Whether a part has one does not depend on which cue
    it is, so no cue is mapped back to the view; the parts' cues are looked for first (most
    quotations have one in their own sentence) and the first part classified only for a
    quotation with none; later parts take the first part's need, so they are never classified.
    The answer is that of the plain path (tests/test_speed_quotes.py holds the two equal)."""
    outer = [q for q in quotes(doc) if q.depth == 0]
    if not outer:
        return []
    text = doc.text
    blocks = doc.blocks
    spans = [q.span for q in outer]
    ends = [s.end for s in spans]
    sents = sentences(doc)
    by_block = _ByBlock(sents)
    # a running quotation's parts, first part first (parts come in text order)
    groups: dict[int, list[Quote]] = {}
    for q in outer:
        parts = groups.get(q.group)
        if parts is None:
            groups[q.group] = [q]
        else:
            parts.append(q)
    has_cue: dict[int, bool] = {}           # by sentence index: each is masked and scanned once
    out: list[QuoteCheck] = []
    for parts in groups.values():
        head = parts[0]
        if head.unbalanced:
            continue
        lead: str | None = None
        attributed = False
        for q in parts:
            lo, hi = by_block.range(q.block)
            i0 = bisect_right(sents, q.span.start, lo, hi, key=_span_end)
            i1 = bisect_left(sents, q.span.end, i0, hi, key=_span_start) - 1
            if i0 <= i1:
                if q is head:
                    first = sents[i0].span.start
                    lead = text[first:q.span.start] if first <= q.span.start else ""
                for i in (*range(i0, i1 + 1), max(lo, i0 - 1), min(hi - 1, i1 + 1)):
                    found = has_cue.get(i)
                    if found is None:
                        found = has_cue[i] = find_cue(_masked(text, sents[i].span, spans, ends)) is not None
                    if found:
                        attributed = True
                        break
            if not attributed and _opens_block(text, blocks[q.block].span.start, q.span.start):
                attributed = _colon_before_block(doc, q, by_block) is not None
            if attributed:
                break
        if attributed:
            continue
        needs, why = classify(doc, head, lead or "")
        if needs:
            out.append(QuoteCheck(head, needs, why, None))
    return out


def _orphans_from_checks(doc: Document) -> list[QuoteCheck]:
    """orphans, the plain way: from every quotation's check."""
    out = []
    seen: set[int] = set()
    checks = quote_checks(doc)
    attributed_groups = {c.quote.group for c in checks if c.cue is not None}
    for c in checks:
        if c.quote.group in seen:
            continue
        seen.add(c.quote.group)
        # a quotation never closed swallows its own attribution: the quote-marks rule reports it
        if c.needs_speaker and c.quote.group not in attributed_groups and not c.quote.unbalanced:
            out.append(c)
    return out


@cached
def anonymous_sources(doc: Document) -> list[Span]:
    """Bare anonymous sources outside quotations, where no reason for anonymity is given."""
    text = doc.text
    sents = sentences(doc)
    # A match lies inside its sentence and holds one of a few words (source, close, familiar ...,
    # deskcheck.prefilter reads which from the pattern): only the sentences holding one are
    # scanned. The scan, a case-insensitive alternation tried at every word, was most of the cost.
    worth = _worth_scanning(doc, text, [s.span for s in sents])
    spans: list[Span] | None = None         # the outer quotations, once a match needs them
    out: list[Span] = []
    for i in range(len(sents)) if worth is None else worth:
        s = sents[i]
        for m in ANONYMOUS.finditer(text, s.span.start, s.span.end):
            if spans is None:
                spans = [q.span for q in quotes(doc) if q.depth == 0]
            if any(qs.start <= m.start() < qs.end for qs in spans):
                continue   # a speaker's own words
            context = text[s.span.start:s.span.end]
            if i + 1 < len(sents) and sents[i + 1].block == s.block:
                context += " " + text[sents[i + 1].span.start:sents[i + 1].span.end]
            if ANONYMITY_REASON.search(context):
                continue
            out.append(Span(_extend_left(text, s.span.start, m.start()), m.end()))
    return out


_UNSET: object = object()
_ANONYMOUS_FILTER: object = _UNSET


# A string every match of ANONYMOUS holds, inside what a scan bounded by its sentence reads:
# "source" (its first two forms), or what the people of the last two are familiar with, close
# to or have knowledge of. The filter deskcheck.prefilter reads from the whole pattern settles
# for one of a longer list (people, several, according ...), which most news paragraphs hold;
# these four keep a quarter as many sentences. A test holds each form to prefilter's own
# reading of it: every form requires a string that contains one of these.
ANONYMOUS_NEEDLES = ("close", "familiar", "knowledge", "source")


def _anonymous_filter() -> "prefilter.Filter | None":
    global _ANONYMOUS_FILTER
    if _ANONYMOUS_FILTER is _UNSET:
        # (the filter puts its strings in the engine's automaton: the view then holds their places)
        _ANONYMOUS_FILTER = prefilter.Filter((), (frozenset((w, True) for w in ANONYMOUS_NEEDLES),))
    return _ANONYMOUS_FILTER  # type: ignore[return-value]


# the characters `re` matches an ASCII letter with under IGNORECASE, besides its two cases
# (a test asks `re` itself): in a text without them, str.lower() folds case as `re` does
ODD_CASES = ("\u0130", "\u0131", "\u017f", "\u212a")


def lower_as_re_folds(text: str) -> str | None:
    """text.lower(), when a case-insensitive `re` match of an ASCII string in `text` is that
    string, lowercased, at the same place in it; None for a text where it may not be."""
    if not text.isascii():
        for ch in ODD_CASES:
            if ch in text:
                return None
    return text.lower()


def _worth_scanning(doc: Document, text: str, spans: list[Span]) -> list[int] | None:
    """The indexes, in order, of the sentence spans that may hold a match of ANONYMOUS (a scan
    bounded by the sentence): those holding one of the strings every such match holds
    (deskcheck.prefilter reads them from the pattern). None: every sentence may.

    The pattern's filter put those strings in the engine's automaton, so while the rules run the
    engine's view of the text has found their places already (with its folded copy of the text):
    the filter's own segment test then picks the sentences with no pass over the text at all,
    and a sentence it keeps is one that may hold a match, as for any rule's segments. Without
    that view (an analysis asked for outside a rule), each string is looked for in the text."""
    need = _anonymous_filter()
    if need is None or need.segment_clause is None or need.segment_clause[0]:
        return None         # (no clause, or one with a case-sensitive string: not expected)
    view = prefilter.view_of(doc, text)
    if view is not None:
        kept = need.segments(view, spans)
        if kept is spans:
            return None
        held = set(map(id, kept))
        return [i for i, s in enumerate(spans) if id(s) in held]
    return _worth_scanning_alone(need, text, spans)


def _worth_scanning_alone(need: "prefilter.Filter", text: str, spans: list[Span]) -> list[int] | None:
    """_worth_scanning without the engine's view: str.find for each string, in the lowered text."""
    assert need.segment_clause is not None
    lowered = lower_as_re_folds(text)
    if lowered is None:
        return None
    starts = [s.start for s in spans]
    ends = [s.end for s in spans]
    if any(map(int.__gt__, ends[:-1], starts[1:])):
        return None         # (sentences come in order and never overlap: not expected either)
    keep: set[int] = set()
    for needle in need.segment_clause[1]:       # ASCII, lowercase (folded)
        pos = lowered.find(needle)
        while pos >= 0:
            i = bisect_right(starts, pos) - 1
            if i >= 0 and pos + len(needle) <= ends[i]:
                keep.add(i)
                pos = lowered.find(needle, ends[i])
            else:
                pos = lowered.find(needle, pos + 1)
    return sorted(keep)


def _extend_left(text: str, floor: int, start: int) -> int:
    """Take in up to three modifiers before "sources" ("two senior government sources")."""
    for _ in range(3):
        j = start
        while j > floor and text[j - 1] == " ":
            j -= 1
        k = j
        while k > floor and (text[k - 1].isalnum() or text[k - 1] in "-’'"):
            k -= 1
        if k == j or not _SOURCE_MODIFIER.fullmatch(text[k:j]):
            break
        start = k
    return start
