"""starlint as a real pre-commit hook, in a throwaway story repo.

The hook repo is a temporary git repo holding this checkout's working tree (so
uncommitted changes are what gets tested). The story repo is set up exactly as
the README says: its `.pre-commit-config.yaml` snippet and its commands, read
from README.md, with only the repo URL changed to the hook repo's path.
pre-commit builds the hook's environment once (pip installs the package, spaCy
and the model from the package registry: about 15 s); the commits after that
reuse it.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# What `pip install <hook repo>` needs to build the package.
PACKAGE_FILES = ("pyproject.toml", "README.md", "archetypes.yaml", ".pre-commit-hooks.yaml", "star_bank", "rules")

# A weak failure story: blame first, passive voice, hedges, no metric, a vague lesson.
WEAK = (ROOT / "tests" / "fixtures" / "weak-failure.md").read_text(encoding="utf-8")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
]


README_URL = "https://github.com/OWNER/star-bank"


def _readme_setup() -> tuple[str, list[list[str]]]:
    """The README's pre-commit snippet and the pre-commit commands that follow it."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Pre-commit hook") :]
    section = section[: section.index("\n## ", 1)]
    config = re.search(r"```yaml\n(.*?)```", section, re.S).group(1)
    console = re.search(r"```console\n(.*?)```", section, re.S).group(1)
    commands = [shlex.split(line, comments=True) for line in console.splitlines()]
    return config, [c for c in commands if c and c[0] == "pre-commit"]


def _env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT", "STARLINT_"))}
    env.update(
        PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),  # starlint's cache for a repo without a config
        GIT_AUTHOR_NAME="Story Writer",
        GIT_AUTHOR_EMAIL="writer@example.com",
        GIT_COMMITTER_NAME="Story Writer",
        GIT_COMMITTER_EMAIL="writer@example.com",
        GIT_CONFIG_NOSYSTEM="1",
        HOME=str(tmp_path / "home"),
    )
    # The pre-commit that this test environment installed, first on PATH for the git hook.
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    return env


def _git(cwd: Path, env: dict[str, str], *args: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=check, timeout=600
    )


def _hook_repo(tmp_path: Path, env: dict[str, str]) -> tuple[Path, str]:
    """A git repo with this working tree's package files, committed; (path, sha)."""
    repo = tmp_path / "starlint-hook"
    repo.mkdir()
    for name in PACKAGE_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, repo / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(source, repo / name)
    _git(repo, env, "init", "--quiet")
    _git(repo, env, "add", "-A")
    _git(repo, env, "commit", "--quiet", "-m", "starlint hook under test")
    return repo, _git(repo, env, "rev-parse", "HEAD").stdout.strip()


def _story_repo(
    tmp_path: Path, env: dict[str, str], config: str, commands: list[list[str]] = (["pre-commit", "install"],)
) -> Path:
    repo = tmp_path / "my-stories"
    (repo / "stories").mkdir(parents=True)
    _git(repo, env, "init", "--quiet")
    (repo / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    for command in commands:
        done = subprocess.run(
            [sys.executable, "-m", "pre_commit", *command[1:]], cwd=repo, env=env,
            capture_output=True, text=True, timeout=300,
        )
        assert done.returncode == 0, f"{shlex.join(command)}: {done.stdout}{done.stderr}"
    return repo


def _commit(repo: Path, env: dict[str, str], message: str) -> subprocess.CompletedProcess:
    _git(repo, env, "add", "-A")
    return _git(repo, env, "commit", "-m", message, check=False)


def test_readme_setup_blocks_a_weak_story_and_passes_a_strong_one(tmp_path):
    env = _env(tmp_path)
    hook, sha = _hook_repo(tmp_path, env)
    config, commands = _readme_setup()
    assert README_URL in config and any("autoupdate" in c for c in commands)
    here = hook.as_posix()
    repo = _story_repo(
        tmp_path, env, config.replace(README_URL, here), [[a.replace(README_URL, here) for a in c] for c in commands]
    )
    pinned = (repo / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert f"rev: {sha}" in pinned  # autoupdate pinned the hook repo's newest commit (it has no tags)
    weak = repo / "stories" / "missed-launch.md"
    weak.write_text(WEAK, encoding="utf-8")

    started = time.monotonic()
    blocked = _commit(repo, env, "Add the missed launch")  # builds the hook environment first
    first = time.monotonic() - started
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, output
    assert "starlint (STAR stories)" in output and "Failed" in output
    assert "stories/missed-launch.md:14:10: OWN001 [passive-voice] warning: " in output
    assert "  help: " in output
    assert "[vague-lesson]" in output
    assert "files were modified by this hook" not in output  # read-only
    assert weak.read_text(encoding="utf-8") == WEAK
    assert _git(repo, env, "rev-parse", "--verify", "HEAD", check=False).returncode != 0  # nothing committed

    strong = sorted((ROOT / "stories").glob("*.md"))[0].read_text(encoding="utf-8")
    weak.write_text(strong, encoding="utf-8")
    started = time.monotonic()
    passed = _commit(repo, env, "Tell the launch story properly")
    second = time.monotonic() - started
    output = passed.stdout + passed.stderr  # git prints the hook's report on stderr
    assert passed.returncode == 0, output
    assert "starlint (STAR stories)" in output and "Passed" in output

    (repo / "stories" / "notes.txt").write_text("not a story\n", encoding="utf-8")
    skipped = _commit(repo, env, "A note")  # no Markdown staged: the hook does not run
    assert skipped.returncode == 0 and "(no files to check)Skipped" in skipped.stdout + skipped.stderr

    # Without a `files:` filter, a story at the root named like an option is still a file.
    config_file = repo / ".pre-commit-config.yaml"
    config_file.write_text(
        "".join(line for line in pinned.splitlines(keepends=True) if "files:" not in line), encoding="utf-8"
    )
    (repo / "--ignore=passive-voice.md").write_text(WEAK, encoding="utf-8")
    named = _commit(repo, env, "A story named like an option")
    output = named.stdout + named.stderr
    assert named.returncode != 0, output
    assert "--ignore=passive-voice.md:14:10: OWN001 [passive-voice] warning: " in output
    print(f"\npre-commit: first commit {first:.1f} s (builds the hook env), second {second:.1f} s")


def test_local_hook_with_the_installed_starlint(tmp_path):
    """The `repo: local` variant: no hook environment, the starlint already installed."""
    starlint = Path(sys.executable).parent / ("starlint.exe" if os.name == "nt" else "starlint")
    if not starlint.exists():
        pytest.skip("starlint is not installed next to this Python")
    env = _env(tmp_path)
    repo = _story_repo(
        tmp_path, env,
        "repos:\n  - repo: local\n    hooks:\n      - id: starlint\n        name: starlint\n"
        f"        entry: {starlint.as_posix()}\n        language: system\n"
        "        types: [markdown]\n        require_serial: true\n",
    )
    (repo / "stories" / "missed-launch.md").write_text(WEAK, encoding="utf-8")
    blocked = _commit(repo, env, "Add the missed launch")
    assert blocked.returncode != 0 and "[passive-voice]" in blocked.stdout + blocked.stderr
    strong = sorted((ROOT / "stories").glob("*.md"))[0].read_text(encoding="utf-8")
    (repo / "stories" / "missed-launch.md").write_text(strong, encoding="utf-8")
    passed = _commit(repo, env, "Tell it properly")
    assert passed.returncode == 0, passed.stdout + passed.stderr
