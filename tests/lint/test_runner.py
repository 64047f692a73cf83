"""The run path over files: worker processes for a big bank (same report, progress as it
goes), and scorecards through the same run and the same cache as findings."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import star_bank.nlp.stream as stream_module
from star_bank.lint.cache import CACHE_SCHEMA, LintCache
from star_bank.lint.engine import Linter
from star_bank.rubric.run import RubricScorer, lint_and_score_paths
from star_bank.rubric.score import load_rubrics

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


def test_workers_give_the_same_report_as_one_process(big_bank, monkeypatch):
    linter = Linter()
    monkeypatch.setattr(stream_module, "parse_processes", lambda *args: 1)
    alone = linter.lint_paths([big_bank])
    monkeypatch.setattr(stream_module, "parse_processes", lambda *args: 2)
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


# --- Scorecards: the same run, the same cache -------------------------------------------


@pytest.fixture
def small_bank(tmp_path):
    folder = tmp_path / "bank"
    folder.mkdir()
    shutil.copy(ROOT / "tests" / "fixtures" / "weak-failure.md", folder / "weak.md")
    for source in sorted((ROOT / "stories").glob("*.md"))[:2]:
        shutil.copy(source, folder / source.name)
    return folder


def _refuse(*args, **kwargs):
    raise AssertionError("spaCy was asked to parse, but every file should be cached")


def test_cached_scorecards_equal_the_cold_ones_without_parsing(small_bank, tmp_path, monkeypatch):
    linter = Linter()
    cache = LintCache.for_linter(linter, tmp_path / "cache")
    cold = lint_and_score_paths([small_bank], linter=linter, cache=cache)
    assert cold == lint_and_score_paths([small_bank], linter=linter)
    assert len(cold[1].scorecards) == 3
    monkeypatch.setattr(stream_module, "with_docs", _refuse)
    assert lint_and_score_paths([small_bank], linter=linter, cache=cache) == cold


def test_a_findings_only_entry_is_scored_once_then_served(small_bank, tmp_path, monkeypatch):
    linter = Linter()
    cache = LintCache.for_linter(linter, tmp_path / "cache")
    linter.lint_paths([small_bank], cache=cache)
    entry = sorted((tmp_path / "cache" / f"lint-v{CACHE_SCHEMA}").glob("*.json"))[0]
    assert "scorecard" not in json.loads(entry.read_bytes())
    scored = lint_and_score_paths([small_bank], linter=linter, cache=cache)
    assert "scorecard" in json.loads(entry.read_bytes())
    monkeypatch.setattr(stream_module, "with_docs", _refuse)
    assert lint_and_score_paths([small_bank], linter=linter, cache=cache) == scored
    assert linter.lint_paths([small_bank], cache=cache) == scored[0]


def test_other_scoring_settings_are_a_miss(small_bank, tmp_path):
    linter = Linter()
    cache = LintCache.for_linter(linter, tmp_path / "cache")
    lint_and_score_paths([small_bank], linter=linter, cache=cache)
    staff = lint_and_score_paths([small_bank], linter=linter, cache=cache, level="staff")[1]
    assert {card.level for card in staff.scorecards} == {"staff"}
    book = load_rubrics()
    changed = book.model_copy(update={"resources": book.resources[:1]})
    assert RubricScorer(book=changed).fingerprint() != RubricScorer().fingerprint()
    assert RubricScorer(level="staff").fingerprint() != RubricScorer().fingerprint()
    assert RubricScorer(book=book).fingerprint() == RubricScorer(book=book).fingerprint()


def test_workers_give_the_same_scorecards_as_one_process(small_bank, monkeypatch):
    linter = Linter()
    monkeypatch.setattr(stream_module, "parse_processes", lambda *args: 1)
    alone = lint_and_score_paths([small_bank], linter=linter)
    monkeypatch.setattr(stream_module, "parse_processes", lambda *args: 2)
    assert lint_and_score_paths([small_bank], linter=linter) == alone
    assert pickle.loads(pickle.dumps(RubricScorer(book=load_rubrics()))).fingerprint() == RubricScorer(
        book=load_rubrics()
    ).fingerprint()


PROBE = """
import importlib, sys
command = importlib.import_module(sys.argv[1]).main
try:
    command(sys.argv[2:])
except SystemExit as exit:
    code = exit.code
print("SPACY-IMPORTED" if "spacy" in sys.modules else "SPACY-NOT-IMPORTED", file=sys.stderr)
sys.exit(code)
"""


@pytest.mark.parametrize(
    "command",
    [["star_bank.cli.starlint", "--scorecard"], ["star_bank.cli.starbank", "score", "--format", "json"]],
    ids=["starlint-scorecard", "starbank-score"],
)
def test_cached_scorecard_run_does_not_import_spacy(small_bank, tmp_path, command):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("STARLINT_", "XDG_CACHE"))}
    env.update(STARLINT_CACHE_DIR=str(tmp_path / "cache"), HOME=str(tmp_path / "home"))
    args = [sys.executable, "-c", PROBE, *command, str(small_bank)]
    cold = subprocess.run(args, env=env, capture_output=True, text=True, timeout=300)
    assert "SPACY-IMPORTED" in cold.stderr.splitlines(), cold.stderr
    warm = subprocess.run(args, env=env, capture_output=True, text=True, timeout=300)
    assert warm.stderr.splitlines() == ["SPACY-NOT-IMPORTED"], warm.stderr
    assert warm.returncode == cold.returncode
    assert warm.stdout == cold.stdout and "rubric" in warm.stdout
