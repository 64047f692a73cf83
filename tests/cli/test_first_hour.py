"""What a new user meets in the first hour, tried as they would: a story repo of their
own with a virtualenv and a .gitignore, typos on the command line and in comments,
the text report, a changed threshold, a fresh skeleton."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from star_bank.cli.starlint import main
from star_bank.lint.config import Config
from star_bank.lint.engine import Linter
from star_bank.report.skeleton import story_skeleton
from star_bank.report.text import finding_lines

ROOT = Path(__file__).resolve().parents[2]
STRONG = sorted((ROOT / "stories").glob("*.md"))[0].read_text(encoding="utf-8")
WEAK = (ROOT / "tests" / "fixtures" / "weak-failure.md").read_text(encoding="utf-8")

WE_ACTION = """\
# The leaking cache

## Situation
The export failed twice a week and the finance team waited for it.

## Task
I owned the export that quarter.

## Action
{comment}We traced the failures to a shared cache key.
We added a key per worker and a test that starts two workers at once.
We rolled it out on a Monday.

## Result
Failures fell from 17% of runs to zero over 30 days.

## Lesson
I now collect 20 failing runs before I change any code, and I log the timings in a shared sheet.
"""

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def run(*args, **kwargs):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False, **kwargs)


def _linted(result) -> set[str]:
    data = json.loads(result.stdout)
    return {Path(f["path"]).as_posix() for f in data["findings"]} | {
        Path(e["path"]).as_posix() for e in data["errors"]
    }


@needs_git
def test_a_repo_root_with_a_venv_and_ignored_folders_lints_only_the_stories(tmp_path, monkeypatch):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / "my-story.md").write_text(WEAK, encoding="utf-8")
    licence = tmp_path / ".venv" / "lib" / "python3.11" / "site-packages" / "pkg-1.0.dist-info" / "LICENSE.md"
    licence.parent.mkdir(parents=True)
    licence.write_text(WEAK, encoding="utf-8")
    (tmp_path / "venv" / "README.md").parent.mkdir()
    (tmp_path / "venv" / "README.md").write_text(WEAK, encoding="utf-8")
    for folder in ("private", "build", "node_modules", "drafts", "local"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "notes.md").write_text(WEAK, encoding="utf-8")
    (tmp_path / ".gitignore").write_text("private/\n", encoding="utf-8")
    (tmp_path / ".git" / "info").mkdir(exist_ok=True)
    (tmp_path / ".git" / "info" / "exclude").write_text("local/\n", encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text('[tool.starlint]\nextend-exclude = ["drafts"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    result = run("--format", "json", "--no-cache")

    assert _linted(result) == {"my-story.md"}
    assert result.stderr.count("no ./stories folder; linting the current folder") == 1


@needs_git
def test_a_file_named_explicitly_is_linted_even_when_git_ignores_it(tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / ".gitignore").write_text("private/\n", encoding="utf-8")
    (tmp_path / "private").mkdir()
    (tmp_path / "private" / "draft.md").write_text(WEAK, encoding="utf-8")
    assert _linted(run(tmp_path, "--format", "json", "--no-cache")) == set()
    named = run(tmp_path / "private" / "draft.md", "--format", "json", "--no-cache")
    assert _linted(named) == {(tmp_path / "private" / "draft.md").as_posix()}
    folder = run(tmp_path / "private", "--format", "json", "--no-cache")  # an ignored folder, named
    assert _linted(folder) == {(tmp_path / "private" / "draft.md").as_posix()}


def test_outside_git_the_tool_folders_are_still_skipped(tmp_path):
    (tmp_path / "dist").mkdir()
    (tmp_path / "dist" / "story.md").write_text(WEAK, encoding="utf-8")
    (tmp_path / "story.md").write_text(WEAK, encoding="utf-8")
    assert _linted(run(tmp_path, "--format", "json", "--no-cache")) == {(tmp_path / "story.md").as_posix()}


def test_text_output_shows_the_severity_and_the_fix(tmp_path):
    story = tmp_path / "launch.md"
    story.write_text(WEAK, encoding="utf-8")
    lines = run(story, "--no-cache").stdout.splitlines()
    passive = next(i for i, line in enumerate(lines) if "[passive-voice]" in line)
    assert lines[passive].startswith(f"{story}:14:10: OWN001 [passive-voice] warning: ")
    assert lines[passive + 1].startswith("  help: ")
    assert "\x1b[" not in "\n".join(lines)  # not a terminal: no colour
    assert lines[-1].startswith("Found ")


def test_quiet_prints_only_the_summary(tmp_path):
    (tmp_path / "launch.md").write_text(WEAK, encoding="utf-8")
    result = run(tmp_path, "--quiet", "--no-cache")
    assert result.exit_code == 1
    assert result.stdout.strip().splitlines() == [result.stdout.strip()]
    assert result.stdout.startswith("Found ")


def test_colour_only_on_a_terminal_and_never_with_no_color(monkeypatch):
    from star_bank.cli import starlint

    [finding] = [f for f in Linter(select=["passive-voice"]).lint_text(WEAK) if "were made" in f.text]
    coloured = "\n".join(finding_lines(finding, color=True))
    assert "\x1b[33mwarning:\x1b[0m" in coloured
    monkeypatch.setattr(starlint.sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert starlint._use_color()
    monkeypatch.setenv("NO_COLOR", "1")
    assert not starlint._use_color()


def test_a_region_comment_inside_the_action_silences_we_overuse():
    linter = Linter(select=["we-overuse"])
    [finding] = linter.lint_text(WE_ACTION.format(comment=""))
    assert (finding.line, finding.column) == (10, 1)  # the Action's first sentence, not its heading
    assert finding.text.startswith("We traced the failures")
    comment = "<!-- starlint-disable we-overuse -- the team did this together -->\n"
    assert linter.lint_text(WE_ACTION.format(comment=comment)) == []
    elsewhere = WE_ACTION.format(comment="").replace(
        "## Situation\n", "## Situation\n<!-- starlint-disable-next-line we-overuse -->\n"
    )
    assert [f.rule for f in linter.lint_text(elsewhere)] == ["we-overuse"]  # another section's comment


def test_a_misspelt_rule_in_a_comment_is_reported_where_it_is_written(tmp_path):
    story = tmp_path / "lesson.md"
    story.write_text(
        STRONG.rstrip("\n") + "\n\n<!-- starlint-disable-next-line vauge-lesson -->\nI learned to listen.\n",
        encoding="utf-8",
    )
    line = STRONG.rstrip("\n").count("\n") + 3
    result = run(story, "--no-cache")
    assert (
        f"{story}:{line}:33: STR004 [unknown-rule-in-comment] warning: Unknown rule 'vauge-lesson' "
        "in a starlint comment, so it silences nothing; did you mean 'vague-lesson'?"
    ) in result.stdout


def test_a_misspelt_rule_on_the_command_line_names_the_option(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.starlint]\nlevel = 'senior'\n", encoding="utf-8")
    result = run(tmp_path, "--select", "pasive")
    assert result.exit_code == 2
    assert result.stderr.strip() == "error: --select: unknown rule 'pasive'; did you mean 'passive-voice'?"
    assert "pyproject.toml" not in result.stderr
    assert run(tmp_path, "--ignore", "OWN01").stderr.strip() == (
        "error: --ignore: unknown rule 'OWN01'; did you mean 'OWN001'?"
    )


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        ('ignore = ["hedgeing"]', "tool.starlint.ignore: unknown rule 'hedgeing'; did you mean 'hedging'?"),
        ('selct = ["hedging"]', "tool.starlint.selct: unknown key; did you mean 'select'?"),
        (
            "[tool.starlint.rules.too-long]\nmax_minuets = 2",
            "tool.starlint.rules.too-long.max_minuets: rule too-long has no option 'max_minuets'; "
            "did you mean 'max_minutes'?",
        ),
    ],
)
def test_a_config_mistake_names_the_file_and_the_key(tmp_path, toml, expected):
    (tmp_path / "pyproject.toml").write_text(f"[tool.starlint]\n{toml}\n", encoding="utf-8")
    result = run(tmp_path)
    assert result.exit_code == 2
    assert result.stderr.strip() == f"error: {tmp_path / 'pyproject.toml'}: {expected}"


def test_a_changed_threshold_reads_with_its_unit():
    for limit, said in ((1.0, "keep it under 1 minute"), (0.5, "keep it under 0.5 minutes")):
        linter = Linter(Config(rules={"too-long": {"max_minutes": limit}}), select=["too-long"])
        [finding] = linter.lint_text(STRONG)
        assert finding.message.endswith(said)
        assert " minutes to tell (" in finding.message


def test_a_new_skeleton_gets_one_finding_per_placeholder():
    findings = Linter().lint_text(story_skeleton(1), path="new.md")
    by_line: dict[int, list[str]] = {}
    for finding in findings:
        by_line.setdefault(finding.line, []).append(finding.rule)
    assert all(len(rules) == 1 for rules in by_line.values()), by_line
    assert "result-without-metric" not in {f.rule for f in findings}
    assert {f.rule for f in findings} >= {"unfilled-placeholder"}
