"""Whatever is in a story repo, starlint never crashes, hangs or runs code from data.

Each hostile file gives either one clear error line naming it, or a correct
lint; the other files in the same run are linted exactly as when alone.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from star_bank.cli.starlint import main
from star_bank.lint.engine import Linter
from star_bank.story.parse import MAX_STORY_BYTES

ROOT = Path(__file__).resolve().parents[2]
STORY = (ROOT / "stories" / "03-tokenization-timeout-checkout-outage.md").read_text(encoding="utf-8")
WEAK = "## Situation\nThe deadline was missed.\n\n## Lesson\nI learned to communicate better.\n"

# name -> (bytes, expected error fragment or None when the file must lint)
HOSTILE: dict[str, tuple[bytes, str | None]] = {
    "empty.md": (b"", None),
    "binary.md": (bytes(range(256)) * 4, "binary file"),
    "invalid-utf8.md": (b"## Situation\n\xc3\x28 broken\n", "not valid UTF-8"),
    "bom.md": (b"\xef\xbb\xbf" + WEAK.encode(), None),
    "crlf.md": (WEAK.replace("\n", "\r\n").encode(), None),
    "lone-cr.md": (WEAK.replace("\n", "\r").encode(), None),
    "too-big.md": (b"## Action\n" + b"I fixed it. " * (MAX_STORY_BYTES // 12 + 10), "MB"),
    "broken-yaml.md": (b"---\ntitle: [unclosed\n---\n## Situation\nx\n", "front matter is not valid YAML"),
    "python-tag.md": (
        b"---\ntitle: !!python/object/apply:os.system ['touch PWNED']\n---\n## Situation\nx\n",
        "front matter is not valid YAML",
    ),
    "nested-quotes.md": (b"## Action\n" + b">" * 5000 + b" The deadline was missed.\n", None),
    "nested-lists.md": (b"## Action\n" + b"- " * 5000 + b"The deadline was missed.\n", None),
    "unicode-marks.md": (
        "## Situation\n\u200fI shipped the \u200bfix 🚀 to cafe\u0301 users.\nThe deadline was missed.\n".encode(),
        None,
    ),
    "cp1252-quotes.md": ("## Situation\n\u201cMistakes\u201d were made.\n".encode("cp1252"), "not valid UTF-8"),
    "long-line.md": (b"## Action\n" + b"I traced the failing job and it was slow, " * 1200 + b"\n", None),
}


@pytest.fixture
def hostile_bank(tmp_path):
    for name, (data, _) in HOSTILE.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "a-directory.md").mkdir()
    (tmp_path / "loop.md").symlink_to(tmp_path / "loop.md")
    (tmp_path / "strong.md").write_text(STORY, encoding="utf-8")
    (tmp_path / "weak.md").write_text(WEAK, encoding="utf-8")
    return tmp_path


def _lint_json(*paths):
    result = CliRunner().invoke(main, [*map(str, paths), "--format", "json"])
    assert "Traceback" not in result.output
    return result, json.loads(result.stdout)


def test_every_bad_file_is_one_error_naming_it(hostile_bank):
    result, data = _lint_json(hostile_bank)
    assert result.exit_code == 2
    errors = {Path(e["path"]).name: e["message"] for e in data["errors"]}
    for name, (_, fragment) in HOSTILE.items():
        if fragment:
            assert fragment in errors.get(name, ""), (name, errors.get(name))
        else:
            assert name not in errors, (name, errors[name])
    assert "loop.md" in errors  # a symlink loop is an unreadable file, not a hang
    assert "a-directory.md" not in errors  # a folder with a story-like name is just walked
    for line in result.stderr.strip().splitlines():
        assert line.startswith("error: ") and str(hostile_bank) in line


def test_good_files_lint_as_when_alone(hostile_bank):
    _, together = _lint_json(hostile_bank)
    for name in ("strong.md", "weak.md", "bom.md", "nested-quotes.md", "unicode-marks.md"):
        _, alone = _lint_json(hostile_bank / name)
        mine = [f for f in together["findings"] if Path(f["path"]).name == name]
        assert mine == alone["findings"], name


def test_python_tag_in_front_matter_never_executes(hostile_bank, monkeypatch):
    monkeypatch.chdir(hostile_bank)
    _lint_json(hostile_bank / "python-tag.md")
    assert not (hostile_bank / "PWNED").exists()


def test_crlf_and_lone_cr_give_the_lf_positions(hostile_bank):
    linter = Linter()
    def positions(name):
        return [(f.rule, f.line, f.column, f.end_line, f.end_column)
                for f in linter.lint_paths([hostile_bank / name]).findings]
    lf = positions("weak.md")
    assert lf and positions("crlf.md") == lf and positions("lone-cr.md") == lf
    assert positions("bom.md") == lf


def test_file_removed_between_discovery_and_reading(tmp_path, monkeypatch):
    (tmp_path / "gone.md").write_text(WEAK)
    (tmp_path / "kept.md").write_text(WEAK)
    import star_bank.lint.runner as lint_module

    real_discover = lint_module.discover

    def discover_then_delete(paths, *rest):
        files, errors = real_discover(paths, *rest)
        (tmp_path / "gone.md").unlink()
        return files, errors

    monkeypatch.setattr(lint_module, "discover", discover_then_delete)
    report = Linter().lint_paths([tmp_path])
    assert [Path(e.path).name for e in report.errors] == ["gone.md"]
    assert "removed" in report.errors[0].message
    assert {Path(f.path).name for f in report.findings} == {"kept.md"}


def test_real_command_over_the_hostile_folder_prints_no_traceback(hostile_bank):
    starlint = Path(sys.executable).with_name("starlint")
    proc = subprocess.run(
        [str(starlint), str(hostile_bank)], capture_output=True, text=True, timeout=300,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr + proc.stdout
    assert proc.stdout.strip().splitlines()[-1].startswith("Found ")
