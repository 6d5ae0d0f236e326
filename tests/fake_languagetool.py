"""A stand-in for a LanguageTool server, speaking its documented HTTP API (/v2/languages, /v2/check).

It flags "a apple" (category GRAMMAR) and "teh" (TYPOS), with offsets and lengths in UTF-16 code
units as LanguageTool (a Java program) reports them. The tests run it in a thread; run as a
program (`python fake_languagetool.py ... --port N`) it stands in for `java` starting a local
install's server.
"""
from __future__ import annotations

import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs


def utf16_units(text: str, index: int) -> int:
    return len(text[:index].encode("utf-16-le")) // 2


class FakeLanguageTool(BaseHTTPRequestHandler):
    """Flags "a apple" (grammar) and "teh" (a typo), the way a LanguageTool server answers."""
    requests: list[dict[str, list[str]]] = []

    def log_message(self, *args: object) -> None:   # keep test output quiet
        pass

    def _send(self, payload: object) -> None:
        body = json.dumps(payload).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        if self.path.startswith("/v2/languages"):
            self._send([{"name": "English (US)", "code": "en", "longCode": "en-US"},
                        {"name": "English (GB)", "code": "en", "longCode": "en-GB"}])
        else:
            self.send_error(404)

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", 0))
        params = parse_qs(self.rfile.read(length).decode())
        type(self).requests.append(params)
        text = params["text"][0]
        matches = []
        for needle, rule, cat, fix in (("a apple", "EN_A_VS_AN", "GRAMMAR", "an apple"),
                                       ("teh", "MORFOLOGIK_RULE_EN_US", "TYPOS", "the")):
            start = text.find(needle)
            while start != -1:
                matches.append({
                    "message": f"Use '{fix}'.", "shortMessage": "", "replacements": [{"value": fix}],
                    "offset": utf16_units(text, start), "length": utf16_units(text, start + len(needle)) - utf16_units(text, start),
                    "context": {"text": text[:40], "offset": 0, "length": len(needle)}, "sentence": text,
                    "type": {"typeName": "Other"},
                    "rule": {"id": rule, "description": "", "issueType": "grammar",
                             "category": {"id": cat, "name": cat.title()}},
                    "ignoreForIncompleteSentence": False, "contextForSureMatch": 0,
                })
                start = text.find(needle, start + 1)
        self._send({"software": {"name": "LanguageTool", "version": "6.4"},
                    "language": {"name": "English (US)", "code": "en-US"}, "matches": matches})


if __name__ == "__main__":
    port = int(sys.argv[sys.argv.index("--port") + 1])
    ThreadingHTTPServer(("127.0.0.1", port), FakeLanguageTool).serve_forever()
