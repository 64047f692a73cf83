"""Stories are private: no command opens a network connection."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

from star_bank.cli import starbank, starlint

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def no_network(monkeypatch):
    opened = []

    def refuse(*args, **kwargs):
        opened.append(args)
        raise AssertionError(f"network use: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return opened


COMMANDS = [
    (starlint.main, [str(ROOT / "stories"), "--no-cache"]),
    (starbank.main, ["list", "--bank", str(ROOT / "stories")]),
    (starbank.main, ["suggest", "tell me about a mistake", "--bank", str(ROOT / "stories")]),
    (starbank.main, ["coverage", "--bank", str(ROOT / "stories")]),
    (starlint.main, [str(ROOT / "stories"), "--no-cache", "--format", "html"]),
    (starbank.main, ["readiness", str(ROOT / "stories")]),
]


@pytest.mark.parametrize(("command", "args"), COMMANDS, ids=lambda v: " ".join(v) if isinstance(v, list) else "")
def test_command_opens_no_socket(no_network, command, args):
    result = CliRunner().invoke(command, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code in (0, 1), result.output
    assert no_network == []
