"""`languagetool`: grammar and style from a LanguageTool server.

deskcheck never downloads LanguageTool. It talks to a server the user names,
`languagetool: {url: http://localhost:8081}` in the config (or the DESKCHECK_LANGUAGETOOL_URL
environment variable, read by the CLI), or to a local install the user points at,
`languagetool: {path: /opt/LanguageTool-6.4}`: deskcheck starts that install's
`languagetool-server.jar` once per run on a free local port and stops it at exit. With neither
configured the rule reports nothing and says so once on stderr. language-tool-python is imported
only when such a rule runs.

LanguageTool counts offsets in UTF-16 code units (Java strings); Python counts code points, so
offsets are converted exactly, start and end, for text with emoji or other astral characters.
"""
from __future__ import annotations

import atexit
import sys
import time
from bisect import bisect_left
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from ..model import Hit, Span
from .base import Context, Kind

if TYPE_CHECKING:
    import subprocess

# socket, subprocess, shutil and urllib (with http, ssl and email behind it) are imported in the
# functions that start or reach a server: this style is opt-in, and every run imports the kinds

ENABLE_HINT = ("set 'languagetool: {url: http://localhost:8081}' (a server) or 'languagetool: {path: "
               "/opt/LanguageTool-6.4}' (a local install) in .deskcheck.yaml, or the "
               "DESKCHECK_LANGUAGETOOL_URL environment variable")
START_TIMEOUT = 60.0     # seconds for a local server to answer (the JVM starts slowly)

# LanguageTool category ids -> deskcheck categories (others keep the rule's category)
CATEGORY_MAP = {
    "TYPOS": "spelling", "CASING": "spelling", "GRAMMAR": "grammar", "PUNCTUATION": "punctuation",
    "TYPOGRAPHY": "punctuation", "STYLE": "style", "REDUNDANCY": "style", "PLAIN_ENGLISH": "style",
    "COLLOCATIONS": "usage", "CONFUSED_WORDS": "usage", "SEMANTICS": "usage", "COMPOUNDING": "spelling",
}

_warned = False
_clients: dict[tuple[str, str], Any] = {}
_local: dict[str, tuple[str, subprocess.Popen[bytes]]] = {}     # install path -> (url, server process)


def _warn_once(message: str) -> None:
    global _warned
    if not _warned:
        _warned = True
        print(f"deskcheck: warning: {message}", file=sys.stderr)


class Utf16Offsets:
    """Convert between UTF-16 code-unit offsets (LanguageTool) and code-point offsets (Python)."""

    def __init__(self, text: str) -> None:
        # code-point indices of astral characters, which take two UTF-16 units
        self.astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        self.length = len(text)

    def to_utf16(self, index: int) -> int:
        return index + bisect_left(self.astral, index)

    def from_utf16(self, unit: int) -> int:
        # the code point whose UTF-16 start is `unit` (or the one it falls inside)
        return bisect_left(range(self.length), unit, key=self.to_utf16)


def server_url(settings_options: dict[str, Any]) -> str | None:
    """The configured server's URL, starting a configured local install if need be."""
    cfg = settings_options.get("languagetool")
    if isinstance(cfg, dict) and cfg.get("url"):
        return str(cfg["url"])
    if isinstance(cfg, dict) and cfg.get("path"):
        return local_server(str(cfg["path"]))
    if isinstance(cfg, str) and cfg:
        return cfg
    return None


def _free_port() -> int:
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def local_server(path: str) -> str:
    """Start the LanguageTool server of an install folder (once per run) and return its URL."""
    import shutil
    import subprocess
    import urllib.request
    if path in _local:
        return _local[path][0]
    jar = Path(path).expanduser() / "languagetool-server.jar"
    if not jar.is_file():
        raise RuntimeError(f"no languagetool-server.jar in {path}: point 'languagetool: path' at an unpacked "
                           "LanguageTool install (deskcheck never downloads LanguageTool)")
    java = shutil.which("java")
    if java is None:
        raise RuntimeError("a local LanguageTool install needs Java on PATH")
    port = _free_port()
    proc = subprocess.Popen([java, "-cp", str(jar), "org.languagetool.server.HTTPServer", "--port", str(port)],
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    _local[path] = (url, proc)
    atexit.register(stop_local_servers)
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            del _local[path]
            raise RuntimeError(f"the LanguageTool server in {path} exited at start (code {proc.returncode})")
        try:
            # straight to 127.0.0.1, never through a proxy from the environment
            with urllib.request.build_opener(urllib.request.ProxyHandler({})).open(f"{url}/v2/languages", timeout=2):
                return url
        except OSError:
            time.sleep(0.2)
    stop_local_servers()
    raise RuntimeError(f"the LanguageTool server in {path} did not answer within {START_TIMEOUT:g} s")


def stop_local_servers() -> None:
    """Stop the local servers this process started (and only those)."""
    import subprocess
    while _local:
        _path, (_url, proc) = _local.popitem()
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def _client(url: str, language: str) -> Any:
    key = (url, language)
    if key not in _clients:
        import language_tool_python   # lazy: only when a LanguageTool rule runs
        _clients[key] = language_tool_python.LanguageTool(language, remote_server=url)
    return _clients[key]


class LanguageToolKind(Kind):
    name = "languagetool"
    default_category = "grammar"
    default_scope = ("text", "~quote")

    @dataclass
    class Options:
        language: str = ""                       # empty: the config's locale, else en-US
        disabled_rules: list[str] = field(default_factory=list)
        enabled_rules: list[str] = field(default_factory=list)
        disabled_categories: list[str] = field(default_factory=list)
        enabled_categories: list[str] = field(default_factory=list)
        enabled_only: bool = False
        picky: bool = False

    def check(self, ctx: Context) -> Iterable[Hit]:
        url = server_url(ctx.settings.options)
        if url is None:
            _warn_once(f"LanguageTool rules skipped ({self.rule.id}): no LanguageTool server configured; {ENABLE_HINT}")
            return
        o = self.options
        language = o.language or ctx.settings.locale or "en-US"
        try:
            tool = _client(url, language)
        except Exception as exc:   # the library raises its own error types, or requests' errors
            raise RuntimeError(f"LanguageTool server at {url} did not answer ({type(exc).__name__}: {exc})") from None
        tool.disabled_rules = set(o.disabled_rules)
        tool.enabled_rules = set(o.enabled_rules)
        tool.disabled_categories = set(o.disabled_categories)
        tool.enabled_categories = set(o.enabled_categories)
        tool.enabled_rules_only = o.enabled_only
        tool.picky = o.picky
        text = ctx.text
        conv = Utf16Offsets(text)
        accept = ctx.settings.vocabulary.accept
        try:
            matches = tool.check(text)
        except Exception as exc:
            raise RuntimeError(f"LanguageTool server at {url} failed to check the text ({type(exc).__name__}: {exc})") from None
        for match in matches:
            # language-tool-python already moved the start to code points; the end is ours to convert
            start = match.offset
            end = conv.from_utf16(conv.to_utf16(start) + int(match.error_length))
            if end <= start or not any(seg.start <= start < seg.end for seg in ctx.segments):
                continue
            if text[start:end] in accept:
                continue
            category = CATEGORY_MAP.get(str(match.category))
            message = self.message(str(match.message).strip(), match.rule_id)
            yield Hit(Span(start, min(end, len(text))), message, tuple(match.replacements[:5]), category=category)
