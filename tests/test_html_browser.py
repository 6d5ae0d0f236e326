"""The HTML report in a real headless Chromium (Debian's chromium + chromium-driver, via selenium).

Checks what only a browser can: the page loads without console errors (so the Content-Security-
Policy lets our own script and style run), highlights sit exactly on the findings, a filter hides
what it should, focus shows the message, and an article's own <script> never runs. A screenshot
of the report on our fixture article goes to artifacts/ (git-ignored) for CI to keep.
"""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any, Iterator

import pytest
from click.testing import CliRunner

from deskcheck.cli import cli

from reports_fixture import copy_fixture

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"

pytestmark = pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER), reason="chromium and chromedriver are not installed")

EVIL = """Evening edition

The mayor said <script>document.title = "pwned"; window.pwned = 1;</script> the vote is TK.
A second line <img src=x onerror="window.pwned = 2"> has alot of markup in it.
"""

PAGE = """<html><head><title>Ferry vote</title></head><body><article>
<h1>Ferry vote</h1>
<p>The board will recieve the plan on <b>Monday</b>.</p>
</article></body></html>
"""


@pytest.fixture(scope="module")
def driver() -> Iterator[Any]:
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="deskcheck-chromium-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                 f"--user-data-dir={profile}", "--window-size=1280,1400"):
        opts.add_argument(flag)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    drv = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=opts)
    try:
        yield drv
    finally:
        drv.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The HTML report and the JSON findings of the fixture article and of an article with markup."""
    import json
    import os

    folder = copy_fixture(tmp_path_factory.mktemp("report"))
    (folder / "evil.txt").write_text(EVIL, encoding="utf-8")
    old = os.getcwd()
    os.chdir(folder)
    try:
        out = {}
        (folder / "page.html").write_text(PAGE, encoding="utf-8")
        for name in ("article.md", "evil.txt", "page.html"):
            html = CliRunner().invoke(cli, ["report", "--format", "html", "-o", f"{name}.html", name])
            assert html.exit_code in (0, 1), html.output
            data = CliRunner().invoke(cli, ["report", "--format", "json", name])
            out[name] = (folder / f"{name}.html", json.loads(data.stdout)["files"][0]["findings"])
        return out
    finally:
        os.chdir(old)


def console_errors(driver: Any) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]


def highlight_text(driver: Any, fid: int) -> str:
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('mark[data-f=\"' + arguments[0] + '\"]'))"
        ".map(function (m) { return m.textContent; }).join('');", fid)


def test_report_loads_and_highlights_the_findings(driver: Any, pages: dict[str, Any]) -> None:
    path, findings = pages["article.md"]
    driver.get(path.as_uri())
    assert driver.title == "deskcheck report"
    assert console_errors(driver) == []
    assert findings
    for fid, f in enumerate(findings, 1):
        assert highlight_text(driver, fid) == f["match"], f
        mark = driver.find_element("id", f"f-{fid}")
        assert mark.get_attribute("data-cat") == f["category"]
    ARTIFACTS.mkdir(exist_ok=True)
    driver.save_screenshot(str(ARTIFACTS / "html-report.png"))


def test_focus_shows_message_and_suggestion(driver: Any, pages: dict[str, Any]) -> None:
    path, findings = pages["article.md"]
    driver.get(path.as_uri())
    fid, f = next((i, f) for i, f in enumerate(findings, 1) if f["suggestions"])
    driver.execute_script("document.getElementById(arguments[0]).focus();", f"f-{fid}")
    tip = driver.find_element("id", "tip")
    assert tip.is_displayed()
    assert f["message"] in tip.text and f["suggestions"][0] in tip.text
    # the list links to the spot
    link = driver.find_element("css selector", f'#item-{fid} a.loc')
    assert link.get_attribute("href").endswith(f"#f-{fid}")


def test_filters_hide_what_they_should(driver: Any, pages: dict[str, Any]) -> None:
    path, findings = pages["article.md"]
    driver.get(path.as_uri())
    box = driver.find_element("css selector", '#filters input[name="cat"][value="spelling"]')
    box.click()
    for fid, f in enumerate(findings, 1):
        item = driver.find_element("id", f"item-{fid}")
        mark = driver.find_element("id", f"f-{fid}")
        hidden = f["category"] == "spelling"
        assert item.is_displayed() is not hidden
        assert ("off" in mark.get_attribute("class").split()) is hidden
    shown = driver.find_element("id", "shown").text
    assert int(shown) == sum(f["category"] != "spelling" for f in findings)
    box.click()
    driver.find_element("css selector", '#filters input[name="lvl"][value="error"]').click()
    for fid, f in enumerate(findings, 1):
        assert driver.find_element("id", f"item-{fid}").is_displayed() is (f["severity"] != "error")
    assert console_errors(driver) == []


def test_article_script_does_not_run(driver: Any, pages: dict[str, Any]) -> None:
    path, findings = pages["evil.txt"]
    driver.get(path.as_uri())
    assert driver.execute_script("return window.pwned === undefined;") is True
    assert driver.title == "deskcheck report"
    assert driver.find_elements("css selector", "main script, main img") == []
    body = driver.find_element("css selector", "pre.source").text
    assert '<script>document.title = "pwned"' in body          # shown as text, as written
    for fid, f in enumerate(findings, 1):
        assert highlight_text(driver, fid) == f["match"]
    assert console_errors(driver) == []


def test_html_articles_read_as_text_until_markup_is_asked_for(driver: Any, pages: dict[str, Any]) -> None:
    path, findings = pages["page.html"]
    driver.get(path.as_uri())
    source = driver.find_element("css selector", "pre.source")
    assert "<p>" not in source.text and "The board will recieve the plan on Monday." in source.text
    assert highlight_text(driver, 1) == findings[0]["match"] == "recieve"
    driver.find_element("id", "markup").click()
    assert "<p>The board will recieve the plan on <b>Monday</b>.</p>" in source.text
    assert console_errors(driver) == []
