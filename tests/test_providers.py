"""proselint and LanguageTool as rule providers.

LanguageTool is tested against a small server on 127.0.0.1 that speaks LanguageTool's documented
HTTP API (GET /v2/languages, POST /v2/check, offsets in UTF-16 code units), so the suite needs
neither Java nor a network.
"""
from __future__ import annotations

import json
import stat
import sys
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any, Iterator

import pytest
from click.testing import CliRunner
from hypothesis import given, strategies as st

import deskcheck
from deskcheck.cli import cli
from deskcheck.config import Config
from deskcheck.engine import check_document
from deskcheck.formats import parse
from deskcheck.kinds import languagetool as lt_kind
from deskcheck.kinds.base import Settings
from deskcheck.rules import Rule, bundled_rules_dir, load_style

sys.path.insert(0, str(Path(__file__).parent))
from fake_languagetool import FakeLanguageTool, utf16_units  # noqa: E402

PROSELINT = Config(styles=("Proselint",))


def _bundled(style: str) -> list[Rule]:
    return load_style(bundled_rules_dir() / style)


def _find(findings: list[Any], rule: str) -> list[Any]:
    return [f for f in findings if f.rule == rule]


# ---------------------------------------------------------------- proselint

def test_proselint_maps_checks_to_exact_spans() -> None:
    text = "She left the the room. It was very unique. Prices ran from 1999-2002."
    findings = deskcheck.check_text(text, config=PROSELINT)
    by_match = {f.match: f for f in findings}
    assert "the the" in by_match and by_match["the the"].rule == "Proselint.Usage"
    assert by_match["the the"].position.column == text.index("the the") + 1
    assert "lexical_illusions" in by_match["the the"].message      # the check id is in the message
    assert by_match["from 1999-2002"].rule == "Proselint.Dates"
    assert by_match["from 1999-2002"].category == "style"


def test_proselint_skips_quotations_with_deskcheck_quote_scopes() -> None:
    # a no-break space after the closing quote throws proselint's own quote tracking off
    text = "He said “it was the the plan”\u00a0and left. She left the the room."
    findings = _find(deskcheck.check_text(text, config=PROSELINT), "Proselint.Usage")
    illusions = [f for f in findings if f.match == "the the"]
    assert [f.position.column for f in illusions] == [text.rindex("the the") + 1]


def _style(tmp_path: Path, body: str) -> Path:
    style = tmp_path / "House"
    style.mkdir()
    (style / "Picked.yml").write_text(body, encoding="utf-8")
    cfg = tmp_path / ".deskcheck.yaml"
    cfg.write_text("styles: [House]\n", encoding="utf-8")
    return cfg


def test_proselint_selected_checks_only(tmp_path: Path) -> None:
    cfg = _style(tmp_path, "extends: proselint\nmessage: '%s [%s]'\nchecks: [lexical_illusions]\n")
    findings = deskcheck.check_text("It was very unique and the the end.", config=cfg)
    assert [(f.rule, f.match) for f in findings] == [("House.Picked", "the the")]
    assert findings[0].message.endswith("[lexical_illusions]")


def test_proselint_exclude_and_scope(tmp_path: Path) -> None:
    cfg = _style(tmp_path, "extends: proselint\nmessage: '%s'\nexclude: [weasel_words, uncomparables]\n"
                           "scope: text\n")
    text = "“It was the the plan,” she said. It was very unique."
    findings = deskcheck.check_text(text, config=cfg)
    assert [f.match for f in findings] == ["the the"]       # scope text: quotations included


def test_proselint_unknown_check_is_a_rule_failure(tmp_path: Path) -> None:
    cfg = _style(tmp_path, "extends: proselint\nmessage: '%s'\nchecks: [no_such_check]\n")
    result = deskcheck.api.run([str(_article(tmp_path, "Some text."))], deskcheck.api.Options(config=cfg))
    assert result.failures and "no_such_check" in result.failures[0].error


def _article(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "story.md"
    path.write_text(text, encoding="utf-8")
    return path


# ------------------------------------------------------------- LanguageTool

@pytest.fixture()
def lt_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    FakeLanguageTool.requests = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeLanguageTool)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        lt_kind._clients.clear()


def _lt_config(url: str, tmp_path: Path, extra: str = "") -> Path:
    cfg = tmp_path / ".deskcheck.yaml"
    cfg.write_text(f"styles: [LanguageTool]\nlanguagetool: {{url: '{url}'}}\n{extra}", encoding="utf-8")
    return cfg


def test_languagetool_offsets_map_exactly_past_astral_characters(lt_server: str, tmp_path: Path) -> None:
    # the emoji is one code point but two UTF-16 units; the title and blank line shift the view
    text = "# Fruit 🍎 news\n\nShe ate a apple 🍏🍏 and then a apple again."
    findings = deskcheck.check_text(text, config=_lt_config(lt_server, tmp_path))
    grammar = [f for f in findings if f.rule == "LanguageTool.Grammar"]
    assert [f.match for f in grammar] == ["a apple", "a apple"]
    assert [f.span.start for f in grammar] == [text.index("a apple"), text.rindex("a apple")]
    assert grammar[0].suggestions == ("an apple",)
    assert grammar[0].category == "grammar"
    assert "EN_A_VS_AN" in grammar[0].message


def test_languagetool_rule_examples(lt_server: str, tmp_path: Path) -> None:
    rule, = [r for r in _bundled("LanguageTool") if r.id == "LanguageTool.Grammar"]
    settings = Settings(options={"languagetool": {"url": lt_server}})
    for label in ("good", "bad"):
        for text in rule.examples[label]:
            result = check_document(parse(text, "md", "example.md"), [rule], settings)
            assert not result.failures
            assert bool(result.findings) == (label == "bad"), (label, text)


def test_languagetool_request_follows_the_rule_options(lt_server: str, tmp_path: Path) -> None:
    deskcheck.check_text("She ate a apple.", config=_lt_config(lt_server, tmp_path, "locale: en-GB\n"))
    params = FakeLanguageTool.requests[-1]
    assert params["language"] == ["en-GB"]
    assert params["disabledCategories"] == ["TYPOS"]          # the bundled rule leaves typos to spelling
    assert params["text"] == ["She ate a apple."]


def test_languagetool_honours_quote_scope(lt_server: str, tmp_path: Path) -> None:
    text = "“I ate a apple,” she said. Then she ate a apple."
    findings = deskcheck.check_text(text, config=_lt_config(lt_server, tmp_path))
    assert [f.span.start for f in findings] == [text.rindex("a apple")]


def test_languagetool_not_configured_warns_once(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(lt_kind, "_warned", False)
    cfg = Config(styles=("LanguageTool", "Newsroom"))
    first = deskcheck.check_text("She ate a apple ,then left.", config=cfg)
    second = deskcheck.check_text("She ate a apple.", config=cfg)
    err = capsys.readouterr().err
    assert err.count("LanguageTool rules skipped") == 1
    assert "DESKCHECK_LANGUAGETOOL_URL" in err and "languagetool:" in err
    assert not [f for f in first + second if f.rule.startswith("LanguageTool.")]
    assert [f.rule for f in first] == ["Newsroom.SpaceBeforeComma"]   # the other rules still ran


def test_languagetool_url_from_environment_in_cli(lt_server: str, tmp_path: Path) -> None:
    article = _article(tmp_path, "She ate a apple.\n")
    cfg = tmp_path / ".deskcheck.yaml"
    cfg.write_text("styles: [LanguageTool]\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["report", "--format", "json", str(article)],
                                env={"DESKCHECK_LANGUAGETOOL_URL": lt_server, "NO_PROXY": "127.0.0.1"})
    data = json.loads(result.output)
    assert [f["rule"] for f in data["files"][0]["findings"]] == ["LanguageTool.Grammar"]


@given(st.text(alphabet=st.sampled_from(["a", "é", "🍎", " ", "𝔸", "\n"]), max_size=40))
def test_utf16_conversion_round_trips(text: str) -> None:
    conv = lt_kind.Utf16Offsets(text)
    for i in range(len(text) + 1):
        assert conv.to_utf16(i) == utf16_units(text, i)
        assert conv.from_utf16(conv.to_utf16(i)) == i


# ------------------------------------------------------ local LanguageTool install

def _fake_install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An install folder with a server jar, and a `java` on PATH that starts the stand-in server."""
    install = tmp_path / "LanguageTool-6.4"
    install.mkdir()
    (install / "languagetool-server.jar").write_bytes(b"")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    java = bin_dir / "java"
    script = Path(__file__).parent / "fake_languagetool.py"
    java.write_text(f"#!/bin/sh\nexec '{sys.executable}' '{script}' \"$@\"\n", encoding="utf-8")
    java.chmod(java.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{bin_dir}:/usr/bin:/bin")
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    return install


def test_languagetool_local_install_is_started_and_stopped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    install = _fake_install(tmp_path, monkeypatch)
    cfg = tmp_path / ".deskcheck.yaml"
    cfg.write_text(f"styles: [LanguageTool]\nlanguagetool: {{path: '{install}'}}\n", encoding="utf-8")
    try:
        findings = deskcheck.check_text("She ate a apple.", config=cfg)
        assert [(f.rule, f.match) for f in findings] == [("LanguageTool.Grammar", "a apple")]
        (_url, proc), = lt_kind._local.values()
        assert proc.poll() is None
    finally:
        lt_kind.stop_local_servers()
        lt_kind._clients.clear()
    assert proc.poll() is not None and not lt_kind._local


def test_languagetool_local_install_without_jar_fails_clearly(tmp_path: Path) -> None:
    cfg = tmp_path / ".deskcheck.yaml"
    cfg.write_text(f"styles: [LanguageTool]\nlanguagetool: {{path: '{tmp_path}'}}\n", encoding="utf-8")
    result = deskcheck.api.run([str(_article(tmp_path, "She ate a apple."))], deskcheck.api.Options(config=cfg))
    assert result.failures and "never downloads" in result.failures[0].error


def test_languagetool_server_down_is_a_clear_rule_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    with ThreadingHTTPServer(("127.0.0.1", 0), FakeLanguageTool) as closed:
        port = closed.server_address[1]        # bound, then closed: nothing listens there
    cfg = _lt_config(f"http://127.0.0.1:{port}", tmp_path)
    result = deskcheck.api.run([str(_article(tmp_path, "She ate a apple."))], deskcheck.api.Options(config=cfg))
    assert result.failures and "did not answer" in result.failures[0].error
