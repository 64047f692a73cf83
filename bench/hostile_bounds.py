"""Time and memory bounds on oversized stories, whole `starlint` processes.

A 5 MB story, a 3 GB sparse file, a link to /dev/zero and a FIFO are refused
before any parsing (the last two without being read at all); the largest story starlint reads
(just under the 1 MB limit) is parsed in pieces. Prints wall time and peak
memory (max RSS of the child process) for each, and for a one-story baseline.

    python bench/hostile_bounds.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from star_bank.story.parse import MAX_STORY_BYTES

ROOT = Path(__file__).resolve().parent.parent
STARLINT = Path(sys.executable).with_name("starlint")


def story_of(size: int) -> str:
    """A real sample story whose Action is repeated until the file is about `size` bytes."""
    text = (ROOT / "stories" / "03-tokenization-timeout-checkout-outage.md").read_text(encoding="utf-8")
    head, rest = text.split("## Action", 1)
    action, tail = rest.split("## Result", 1)
    repeats = max(1, (size - len(head) - len(tail)) // len(action.encode()))
    return head + "## Action" + action * repeats + "## Result" + tail


def run(path: Path) -> tuple[float, float, int]:
    """Wall seconds, peak RSS in MB and exit code of one `starlint --no-cache` process."""
    start = time.perf_counter()
    # Each run in its own python wrapper so RUSAGE_CHILDREN measures that run alone.
    probe = (
        "import resource, subprocess, sys;"
        "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode;"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe, str(STARLINT), "--no-cache", str(path)],
        capture_output=True, text=True, check=True,
    ).stdout.split()
    return time.perf_counter() - start, int(out[0]) / 1024, int(out[1])


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        cases = {
            "one sample story (baseline)": ROOT / "stories" / "03-tokenization-timeout-checkout-outage.md",
            "5 MB story (refused)": Path(tmp) / "five-mb.md",
            f"{MAX_STORY_BYTES * 0.95 / 1e6:.2f} MB story (largest read)": Path(tmp) / "largest.md",
        }
        cases["5 MB story (refused)"].write_text(story_of(5_000_000), encoding="utf-8")
        cases[f"{MAX_STORY_BYTES * 0.95 / 1e6:.2f} MB story (largest read)"].write_text(
            story_of(int(MAX_STORY_BYTES * 0.95)), encoding="utf-8"
        )
        # Files that are not stories at all: each must be one error line, at once.
        sparse = Path(tmp) / "sparse.md"
        with open(sparse, "wb") as handle:
            handle.truncate(3 * 2**30)
        cases["3 GB sparse file (refused)"] = sparse
        zero = Path(tmp) / "zero.md"
        zero.symlink_to("/dev/zero")
        cases["*.md -> /dev/zero (refused)"] = zero
        if hasattr(os, "mkfifo"):
            os.mkfifo(Path(tmp) / "pipe.md")
            cases["FIFO named *.md (refused)"] = Path(tmp) / "pipe.md"
        print(f"{'case':<38}{'size':>10}{'seconds':>10}{'peak MB':>10}{'exit':>6}")
        for name, path in cases.items():
            seconds, peak, code = run(path)
            size = path.stat().st_size / 1e6 if path.is_file() else 0.0
            print(f"{name:<38}{size:>8.2f}MB{seconds:>10.1f}{peak:>10.0f}{code:>6}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
