"""A story bank on disk: discovery, bad files, and `starbank list`."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from star_bank.story.bank import load_bank
from star_bank.cli.starbank import main
from star_bank.retrieve.listing import list_stories

GOOD = "# {title}\n\n## Situation\nA.\n\n## Task\nB.\n\n## Action\nC.\n\n## Result\nD went up 20%.\n"
STAR = {"situation", "task", "action", "result"}


@pytest.fixture
def bank_dir(tmp_path: Path, write_file) -> Path:
    """A folder with two good stories, two bad ones, and things that are not stories."""
    write_file("good.md", GOOD.format(title="Good one"))
    write_file("nested/deeper/good.markdown", GOOD.format(title="Good two"))
    write_file("bad-yaml.md", "---\ntitle: [oops\n---\n")
    write_file("bad-bytes.md", b"# Caf\xe9\n")
    write_file("notes.txt", "not a story")
    write_file(".git/HEAD.md", "---\nbroken: [\n---\n")
    (tmp_path / "folder.md").mkdir()
    write_file("folder.md/inside.md", GOOD.format(title="Inside a folder named like a story"))
    return tmp_path


def test_load_bank_returns_stories_and_names_each_bad_file(bank_dir):
    bank = load_bank(bank_dir)
    assert sorted(s.title for s in bank.stories) == ["Good one", "Good two", "Inside a folder named like a story"]
    assert sorted(Path(e.path).name for e in bank.errors) == ["bad-bytes.md", "bad-yaml.md"]
    for error in bank.errors:
        assert error.message and "\n" not in error.message
    assert any("not valid YAML" in e.message for e in bank.errors)
    assert any("UTF-8" in e.message for e in bank.errors)


def test_load_bank_skips_hidden_folders_and_other_files(bank_dir):
    bank = load_bank(bank_dir)
    paths = [s.path for s in bank.stories] + [e.path for e in bank.errors]
    assert not any(".git" in p or p.endswith(".txt") for p in paths)


def test_stories_come_in_path_order(bank_dir):
    paths = [s.path for s in load_bank(bank_dir).stories]
    assert paths == sorted(paths)


def test_symlink_loops_do_not_crash_the_walk(tmp_path, write_file):
    write_file("stories/good.md", GOOD.format(title="Good"))
    (tmp_path / "stories" / "loop").symlink_to(tmp_path / "stories", target_is_directory=True)
    (tmp_path / "stories" / "self.md").symlink_to(tmp_path / "stories" / "self.md")
    (tmp_path / "stories" / "dangling.md").symlink_to(tmp_path / "missing.md")
    bank = load_bank(tmp_path / "stories")
    assert [s.title for s in bank.stories] == ["Good"]
    assert sorted(Path(e.path).name for e in bank.errors) == ["dangling.md", "self.md"]


def test_a_missing_path_is_an_error_not_a_crash(tmp_path):
    bank = load_bank([tmp_path / "nowhere"])
    assert bank.stories == []
    assert [e.message for e in bank.errors] == ["no such file or folder"]


def test_a_file_named_explicitly_is_read_whatever_its_suffix(write_file):
    path = write_file("story.txt", GOOD.format(title="Plain text story"))
    assert [s.title for s in load_bank(path).stories] == ["Plain text story"]


def test_listing_summarises_each_story(bank_dir):
    entries = list_stories(load_bank(bank_dir))
    entry = next(e for e in entries if e.title == "Good one")
    assert entry.sections == ["situation", "task", "action", "result"]
    assert entry.words == 7
    assert entry.path.endswith("good.md")


# --- starbank list ------------------------------------------------------------------------


@pytest.fixture
def in_repo(repo_root, monkeypatch) -> Path:
    monkeypatch.chdir(repo_root)
    return repo_root


def test_starbank_list_json_covers_the_sample_bank(in_repo):
    result = CliRunner().invoke(main, ["list", "--bank", "stories", "--format", "json"])
    assert result.exit_code == 0, result.output
    entries = json.loads(result.stdout)
    assert len(entries) >= 10
    for entry in entries:
        assert {"path", "title", "archetypes", "sections", "words"} <= entry.keys()
        assert entry["path"].startswith("stories")
        assert entry["title"]
        assert STAR <= set(entry["sections"]), entry["path"]
        assert entry["words"] > 100
    assert {a for entry in entries for a in entry["archetypes"]} == set(range(1, 11))


def test_starbank_list_text_prints_one_entry_per_story(in_repo):
    result = CliRunner().invoke(main, ["list", "--bank", "stories"])
    assert result.exit_code == 0, result.output
    files = sorted((in_repo / "stories").glob("*.md"))
    entry_lines = [line for line in result.stdout.splitlines() if line.startswith("stories")]
    assert len(entry_lines) == len(files)
    for file in files:
        assert len([line for line in entry_lines if line.startswith(f"stories{os.sep}{file.name} ")]) == 1


def test_starbank_list_reports_a_bad_file_and_still_lists_the_others(bank_dir):
    result = CliRunner().invoke(main, ["list", "--bank", str(bank_dir), "--format", "json"])
    assert result.exit_code == 2
    errors = result.stderr.splitlines()
    assert len(errors) == 2
    for line in errors:
        assert line.startswith(f"error: {bank_dir}{os.sep}")
    assert {Path(line.split(": ")[1]).name for line in errors} == {"bad-yaml.md", "bad-bytes.md"}
    listed = json.loads(result.stdout)
    assert sorted(e["title"] for e in listed) == ["Good one", "Good two", "Inside a folder named like a story"]


def test_starbank_list_text_format_exits_2_on_a_bad_file(bank_dir):
    result = CliRunner().invoke(main, ["list", "--bank", str(bank_dir)])
    assert result.exit_code == 2
    assert "Good one" in result.stdout
    assert len(result.stderr.splitlines()) == 2
    assert "Traceback" not in result.output
