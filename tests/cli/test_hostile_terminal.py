"""A hostile terminal side: control sequences and forged workflow commands in stories and
file names, a full or closed stdout, a closed stdin, megabytes typed into the drill.

Each case runs the installed commands as subprocesses within the suite's bounds
(tests/cli/bounded.py: 20 s, 400 MB of address space, no traceback).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from bounded import cli  # noqa: F401  (a fixture)

ROOT = Path(__file__).resolve().parents[2]
WEAK = (ROOT / "tests" / "fixtures" / "weak-failure.md").read_text(encoding="utf-8")
# A story whose title sets the terminal's title (OSC), whose text clears the screen (CSI)
# and holds a C1 control and a NUL-free BEL.
HOSTILE_STORY = (
    WEAK.replace("title: The missed launch\n", "")
    .replace("# The missed launch", "# The missed launch \x1b]0;PWNED\x07 here")
    .replace("Mistakes were made", "Mistakes \x1b[2Jwere made\x9b31m")
)
# C0 controls but tab and newline, DEL, C1 controls: none may reach a terminal raw.
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
FORGED = "x\n::error file=forged.md::owned.md"


@pytest.fixture
def repo(tmp_path) -> Path:
    root = tmp_path / "repo"
    (root / "stories").mkdir(parents=True)
    (root / "stories" / "hostile.md").write_text(HOSTILE_STORY, encoding="utf-8")
    return root


@pytest.mark.parametrize(
    "command",
    [
        ["starlint", "stories"],
        ["starlint", "--scorecard", "stories"],
        ["starbank", "list"],
        ["starbank", "score"],
        ["starbank", "suggest", "tell me about a mistake"],
        ["starbank", "coverage"],
        ["starbank", "readiness"],
        ["starbank", "sheet"],
    ],
    ids=lambda c: "-".join(c[:2]),
)
def test_control_sequences_in_a_story_never_reach_the_terminal(cli, repo, command):
    done = cli(*command, cwd=repo)
    assert done.code in (0, 1), done.err
    assert not RAW_CONTROL.search(done.out + done.err), repr(RAW_CONTROL.search(done.out + done.err))
    if command[-1] == "list":
        assert "The missed launch \\x1b]0;PWNED\\x07 here" in done.out  # shown, escaped


def test_a_forged_cache_finding_is_printed_escaped(cli, repo):
    cache = repo.parent / "cache"
    cold = cli("starlint", "--cache-dir", cache, "stories", cwd=repo)
    [entry] = list(cache.glob("lint-v*/*.json"))
    data = json.loads(entry.read_bytes())
    data["findings"][0]["message"] = "\x1b]0;PWNED\x07 forged\n::error::owned"
    entry.write_text(json.dumps(data), encoding="utf-8")
    warm = cli("starlint", "--cache-dir", cache, "stories", cwd=repo)
    assert warm.code == cold.code
    assert "\\x1b]0;PWNED\\x07 forged\\n::error::owned" in warm.out
    assert not RAW_CONTROL.search(warm.out)
    assert not any(line.lstrip().startswith("::") for line in warm.out.splitlines())


def test_a_file_name_cannot_start_a_workflow_command(cli, repo):
    stories = repo / "stories"
    (stories / FORGED).write_text(WEAK, encoding="utf-8")
    (stories / "::warning file=y.md::z.md").write_text(WEAK, encoding="utf-8")
    os.mkfifo(stories / "p\n::error::pipe.md")
    text = cli("starlint", "--no-cache", "stories", cwd=repo)
    assert text.code == 2
    for output in (text.out, text.err):
        assert not any(line.lstrip().startswith("::") for line in output.splitlines()), output
    assert "stories/x\\n::error file=forged.md::owned.md:14:10: OWN001 [passive-voice]" in text.out
    assert text.err.startswith("error: stories/p\\n::error::pipe.md: not a regular file (it is a FIFO)")

    # A path that itself starts with "::" has its first colon escaped.
    (repo / "::warning file=y.md::z.md").write_text(WEAK, encoding="utf-8")
    named = cli("starlint", "--no-cache", "::warning file=y.md::z.md", cwd=repo)
    assert named.code == 1
    assert named.out.startswith("\\x3a:warning file=y.md::z.md:5:1: DET001")
    assert not any(line.lstrip().startswith("::") for line in named.out.splitlines())

    github = cli("starlint", "--no-cache", "--format", "github", "stories", cwd=repo)
    report = json.loads(cli("starlint", "--no-cache", "--format", "json", "stories", cwd=repo).out)
    lines = github.out.splitlines()
    assert len(lines) == len(report["findings"]) + len(report["errors"])  # one line each, none split
    assert all(re.match(r"::(error|warning|notice) file=", line) for line in lines)
    assert any(line.startswith("::warning file=stories/x%0A%3A%3Aerror file=forged.md%3A%3Aowned.md,") for line in lines)
    assert any("file=stories/%3A%3Awarning file=y.md%3A%3Az.md," in line for line in lines)


@pytest.mark.parametrize(
    "command", [["starlint", "stories"], ["starbank", "list"], ["starbank", "score"]], ids=lambda c: "-".join(c)
)
def test_a_full_stdout_is_one_error_line(cli, repo, command):
    with open("/dev/full", "wb") as full:
        done = cli(*command, cwd=repo, stdout=full.fileno())
    assert done.code == 2
    assert done.error_lines() == ["error: cannot write the output: No space left on device"]


@pytest.mark.parametrize("command", [["starlint", "stories"], ["starbank", "list"]], ids=lambda c: "-".join(c))
def test_a_closed_stdout_is_one_error_line(cli, repo, command):
    done = cli(*command, cwd=repo, stdout=None, preexec=lambda: os.close(1))
    assert done.code == 2
    assert done.error_lines() == ["error: cannot write the output: standard output is closed"]


def test_the_drill_with_stdin_closed_is_one_error_line(cli, repo):
    done = cli("starbank", "drill", cwd=repo, stdin=None, preexec=lambda: os.close(0))
    assert done.code == 2
    assert done.error_lines() == ["error: standard input is closed: answer in a terminal, or give --answers FILE"]


def test_a_megabyte_typed_into_the_drill_is_cut_to_one_answer(cli, repo):
    typed = ("I rolled back the release and paged the owner of the queue. " * 17_000).encode()
    assert len(typed) > 1_000_000
    done = cli("starbank", "drill", "--format", "json", cwd=repo, stdin=typed + b"\n\n\n")
    assert done.code == 0, done.err
    assert "note: an answer was cut at 20,000 characters" in done.err
    transcript = json.loads(done.out)
    assert transcript["scorecard"] is not None


def test_answers_with_control_bytes_save_a_draft_starlint_reads(cli, repo):
    answers = repo / "answers.txt"
    answers.write_bytes(
        b"Our export \x00shipped two weeks late.\x1b[2J I caused it.\n---\n"
        b"I decided to skip the load test\x07 and I told my manager within the hour.\n"
    )
    done = cli("starbank", "drill", "--answers", "answers.txt", "--save", "stories/draft.md", cwd=repo)
    assert done.code == 0, done.err
    draft = (repo / "stories" / "draft.md").read_bytes()
    assert not RAW_CONTROL.search(draft.decode("utf-8"))
    assert b"Our export shipped two weeks late.[2J I caused it." in draft
    lint = cli("starlint", "--no-cache", "stories/draft.md", cwd=repo)
    assert lint.code in (0, 1) and "error:" not in lint.err


def test_a_dangling_save_target_is_refused_before_the_session(cli, repo):
    (repo / "stories" / "draft.md").symlink_to(repo / "nowhere" / "draft.md")
    (repo / "answers.txt").write_text("I caused the outage.\n", encoding="utf-8")
    done = cli("starbank", "drill", "--answers", "answers.txt", "--save", "stories/draft.md", cwd=repo)
    assert done.code == 2 and done.out == ""  # no session was played
    assert done.error_lines() == [
        "error: stories/draft.md: is a symbolic link to a file that does not exist; choose another file name"
    ]
    assert not (repo / "nowhere").exists()
