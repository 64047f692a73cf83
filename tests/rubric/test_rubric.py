"""The rubric scorecard: ratings from evidence, quoted with positions, by level."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from star_bank.lint.engine import Linter
from star_bank.story.parse import parse_story
from star_bank.rubric.run import score_paths
from star_bank.rubric.score import RubricError, load_rubrics, score_story

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_STORIES = sorted((ROOT / "stories").glob("*.md"))


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


def score(text: str, linter: Linter, level: str | None = None):
    return score_story(parse_story(text, "story.md"), level=level, linter=linter)


WEAK_FAILURE = """\
---
title: The release that went wrong
archetypes: [3]
level: senior
---
# The release that went wrong

## Situation
Mistakes were made during the mobile release.
The deadline was missed by two weeks.

## Task
The login screen had to be updated before the marketing launch.

## Action
We rewrote the token refresh handler in a week.
We shipped it to both app stores on Friday.
The change was reverted on Saturday.

## Result
Some users could not log in for a while.

## Lesson
I learned to communicate better with the QA team.
"""

CHECKLIST_FAILURE = """\
---
title: The migration that locked the orders table
archetypes: [3]
---
# The migration that locked the orders table

## Situation
I wrote a migration that added a non-null column to the orders table, and I decided to test it only on my laptop.

## Task
I had to unlock checkout, tell the right people, and stop it happening again.

## Action
The staging deploy had taken 40 seconds longer than usual, and I dismissed it as a noisy database without checking.
Within 3 minutes of the first errors I cancelled the migration, and checkout recovered 11 minutes after the deploy.
Within 20 minutes I told my manager and the incident channel what my migration had done.

## Result
The outage lasted 11 minutes and cost about 1,900 failed checkouts.

## Lesson
Before I merge any schema change, I now run a three-item checklist and paste the output into the pull request.
"""


# --- Weak stories: novice, with the offending sentences quoted --------------------------


def test_weak_failure_story_is_novice_on_ownership_quoting_the_passive_sentence(linter):
    card = score(WEAK_FAILURE, linter)
    ownership = card.dimension("ownership")
    assert ownership.rating == "novice"
    assert "line 9: 'Mistakes were made during the mobile release.'" in ownership.reason
    assert {"line": 9, "column": 10} in [{"line": e.line, "column": e.column} for e in ownership.evidence]


def test_weak_failure_story_is_novice_on_concrete_lesson_quoting_the_vague_lesson(linter):
    lesson = score(WEAK_FAILURE, linter).dimension("concrete_lesson")
    assert lesson.rating == "novice"
    assert "line 24: 'I learned to communicate better with the QA team.'" in lesson.reason
    assert any(e.text == "I learned to communicate better with the QA team." for e in lesson.evidence)


def test_failure_story_with_no_warning_sign_is_novice_on_detection(linter):
    detection = score(WEAK_FAILURE, linter).dimension("detection")
    assert detection.rating == "novice"
    assert "never says how or when the problem was noticed" in detection.reason


def test_a_phone_call_to_the_lead_and_the_next_evening_are_who_was_told_and_when(linter):
    text = CHECKLIST_FAILURE.replace(
        "Within 3 minutes of the first errors I cancelled the migration, and checkout recovered 11 minutes after the deploy.\n"
        "Within 20 minutes I told my manager and the incident channel what my migration had done.",
        "I cancelled the migration and phoned my lead rather than wait for chat.\n"
        "I re-ran the migration the next evening, after testing it on a copy of the table.",
    ).replace("The staging deploy had taken 40 seconds longer than usual, and I dismissed it",
              "I dismissed a slow staging deploy")
    recovery = score(text, linter).dimension("recovery")
    assert recovery.rating == "expert"
    assert "phoned my lead" in recovery.reason and "the next evening" in recovery.reason


def test_recovery_done_by_nobody_in_particular_is_novice(linter):
    recovery = score(WEAK_FAILURE, linter).dimension("recovery")
    assert recovery.rating in ("novice", "intermediate")
    assert recovery.rating == "intermediate" or "hides who" in recovery.reason


def test_improvements_are_actions_that_quote_the_story(linter):
    card = score(WEAK_FAILURE, linter)
    assert len(card.improvements) == 3
    assert any(i.startswith("Replace 'Mistakes were made during the mobile release.' (line 9)") for i in card.improvements)
    assert all(i[0].isupper() and i.endswith((".", "'", "?")) for i in card.improvements)


def test_resources_are_chosen_for_the_weakest_dimensions(linter):
    card = score(WEAK_FAILURE, linter)
    novice = {d.name for d in card.dimensions if d.rating == "novice"}
    assert 2 <= len(card.resources) <= 3
    assert all(set(r.dimensions) & novice for r in card.resources)


def test_every_reason_is_one_line(linter):
    for text in (WEAK_FAILURE, CHECKLIST_FAILURE):
        for dimension in score(text, linter).dimensions:
            assert dimension.reason and "\n" not in dimension.reason


# --- Positive signals --------------------------------------------------------------------


def test_named_signal_and_why_it_was_dismissed_is_expert_detection(linter):
    detection = score(CHECKLIST_FAILURE, linter).dimension("detection")
    assert detection.rating == "expert"
    assert "I dismissed it as a noisy" in detection.reason
    assert "40 seconds longer than usual" in detection.reason


def test_timed_message_and_timed_steps_are_expert_recovery(linter):
    recovery = score(CHECKLIST_FAILURE, linter).dimension("recovery")
    assert recovery.rating == "expert"
    assert "Within 20 minutes I told my manager" in recovery.reason


def test_first_person_decision_is_expert_ownership(linter):
    ownership = score(CHECKLIST_FAILURE, linter).dimension("ownership")
    assert ownership.rating == "expert"
    assert "line 8:" in ownership.reason
    assert any("I decided to test it only on my laptop" in e.text for e in ownership.evidence)


def test_hypothetical_and_negated_verbs_are_not_owned_decisions(linter):
    story = WEAK_FAILURE.replace(
        "Mistakes were made during the mobile release.",
        "I should have tested the release, and I did not decide anything.",
    )
    ownership = score(story, linter).dimension("ownership")
    assert ownership.rating == "novice"
    assert "no act told with 'I'" in ownership.reason


# --- Level awareness ------------------------------------------------------------------------


def test_checklist_lesson_is_expert_at_swe1(linter):
    card = score(CHECKLIST_FAILURE, linter, level="swe1")
    assert card.level == "swe1"
    assert card.dimension("concrete_lesson").rating == "expert"
    assert "SWE-I" in card.dimension("concrete_lesson").reason


def test_pattern_awareness_is_not_rated_at_swe1_unless_shown(linter):
    pattern = score(CHECKLIST_FAILURE, linter, level="swe1").dimension("pattern_awareness")
    assert pattern.rating is None
    assert "not expected at SWE-I" in pattern.reason


def test_same_checklist_story_at_staff_is_not_expert_on_pattern_awareness(linter):
    card = score(CHECKLIST_FAILURE, linter, level="staff")
    # A safeguard for the whole class of cases is intermediate; staff needs a pattern across failures.
    assert card.dimension("pattern_awareness").rating == "intermediate"
    assert "staff" in card.dimension("pattern_awareness").reason.lower()
    # At staff a checklist also has to have held up since.
    assert card.dimension("concrete_lesson").rating == "intermediate"


def test_staff_story_that_only_generalises_is_at_most_intermediate(linter):
    story = CHECKLIST_FAILURE.replace(
        "into the pull request.",
        "into the pull request.\nI treat every data change the same way, and the checklist has caught two since.",
    )
    card = score(story, linter, level="staff")
    assert card.dimension("pattern_awareness").rating == "intermediate"
    assert card.dimension("concrete_lesson").rating == "expert"


def test_pattern_across_failures_with_a_response_is_expert_at_staff(linter):
    story = CHECKLIST_FAILURE.replace(
        "into the pull request.",
        "into the pull request.\nThis was the third time I skipped a production-sized test because a change "
        "looked small, so I now ask myself what the largest table it touches is before I merge.",
    )
    assert score(story, linter, level="staff").dimension("pattern_awareness").rating == "expert"


def test_pattern_shown_at_swe2_is_rated(linter):
    story = CHECKLIST_FAILURE.replace("into the pull request.", "into the pull request.\nIt was the second time I had made this kind of mistake.")
    # The link to an earlier failure and the class-level checklist together are expert.
    assert score(story, linter, level="swe2").dimension("pattern_awareness").rating == "expert"
    assert score(CHECKLIST_FAILURE, linter, level="swe2").dimension("pattern_awareness").rating is None


def test_cli_level_wins_over_front_matter_and_front_matter_over_the_default(linter):
    story = CHECKLIST_FAILURE.replace("archetypes: [3]", "archetypes: [3]\nlevel: swe2")
    assert score(story, linter).level == "swe2"
    assert score(story, linter, level="staff").level == "staff"
    assert score(CHECKLIST_FAILURE, linter).level == "senior"


# --- Rubric choice -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("front_matter", "rubric"),
    [
        ("archetypes: [3]", "failure"),
        ("archetypes: [8]", "failure"),
        ("archetypes: [1]\ntags: [mistake]", "failure"),
        ("archetypes: []\ntags: [incident]", "failure"),
        ("archetypes: [1]\ntags: [debugging, incident]", "failure"),
        ("archetypes: [2]\ntags: [learning]", "learning"),
        # The text tells a failure the speaker caused: whatever the archetype, it is rated as one.
        ("archetypes: [4]", "failure"),
        ("archetypes: [7]", "failure"),
    ],
)
def test_rubric_choice_follows_tags_then_the_text(linter, front_matter, rubric):
    text = CHECKLIST_FAILURE.replace("archetypes: [3]", front_matter)
    card = score(text, linter)
    assert card.rubric == rubric
    assert card.rubric_reason
    expected = list(load_rubrics().rubrics[rubric].dimensions)
    assert [d.name for d in card.dimensions] == expected


SMOOTH_SCALING = """---
title: Growing the search cluster
archetypes: [7]
---
# Growing the search cluster

## Situation
Search traffic tripled in a year and one node handled every query.

## Task
I owned the plan to grow the cluster without over-building it.

## Action
I split the index into four shards and added a replica per shard.
I chose to add autoscaling only after the second shard filled up.

## Result
P95 latency stayed under 120 ms at three times the traffic.
"""


def test_a_story_where_nothing_went_wrong_gets_the_star_rubric(linter):
    card = score(SMOOTH_SCALING, linter)
    assert card.rubric == "star"
    assert "nothing in it went wrong" in card.rubric_reason
    assert card.archetypes == [7] and card.archetype_source == "front-matter"


def test_an_incident_told_in_a_disagreement_story_is_rated_on_detection_and_recovery(linter):
    text = SMOOTH_SCALING.replace("archetypes: [7]", "archetypes: [4]").replace(
        "P95 latency stayed under 120 ms at three times the traffic.",
        "My shard change caused a 20-minute outage, and within 5 minutes I rolled it back and told my manager.",
    )
    card = score(text, linter)
    assert card.rubric == "failure"
    assert "went wrong" in card.rubric_reason and "My shard change caused" in card.rubric_reason
    assert card.dimension("recovery").rating == "expert"


def test_a_lesson_told_in_the_result_is_read_without_a_lesson_section(linter):
    text = CHECKLIST_FAILURE.replace("## Lesson\n", "")
    lesson = score(text, linter).dimension("concrete_lesson")
    assert lesson.rating == "expert"
    assert "three-item checklist" in lesson.reason
    assert "Lesson section" not in lesson.reason


def test_a_lesson_told_before_the_first_label_is_read(linter):
    # A forum answer often opens with what the speaker would change, then gives the labelled story.
    lesson = "Before I merge any schema change, I now run a three-item checklist and paste the output into the pull request."
    text = CHECKLIST_FAILURE.replace("\n## Lesson\n" + lesson + "\n", "\n")
    assert "three-item checklist" not in text
    opened = text.replace("# The migration that locked the orders table\n", "# The migration that locked the orders table\n\n" + lesson + "\n")
    assert score(text, linter).dimension("concrete_lesson").rating == "novice"
    rated = score(opened, linter).dimension("concrete_lesson")
    assert rated.rating == "expert" and "three-item checklist" in rated.reason


def test_ownership_counts_each_bulleted_action_and_soft_verbs_are_not_decisions(linter):
    bullets = SMOOTH_SCALING.replace(
        "I split the index into four shards and added a replica per shard.\nI chose to add autoscaling only after the second shard filled up.",
        "We met weekly.\nWe reviewed the plan.\n\n- I split the index into four shards\n- I added a replica per shard\n"
        "- I chose to add autoscaling only after the second shard filled up",
    )
    assert score(bullets, linter).dimension("ownership").rating == "expert"
    soft = SMOOTH_SCALING.replace(
        "I split the index into four shards and added a replica per shard.\nI chose to add autoscaling only after the second shard filled up.",
        "I listened to everyone and communicated openly.\nI worked with the team and tried to help where I could.",
    )
    ownership = score(soft, linter).dimension("ownership")
    assert ownership.rating == "intermediate"
    assert "soft verbs" in ownership.reason


def test_we_that_sets_the_scene_blurs_no_act(linter):
    text = SMOOTH_SCALING.replace(
        "Search traffic tripled in a year and one node handled every query.",
        "We sold search to three new partners, we signed a fourth, and we ran every query on one node.",
    )
    assert score(text, linter).dimension("ownership").rating == "expert"


def test_a_story_whose_own_acts_decide_nothing_is_novice_on_ownership(linter):
    text = SMOOTH_SCALING.replace(
        "I split the index into four shards and added a replica per shard.\nI chose to add autoscaling only after the second shard filled up.",
        "We met the vendor and the shard layout was agreed. The replicas were added.\n"
        "I kept in touch with the vendor to make sure things were moving.",
    ).replace("I owned the plan to grow the cluster", "The job was to grow the cluster")
    ownership = score(text, linter).dimension("ownership")
    assert ownership.rating == "novice"


def test_an_answer_whose_hedges_outnumber_its_decisions_is_not_expert_on_ownership(linter):
    # Told plainly, the same acts are expert (test_first_person_decision_is_expert_ownership).
    text = SMOOTH_SCALING.replace(
        "I split the index into four shards", "So, um, I think I basically kind of split the index into four shards"
    ).replace("I chose to add autoscaling", "I guess I sort of chose, maybe, to add autoscaling").replace(
        "I owned the plan to grow the cluster without over-building it.",
        "I think I kind of owned the plan, I guess, to grow the cluster without, like, basically over-building it.")
    ownership = score(text, linter).dimension("ownership")
    assert ownership.rating == "intermediate" and "hedges" in ownership.reason


def test_a_passive_that_hides_nobody_does_not_cost_ownership(linter):
    text = SMOOTH_SCALING.replace("Search traffic tripled", "I was assigned the search cluster when traffic tripled")
    assert score(text, linter).dimension("ownership").rating == "expert"


def test_a_decision_hidden_in_the_passive_keeps_ownership_from_expert_when_few_are_owned(linter):
    hidden = SMOOTH_SCALING.replace("Search traffic tripled", "The shard count was agreed in a planning meeting. "
                                    "Search traffic tripled").replace(
        " and added a replica per shard.\nI chose to add autoscaling only after the second shard filled up.", ".")
    ownership = score(hidden, linter).dimension("ownership")
    assert ownership.rating == "intermediate"
    assert "hides who made the decision" in ownership.reason
    # Three decisions of the speaker's own lead the story: one agreed without its maker hides no one.
    owned = SMOOTH_SCALING.replace("Search traffic tripled", "The shard count was agreed in a planning meeting. "
                                   "Search traffic tripled")
    assert score(owned, linter).dimension("ownership").rating == "expert"
    system = SMOOTH_SCALING.replace("Search traffic tripled", "The old index was rebuilt every night. "
                                    "Search traffic tripled")
    assert score(system, linter).dimension("ownership").rating == "expert"


def test_strengths_never_praise_a_sentence_a_rule_flags(linter):
    card = score(WEAK_FAILURE, linter)
    flagged = {"Mistakes were made during the mobile release.", "The deadline was missed by two weeks.",
               "The change was reverted on Saturday.", "I learned to communicate better with the QA team."}
    assert not any(sentence in strength for strength in card.strengths for sentence in flagged)


def test_reasons_quote_the_story_not_a_rule_slug(linter):
    for text in (WEAK_FAILURE, CHECKLIST_FAILURE, SMOOTH_SCALING):
        for dimension in score(text, linter).dimensions:
            assert not re.search(r"\b(no-warning-signal|passive-voice|vague-lesson|missing-section|"
                                 r"learning-without-output|unfilled-placeholder)\b", dimension.reason)
            assert "Template placeholder" not in dimension.reason and "Missing " not in dimension.reason


def test_failure_learning_and_star_rubrics_have_the_named_dimensions():
    book = load_rubrics()
    assert list(book.rubrics["failure"].dimensions) == [
        "ownership", "detection", "recovery", "concrete_lesson", "pattern_awareness",
    ]
    assert list(book.rubrics["learning"].dimensions) == [
        "stretch", "discomfort", "output", "method", "practice", "direction",
    ]
    assert list(book.rubrics["star"].dimensions) == ["ownership", "impact", "concrete_lesson", "structure"]


LEARNING = """\
---
title: Learning Go
tags: [learning]
---
# Learning Go

## Situation
I joined a platform team where every service was written in Go, a language I had never used.

## Task
I wanted to read the services well enough to review pull requests within two months.

## Action
For the first three weeks I felt lost in code reviews and asked basic questions in front of the team.
I paired with a senior engineer on my first change and applied each chapter of the Go book to a real ticket the same week.

## Result
I shipped the retry library rewrite, which cut failed jobs from 40 to 3 a day.

## Lesson
I protect a 90-minute learning block every Tuesday morning for the next skill the roadmap needs.
"""


def test_learning_story_gets_the_learning_rubric_with_direction_from_senior(linter):
    senior = score(LEARNING, linter, level="senior")
    assert senior.rubric == "learning"
    assert all(d.rating in ("intermediate", "expert") for d in senior.dimensions)
    swe2 = score(LEARNING, linter, level="swe2").dimension("direction")
    assert swe2.rating is None and "senior signal" in swe2.reason


def test_topic_list_learning_story_is_novice(linter):
    text = LEARNING.split("## Situation")[0] + (
        "## Situation\nI decided to get into machine learning because it is the future of our industry.\n\n"
        "## Action\nI read two books and watched a lot of talks.\n\n"
        "## Result\nI understand transformers much better now.\n\n"
        "## Lesson\nLearning never stops.\n"
    )
    card = score(text, linter, level="senior")
    assert card.ratings() == {
        "stretch": "novice", "discomfort": "novice", "output": "novice",
        "method": "novice", "practice": "novice", "direction": "novice",
    }


# --- The strong sample stories ------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_cards(linter):
    report = score_paths([str(p) for p in SAMPLE_STORIES], linter=linter)
    assert not report.errors
    return report.scorecards


def test_strong_sample_stories_rate_intermediate_or_expert_on_every_dimension_that_applies(sample_cards):
    assert len(sample_cards) == len(SAMPLE_STORIES) > 0
    weak = [
        f"{card.path}: {d.name} {d.rating} ({d.reason})"
        for card in sample_cards
        for d in card.dimensions
        if d.rating not in (None, "intermediate", "expert")
    ]
    assert weak == []


def test_sample_scorecards_end_with_strengths_improvements_and_resources(sample_cards):
    for card in sample_cards:
        assert len(card.strengths) == 3, card.path
        assert len(card.improvements) == 3, card.path
        assert 2 <= len(card.resources) <= 3, card.path


def test_evidence_points_inside_the_story_file(sample_cards):
    for card in sample_cards:
        lines = Path(card.path).read_text(encoding="utf-8").splitlines()
        for dimension in card.dimensions:
            for evidence in dimension.evidence:
                assert 1 <= evidence.line <= len(lines)
                assert 1 <= evidence.column <= len(lines[evidence.line - 1])
                assert evidence.text


def test_rated_dimensions_cite_a_line(sample_cards):
    for card in sample_cards:
        for dimension in card.dimensions:
            if dimension.rating is not None and dimension.evidence:
                assert "line " in dimension.reason, (card.path, dimension.name)


# --- The rubric data ----------------------------------------------------------------------


def test_rubric_data_rejects_unknown_keys(tmp_path):
    data = yaml.safe_load((ROOT / "star_bank" / "data" / "rubrics.yaml").read_text(encoding="utf-8"))
    data["rubrics"]["failure"]["dimensions"]["ownership"]["colour"] = "red"
    path = tmp_path / "rubrics.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(RubricError, match=r"rubrics\.failure\.dimensions\.ownership\.colour: unknown key"):
        load_rubrics(path)


def test_rubric_data_rejects_a_resource_for_an_unknown_dimension(tmp_path):
    data = yaml.safe_load((ROOT / "star_bank" / "data" / "rubrics.yaml").read_text(encoding="utf-8"))
    data["resources"][0]["dimensions"] = ["charisma"]
    path = tmp_path / "rubrics.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(RubricError, match="charisma"):
        load_rubrics(path)


def test_every_dimension_describes_all_three_ratings_and_has_advice():
    for rubric in load_rubrics().rubrics.values():
        for name, dimension in rubric.dimensions.items():
            assert dimension.novice and dimension.intermediate and dimension.expert, name
            assert "missing" in dimension.advice, name


def test_rubric_data_is_inside_the_package_so_the_wheel_carries_it():
    import importlib.resources

    assert importlib.resources.files("star_bank.data").joinpath("rubrics.yaml").is_file()


def test_a_check_owned_as_not_done_is_no_recovery_step(linter):
    text = (
        "---\ntags: [failure]\n---\n# The lock\n\n"
        "Context - I deployed a migration that locked the orders table at peak.\n\n"
        "What went wrong - Checkout failed for a minute and a half.\n\n"
        "Ownership - I never tried the change against anything near the real row count.\n\n"
        "Learning - I now run every migration against a copy of production before it ships.\n"
    )
    assert score(text, linter).dimension("recovery").rating == "novice"


NOTES_WITHOUT_I = """\
# Allotment society booking sheet (notes)

### S / T
- Kept the plot waiting list for the allotment society in a shared spreadsheet, about 300 names.

### A
- Spring opening day the sheet broke. Two volunteers had sorted it at once and half the rows lost their dates.
- Found out because members kept phoning the secretary about their place in the queue.
- Restored last week's copy the same evening and emailed every member an apology.
- Moved the list to a form with a locked sheet behind it.

### R
- No lost rows since, 14 months now.
- next time: would lock the sheet before any busy day instead of finding out live
"""


def test_notes_that_never_say_i_are_the_speakers_acts_but_not_expert_ownership(linter):
    card = score(NOTES_WITHOUT_I, linter)
    ownership = card.dimension("ownership")
    assert ownership.rating == "intermediate", ownership.reason
    assert "never say 'I'" in ownership.reason
    said = NOTES_WITHOUT_I.replace("- Restored", "- I restored").replace("- Moved", "- I moved").replace("- Found", "- I found")
    assert score(said, linter).dimension("ownership").rating == "expert"


def test_notes_without_i_are_the_speakers_even_beside_a_we_but_not_when_we_outnumbers_them(linter):
    # One "we" among the notes does not make every subjectless note the team's.
    with_we = NOTES_WITHOUT_I.replace("- Moved the list", "- We moved the list")
    ownership = score(with_we, linter).dimension("ownership")
    assert ownership.rating == "intermediate" and "never say 'I'" in ownership.reason, ownership.reason
    team = (with_we.replace("- Restored", "- We restored").replace("- Spring opening", "- We opened on spring day and")
            .replace("- No lost rows", "- We have lost no rows"))
    assert score(team, linter).dimension("ownership").rating == "novice"


def test_a_timeline_whose_notes_open_with_a_clock_time_reads_them_as_the_speakers_acts(linter):
    # "10:05 restored ..." is a note with no subject: the time is when, not who.
    timed = (NOTES_WITHOUT_I.replace("- Restored", "- 19:40 restored").replace("- Moved", "- 21:15 moved")
             .replace("- Found", "- 09:30 found"))
    ownership = score(timed, linter).dimension("ownership")
    assert ownership.rating == "intermediate" and "never say 'I'" in ownership.reason, ownership.reason


def test_a_plan_for_next_time_in_notes_without_a_subject_is_read_as_a_lesson(linter):
    lesson = score(NOTES_WITHOUT_I, linter).dimension("concrete_lesson")
    assert lesson.rating == "intermediate" and "lock the sheet" in lesson.reason


def test_a_story_answering_a_question_about_criticism_received_gets_the_failure_rubric(linter):
    story = (
        'Q: Share some feedback on your code that stung.\n\n'
        "A reviewer left one comment on my pull request: it was too big to review and mixed three changes. "
        "I split it into four pull requests with a description each, and all four merged within two days.\n"
    )
    card = score(story, linter)
    assert card.rubric == "failure"
    assert "criticism you received" in card.rubric_reason


def test_a_failure_that_was_not_the_first_one_links_to_a_pattern(linter):
    story = CHECKLIST_FAILURE.replace(
        "I wrote a migration that added a non-null column to the orders table, and I decided to test it only on my laptop.",
        "I wrote a migration that added a non-null column to the orders table, and I decided to test it only on my "
        "laptop. Honestly it was not the first one I had tested that way.",
    )
    assert "not the first one" in story
    assert score(story, linter, level="staff").dimension("pattern_awareness").rating == "expert"


def test_a_story_where_we_and_passives_bury_the_few_acts_told_with_i_is_novice_on_ownership(linter):
    # Two acts with "I" against three with "we" and four hiding passives: about a quarter of the
    # acts are the speaker's, which reads as the team's story with the speaker's role gone.
    text = (
        "# Moving the school timetable online\n\n"
        "## Situation\nThe timetable lived in a spreadsheet that three secretaries edited by hand.\n\n"
        "## Action\nWe looked at three booking tools and we picked the cheapest one. The old data was cleaned up "
        "and the rooms were renamed. We trained the secretaries and we ran both systems for a month. The "
        "spreadsheet was archived and the new links were sent out. I wrote the import script and I checked "
        "the first week of bookings.\n\n"
        "## Result\nDouble bookings dropped from about ten a term to one.\n"
    )
    ownership = score(text, linter).dimension("ownership")
    assert ownership.rating == "novice", ownership.reason
