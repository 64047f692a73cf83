"""The bank pass: rules that judge all the stories of a run at once, through the one run
path (runner, cache, workers), anchored on a story and silenced like any other finding."""

from __future__ import annotations

from pathlib import Path

import pytest

from star_bank.lint.config import Config
from star_bank.lint.engine import Linter
from star_bank.story.parse import parse_story

ROOT = Path(__file__).resolve().parents[2]
BANK_RULES = ["hero-in-every-story", "one-sided-lead", "story-stretched", "action-count"]

SOLO = {
    "01-cache.md": "# Image cache leak\n\n## Action\nI traced the leak to the image cache. I added a size limit and shipped it.\n",
    "02-tests.md": "# Flaky checkout tests\n\n## Action\nI read the logs and found a shared key. I gave each test its own key.\n",
    "03-search.md": "# Slow search\n\n## Action\nI profiled the query path. I moved the ranking step behind an index.\n",
    "04-release.md": "# Release checklist\n\n## Action\nI wrote the checklist. I automated its three slowest steps.\n",
}


def write_bank(folder: Path, stories: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in stories.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def linter(*rules: str, **overrides) -> Linter:
    return Linter(Config(select=list(rules or BANK_RULES)), **overrides)


def test_the_sample_bank_gets_no_bank_level_finding():
    report = linter().lint_paths([ROOT / "stories"])
    assert report.findings == []


def test_a_bank_where_only_the_speaker_acts_gets_one_hero_finding(tmp_path):
    report = linter("hero-in-every-story").lint_paths([write_bank(tmp_path, SOLO)])
    [finding] = report.findings
    assert finding.rule == "hero-in-every-story" and finding.bank
    assert "none of the 4 stories" in finding.message
    assert (finding.line, finding.column) == (1, 1)  # on the title of the story it names
    assert finding.text == "# Image cache leak"


@pytest.mark.parametrize(
    "credit",
    [
        "I paired with Dana on the fix.",
        "The SRE team rolled it out region by region.",
        "We rolled it out together.",
        "Priya reviewed the change before I merged it.",
    ],
)
def test_one_story_that_credits_someone_keeps_the_bank_quiet(tmp_path, credit):
    stories = dict(SOLO)
    stories["03-search.md"] = stories["03-search.md"] + credit + "\n"
    assert linter("hero-in-every-story").lint_paths([write_bank(tmp_path, stories)]).findings == []


def test_a_bank_too_small_to_judge_is_left_alone(tmp_path):
    two = dict(list(SOLO.items())[:2])
    assert linter("hero-in-every-story").lint_paths([write_bank(tmp_path, two)]).findings == []


@pytest.mark.parametrize(
    "comment",
    ["<!-- starlint-disable-next-line hero-in-every-story -->\n", "<!-- starlint-disable-file OWN004 -- told in person -->\n"],
)
def test_a_bank_finding_is_silenced_on_the_story_it_names(tmp_path, comment):
    stories = dict(SOLO)
    stories["01-cache.md"] = comment + stories["01-cache.md"]
    assert linter("hero-in-every-story").lint_paths([write_bank(tmp_path, stories)]).findings == []


def test_a_comment_in_another_story_does_not_silence_it(tmp_path):
    stories = dict(SOLO)
    stories["02-tests.md"] = "<!-- starlint-disable-file hero-in-every-story -->\n" + stories["02-tests.md"]
    [finding] = linter("hero-in-every-story").lint_paths([write_bank(tmp_path, stories)]).findings
    assert finding.path.endswith("01-cache.md")


def test_a_cached_run_still_judges_the_bank(tmp_path):
    bank = write_bank(tmp_path / "bank", SOLO)
    lint = linter("hero-in-every-story")
    cache = lint.open_cache(tmp_path / "cache")
    first = lint.lint_paths([bank], cache=cache)
    again = lint.lint_paths([bank], cache=lint.open_cache(tmp_path / "cache"))
    assert again == first and len(first.findings) == 1
    (bank / "02-tests.md").write_text(SOLO["02-tests.md"] + "Dana wrote the fixture.\n", encoding="utf-8")
    assert lint.lint_paths([bank], cache=lint.open_cache(tmp_path / "cache")).findings == []


def test_lint_stories_runs_the_bank_pass_too():
    stories = [parse_story(text, name) for name, text in SOLO.items()]
    per_story = linter("hero-in-every-story").lint_stories(stories)
    assert [len(f) for f in per_story] == [1, 0, 0, 0]


LEAD_IC = {
    name: "---\nrole: lead\n---\n" + text for name, text in SOLO.items()
}


def test_a_lead_bank_told_only_as_an_individual_contributor_is_flagged(tmp_path):
    [finding] = linter("one-sided-lead").lint_paths([write_bank(tmp_path, LEAD_IC)]).findings
    assert "individual contributor" in finding.message and "leading people" in finding.message


def test_the_role_on_the_command_line_decides_over_the_front_matter(tmp_path):
    bank = write_bank(tmp_path, LEAD_IC)
    assert linter("one-sided-lead", role="ic").lint_paths([bank]).findings == []
    plain = write_bank(tmp_path / "plain", SOLO)
    assert linter("one-sided-lead").lint_paths([plain]).findings == []
    assert len(linter("one-sided-lead", role="lead").lint_paths([plain]).findings) == 1


def test_a_lead_bank_with_one_coaching_story_is_balanced(tmp_path):
    stories = dict(LEAD_IC)
    stories["05-coaching.md"] = (
        "---\nrole: lead\n---\n# Growing an on-call lead\n\n## Action\n"
        "I coached Sam through his first incident review. I delegated the rota to him.\n"
    )
    assert linter("one-sided-lead").lint_paths([write_bank(tmp_path, stories)]).findings == []


def test_one_story_stretched_over_four_archetypes_is_flagged_on_that_story(tmp_path):
    stories = {
        "a.md": "---\narchetypes: [1, 2, 3, 7]\n---\n# The checkout rewrite\n\n## Action\nI rewrote it.\n",
        "b.md": "---\narchetypes: [5]\n---\n# Coaching Ana\n\n## Action\nI coached Ana.\n",
    }
    [finding] = linter("story-stretched").lint_paths([write_bank(tmp_path, stories)]).findings
    assert finding.path.endswith("a.md")
    assert "#1, #2, #3, #7" in finding.message and "#4" in finding.message


def test_a_stretched_story_shared_with_another_is_not_the_only_answer(tmp_path):
    stories = {
        "a.md": "---\narchetypes: [1, 2, 3, 7]\n---\n# The checkout rewrite\n\n## Action\nI rewrote it.\n",
        "b.md": "---\narchetypes: [1, 7]\n---\n# Scaling search\n\n## Action\nI sharded it.\n",
    }
    assert linter("story-stretched").lint_paths([write_bank(tmp_path, stories)]).findings == []


def test_action_count_reads_bullets_and_its_upper_bound_is_an_option():
    steps = "\n".join(f"- {verb} the {thing}" for verb, thing in [
        ("Read", "logs"), ("Reproduced", "crash"), ("Bisected", "branch"), ("Reverted", "change"),
        ("Wrote", "test"), ("Added", "alarm"), ("Posted", "timeline"),
    ])
    text = f"# Crash\n\n## Action\n{steps}\n"
    [finding] = linter("action-count").lint_text(text)
    assert "7 steps" in finding.message and finding.line == 4  # the first bullet
    config = Config(select=["action-count"], rules={"action-count": {"max_actions": 7}})
    assert Linter(config).lint_text(text) == []


def test_an_action_the_team_did_has_too_few_things_the_speaker_did():
    [finding] = linter("action-count").lint_text("# Outage\n\n## Action\nWe rolled back and the fix was merged.\n")
    assert finding.message.startswith("Action: nothing told as your own act")


def test_a_bank_finding_does_not_make_the_story_it_sits_on_unready():
    from star_bank.retrieve.bank_readiness import story_readiness

    stories = [parse_story(text, name) for name, text in SOLO.items()]
    findings = linter("hero-in-every-story").lint_stories(stories)[0]
    assert findings and story_readiness(stories[0], findings, None, [1]).ready
