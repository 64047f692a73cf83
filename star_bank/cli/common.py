"""What both commands share: exit codes, error lines, the default bank folder."""

from __future__ import annotations

import errno
import os
import sys
from pathlib import Path
from typing import Any

import click

from star_bank.report.json_report import dumps
from star_bank.report.terminal import escape_value, safe_output

EXIT_CLEAN = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2
# Ctrl-C: the shell's code for a run stopped by SIGINT, so a script never reads it as findings.
EXIT_INTERRUPTED = 130


def error_line(message: str) -> None:
    """One line on stderr: `error: <path>: <reason>` (a newline in a file name cannot split it)."""
    click.echo(f"error: {escape_value(message)}", err=True)


def echo_text(text: str, *, err: bool = False, nl: bool = True, color: bool = False) -> None:
    """Text output, with what stories put in it made safe for a terminal (report/terminal.py)."""
    click.echo(safe_output(text, colour=color), err=err, nl=nl, color=color)


def default_bank() -> Path:
    """`stories/` under the current folder when it exists, else the current folder."""
    stories = Path("stories")
    return stories if stories.is_dir() else Path(".")


def print_json(value: Any) -> None:
    """`value` as JSON on stdout, laid out like every other JSON output."""
    click.echo(dumps(value))


class OutputErrors:
    """Mixed into a click command: a full or failing stdout is one error line and exit 2.

    `starlint bank > /dev/full` raised OSError from deep inside click.echo. A closed
    pipe (`starlint | head -1`) stays quiet, as click makes it (exit 1).
    """

    def main(self, *args: Any, **kwargs: Any) -> Any:
        if sys.stdout is None:  # `starlint >&-`: click would drop every line in silence
            sys.stdout = _ClosedStream()
        try:
            try:
                return super().main(*args, **kwargs)  # type: ignore[misc]
            finally:
                _flush(sys.stdout)
        except BrokenPipeError:
            _silence_stdout()
            sys.exit(EXIT_FINDINGS)
        except OSError as exc:
            _silence_stdout()
            reason = exc.strerror or str(exc)
            if exc.filename:
                error_line(f"{exc.filename}: {reason}")
            elif exc.errno in _WRITE_ERRORS:
                error_line(f"cannot write the output: {reason}")
            else:
                error_line(reason)
            sys.exit(EXIT_ERROR)


_WRITE_ERRORS = {errno.ENOSPC, errno.EIO, errno.EBADF, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}


class _ClosedStream:
    """Stands for a closed stdout: writing to it is an error, as writing to a closed fd is."""

    closed = False
    encoding = "utf-8"

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed")

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False


def _flush(stream: Any) -> None:
    if stream is not None and not getattr(stream, "closed", True):
        stream.flush()


def _silence_stdout() -> None:
    """Point stdout at nothing, so the interpreter's last flush cannot fail again."""
    try:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")
    except OSError:
        pass
