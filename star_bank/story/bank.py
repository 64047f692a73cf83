"""A story bank: the story files under some paths, parsed, with the files that failed."""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from star_bank.model.story import FileError, Story
from star_bank.story.exclude import Excludes, WalkFilter
from star_bank.story.errors import StoryParseError

STORY_SUFFIXES = (".md", ".markdown")


class Bank(BaseModel):
    # Validators built on first use: a lint run imports this module for `discover` only.
    model_config = ConfigDict(defer_build=True)

    stories: list[Story] = Field(default_factory=list)
    errors: list[FileError] = Field(default_factory=list)


def discover(
    paths: list[str | os.PathLike[str]], excludes: Excludes | None = None
) -> tuple[list[str], list[FileError]]:
    """Story files under `paths` (folders searched recursively), sorted, without repeats.

    A folder walk skips `excludes` (default: tool folders such as .venv) and what git
    ignores (star_bank/story/exclude.py). A path named explicitly is taken whatever its
    suffix; a missing path is an error.
    """
    found: list[str] = []
    errors: list[FileError] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            walked, problems = _walk(path, WalkFilter(path, excludes))
            # `starlint` in a folder reports `notes/story.md`, not `./notes/story.md`.
            found.extend(os.path.relpath(f) if path == Path(".") else f for f in walked)
            errors.extend(
                FileError(path=os.path.relpath(e.path), message=e.message) if path == Path(".") else e
                for e in problems
            )
        elif path.exists() or path.is_symlink():
            found.append(str(path))
        else:
            errors.append(FileError(path=str(path), message="no such file or folder"))
    seen: set[str] = set()
    unique = [p for p in found if not (p in seen or seen.add(p))]
    return unique, errors


def _walk(root: Path, keep: WalkFilter) -> tuple[list[str], list[FileError]]:
    """The story files under `root`, and an error for each folder that cannot be read
    and each symbolic link that leads out of `root` (neither is silently skipped)."""
    files: list[str] = []
    errors: list[FileError] = []

    def unreadable(exc: OSError) -> None:
        folder = exc.filename if exc.filename is not None else str(root)
        errors.append(FileError(path=str(folder), message=f"cannot read folder: {exc.strerror or exc}"))

    inside = _real(root)
    # followlinks=False: a symlink loop cannot make the walk run forever.
    for folder, dirs, names in os.walk(root, onerror=unreadable, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and keep.keep_dir(os.path.join(folder, d)))
        paths = (os.path.join(folder, n) for n in sorted(names) if n.lower().endswith(STORY_SUFFIXES))
        for path in paths:
            if not keep.keep_file(path):
                continue
            if inside is not None and os.path.islink(path) and not _is_within(_real(path), inside):
                # Like ruff and pre-commit: a link out of the linted folder could expose any
                # file (a credentials file) in findings and reports; naming it is consent.
                errors.append(FileError(path=path, message=_OUTSIDE.format(target=_real(path), root=root)))
                continue
            files.append(path)
    return sorted(files), errors


_OUTSIDE = (
    "is a symbolic link to {target}, outside the folder being read ({root}); "
    "not followed (name the file itself to read it)"
)


def _real(path: str | Path) -> str | None:
    try:
        return os.path.realpath(path, strict=False)
    except (OSError, ValueError):
        return None


def _is_within(path: str | None, folder: str) -> bool:
    if path is None:
        return False
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def load_bank(paths: list[str | os.PathLike[str]] | str | os.PathLike[str]) -> Bank:
    """Parse every story under `paths`; files that fail become `errors`, the rest `stories`."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    from star_bank.story.parse import read_story  # here: discovering files needs no parser

    files, errors = discover(list(paths))
    bank = Bank(errors=errors)
    for file in files:
        try:
            bank.stories.append(read_story(file))
        except StoryParseError as exc:
            bank.errors.append(FileError(path=exc.path, message=exc.reason))
    return bank
