"""The wheel carries the data a `pip install` user needs, and its console scripts."""

from __future__ import annotations

import configparser
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from star_bank.retrieve.archetypes import load_archetypes

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(repo_root: Path, tmp_path_factory) -> zipfile.ZipFile:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", ".", "--no-deps", "--no-build-isolation", "-q", "-w", str(out)],
        cwd=repo_root,
        check=True,
        capture_output=True,
        timeout=300,
    )
    (built,) = out.glob("star_bank-*.whl")
    with zipfile.ZipFile(built) as archive:
        yield archive


def test_wheel_contains_the_archetypes(wheel):
    assert "star_bank/data/archetypes.yaml" in wheel.namelist()


def test_wheel_contains_every_rule_file(wheel, repo_root):
    rules = sorted(p.name for p in (repo_root / "rules").iterdir() if p.is_file())
    assert rules and all(name.endswith(".yaml") for name in rules)
    shipped = sorted(
        name.removeprefix("star_bank/data/rules/")
        for name in wheel.namelist()
        if name.startswith("star_bank/data/rules/")
    )
    assert shipped == rules


def test_shipped_archetypes_load(wheel, tmp_path):
    path = Path(wheel.extract("star_bank/data/archetypes.yaml", tmp_path))
    assert [a.id for a in load_archetypes(path).archetypes] == list(range(1, 11))


def test_wheel_declares_both_console_scripts(wheel):
    (entry_points,) = [n for n in wheel.namelist() if n.endswith(".dist-info/entry_points.txt")]
    parser = configparser.ConfigParser()
    parser.read_string(wheel.read(entry_points).decode())
    assert dict(parser["console_scripts"]) == {
        "starlint": "star_bank.cli.starlint:main",
        "starbank": "star_bank.cli.starbank:main",
        "starlint-ls": "star_bank.cli.lsp:main",
    }


def test_wheel_contains_the_package(wheel):
    names = wheel.namelist()
    for module in ("__init__.py", "story/parse.py", "story/bank.py", "cli/starbank.py", "cli/starlint.py"):
        assert f"star_bank/{module}" in names
