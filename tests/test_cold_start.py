"""Shortcuts that make a cold process cheaper, each checked against the plain version it replaces."""
from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deskcheck.lexicon import SortedLines, WordSet, _searchable, default_data_dir, plain_word_set

_WORDISH = st.text(alphabet=st.sampled_from(list("abAB#é \t\r-'") + ["\u2028", "\x85"]), max_size=6)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(_WORDISH, max_size=30), sort=st.booleans(), probes=st.lists(_WORDISH, max_size=20),
       final_newline=st.booleans())
def test_word_set_is_the_plain_set(tmp_path: Path, lines: list[str], sort: bool, probes: list[str],
                                   final_newline: bool) -> None:
    """Searched in place or read into a set, membership is that of the list's stripped lines."""
    if sort:
        lines = sorted(set(lines))
    text = "\n".join(lines) + ("\n" if final_newline and lines else "")
    path = tmp_path / "words.txt"
    path.write_bytes(text.encode("utf-8"))
    plain = plain_word_set(text)
    words = WordSet(path)
    for probe in [*lines, *(line.strip() for line in lines), *probes, "", "#"]:
        assert (probe in words) == (probe in plain), probe


def test_word_set_after_many_lookups(tmp_path: Path) -> None:
    """Past SortedLines.PARSE_AFTER lookups the table turns into a set: the same answers."""
    lines = sorted({f"w{i:05d}" for i in range(50)} | {"# comment"})
    path = tmp_path / "words.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    words = WordSet(path)
    assert words._lines is not None
    words._lines.PARSE_AFTER = 5
    plain = plain_word_set(path.read_text(encoding="utf-8"))
    for probe in [*lines, "w1", "", "#", "# comment", "x"] * 2:
        assert (probe in words) == (probe in plain)


def test_bundled_common_words_are_searched_in_place() -> None:
    """The bundled list is clean and sorted, so a cold run never builds its set."""
    path = default_data_dir() / "common-words.txt"
    assert _searchable(path.read_bytes())
    words = WordSet(path)
    assert isinstance(words._lines, SortedLines)
    plain = plain_word_set(path.read_text(encoding="utf-8"))
    for w in sorted(plain)[::97]:
        assert w in words and w.upper() + "x" not in words or w.upper() + "x" in plain


# -- the command line read without click ----------------------------------------------------------

_OPTION_TOKENS = ["--format", "--format=json", "--format=nope", "json", "text", "sarif", "-o", "--output",
                  "--config", "--min-level", "--fail-level", "warning", "WARNING", "error", "--enable",
                  "--disable", "Newsroom", "--date", "2021-04-21", "21 April 2021", "not-a-date", "--profile",
                  "ap", "uk", "--stdin-filename", "x.md", "-q", "--quiet", "--quiet=1", "--color", "--no-color",
                  "-j", "--jobs", "--jobs=2", "0", "3", "-1", "+2", " 2", "٣", "--no-cache", "--profile-rules",
                  "--diff", "--changed-since", "HEAD", "--archive", "--no-archive", "-", "--", "-x", "-qj2",
                  "--help", "-h", "--nope", "a.md", "", "--enable=", "--format="]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_fast_report_reads_what_click_reads(tmp_path: Path, data: st.DataObject) -> None:
    """Whatever command line the fast reader accepts, click parses to the same values."""
    from deskcheck import cli as fast
    from deskcheck.clickapp import report

    existing = tmp_path / "exists.yaml"
    existing.write_text("", encoding="utf-8")
    paths = [str(existing), str(tmp_path), str(tmp_path / "missing.yaml")]
    tokens = data.draw(st.lists(st.one_of(st.sampled_from(_OPTION_TOKENS + paths), st.text(max_size=4)), max_size=8))
    params = fast._fast_report(["report", *tokens])
    if params is None:
        return
    ctx = report.make_context("report", list(tokens))
    assert params == ctx.params


def test_fast_report_reads_the_usual_command_lines(tmp_path: Path) -> None:
    from deskcheck import cli as fast
    from deskcheck.clickapp import report

    config = tmp_path / ".deskcheck.yaml"
    config.write_text("", encoding="utf-8")
    for line in (["a.md"], ["--no-cache", "--jobs", "1", "a.md", "b.md"], ["--format", "json", "-q", "-"],
                 ["--config", str(config), "--enable", "X", "--enable=Y", "--min-level", "warning", "a.md"],
                 ["--date", "2021-04-21", "--profile", "uk", "--", "-odd.md"]):
        params = fast._fast_report(["report", *line])
        assert params is not None, line
        assert params == report.make_context("report", list(line)).params
    for line in (["--help"], ["-h"], [], ["--jobs", "x", "a.md"], ["--nope", "a.md"]):
        assert fast._fast_report(["report", *line]) is None
    assert fast._fast_report(["rules"]) is None
