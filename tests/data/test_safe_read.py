"""read_limited: regular files only, never more than the limit plus one byte."""

from __future__ import annotations

import os

import pytest

from star_bank.data.safe_read import FileTooLarge, UnreadableFile, read_limited, read_limited_text


def test_a_regular_file_under_the_limit_is_read_whole(tmp_path):
    path = tmp_path / "story.md"
    path.write_bytes(b"x" * 100)
    assert read_limited(path, 100) == b"x" * 100


def test_a_file_over_the_limit_is_refused_with_its_size(tmp_path):
    path = tmp_path / "big.md"
    path.write_bytes(b"x" * 101)
    with pytest.raises(FileTooLarge) as caught:
        read_limited(path, 100)
    assert caught.value.size == 101 and caught.value.limit == 100


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_is_refused_without_blocking(tmp_path):
    os.mkfifo(tmp_path / "pipe.md")  # no writer: a plain open() would wait for one forever
    with pytest.raises(UnreadableFile, match=r"not a regular file \(it is a FIFO\)"):
        read_limited(tmp_path / "pipe.md", 100)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_device_behind_a_link_is_refused(tmp_path):
    (tmp_path / "zero.md").symlink_to("/dev/zero")
    with pytest.raises(UnreadableFile, match=r"not a regular file \(it is a device\)"):
        read_limited(tmp_path / "zero.md", 100)


def test_folders_missing_files_and_dangling_links_are_named(tmp_path):
    (tmp_path / "dangling.md").symlink_to(tmp_path / "gone.md")
    reasons = {}
    for name in ("", "missing.md", "dangling.md"):
        with pytest.raises(UnreadableFile) as caught:
            read_limited(tmp_path / name, 100)
        reasons[name] = caught.value.reason
    assert reasons == {
        "": "is a directory, not a file",
        "missing.md": "cannot read: no such file",
        "dangling.md": "is a symbolic link to a file that does not exist",
    }


def test_text_must_be_utf8(tmp_path):
    path = tmp_path / "answers.txt"
    path.write_bytes(b"\xef\xbb\xbfcaf\xc3\xa9")
    assert read_limited_text(path, 100) == "café"
    path.write_bytes(b"\xff\xfe")
    with pytest.raises(UnreadableFile, match="not valid UTF-8"):
        read_limited_text(path, 100)
