"""Bank readiness: the sample bank is ready, a weak story says why not, edits rank by stories readied."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from star_bank.cli.starbank import main as starbank
from star_bank.model.findings import Finding, Severity
from star_bank.model.scorecard import DimensionRating, Scorecard
from star_bank.retrieve.archetypes import load_archetypes
from star_bank.retrieve.bank_readiness import (
    MAX_SPEAKING_SECONDS,
    Blocker,
    StoryReadiness,
    bank_readiness,
    best_edits,
    story_readiness,
    summarise_readiness,
)
from star_bank.story.parse import parse_story

ROOT = Path(__file__).resolve().parents[2]
WEAK = ROOT / "tests" / "fixtures" / "weak-failure.md"

STORY = "# A title\n\n## Situation\nWe had a queue.\n\n## Task\nI owned it.\n\n## Action\nI split it.\n\n## Result\nIt fell by 40%.\n"


def _finding(rule: str, severity: Severity, dimension: str = "ownership") -> Finding:
    return Finding(
        path="s.md", line=3, column=1, end_line=3, end_column=5, code="X001", rule=rule, severity=severity,
        dimension=dimension, section=None, message="a message", text="text", suggestion="do this",
    )


def _card(**ratings: str | None) -> Scorecard:
    dimensions = [DimensionRating(name=name, rating=rating, reason="because") for name, rating in ratings.items()]
    return Scorecard(path="s.md", rubric="star", level="senior", dimensions=dimensions)


def test_a_suggestion_and_a_not_applicable_dimension_do_not_block():
    story = parse_story(STORY, "s.md")
    result = story_readiness(story, [_finding("hedging", Severity.suggestion)], _card(ownership="intermediate", x=None), [3])
    assert result.ready and result.blockers == []


def test_a_warning_a_novice_dimension_and_a_long_telling_each_block():
    long_story = parse_story(STORY + "\n## Lesson\n" + "word " * 600, "s.md")
    result = story_readiness(long_story, [_finding("passive-voice", Severity.warning)], _card(ownership="novice"), [])
    assert not result.ready
    assert [b.kind for b in result.blockers] == ["finding", "dimension", "length"]
    assert result.speaking_seconds > MAX_SPEAKING_SECONDS


def _not_ready(path: str, *blockers: Blocker) -> StoryReadiness:
    return StoryReadiness(path=path, title=path, ready=False, speaking_seconds=60, blockers=list(blockers))


def test_the_edit_that_readies_most_stories_comes_first_and_a_rule_fix_lifts_its_dimension():
    passive = Blocker(kind="finding", key="passive-voice", detail="", dimension="ownership")
    owner = Blocker(kind="dimension", key="ownership", detail="")
    length = Blocker(kind="length", key="length", detail="")
    stories = [_not_ready("a.md", passive, owner), _not_ready("b.md", passive), _not_ready("c.md", length, owner)]
    edits = best_edits(stories)
    assert edits[0].key == "finding:passive-voice"
    assert edits[0].makes_ready == ["a.md", "b.md"]
    assert {e.key for e in edits} == {"finding:passive-voice", "dimension:ownership", "length:length"}


def test_archetypes_count_as_covered_only_through_ready_stories():
    ready = StoryReadiness(path="r.md", title="r", archetypes=[2], ready=True, speaking_seconds=90)
    summary = summarise_readiness([ready, _not_ready("n.md")], load_archetypes())
    assert (summary.ready, summary.total) == (1, 2)
    assert summary.archetypes_ready == [2]
    assert 2 not in summary.archetypes_not_ready and len(summary.archetypes_not_ready) == 9


def test_every_sample_story_is_ready():
    readiness = bank_readiness([ROOT / "stories"])
    assert readiness.all_ready, [(s.path, s.blockers) for s in readiness.stories if not s.ready]
    assert readiness.total == len(list((ROOT / "stories").glob("*.md")))
    assert readiness.edits == []


def test_the_cli_says_why_a_weak_story_is_not_ready_in_text_and_json(tmp_path, monkeypatch):
    monkeypatch.setenv("STARLINT_CACHE_DIR", str(tmp_path / "cache"))
    text = CliRunner().invoke(starbank, ["readiness", str(WEAK)])
    assert text.exit_code == 1, text.output
    assert "0 of 1 story ready" in text.output
    assert "[passive-voice]" in text.output and "ownership rated novice" in text.output
    raw = CliRunner().invoke(starbank, ["readiness", str(WEAK), "--format", "json"])
    data = json.loads(raw.output)
    assert data["ready"] == 0 and data["stories"][0]["ready"] is False
    assert {b["kind"] for b in data["stories"][0]["blockers"]} >= {"finding", "dimension"}
    assert 1 <= len(data["edits"]) <= 3


def test_the_cli_exits_0_on_the_sample_bank(tmp_path, monkeypatch):
    monkeypatch.setenv("STARLINT_CACHE_DIR", str(tmp_path / "cache"))
    result = CliRunner().invoke(starbank, ["readiness", str(ROOT / "stories")])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("13 of 13 stories ready")


def test_an_empty_folder_says_there_is_nothing_to_get_ready(tmp_path, monkeypatch):
    monkeypatch.setenv("STARLINT_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "bank").mkdir()
    result = CliRunner().invoke(starbank, ["readiness", str(tmp_path / "bank")])
    assert result.exit_code == 1
    assert result.output.strip() == "no readable stories found: nothing to get ready"
