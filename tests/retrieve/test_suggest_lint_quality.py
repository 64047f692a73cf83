"""`starbank suggest` ranks stories by readiness, using starlint's cached findings when there."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from star_bank.cli import starbank, starlint

ROOT = Path(__file__).resolve().parents[2]
STRONG = (ROOT / "stories" / "03-tokenization-timeout-checkout-outage.md").read_text(encoding="utf-8")
# The same story made weak: passive voice and a vague lesson. Same archetype, same shape.
WEAK = STRONG.replace("I shipped a config change", "A config change was shipped").replace(
    "## Lesson\n", "## Lesson\nI learned to communicate better and to plan more carefully.\n"
)


def _stories(bank: Path) -> list[dict]:
    result = CliRunner().invoke(
        starbank.main, ["suggest", "tell me about an outage you caused", "--bank", str(bank), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)[0]["stories"]


def test_cached_findings_rank_the_clean_story_above_the_flagged_one(tmp_path, monkeypatch):
    monkeypatch.setenv("STARLINT_CACHE_DIR", str(tmp_path / "cache"))
    bank = tmp_path / "stories"
    bank.mkdir()
    (bank / "a-weak.md").write_text(WEAK, encoding="utf-8")
    (bank / "b-strong.md").write_text(STRONG, encoding="utf-8")

    before = _stories(bank)
    assert not any("starlint" in s["why"] for s in before)  # nothing linted yet: structure only

    CliRunner().invoke(starlint.main, [str(bank)])  # fills the cache, as the pre-commit hook would
    after = _stories(bank)
    assert Path(after[0]["path"]).name == "b-strong.md"
    assert "starlint: clean" in after[0]["why"]
    weak = next(s for s in after if Path(s["path"]).name == "a-weak.md")
    assert "warning" in weak["why"] and weak["score"] < after[0]["score"]
