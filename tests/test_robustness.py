"""No input crashes deskcheck: random and malformed text gives findings or a clean error."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings, strategies as st

from deskcheck import check_text
from deskcheck.errors import DeskcheckError

FRAGMENTS = st.sampled_from([
    "---\n", "title: x\n", "---", "<p>", "</p>", "<article>", "</div>", "<!--", "-->", "&amp;", "&bogus;",
    "&#99999999;", "“", "”", '"', "'", "\r\n", "\r", "\n\n", "\t", "```", "`", "[x](", ")", "# ",
    "- ", "> ", "\u00a0", "\ud800", "\U0001f600", "TK", "April 31, 2021", "Zelensky", "x" * 2000,
    "<script>alert(1)</script>", "<!-- deskcheck-disable", "<!-- deskcheck-enable -->", "\x0b", "\x00",
])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(FRAGMENTS, st.text(max_size=40)), max_size=40), st.sampled_from(["md", "txt", "html"]))
def test_random_input_never_crashes(parts: list[str], fmt: str) -> None:
    text = "".join(parts)
    try:
        findings = check_text(text, format=fmt)
    except DeskcheckError:
        return  # a clean, reported error is fine
    for f in findings:
        assert 0 <= f.span.start <= f.span.end <= len(text)
        assert f.position.line >= 1 and f.position.column >= 1


def test_very_long_line() -> None:
    text = ("word " * 50000) + "TK\n"
    findings = check_text(text, format="txt")
    assert any(f.match == "TK" for f in findings)
