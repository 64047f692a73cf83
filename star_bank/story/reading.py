"""Reading a story file's bytes and decoding them, apart from parsing them.

A run whose every file is cached reads and hashes the bytes but never parses
them; keeping this apart from star_bank/story/parse.py spares it the parser's
imports (markdown-it, the label patterns, the story models' validators).
"""

from __future__ import annotations

import os

from star_bank.data.safe_read import NO_SUCH_FILE, FileTooLarge, UnreadableFile, read_limited
from star_bank.story.errors import StoryParseError

# A story told in three minutes is about 3 KB; a file a thousand times that is not
# a story, and parsing it would cost minutes and gigabytes.
MAX_STORY_BYTES = 1_000_000


def read_story_bytes(path: str | os.PathLike[str]) -> bytes:
    """The bytes of a story file: a regular file, read no further than the size limit."""
    name = str(path)
    try:
        return read_limited(path, MAX_STORY_BYTES)
    except FileTooLarge as exc:
        raise StoryParseError(name, _too_big(exc.size)) from None
    except UnreadableFile as exc:
        reason = {
            "is a directory, not a file": "is a directory, not a story file",
            NO_SUCH_FILE: "file not found (was it removed while being read?)",
        }.get(exc.reason, exc.reason)
        raise StoryParseError(name, reason) from None


def _too_big(size: int) -> str:
    return (
        f"is {size / 1_000_000:.1f} MB; stories over {MAX_STORY_BYTES // 1_000_000} MB are not read "
        "(a three-minute story is about 3 KB)"
    )


def decode_story(data: bytes, path: str) -> str:
    """Bytes -> text: UTF-8, an optional BOM dropped. Raises StoryParseError otherwise."""
    if len(data) > MAX_STORY_BYTES:
        raise StoryParseError(path, _too_big(len(data)))
    if b"\x00" in data:
        raise StoryParseError(path, "looks like a binary file (it contains NUL bytes), not a Markdown story")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = data[exc.start : exc.start + 1].hex()
        line = data.count(b"\n", 0, exc.start) + 1
        raise StoryParseError(
            path, f"is not valid UTF-8 (byte 0x{bad} on line {line}); save it as UTF-8"
        ) from None
