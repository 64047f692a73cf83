"""A hostile or unlucky repository: special files, links out of the bank, hostile rule
packs, a shared cache folder, unreadable folders.

Each case runs the installed commands as subprocesses within the suite's bounds
(tests/cli/conftest.py: 20 s, 400 MB of address space, no traceback) and checks
that the bad file is one `error:` line naming it, that the other stories keep
exactly their findings, and that nothing is written outside the cache folder.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

from bounded import cli, run_bounded, tree  # noqa: F401  (cli is a fixture)

ROOT = Path(__file__).resolve().parents[2]
WEAK = (ROOT / "tests" / "fixtures" / "weak-failure.md").read_text(encoding="utf-8")
SECRET = "aws_secret_access_key = TOKEN-4417-DO-NOT-PRINT"


@pytest.fixture
def repo(tmp_path) -> Path:
    """A story repo: `stories/weak.md`, a story with findings, and nothing else."""
    root = tmp_path / "repo"
    (root / "stories").mkdir(parents=True)
    (root / "stories" / "weak.md").write_text(WEAK, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def weak_findings(tmp_path_factory) -> list[dict]:
    """The weak story's findings when it is alone in its bank."""
    root = tmp_path_factory.mktemp("alone") / "repo"
    (root / "stories").mkdir(parents=True)
    (root / "stories" / "weak.md").write_text(WEAK, encoding="utf-8")
    done = run_bounded("starlint", "--no-cache", "--format", "json", "stories", cwd=root)
    assert done.code == 1
    return json.loads(done.out)["findings"]


def _lint(cli, repo: Path, *args: str):
    done = cli("starlint", "--no-cache", "--format", "json", *args, cwd=repo)
    return done, json.loads(done.out)


def _findings_of(report: dict, name: str) -> list[dict]:
    return [f for f in report["findings"] if Path(f["path"]).name == name]


def _errors(report: dict) -> dict[str, str]:
    return {Path(e["path"]).name: e["message"] for e in report["errors"]}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_special_files_are_one_error_each_and_the_other_stories_keep_their_findings(cli, repo, weak_findings):
    stories = repo / "stories"
    os.mkfifo(stories / "pipe.md")
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(stories / "socket.md"))
    with open(stories / "sparse.md", "wb") as handle:
        handle.truncate(3 * 2**30)  # 3 GB on paper, no disk used
    before = tree(repo)
    try:
        done, report = _lint(cli, repo, "stories")
    finally:
        server.close()
    assert done.code == 2
    errors = _errors(report)
    assert errors["pipe.md"].startswith("not a regular file (it is a FIFO)")
    assert errors["socket.md"].startswith("not a regular file (it is a socket)")
    assert "3221.2 MB" in errors["sparse.md"] and "not read" in errors["sparse.md"]
    assert _findings_of(report, "weak.md") == weak_findings
    assert {line.split(": ")[1] for line in done.error_lines()} == {
        "stories/pipe.md", "stories/socket.md", "stories/sparse.md"
    }
    assert tree(repo) == before


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
@pytest.mark.parametrize(
    "args",
    [["list"], ["coverage"], ["suggest", "tell me about a mistake"], ["score"], ["readiness"]],
    ids=lambda a: a[0],
)
def test_every_bank_command_reports_a_fifo_and_goes_on(cli, repo, args):
    os.mkfifo(repo / "stories" / "pipe.md")
    done = cli("starbank", *args, cwd=repo)
    assert done.code == 2
    assert "error: stories/pipe.md: not a regular file (it is a FIFO)" in done.error_lines()[0]
    assert "weak.md" in done.out or "The missed launch" in done.out


def test_a_device_named_on_the_command_line_is_refused(cli, repo, weak_findings):
    (repo / "zero.md").symlink_to("/dev/zero")
    done, report = _lint(cli, repo, "zero.md", "stories")
    assert done.code == 2
    assert _errors(report) == {"zero.md": "not a regular file (it is a device); only regular files are read"}
    assert _findings_of(report, "weak.md") == weak_findings


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
@pytest.mark.parametrize(
    "args",
    [
        ["drill", "--answers", "/dev/zero"],
        ["drill", "--answers", "pipe.txt"],
        ["suggest", "--from", "/dev/zero"],
        ["suggest", "--from", "pipe.txt"],
    ],
    ids=["answers-device", "answers-fifo", "from-device", "from-fifo"],
)
def test_answer_and_question_files_must_be_regular_files(cli, repo, args):
    os.mkfifo(repo / "pipe.txt")
    done = cli("starbank", *args, cwd=repo)
    assert done.code == 2
    assert done.error_lines() == [f"error: {args[-1]}: " + done.error_lines()[0].split(": ", 2)[2]]
    assert "not a regular file" in done.err


def test_a_link_out_of_the_bank_is_not_followed_unless_named(cli, repo, tmp_path):
    secret = tmp_path / "credentials.md"
    secret.write_text(f"## Action\nMistakes were made. {SECRET}\n", encoding="utf-8")
    (repo / "stories" / "notes.md").symlink_to(secret)
    inside = repo / "stories" / "inside.md"
    inside.symlink_to("weak.md")  # a link that stays in the bank is read as usual

    done = cli("starlint", "--no-cache", "--format", "sarif", "stories", cwd=repo)
    assert "TOKEN-4417" not in done.out + done.err
    assert done.code == 2
    [line] = [line for line in done.error_lines() if "notes.md" in line]
    assert f"is a symbolic link to {secret}, outside the folder being read (stories)" in line
    assert "inside.md" in done.out

    listing = cli("starbank", "list", cwd=repo)
    assert "TOKEN-4417" not in listing.out and listing.code == 2

    named = cli("starlint", "--no-cache", "stories/notes.md", cwd=repo)
    assert named.code == 1 and "error:" not in named.err  # named by the user: read


def _rule(folder: Path, name: str, patterns: str) -> None:
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(
        "code: USR001\nslug: runs-of-a\nkind: pattern\nseverity: warning\ndimension: structure\n"
        "scope: [situation]\nmessage: \"A run of a: '{match}'\"\ndescription: Runs of the letter a.\n"
        f"options:\n  patterns: {patterns}\n"
        "examples:\n  bad: [\"aaaa\"]\n  good: [\"b!\"]\n",
        encoding="utf-8",
    )


def test_a_catastrophic_user_pattern_finishes_and_still_matches(cli, repo):
    (repo / "pyproject.toml").write_text('[tool.starlint]\nrule_dirs = ["my-rules"]\n', encoding="utf-8")
    _rule(repo / "my-rules", "runs.yaml", "['(a+)+$']")
    # 41 characters that backtracking engines take hours to reject.
    (repo / "stories" / "slow.md").write_text("## Situation\n" + "a" * 41 + "!\n", encoding="utf-8")
    (repo / "stories" / "match.md").write_text("## Situation\nThe queue held aaaa\n", encoding="utf-8")
    done, report = _lint(cli, repo, "stories")
    assert done.code == 1 and not report["errors"]
    hits = [f for f in report["findings"] if f["code"] == "USR001"]
    assert [(Path(f["path"]).name, f["message"]) for f in hits] == [("match.md", "A run of a: 'aaaa'")]


def test_a_pattern_re2_cannot_run_is_an_error_naming_the_rule_file(cli, repo):
    (repo / "pyproject.toml").write_text('[tool.starlint]\nrule_dirs = ["my-rules"]\n', encoding="utf-8")
    _rule(repo / "my-rules", "look.yaml", "['(?<=a)b']")
    done = cli("starlint", "stories", cwd=repo)
    assert done.code == 2
    [line] = done.error_lines()
    assert line.startswith(f"error: {repo / 'my-rules' / 'look.yaml'}: rule runs-of-a: option patterns")
    assert "RE2 syntax" in line


def test_an_alias_bomb_in_a_user_rule_file_is_refused(cli, repo):
    (repo / "pyproject.toml").write_text('[tool.starlint]\nrule_dirs = ["my-rules"]\n', encoding="utf-8")
    (repo / "my-rules").mkdir()
    lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for n in range(1, 10):
        lines.append(f"l{n}: &l{n} [" + ", ".join([f"*{'a' if n == 1 else f'l{n - 1}'}"] * 9) + "]")
    (repo / "my-rules" / "bomb.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = cli("starlint", "stories", cwd=repo)
    assert done.code == 2
    [line] = done.error_lines()
    assert "bomb.yaml: not valid YAML: expands to more than 200,000 values" in line


def test_cache_dir_dot_writes_only_in_a_folder_of_its_own(cli, repo):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    (repo / "pyproject.toml").write_text('[tool.starlint]\ncache_dir = "."\n', encoding="utf-8")
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    cold = cli("starlint", "stories", cwd=repo)
    warm = cli("starlint", "stories", cwd=repo)
    assert cold.out == warm.out and cold.code == warm.code == 1
    assert not (repo / ".gitignore").exists() and not (repo / "CACHEDIR.TAG").exists()
    assert (repo / ".starlint_cache" / "CACHEDIR.TAG").is_file()
    assert list((repo / ".starlint_cache").glob("lint-v*/*.json"))
    (repo / "stories" / "new.md").write_text(WEAK, encoding="utf-8")
    status = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"], cwd=repo, capture_output=True, text=True
    ).stdout
    assert "stories/new.md" in status  # git still sees new stories


def test_an_existing_folder_named_as_cache_gets_a_subfolder(cli, repo):
    build = repo / "build"
    build.mkdir()
    (build / "report.txt").write_text("mine\n", encoding="utf-8")
    done = cli("starlint", "--cache-dir", "build", "stories", cwd=repo)
    assert done.code == 1
    assert sorted(p.name for p in build.iterdir()) == [".starlint_cache", "report.txt"]
    again = cli("starlint", "--cache-dir", "build/.starlint_cache", "stories", cwd=repo)
    assert again.out == done.out
    assert not (build / ".starlint_cache" / ".starlint_cache").exists()  # a cache folder is reused as is


def test_broken_or_forged_cache_entries_are_misses_and_rewritten(cli, repo):
    cache = repo.parent / "cache"
    cold = cli("starlint", "--cache-dir", cache, "stories", cwd=repo)
    [entry] = list(cache.glob("lint-v*/*.json"))
    key = json.loads(entry.read_bytes())["key"]
    forged = {
        "line": 1, "column": 1, "end_line": 1, "end_column": 2, "severity": "error", "dimension": "structure",
        "section": None, "text": "#", "suggestion": None, "offset": 0, "end_offset": 1,
    }
    broken = [
        b"[" * 2000,  # nested past the recursion limit
        b"{" + b" " * 17_000_000 + b"}",  # over the entry size limit
        json.dumps({"key": key, "findings": [{**forged, "code": "ZZZ999", "rule": "forged", "message": "FORGED"}]}),
        json.dumps({"key": key, "findings": [{**forged, "code": "STR003", "rule": "hedging", "message": "FORGED"}]}),
    ]
    for content in broken:
        entry.write_bytes(content if isinstance(content, bytes) else content.encode())
        warm = cli("starlint", "--cache-dir", cache, "stories", cwd=repo)
        assert warm.out == cold.out and warm.code == cold.code == 1
        assert json.loads(entry.read_bytes())["key"] == key  # rewritten


def _as_nobody():
    os.setgid(65534)
    os.setgroups([])
    os.setuid(65534)


def test_an_unreadable_folder_or_file_in_the_bank_is_an_error(cli):
    # Root reads any folder: the run then drops to an unprivileged user.
    root_user = os.geteuid() == 0
    base = Path(tempfile.mkdtemp(prefix="starbank-unreadable-"))
    try:
        base.chmod(0o755)
        repo = base / "repo"
        (repo / "stories" / "locked").mkdir(parents=True)
        (repo / "stories" / "weak.md").write_text(WEAK, encoding="utf-8")
        (repo / "stories" / "locked" / "hidden.md").write_text(WEAK, encoding="utf-8")
        (repo / "stories" / "secret.md").write_text(WEAK, encoding="utf-8")
        for path in (repo, repo / "stories"):
            path.chmod(0o755)
        (repo / "stories" / "weak.md").chmod(0o644)
        (repo / "stories" / "locked").chmod(0o000)
        (repo / "stories" / "secret.md").chmod(0o000)
        preexec = _as_nobody if root_user else None
        try:
            done = cli("starlint", "--no-cache", "stories", cwd=repo, preexec=preexec)
        except PermissionError:  # the unprivileged user cannot reach this Python
            pytest.skip("cannot run starlint as an unprivileged user here (see the in-process test below)")
        assert done.code == 2
        assert "error: stories/locked: cannot read folder: Permission denied" in done.error_lines()
        assert "error: stories/secret.md: cannot read: Permission denied" in done.error_lines()
        assert "stories/weak.md:" in done.out
        listing = cli("starbank", "list", cwd=repo, preexec=preexec)
        assert listing.code == 2 and "error: stories/locked: cannot read folder" in listing.err
    finally:
        for path in base.rglob("*"):
            if not path.is_symlink():
                path.chmod(0o755)
        shutil.rmtree(base, ignore_errors=True)


def test_unreadable_folder_and_file_errors_even_when_running_as_root(repo, monkeypatch):
    """The same, in process, for a run as root (which reads any folder): the folder walk
    and the file read are refused as the operating system refuses them to a user."""
    import errno

    from star_bank.lint.engine import Linter

    (repo / "stories" / "locked").mkdir()
    (repo / "stories" / "locked" / "hidden.md").write_text(WEAK, encoding="utf-8")
    (repo / "stories" / "secret.md").write_text(WEAK, encoding="utf-8")
    real_scandir, real_open = os.scandir, os.open

    def scandir(path="."):
        if Path(path).name == "locked":
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_scandir(path)

    def open_file(path, flags, *args):
        if Path(path).name == "secret.md":
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(os, "open", open_file)
    monkeypatch.chdir(repo)
    report = Linter.from_path(Path("stories")).lint_paths([Path("stories")])
    assert {(e.path, e.message) for e in report.errors} == {
        (os.path.join("stories", "locked"), "cannot read folder: Permission denied"),
        (os.path.join("stories", "secret.md"), "cannot read: Permission denied"),
    }
    assert {f.path for f in report.findings} == {os.path.join("stories", "weak.md")}
