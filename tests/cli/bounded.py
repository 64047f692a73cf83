"""Running the installed commands as a user would, within the bounds the hostile-input suite promises."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent
SECONDS = 20  # every hostile case ends within this
MEMORY = 400 * 2**20  # and within this much address space (RLIMIT_AS), workers included


@dataclass
class Outcome:
    code: int
    stdout: bytes
    stderr: bytes

    @property
    def out(self) -> str:
        return self.stdout.decode("utf-8", "replace")

    @property
    def err(self) -> str:
        return self.stderr.decode("utf-8", "replace")

    def error_lines(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.strip()]


def _limit_memory() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def run_bounded(
    command: str,
    *args: str | os.PathLike[str],
    cwd: Path,
    env: dict[str, str] | None = None,
    stdin: int | bytes | None = subprocess.DEVNULL,
    stdout: int | None = subprocess.PIPE,
    preexec=None,
) -> Outcome:
    """`command` (starlint, starbank) with `args`, under SECONDS and MEMORY; never a traceback."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("STARLINT_")}
    environment.update({"NO_COLOR": "1", "COLUMNS": "100", "XDG_CACHE_HOME": str(cwd.parent / "user-cache")})
    environment.update(env or {})

    def limits() -> None:
        _limit_memory()
        if preexec is not None:
            preexec()

    data = stdin if isinstance(stdin, bytes) else None
    done = subprocess.run(
        [str(BIN / command), *map(str, args)],
        cwd=cwd, env=environment, input=data, stdin=None if data is not None else stdin, stdout=stdout,
        stderr=subprocess.PIPE, timeout=SECONDS, preexec_fn=limits, check=False,
    )
    outcome = Outcome(done.returncode, done.stdout or b"", done.stderr)
    assert "Traceback" not in outcome.err and "Traceback" not in outcome.out, outcome.err
    assert "MemoryError" not in outcome.err, outcome.err
    return outcome


def tree(folder: Path, skip: tuple[str, ...] = (".starlint_cache",)) -> dict[str, bytes | str]:
    """Every file under `folder` (special files by kind), to check that nothing was written."""
    found: dict[str, bytes | str] = {}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if any(part in skip for part in relative.parts):
            continue
        if path.is_symlink():
            found[str(relative)] = f"link to {os.readlink(path)}"
        elif path.is_file():
            size = path.stat().st_size
            found[str(relative)] = path.read_bytes() if size < 2_000_000 else f"{size} bytes"
        elif not path.is_dir():
            found[str(relative)] = "special"
    return found


@pytest.fixture
def cli():
    """`cli("starlint", *args, cwd=...)`: the installed command, bounded (see run_bounded).

    Imported by the hostile-input test modules (`from bounded import cli`).
    """
    if sys.platform == "win32":
        pytest.skip("resource limits and FIFOs need POSIX")
    return run_bounded
