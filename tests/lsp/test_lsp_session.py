"""starlint-ls as an editor uses it: a subprocess speaking JSON-RPC over stdio.

The story has CRLF line ends and emoji before its findings, so a server that
counted code points instead of UTF-16 units, or lines without CR, would put
its diagnostics in the wrong place.
"""

from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

pytest.importorskip("pygls", reason="the lsp extra (pygls) is not installed")

from star_bank.cli.starlint import main as starlint  # noqa: E402

TIMEOUT = 90

STORY_LINES = [
    "---",
    "title: The cutover 🚀 that slipped",
    "archetypes: [3]",
    "---",
    "# The cutover 🚀 that slipped",
    "",
    "## Situation",
    "The vendor kept changing the schema, so the launch was late.",
    "",
    "## Task",
    "I owned the billing export.",
    "",
    "## Action",
    "🚀🙂 Mistakes were made during the cutover.",
    "I think the job was kind of rushed 🙂.",
    "",
    "## Result",
    "The customer was unhappy.",
    "",
    "## Lesson",
    "I learned to communicate much better.",
    "",
]
STORY = "\r\n".join(STORY_LINES)


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class Client:
    """A bare LSP client: Content-Length frames on the server's stdin and stdout."""

    def __init__(self, cwd: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "star_bank.cli.lsp", "--stdio"],
            cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        self.next_id = 0
        self.requests: list[dict[str, Any]] = []
        self.seen: list[dict[str, Any]] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            headers = {}
            while (line := stream.readline()) not in (b"\r\n", b""):
                name, _, value = line.decode("ascii").partition(":")
                headers[name.strip().lower()] = value.strip()
            if not headers:
                return
            self.messages.put(json.loads(stream.read(int(headers["content-length"]))))

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.process.stdin is not None
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def notify(self, method: str, params: Any) -> None:
        self.send({"method": method, "params": params})

    def request(self, method: str, params: Any) -> Any:
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        reply = self.wait(lambda m: m.get("id") == self.next_id and "method" not in m)
        assert "error" not in reply, reply
        return reply["result"]

    def wait(self, wanted) -> dict[str, Any]:
        while True:
            message = self.messages.get(timeout=TIMEOUT)
            self.seen.append(message)
            if "method" in message and "id" in message:  # a request from the server: accept it
                self.requests.append(message)
                result = {"success": True} if message["method"] == "window/showDocument" else None
                self.send({"id": message["id"], "result": result})
            if wanted(message):
                return message

    def diagnostics(self, uri: str, version: int) -> list[dict[str, Any]]:
        message = self.wait(
            lambda m: m.get("method") == "textDocument/publishDiagnostics"
            and m["params"]["uri"] == uri and m["params"].get("version") == version
        )
        return message["params"]["diagnostics"]


def expected_from_cli(path: Path) -> set[tuple[str, int, int, int, int]]:
    """`starlint --format json` findings, converted to LSP's zero-based lines and UTF-16 columns."""
    result = CliRunner().invoke(starlint, [str(path), "--format", "json", "--no-cache"])
    lines = path.read_bytes().decode("utf-8").split("\r\n")
    found = set()
    for f in json.loads(result.output)["findings"]:
        start = utf16(lines[f["line"] - 1][: f["column"] - 1])
        end = utf16(lines[f["end_line"] - 1][: f["end_column"] - 1])
        found.add((f["rule"], f["line"] - 1, start, f["end_line"] - 1, end))
    return found


def as_tuples(diagnostics: list[dict[str, Any]]) -> set[tuple[str, int, int, int, int]]:
    return {
        (d["code"], d["range"]["start"]["line"], d["range"]["start"]["character"],
         d["range"]["end"]["line"], d["range"]["end"]["character"])
        for d in diagnostics
    }


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A project whose .starlint.toml turns one rule off: the server must find it as the CLI does."""
    (tmp_path / ".starlint.toml").write_text('ignore = ["vague-lesson"]\n', encoding="utf-8")
    (tmp_path / "story.md").write_bytes(STORY.encode("utf-8"))
    return tmp_path


def test_a_scripted_session_matches_the_cli_and_a_suppress_edit_silences_the_finding(folder: Path):
    path = folder / "story.md"
    uri = path.as_uri()
    expected = expected_from_cli(path)
    assert any(rule == "passive-voice" for rule, *_ in expected)
    assert not any(rule == "vague-lesson" for rule, *_ in expected)
    client = Client(folder)
    try:
        init = client.request("initialize", {"processId": None, "rootUri": folder.as_uri(), "capabilities": {}})
        assert init["capabilities"]["codeActionProvider"]
        assert init["capabilities"].get("positionEncoding", "utf-16") == "utf-16"
        client.notify("initialized", {})
        client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": STORY}})
        opened = client.diagnostics(uri, 1)
        assert as_tuples(opened) == expected
        assert {d["source"] for d in opened} == {"starlint"}
        passive = next(d for d in opened if d["code"] == "passive-voice")
        assert passive["range"]["start"] == {"line": 13, "character": utf16("🚀🙂 Mistakes ")}
        assert passive["severity"] == 2 and passive["codeDescription"]["href"].endswith("rules.md#passive-voice")

        hover = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": passive["range"]["start"]})
        assert "passive-voice" in hover["contents"]["value"] and "Flagged:" in hover["contents"]["value"]

        actions = client.request("textDocument/codeAction", {
            "textDocument": {"uri": uri}, "range": passive["range"], "context": {"diagnostics": [passive]},
        })
        titles = [a["title"] for a in actions]
        assert titles[:2] == ["Suppress passive-voice on this line", "Disable passive-voice in this file"]
        (edit,) = actions[0]["edit"]["changes"][uri]
        assert edit["newText"].startswith("<!-- starlint-disable-next-line passive-voice -- ") and edit["newText"].endswith("\r\n")

        # Apply the edit as an editor would: an incremental change at the edit's range.
        client.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{"range": edit["range"], "text": edit["newText"]}],
        })
        after = client.diagnostics(uri, 2)
        assert "passive-voice" not in {d["code"] for d in after}
        shifted = {(r, a + 1, b, c + 1, d) for r, a, b, c, d in expected if r != "passive-voice" and a >= 13}
        assert shifted <= as_tuples(after)

        # Saving lints at once; the documentation action asks the editor to open the rule's section.
        client.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
        assert as_tuples(client.diagnostics(uri, 2)) == as_tuples(after)
        docs = next(a for a in actions if a["title"].startswith("Show documentation"))
        client.request("workspace/executeCommand", docs["command"])
        shown = [r for r in client.requests if r["method"] == "window/showDocument"]
        assert shown and shown[0]["params"]["uri"].endswith("rules.md#passive-voice")

        # A burst of keystrokes is linted once, after the pause: no diagnostics for the versions between.
        for version in (3, 4, 5):
            client.notify("textDocument/didChange", {
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": ""}],
            })
        client.diagnostics(uri, 5)
        published = [m["params"].get("version") for m in client.seen if m.get("method") == "textDocument/publishDiagnostics"]
        assert 3 not in published and 4 not in published

        assert client.request("shutdown", None) is None
        client.notify("exit", None)
        assert client.process.wait(timeout=TIMEOUT) == 0
    finally:
        if client.process.poll() is None:
            client.process.kill()
            client.process.wait()
