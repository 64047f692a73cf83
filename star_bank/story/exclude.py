"""Which files a folder walk skips: tool folders, configured patterns, and what git ignores.

Like ruff: inside a git work tree a walk lints only what git would show
(`git ls-files --cached --others --exclude-standard`: .gitignore files, the
global excludes file and `.git/info/exclude` all apply), and folders that
never hold stories (`.venv`, `node_modules`, `build`...) are skipped anywhere.
A file named explicitly is always read: the user asked for it.

Patterns are gitignore-style globs: one without a slash (`drafts`, `*.tmp.md`)
matches a file or folder name at any depth; one with a slash (`notes/old`)
matches a path from the folder of the configuration file.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path, PurePosixPath

# Folders that never hold stories and can be large: skipped by every walk.
DEFAULT_EXCLUDE = (
    ".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__",
    "build", "dist", "site-packages", ".starlint_cache",
)
# Never read, whatever the configuration says.
ALWAYS_EXCLUDE = (".git", ".hg", ".svn")
GIT_TIMEOUT = 30


@dataclass(frozen=True)
class Excludes:
    """The patterns a walk skips; patterns with a slash are relative to `base`."""

    patterns: tuple[str, ...] = DEFAULT_EXCLUDE
    base: Path | None = None

    def matches(self, path: str | os.PathLike[str]) -> bool:
        parts = Path(path).parts
        if any(part in ALWAYS_EXCLUDE for part in parts):
            return True
        relative: tuple[str, ...] | None = None
        for pattern in self.patterns:
            pattern = pattern.strip().strip("/").removeprefix("./")
            if not pattern:
                continue
            if "/" not in pattern:
                if any(fnmatchcase(part, pattern) for part in parts):
                    return True
                continue
            relative = relative if relative is not None else _relative_parts(Path(path), self.base)
            if relative and any(
                fnmatchcase("/".join(relative[:n]), pattern) for n in range(1, len(relative) + 1)
            ):
                return True
        return False


class WalkFilter:
    """What one walk from `root` keeps: not excluded, and not ignored by git."""

    def __init__(self, root: Path, excludes: Excludes | None = None) -> None:
        self.root = root
        self.excludes = excludes or Excludes()
        self.visible = git_visible(root)

    def keep_dir(self, path: str) -> bool:
        if self.excludes.matches(path):
            return False
        return self.visible is None or self.visible.shows_dir(os.path.relpath(path, self.root))

    def keep_file(self, path: str) -> bool:
        if self.excludes.matches(path):
            return False
        return self.visible is None or self.visible.shows_file(os.path.relpath(path, self.root))


@dataclass(frozen=True)
class GitVisible:
    """The files git shows under a folder (tracked, or untracked and not ignored)."""

    files: frozenset[str]
    dirs: frozenset[str]  # every folder that holds one of `files`
    nested: frozenset[str]  # untracked nested repositories, whose files git does not list

    def shows_file(self, relative: str) -> bool:
        posix = PurePosixPath(Path(relative).as_posix())
        return str(posix) in self.files or self._in_nested(posix)

    def shows_dir(self, relative: str) -> bool:
        posix = PurePosixPath(Path(relative).as_posix())
        return str(posix) in self.dirs or self._in_nested(posix)

    def _in_nested(self, posix: PurePosixPath) -> bool:
        return any(str(p) in self.nested for p in (posix, *posix.parents))


def git_visible(root: Path) -> GitVisible | None:
    """What git shows under `root`, or None: not in a work tree, git missing, or `root`
    itself ignored (the user named it, so it is walked without git's rules)."""
    listed = _git(root, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
    if listed is None or _git(root, "check-ignore", "-q", ".") is not None:
        return None
    entries = [e for e in listed.split("\0") if e]
    nested = frozenset(e.rstrip("/") for e in entries if e.endswith("/"))
    files = frozenset(e for e in entries if not e.endswith("/"))
    dirs = {str(p) for e in files for p in PurePosixPath(e).parents if str(p) != "."}
    return GitVisible(files, frozenset(dirs | nested), nested)


def _git(root: Path, *args: str) -> str | None:
    """git's output in `root`, or None when it fails (including git not installed)."""
    try:
        done = subprocess.run(
            ["git", "-c", "core.quotepath=off", *args], cwd=root, capture_output=True,
            timeout=GIT_TIMEOUT, check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    return done.stdout.decode("utf-8", "surrogateescape")


def _relative_parts(path: Path, base: Path | None) -> tuple[str, ...] | None:
    """`path`'s parts from `base` (the current folder when None), or None when outside it."""
    try:
        return path.resolve().relative_to((base or Path.cwd()).resolve()).parts
    except (ValueError, OSError):
        return None
