"""What a folder walk skips: tool folders anywhere, configured patterns by name or by path."""

from __future__ import annotations

from pathlib import Path

from star_bank.story.bank import discover
from star_bank.story.exclude import DEFAULT_EXCLUDE, Excludes


def _write(root: Path, *paths: str) -> None:
    for path in paths:
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text("# A story\n", encoding="utf-8")


def test_default_folders_are_skipped_at_any_depth(tmp_path):
    _write(tmp_path, "a.md", "x/node_modules/pkg/README.md", "x/site-packages/m/LICENSE.md", "build/b.md")
    files, errors = discover([tmp_path])
    assert [Path(f).relative_to(tmp_path).as_posix() for f in files] == ["a.md"] and errors == []


def test_patterns_by_name_and_by_path_from_the_config_folder(tmp_path):
    _write(tmp_path, "keep/a.md", "drafts/b.md", "notes/archive/c.md", "notes/d.md", "e-old.md")
    excludes = Excludes(DEFAULT_EXCLUDE + ("drafts", "notes/archive", "*-old.md"), base=tmp_path)
    files, _ = discover([tmp_path], excludes)
    assert sorted(Path(f).relative_to(tmp_path).as_posix() for f in files) == ["keep/a.md", "notes/d.md"]


def test_replacing_the_defaults_walks_a_build_folder(tmp_path):
    _write(tmp_path, "build/a.md", ".git/b.md")
    files, _ = discover([tmp_path], Excludes(("drafts",), base=tmp_path))
    assert [Path(f).relative_to(tmp_path).as_posix() for f in files] == ["build/a.md"]  # .git never
