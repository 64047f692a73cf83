"""Reading a file a user points at: regular files only, never more than a limit.

A FIFO named `story.md` blocks a plain `open()` forever, `z.md -> /dev/zero`
never ends, and a sparse 3 GB file is read whole before any size check. So
every file star-bank reads (stories, answer and question files, YAML data,
cache entries) goes through `read_limited`: it looks at what the path is
before opening it, opens without blocking, checks again on the open file (the
path may have been swapped in between), and reads at most `limit + 1` bytes.
"""

from __future__ import annotations

import errno
import os
import stat

# O_NONBLOCK: opening a FIFO returns at once instead of waiting for a writer.
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)
_CHUNK = 1 << 16
NO_SUCH_FILE = "cannot read: no such file"


class UnreadableFile(Exception):
    """A file that cannot be read: `reason` is one line, without the path."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class FileTooLarge(UnreadableFile):
    """A regular file over the limit; `size` is its size in bytes as far as it is known."""

    def __init__(self, path: str, size: int, limit: int) -> None:
        super().__init__(path, f"is {_megabytes(size)}; files over {_megabytes(limit)} are not read")
        self.size = size
        self.limit = limit


def read_limited(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of the regular file `path`, which must hold at most `limit` bytes.

    Raises FileTooLarge past the limit and UnreadableFile for anything else
    (a FIFO, device or socket, a folder, a missing file, a dangling link...).
    """
    name = os.fspath(path)
    _check_kind(name, _stat(name))
    try:
        fd = os.open(name, _OPEN_FLAGS)
    except OSError as exc:
        raise UnreadableFile(name, _os_reason(name, exc)) from None
    try:
        info = os.fstat(fd)
        _check_kind(name, info)  # the path may have been replaced since the stat
        if info.st_size > limit:
            raise FileTooLarge(name, info.st_size, limit)
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as exc:
        raise UnreadableFile(name, _os_reason(name, exc)) from None
    finally:
        os.close(fd)
    if total > limit:  # grew while being read
        raise FileTooLarge(name, max(total, info.st_size), limit)
    return b"".join(chunks)


def read_limited_text(path: str | os.PathLike[str], limit: int) -> str:
    """`read_limited`, decoded as UTF-8 (a BOM dropped); UnreadableFile when it is not."""
    data = read_limited(path, limit)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UnreadableFile(os.fspath(path), "is not valid UTF-8 text") from None


def _stat(name: str) -> os.stat_result:
    try:
        return os.stat(name)
    except OSError as exc:
        raise UnreadableFile(name, _os_reason(name, exc)) from None


def _check_kind(name: str, info: os.stat_result) -> None:
    mode = info.st_mode
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise UnreadableFile(name, "is a directory, not a file")
    kind = (
        "a FIFO" if stat.S_ISFIFO(mode)
        else "a socket" if stat.S_ISSOCK(mode)
        else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
        else "a special file"
    )
    raise UnreadableFile(name, f"not a regular file (it is {kind}); only regular files are read")


def _os_reason(name: str, exc: OSError) -> str:
    if exc.errno == errno.ENOENT:
        if os.path.islink(name):
            return "is a symbolic link to a file that does not exist"
        return NO_SUCH_FILE
    if exc.errno == errno.ELOOP:
        return "is a symbolic link loop"
    if exc.errno == errno.EISDIR:
        return "is a directory, not a file"
    return f"cannot read: {exc.strerror or exc}"


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size / 1000:.1f} KB"
