"""The lint cache: a hit is the cold run's answer, and anything doubtful is a miss."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import star_bank.nlp.stream as stream_module
from star_bank.lint.cache import CACHE_SCHEMA, LintCache, resolve_cache_dir, user_cache_dir
from star_bank.cli.starlint import main
from star_bank.lint.config import Config, load_config
from star_bank.lint.engine import Linter

ROOT = Path(__file__).resolve().parents[2]

# A weak failure story: blame first, passive voice, hedges, no metric, a vague lesson.
WEAK = (ROOT / "tests" / "fixtures" / "weak-failure.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def linter():
    return Linter()


@pytest.fixture
def bank(tmp_path):
    folder = tmp_path / "bank"
    folder.mkdir()
    (folder / "weak.md").write_text(WEAK, encoding="utf-8")
    strong = sorted((ROOT / "stories").glob("*.md"))[0]
    (folder / "strong.md").write_text(strong.read_text(encoding="utf-8"), encoding="utf-8")
    return folder


def entries(cache_dir: Path) -> list[Path]:
    return sorted((cache_dir / f"lint-v{CACHE_SCHEMA}").glob("*.json"))


def cli(*args, env=None):
    return CliRunner(env={"STARLINT_CACHE_DIR": None, **(env or {})}).invoke(
        main, [str(a) for a in args], catch_exceptions=False
    )


def _refuse(*args, **kwargs):
    raise AssertionError("spaCy was asked to parse, but every file should be cached")


def test_cache_hit_gives_the_same_findings_without_parsing(linter, bank, tmp_path, monkeypatch):
    cold = linter.lint_paths([bank], cache=LintCache.for_linter(linter, tmp_path / "cache"))
    assert cold.findings and len(entries(tmp_path / "cache")) == 2
    monkeypatch.setattr(stream_module, "with_docs", _refuse)
    warm = linter.lint_paths([bank], cache=LintCache.for_linter(linter, tmp_path / "cache"))
    assert warm == cold


def test_a_moved_story_is_still_cached_and_reported_at_its_new_path(linter, bank, tmp_path, monkeypatch):
    cache = LintCache.for_linter(linter, tmp_path / "cache")
    linter.lint_paths([bank / "weak.md"], cache=cache)
    (tmp_path / "elsewhere").mkdir()
    moved = tmp_path / "elsewhere" / "weak.md"
    moved.write_bytes((bank / "weak.md").read_bytes())
    monkeypatch.setattr(stream_module, "with_docs", _refuse)
    report = linter.lint_paths([moved], cache=cache)
    assert report.findings and {f.path for f in report.findings} == {str(moved)}


def test_a_renamed_story_is_read_again_since_its_name_may_be_its_title(linter, bank, tmp_path, monkeypatch):
    cache = LintCache.for_linter(linter, tmp_path / "cache")
    linter.lint_paths([bank / "weak.md"], cache=cache)
    renamed = tmp_path / "payment-outage.md"
    renamed.write_bytes((bank / "weak.md").read_bytes())
    monkeypatch.setattr(stream_module, "with_docs", _refuse)
    with pytest.raises(AssertionError):
        linter.lint_paths([renamed], cache=cache)  # a miss: the parse is asked for


def test_changed_content_is_linted_again(linter, bank, tmp_path):
    cache = LintCache.for_linter(linter, tmp_path / "cache")
    before = linter.lint_paths([bank / "weak.md"], cache=cache)
    assert "vague-lesson" in {f.rule for f in before.findings}
    (bank / "weak.md").write_text(
        WEAK.replace("I learned to communicate much better.", "I now post a written status every Friday."),
        encoding="utf-8",
    )
    after = linter.lint_paths([bank / "weak.md"], cache=cache)
    assert "vague-lesson" not in {f.rule for f in after.findings}
    assert after == linter.lint_paths([bank / "weak.md"])
    assert len(entries(tmp_path / "cache")) == 2


def test_config_change_gives_the_new_findings_not_the_cached_ones(bank, tmp_path):
    cache_dir = tmp_path / "cache"
    config_file = tmp_path / ".starlint.toml"
    config_file.write_text("", encoding="utf-8")
    first = cli(bank / "weak.md", "--config", config_file, "--cache-dir", cache_dir, "--format", "json")
    assert {f["severity"] for f in json.loads(first.output)["findings"] if f["rule"] == "hedging"} == {"suggestion"}
    config_file.write_text('[rules.hedging]\nseverity = "error"\n', encoding="utf-8")
    second = cli(bank / "weak.md", "--config", config_file, "--cache-dir", cache_dir, "--format", "json")
    hedges = [f for f in json.loads(second.output)["findings"] if f["rule"] == "hedging"]
    assert hedges and {f["severity"] for f in hedges} == {"error"}


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: b"",  # empty, as after a crash before any byte was written
        lambda raw: raw[: len(raw) // 2],  # cut short
        lambda raw: b"\xff\xfe not json",
        lambda raw: json.dumps({"key": "0" * 64, "findings": []}).encode(),  # another file's entry
        lambda raw: json.dumps({"key": json.loads(raw)["key"], "findings": [{"line": "x"}]}).encode(),
        lambda raw: b"[1, 2, 3]",
    ],
    ids=["empty", "truncated", "garbage", "wrong-key", "bad-finding", "wrong-shape"],
)
def test_corrupt_entry_is_ignored_and_rewritten(linter, bank, tmp_path, damage):
    cache = LintCache.for_linter(linter, tmp_path / "cache")
    cold = linter.lint_paths([bank / "weak.md"], cache=cache)
    [entry] = entries(tmp_path / "cache")
    good = entry.read_bytes()
    entry.write_bytes(damage(good))
    again = linter.lint_paths([bank / "weak.md"], cache=cache)
    assert again == cold
    assert json.loads(entry.read_bytes()) == json.loads(good)


def test_a_crash_mid_write_leaves_no_entry(linter, bank, tmp_path, monkeypatch):
    cache = LintCache.for_linter(linter, tmp_path / "cache")

    def crash(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("star_bank.lint.cache.json.dump", crash)
    report = linter.lint_paths([bank / "weak.md"], cache=cache)
    assert report.findings
    assert entries(tmp_path / "cache") == []
    assert not list((tmp_path / "cache" / f"lint-v{CACHE_SCHEMA}").glob(".tmp-*"))


def test_an_unwritable_cache_is_skipped_not_fatal(linter, bank, tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    report = linter.lint_paths([bank], cache=LintCache.for_linter(linter, blocked))
    assert report == linter.lint_paths([bank])


def test_no_cache_flag_neither_reads_nor_writes(bank, tmp_path):
    cache_dir = tmp_path / "cache"
    cold = cli(bank, "--cache-dir", cache_dir, "--format", "json")
    # Plant a finding in every entry: a run that reads the cache reports it.
    for entry in entries(cache_dir):
        data = json.loads(entry.read_bytes())
        data["findings"] = [_planted()]
        entry.write_text(json.dumps(data), encoding="utf-8")
    assert "PLANTED" in cli(bank, "--cache-dir", cache_dir).output
    fresh = cli(bank, "--cache-dir", cache_dir, "--no-cache", "--format", "json")
    assert fresh.output == cold.output
    other = tmp_path / "unused"
    cli(bank, "--cache-dir", other, "--no-cache")
    assert not other.exists()


def _planted() -> dict:
    return {
        "line": 1, "column": 1, "end_line": 1, "end_column": 2, "code": "STR003", "rule": "unfilled-placeholder",
        "severity": "error", "dimension": "structure", "section": None, "message": "PLANTED",
        "text": "#", "suggestion": None, "offset": 0, "end_offset": 1,
    }


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_cached_output_equals_the_cold_output(bank, tmp_path, fmt):
    cache_dir = tmp_path / "cache"
    cold = cli(bank, "--cache-dir", cache_dir, "--format", fmt)
    warm = cli(bank, "--cache-dir", cache_dir, "--format", fmt)
    assert cold.exit_code == warm.exit_code == 1
    assert warm.output == cold.output


def test_cache_dir_flag_and_environment_choose_the_folder(bank, tmp_path):
    chosen = tmp_path / "chosen"
    cli(bank, "--cache-dir", chosen)
    assert len(entries(chosen)) == 2
    assert (chosen / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    from_env = tmp_path / "from-env"
    cli(bank, env={"STARLINT_CACHE_DIR": str(from_env)})
    assert len(entries(from_env)) == 2


def test_cache_folder_defaults(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert resolve_cache_dir(Config()) == user_cache_dir()
    if sys.platform.startswith("linux"):
        assert user_cache_dir() == tmp_path / "xdg" / "starlint"
    config_file = tmp_path / "repo" / "pyproject.toml"
    config_file.parent.mkdir()
    config_file.write_text("[tool.starlint]\n", encoding="utf-8")
    assert resolve_cache_dir(load_config(config_file)) == tmp_path / "repo" / ".starlint_cache"
    config_file.write_text('[tool.starlint]\ncache_dir = "build/lint"\n', encoding="utf-8")
    assert resolve_cache_dir(load_config(config_file)) == tmp_path / "repo" / "build" / "lint"
    assert resolve_cache_dir(load_config(config_file), tmp_path / "flag") == tmp_path / "flag"


def _clean_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("STARLINT_", "XDG_CACHE"))}
    env["XDG_CACHE_HOME"] = str(tmp_path / "xdg")
    env["HOME"] = str(tmp_path / "home")
    return env


def _starlint(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", "from star_bank.cli.starlint import main; main()", *args],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=120,
    )


def test_nothing_is_written_beside_stories_without_a_config(bank, tmp_path):
    before = sorted(p.name for p in bank.rglob("*"))
    result = _starlint(["."], cwd=bank, env=_clean_env(tmp_path))
    assert result.returncode == 1, result.stderr
    assert sorted(p.name for p in bank.rglob("*")) == before
    assert len(entries(tmp_path / "xdg" / "starlint")) == 2 or sys.platform != "linux"


def test_with_a_config_the_cache_sits_beside_it_and_git_ignores_it(bank, tmp_path):
    (bank / ".starlint.toml").write_text("", encoding="utf-8")
    result = _starlint(["."], cwd=bank, env=_clean_env(tmp_path))
    assert result.returncode == 1, result.stderr
    assert len(entries(bank / ".starlint_cache")) == 2
    assert (bank / ".starlint_cache" / ".gitignore").read_text(encoding="utf-8").strip().endswith("*")
    assert not (tmp_path / "xdg").exists()


PROBE = """
import sys
from star_bank.cli.starlint import main
try:
    main(sys.argv[1:])
except SystemExit as exit:
    code = exit.code
print("SPACY-IMPORTED" if "spacy" in sys.modules else "SPACY-NOT-IMPORTED", file=sys.stderr)
sys.exit(code)
"""


def test_fully_cached_run_does_not_import_spacy(bank, tmp_path):
    cache_dir = tmp_path / "cache"
    env = _clean_env(tmp_path)
    args = [sys.executable, "-c", PROBE, str(bank), "--cache-dir", str(cache_dir), "--format", "json"]
    cold = subprocess.run(args, env=env, capture_output=True, text=True, timeout=120)
    assert "SPACY-IMPORTED" in cold.stderr.splitlines()
    warm = subprocess.run(args, env=env, capture_output=True, text=True, timeout=120)
    assert warm.stderr.splitlines() == ["SPACY-NOT-IMPORTED"], warm.stderr
    assert warm.returncode == cold.returncode == 1
    assert warm.stdout == cold.stdout


def test_one_changed_file_parses_only_that_file(linter, bank, tmp_path, monkeypatch):
    cache = LintCache.for_linter(linter, tmp_path / "cache")
    linter.lint_paths([bank], cache=cache)
    (bank / "weak.md").write_text(WEAK + "\nOne more line.\n", encoding="utf-8")
    parsed = []
    real = stream_module.with_docs

    def spy(tagged, *args, **kwargs):
        for tag, story in real(tagged, *args, **kwargs):
            parsed.append(Path(story.story.path).name)
            yield tag, story

    monkeypatch.setattr(stream_module, "with_docs", spy)
    linter.lint_paths([bank], cache=cache)
    assert parsed == ["weak.md"]
