"""The attribution kind and its three bundled rules: orphan quotes, quotation marks, anonymous sources."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from deskcheck import check_text
from deskcheck.analysis.attribution import quote_checks
from deskcheck.formats import parse
from deskcheck.model import Finding
from deskcheck.rules import load_styles

ORPHAN = "Deskcheck.Attribution"
MARKS = "Deskcheck.QuoteMarks"
ANON = "Newsroom.AnonymousSources"
RULES = load_styles(["Deskcheck", "Newsroom"])


def found(text: str, rule: str, fmt: str = "md") -> list[Finding]:
    return [f for f in check_text(text, format=fmt) if f.rule == rule]


def orphans(text: str, fmt: str = "md") -> list[str]:
    return [f.match for f in found(text, ORPHAN, fmt)]


# --- which quotations need a speaker ------------------------------------------------------

@pytest.mark.parametrize("text, why", [
    ("The choir sang \"Silent Night\" at the vigil.", "title"),
    ("\"Silent Night\" was sung at the vigil.", "title"),
    ("The poet's \"Ode to the Harbour Gulls\" was read aloud.", "title"),
    ("The geologists sampled a boulder nicknamed \"Big Grey\".", "named"),
    ("Wrestler Tom \"The Anvil\" Briggs arrived late.", "title"),
    ("The bank pressed the \"reset\" button on rates.", "named"),
    ("The club's \"play it safe, play it slow\" policy ended in 2011.", "named"),
    ("Her novel \"The tide came in on a Tuesday\" sold well.", "named"),
    ("Officials spoke of \"regrettable delays\" in the plan.", "term"),
    ("The so-called \"temporary measures\" lasted a decade.", "named"),
    ("Marchers carried banners reading \"Keep our pool open for every child\".", "named"),
    ("The sign on the gate read \"No entry after dark, by order of the council\".", "named"),
    ("A photo, \"Harbour at dawn, winter morning 3.jpg\" by Ana Ruiz, hangs there.", "credit"),
])
def test_quotations_that_need_no_speaker(text: str, why: str) -> None:
    checks = quote_checks(parse(text, "md", "x.md"))
    assert [(c.needs_speaker, c.why) for c in checks] == [(False, why)]
    assert orphans(text) == []


@pytest.mark.parametrize("text, why", [
    ("\"We will rebuild the pier by summer.\"", "speech"),
    ("\"Never.\"", "speech"),
    ("The plan was \"a disaster waiting to happen for everyone\" and the board knew it.", "partial"),
    ("Her letter ended: \"we are finished here\".", "speech"),
])
def test_quotations_that_need_a_speaker(text: str, why: str) -> None:
    checks = quote_checks(parse(text, "md", "x.md"))
    assert [(c.needs_speaker, c.why) for c in checks] == [(True, why)]


# --- attribution found ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "\"We will rebuild the pier by summer,\" the harbour master said.",
    "\"We will rebuild the pier by summer,\" said Ines Moreau, the harbour master.",
    "The harbour master said: \"We will rebuild the pier by summer.\"",
    "Ines Moreau was asked about the pier. \"We will rebuild it by summer.\"",
    "\"We will rebuild the pier by summer.\" That was the promise the harbour master made to reporters, she told us.",
    "\"We will rebuild the pier by summer,\" according to the harbour authority.",
    "\"We will rebuild the pier by summer,\" the authority said in a statement.",
    "\"We will rebuild the pier by summer,\" the mayor was quoted by the local radio as saying.",
    "The authority's statement was short: \"We will rebuild the pier by summer.\"",
    "He described the storm as \"the worst this coast has seen in a lifetime\".",
    "\"Stay curious and keep rowing.\" — Ines Moreau",
    "Ines Moreau told the meeting:\n\n\"We will rebuild the pier by summer.\"",
    "‘We did everything we could,’ the coach said. ‘The players gave their all.\n\n‘Next season we go again.’",
    "“The pier will reopen,” she said. “The first part will be ready in May.\n\n“The rest will follow.”",
])
def test_attributed_quotations_are_not_flagged(text: str) -> None:
    assert orphans(text) == []


@pytest.mark.parametrize("text, match", [
    ("The council met on Monday.\n\n\"We will rebuild the pier by summer, whatever it costs.\"",
     "\"We will rebuild the pier by summer, whatever it costs.\""),
    # a quote paragraph after an attributed, closed quote has no cue of its own
    ("“We will rebuild the pier,” the harbour master said.\n\n“Nobody should doubt that we can.”",
     "“Nobody should doubt that we can.”"),
    # the next sentence has no speech verb
    ("\"We will rebuild the pier by summer.\" The storm had wrecked it in March.",
     "\"We will rebuild the pier by summer.\""),
    # a speech verb inside the quotation does not attribute it
    ("\"She said the pier would be rebuilt by summer, and we believe her.\"",
     "\"She said the pier would be rebuilt by summer, and we believe her.\""),
    # attribution two sentences away is too far
    ("Ines Moreau said the pier was unsafe. The storm hit in March. \"We will rebuild it.\"",
     "\"We will rebuild it.\""),
    ("The plan was \"a disaster waiting to happen for everyone\" and the board knew it.",
     "\"a disaster waiting to happen for everyone\""),
    ("‘We will rebuild the pier by summer,’ the harbour master said.\n\n‘Nobody should doubt it.’",
     "‘Nobody should doubt it.’"),
])
def test_orphan_quotations_are_flagged(text: str, match: str) -> None:
    assert orphans(text) == [match]


def test_orphan_position_and_category() -> None:
    text = "The council met on Monday.\n\n\"We will rebuild the pier by summer.\""
    (f,) = found(text, ORPHAN)
    assert f.category == "attribution"
    assert (f.position.line, f.position.column) == (3, 1)


def test_running_quote_reported_once_at_its_start() -> None:
    text = "The council met.\n\n“The pier will reopen. The first part will be ready in May.\n\n“The rest will follow.”"
    (f,) = found(text, ORPHAN)
    assert f.position.line == 3
    assert f.match.startswith("“The pier will reopen.")


def test_orphans_in_txt_and_html() -> None:
    txt = "Pier to reopen\n\nBy Ana Ruiz\n\nMay 2, 2024\n\nThe council met.\n\n\"We will rebuild it by summer.\"\n"
    assert [f.position.line for f in found(txt, ORPHAN, "txt")] == [9]
    html = ("<article><h1>Pier</h1><p>The council met.</p>\n"
            "<p>&ldquo;We will rebuild it by summer.&rdquo;</p></article>")
    (f,) = found(html, ORPHAN, "html")
    assert f.position.line == 2


def test_headline_quotes_are_not_checked() -> None:
    text = "# \"We will rebuild\": harbour master\n\nThe harbour master said the pier would reopen."
    assert orphans(text) == []


# --- quotation marks --------------------------------------------------------------------

def marks(text: str) -> list[tuple[str, int, int]]:
    return [(f.match, f.position.line, f.position.column) for f in found(text, MARKS)]


def test_unclosed_quote_is_flagged() -> None:
    text = "“We tried,” she said. “We failed.\n\nThe vote was held later."
    assert marks(text) == [("“", 1, 23)]
    assert {f.category for f in found(text, MARKS)} == {"punctuation"}


def test_running_quote_is_not_unclosed() -> None:
    assert marks("“We tried,” she said. “We failed.\n\n“Then we tried again.”") == []


def test_stray_closing_mark_is_flagged() -> None:
    assert marks("The minister said no.” Then he left.") == [("”", 1, 22)]


def test_mixed_straight_and_curly_marks() -> None:
    text = "“We are ready,” she said. “So are we,” he said.\n\nThe mayor said \"not yet\" twice."
    assert marks(text) == [("\"", 3, 16)]
    (f,) = found(text, MARKS)
    assert f.related and f.related[0].position.line == 1


@pytest.mark.parametrize("text", [
    "\"We are ready,\" she said. \"So are we,\" he said.",
    "“We are ready,” she said. “So are we,” he said.",
    "“It was a ‘mistake’,” he said. They played rock 'n' roll in the '90s at Jones' house.",
])
def test_consistent_marks_are_clean(text: str) -> None:
    assert marks(text) == []


# --- anonymous sources ------------------------------------------------------------------

@pytest.mark.parametrize("text, match", [
    ("A deal is close, sources said.", "sources said"),
    ("A source close to the negotiations told reporters the talks had stalled.",
     "A source close to the negotiations told"),
    ("Two senior government sources said the minister would resign.", "Two senior government sources said"),
    ("According to sources, the minister will resign.", "According to sources"),
    ("People familiar with the plan said it would be announced on Friday.",
     "People familiar with the plan said"),
])
def test_bare_anonymous_sources_are_flagged(text: str, match: str) -> None:
    fs = found(text, ANON)
    assert [f.match for f in fs] == [match]
    assert fs[0].category == "sourcing" and str(fs[0].severity) == "suggestion"


@pytest.mark.parametrize("text", [
    "Two officials, who spoke on condition of anonymity because they were not authorised to discuss "
    "the talks, said a deal was close.",
    "A source at the ministry said the report was wrong. The source was not authorised to speak publicly.",
    "Renewable sources supplied half of the grid's power last year, the agency said.",
    "\"Sources said it was over,\" she joked.",
    "The minister said a deal was close.",
])
def test_explained_or_named_sources_are_clean(text: str) -> None:
    assert found(text, ANON) == []


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(list("ab AB.,:;—'\"“”‘’\n") + ["said ", "sources said ", "\n\n"]),
                max_size=60).map("".join))
def test_any_text_checks_without_failure(text: str) -> None:
    from deskcheck import api

    doc = parse(text, "md", "x.md")
    for c in quote_checks(doc):
        assert 0 <= c.quote.span.start < c.quote.span.end <= len(doc.text)
    result = api.check_document(doc, [r for r in RULES if r.id in (ORPHAN, MARKS, ANON)], api.Settings())
    assert result.failures == []
    for f in result.findings:
        assert 0 <= f.span.start <= f.span.end <= len(text)
