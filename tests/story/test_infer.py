"""Parts read from a story written without labels."""

from __future__ import annotations

import json

from star_bank.model.story import SectionKind
from star_bank.story.infer import infer_parts
from star_bank.story.parse import parse_story

UNLABELLED = """# The export that kept timing out

Last spring our nightly customer export started timing out about once a week.
My job was to make it reliable before the quarter-end reports.
I traced the slow part to one query that scanned the whole events table.
I added an index and split the export into hourly batches.
As a result the export now finishes in 9 minutes instead of 50, and it has not failed since.
It taught me to measure a job before guessing at its cause.
"""


def test_an_unlabelled_story_gets_inferred_parts_in_telling_order():
    story = parse_story(UNLABELLED)
    kinds = [s.kind for s in story.sections]
    assert kinds == [SectionKind.situation, SectionKind.task, SectionKind.action, SectionKind.result, SectionKind.lesson]
    assert all(s.inferred for s in story.sections)
    assert story.section("result").text.startswith("As a result")


def test_inferred_parts_are_marked_in_the_json():
    data = json.loads(parse_story(UNLABELLED).model_dump_json())
    assert {s["inferred"] for s in data["sections"]} == {True}


def test_labelled_parts_are_not_marked_inferred():
    story = parse_story("## Situation\nThe export failed.\n## Action\nI fixed it.\n")
    assert [s.inferred for s in story.sections] == [False, False]


def test_a_short_text_is_not_split_into_parts():
    assert parse_story("# Note\n\nI fixed the export. It works now.\n").sections == []


def test_parts_never_go_back_in_the_order():
    parts = infer_parts([
        "Our team ran the billing service.",
        "I rewrote the retry loop.",
        "As a result, failed charges dropped by half.",
        "I then added a dashboard for the retries.",
    ])
    order = [SectionKind.situation, SectionKind.task, SectionKind.action, SectionKind.result, SectionKind.lesson]
    positions = [order.index(p) for p in parts]
    assert positions == sorted(positions)
    assert parts[0] is SectionKind.situation and SectionKind.result in parts


def test_prose_with_no_action_or_outcome_is_left_alone():
    assert infer_parts(["It was a sunny day.", "The office was quiet.", "Coffee was good.", "Nothing else."]) is None


def test_the_bank_listing_names_the_inferred_parts(tmp_path):
    from star_bank.retrieve.listing import list_stories
    from star_bank.story.bank import load_bank

    (tmp_path / "export.md").write_text(UNLABELLED, encoding="utf-8")
    (entry,) = list_stories(load_bank(tmp_path))
    assert entry.inferred_sections == entry.sections


def test_a_story_with_only_a_closing_label_gets_its_parts_read_before_it():
    story = parse_story(UNLABELLED + "\n## Key Takeaway\nI now profile a slow job before I change it.\n")
    kinds = [(s.kind, s.inferred) for s in story.sections]
    assert kinds[-1] == (SectionKind.lesson, False)
    assert (SectionKind.action, True) in kinds and (SectionKind.result, True) in kinds


LONE_SITUATION = """Situation: I looked after the nightly customer export for a ticketing firm.
It had started timing out about once a week, always before quarter-end.

I traced the slow part to one query that scanned the whole events table.
I added an index and split the export into hourly batches.

As a result the export now finishes in 9 minutes instead of 50.
Since then I profile a slow job before I change anything in it.
"""


def test_a_story_labelled_only_situation_gets_the_rest_read_from_its_prose():
    story = parse_story(LONE_SITUATION)
    kinds = [(s.kind, s.inferred) for s in story.sections]
    assert kinds[0] == (SectionKind.situation, False)
    assert (SectionKind.action, True) in kinds and (SectionKind.result, True) in kinds
    # The writer's label keeps its opening paragraph.
    assert "once a week" in story.sections[0].text and "I traced" not in story.sections[0].text


def test_a_lone_situation_label_over_one_paragraph_stays_as_written():
    story = parse_story("Situation: The export timed out. I traced the query. I added an index. It runs in 9 minutes.\n")
    assert [(s.kind, s.inferred) for s in story.sections] == [(SectionKind.situation, False)]


def test_a_plainly_told_story_gets_its_outcome_read():
    # No "as a result", no numbers: the acts come after "after that" and "so we", the outcome "went well".
    parts = infer_parts([
        "Our club ran a charity quiz every spring.",
        "The sign-up sheet kept losing entries, and two teams were turned away at the door.",
        "After that evening I moved the sign-ups into a shared form.",
        "So we agreed to close entries a day early.",
        "The next quiz went smoothly and nobody was turned away.",
        "We finished the night on time for the first time.",
    ])
    assert parts[2] is SectionKind.action and parts[-1] is SectionKind.result


def test_owning_the_change_is_no_task_and_a_revert_is_an_action():
    # "it was my change" admits the mistake; it does not say what the speaker was asked to do.
    parts = infer_parts([
        "I looked after the sync service of a parcel locker company.",
        "In March I changed how the lockers reported their door state.",
        "The next morning 300 lockers showed as open and couriers could not drop parcels.",
        "I reverted the change by 7:25 and posted in the incident channel that it was my change.",
    ])
    assert parts is not None and SectionKind.task not in parts
    assert parts[1] is SectionKind.action and parts[3] is SectionKind.action


def test_a_clock_time_then_the_speakers_act_is_an_action():
    # A timeline's acts use verbs no cue lists ("posted", "lowered"): the time stamp and the
    # speaker's past act say they are the Action.
    parts = infer_parts([
        "The ticket sale opened at 09:00 and I was the payments engineer on call.",
        "At 09:12 the error rate on the checkout page climbed past two percent.",
        "At 09:14 I posted in the sale channel that payments were degraded.",
        "At 09:16 I lowered the pool size through the config service.",
        "By noon the error rate was back under half a percent.",
    ])
    assert parts is not None and parts[2] is SectionKind.action and parts[3] is SectionKind.action


def test_a_timeline_told_in_the_present_has_its_actions_read_too():
    parts = infer_parts([
        "Day 1: the new release of our ferry app goes out to every phone at once.",
        "Around 3 p.m. the crash-free rate slides from 99.6% to 98.2%.",
        "Nearly all of it is one stack trace in the ticket scanner.",
        "Day 1, 3:40 p.m.: I halt the rollout and post in the release channel.",
        "By the evening the crash rate is back to normal.",
    ])
    assert parts is not None and parts[3] is SectionKind.action
