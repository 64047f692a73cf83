"""The one error story reading raises: a file that cannot be read or parsed."""

from __future__ import annotations


class StoryParseError(Exception):
    """A story file that cannot be read or parsed. `str()` is one line naming the file."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
