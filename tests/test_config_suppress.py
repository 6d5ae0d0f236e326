"""Configuration (found upward, strict, overrides) and inline suppression."""
from __future__ import annotations

from pathlib import Path

from deskcheck import check_path, check_text
from deskcheck.config import find_config, load_config

ARTICLE = "The budget is TK.\n\nTurnout was XX percent.\n"


def rules_of(findings) -> list[tuple[str, int]]:
    return [(f.rule, f.position.line) for f in findings]


def test_config_is_found_upward_and_nearest_wins(tmp_path: Path) -> None:
    (tmp_path / ".deskcheck.yaml").write_text("rules: {Deskcheck.Placeholders: off}\n")
    sub = tmp_path / "desk" / "news"
    sub.mkdir(parents=True)
    art = sub / "a.md"
    art.write_text(ARTICLE)
    assert find_config(art) == tmp_path / ".deskcheck.yaml"
    assert not [f for f in check_path(art) if f.rule == "Deskcheck.Placeholders"]
    (tmp_path / "desk" / ".deskcheck.yaml").write_text("rules: {Deskcheck.Placeholders: warning}\n")
    found = [f for f in check_path(art) if f.rule == "Deskcheck.Placeholders"]
    assert len(found) == 2 and all(str(f.severity) == "warning" for f in found)


def test_overrides_by_glob(tmp_path: Path) -> None:
    (tmp_path / ".deskcheck.yaml").write_text(
        "overrides:\n  - files: ['sport/*.md']\n    rules: {Deskcheck.Placeholders: off}\n")
    (tmp_path / "sport").mkdir()
    (tmp_path / "sport" / "a.md").write_text(ARTICLE)
    (tmp_path / "b.md").write_text(ARTICLE)
    assert not [f for f in check_path(tmp_path / "sport" / "a.md") if f.rule == "Deskcheck.Placeholders"]
    assert [f for f in check_path(tmp_path / "b.md") if f.rule == "Deskcheck.Placeholders"]


def test_min_level_and_style_switch(tmp_path: Path) -> None:
    cfg = tmp_path / ".deskcheck.yaml"
    cfg.write_text("min_level: error\nrules: {Newsroom: off}\n")
    c = load_config(cfg)
    assert str(c.min_level) == "error"
    art = tmp_path / "a.md"
    art.write_text("Trailing space here. \n\nFares are TK.\n")
    assert {f.rule for f in check_path(art)} == {"Deskcheck.Placeholders"}


def test_ignore_paths(tmp_path: Path) -> None:
    from deskcheck.api import run
    (tmp_path / ".deskcheck.yaml").write_text("ignore: ['drafts/*']\n")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a.md").write_text(ARTICLE)
    (tmp_path / "b.md").write_text(ARTICLE)
    paths = [fr.path for fr in run([str(tmp_path)]).files]
    assert paths == [str(tmp_path / "b.md")]


def test_disable_enable_block_markdown() -> None:
    src = ("Fares are TK.\n\n<!-- deskcheck-disable Deskcheck.Placeholders -->\n\nStill TK here.\n\n"
           "<!-- deskcheck-enable Deskcheck.Placeholders -->\n\nAnd TK again.\n")
    assert rules_of(f for f in check_text(src, "md") if f.rule == "Deskcheck.Placeholders") == [
        ("Deskcheck.Placeholders", 1), ("Deskcheck.Placeholders", 9)]


def test_disable_next_line_by_style_and_all() -> None:
    src = "<!-- deskcheck-disable-next-line Deskcheck -->\nFares are TK.\n\nTurnout was XX.\n"
    assert [f.position.line for f in check_text(src, "md") if f.rule == "Deskcheck.Placeholders"] == [4]
    src = "<!-- deskcheck-disable -->\nFares are TK.\n"
    assert check_text(src, "md") == []


def test_suppression_in_html_and_text() -> None:
    html = "<article><!-- deskcheck-disable-next-line Deskcheck.Placeholders -->\n<p>Fares are TK.</p>\n<p>Turnout XX.</p></article>"
    assert [f.match for f in check_text(html, "html") if f.rule == "Deskcheck.Placeholders"] == ["XX"]
    txt = "Headline\n\n<!-- deskcheck-disable-next-line Deskcheck.Placeholders -->\nFares are TK.\n\nTurnout XX.\n"
    assert [f.match for f in check_text(txt, "txt") if f.rule == "Deskcheck.Placeholders"] == ["XX"]


def test_directive_comment_is_not_prose() -> None:
    txt = "Headline\n\n<!-- deskcheck-accept TK -->\n\nBody text.\n"
    assert not [f for f in check_text(txt, "txt") if f.rule == "Deskcheck.Placeholders"]


def test_api_check_text_returns_positions() -> None:
    findings = check_text("---\ntitle: T\n---\n\nFares are TK.\n", format="md")
    f = next(f for f in findings if f.rule == "Deskcheck.Placeholders")
    assert (f.position.line, f.position.column, f.match) == (5, 11, "TK")
