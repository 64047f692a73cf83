"""What both commands share: exit codes, error lines, the default bank folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from star_bank.report.json_report import dumps

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2


def error_line(message: str) -> None:
    """One line on stderr: `error: <path>: <reason>`."""
    click.echo(f"error: {message}", err=True)


def default_bank() -> Path:
    """`stories/` under the current folder when it exists, else the current folder."""
    stories = Path("stories")
    return stories if stories.is_dir() else Path(".")


def print_json(value: Any) -> None:
    """`value` as JSON on stdout, laid out like every other JSON output."""
    click.echo(dumps(value))
