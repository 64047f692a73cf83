"""A big bank is linted in worker processes: same report, progress as it goes."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest

import star_bank.lint.engine as lint_module
from star_bank.lint.engine import PARALLEL_MIN_STORIES, Linter, parse_processes

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def big_bank(tmp_path_factory):
    folder = tmp_path_factory.mktemp("big-bank")
    for source in [*sorted((ROOT / "stories").glob("*.md")), *sorted((ROOT / "bench" / "corpus").glob("[0-9]*.md"))]:
        shutil.copy(source, folder / f"{source.parent.name}-{source.name}")
    (folder / "broken.md").write_bytes(b"\xff\xfe\x00 not a story")
    return folder


class Progress:
    def __init__(self) -> None:
        self.total = None
        self.calls: list[int] = []

    def start(self, total: int) -> None:
        self.total = total

    def __call__(self, done: int) -> None:
        self.calls.append(done)


def test_one_story_is_linted_in_this_process_and_a_bank_on_every_core():
    assert parse_processes(1) == 1
    assert parse_processes(PARALLEL_MIN_STORIES - 1) == 1
    assert parse_processes(PARALLEL_MIN_STORIES) in (1, 2)  # 1 on a one-core machine


def test_workers_give_the_same_report_as_one_process(big_bank, monkeypatch):
    linter = Linter()
    monkeypatch.setattr(lint_module, "parse_processes", lambda *args: 1)
    alone = linter.lint_paths([big_bank])
    monkeypatch.setattr(lint_module, "parse_processes", lambda *args: 2)
    progress = Progress()
    shared = linter.lint_paths([big_bank], progress=progress)
    assert shared == alone
    assert alone.findings and [e.path for e in alone.errors] == [str(big_bank / "broken.md")]
    assert progress.total == alone.summary.files
    assert progress.calls == sorted(progress.calls)
    assert progress.calls[-1] == alone.summary.files - 1  # every story but the unreadable one


def test_a_linter_survives_pickling_for_spawned_workers():
    linter = Linter()
    copy = pickle.loads(pickle.dumps(linter))
    text = (ROOT / "bench" / "corpus" / "24-image-resizer-leak.md").read_text(encoding="utf-8")
    assert copy.lint_text(text) == linter.lint_text(text)
