"""The README's console examples print what the commands print.

Each `$ starlint ...` or `$ starbank ...` line of a console block in the README,
followed by the output it shows, is run from the repository root (the story
`stories/missed-launch.md` is the weak failure fixture, kept out of the sample bank); every output line shown,
other than a `...` elision, must be a line of the real output.
"""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from star_bank.cli.starbank import main as starbank
from star_bank.cli.starlint import main as starlint

ROOT = Path(__file__).resolve().parents[2]
COMMANDS = {"starlint": starlint, "starbank": starbank}


def _examples() -> list[tuple[str, list[str]]]:
    """(command, the output lines shown under it) for every README example with output."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    examples = []
    for block in re.findall(r"```console\n(.*?)```", readme, re.S):
        command, shown = None, []
        for line in block.splitlines() + ["$ end"]:
            if line.startswith("$ "):
                if command and shown:
                    examples.append((command, shown))
                command, shown = line[2:].split("  #")[0].strip(), []
            elif command and line.strip() not in ("", "..."):
                shown.append(line.rstrip())
    return examples


EXAMPLES = _examples()


def test_the_readme_has_examples_with_output():
    assert {c.split()[0] for c, _ in EXAMPLES} == {"starlint", "starbank"}


@pytest.mark.parametrize("command,shown", EXAMPLES, ids=[c for c, _ in EXAMPLES])
def test_a_readme_example_prints_the_lines_it_shows(command, shown, tmp_path, monkeypatch):
    shutil.copytree(ROOT / "stories", tmp_path / "stories")
    shutil.copytree(ROOT / "tests" / "fixtures", tmp_path / "tests" / "fixtures")
    shutil.copy(ROOT / "tests" / "fixtures" / "weak-failure.md", tmp_path / "missed-launch.md")
    program, *args = shlex.split(command)
    # The one story the README lints alone lives apart, so the sample bank stays the README's.
    args = [str(tmp_path / "missed-launch.md") if a == "stories/missed-launch.md" else a for a in args]
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(COMMANDS[program], args, env={"STARLINT_CACHE_DIR": str(tmp_path / "cache")})
    output = result.output.replace(str(tmp_path / "missed-launch.md"), "stories/missed-launch.md")
    printed = {line.rstrip() for line in output.splitlines()}
    missing = [line for line in shown if line not in printed]
    assert not missing, f"{command}: the README shows lines it does not print:\n" + "\n".join(missing)
