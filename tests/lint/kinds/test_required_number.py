"""result-without-metric: real quantities pass, ordinals, names and versions do not."""

from __future__ import annotations

import pytest

from star_bank.lint.config import Config
from star_bank.lint.engine import Linter


@pytest.fixture(scope="module")
def linter():
    return Linter(Config(select=["result-without-metric"]))


def flagged(linter, result):
    return [f for f in linter.lint_text(f"## Situation\nThe app was slow.\n## Result\n{result}\n") if f.rule == "result-without-metric"]


@pytest.mark.parametrize(
    "result",
    ["It was the first release on the new stack.", "We moved the assets to S3 and kept the E2E suite green.",
     "We shipped v2.3.1 to every customer.",
     # a release named by its number after "in", "through" or "patch"
     "It shipped in 2.4 with the new labels.", "The fix went out in patch 1.4 and the team moved on.",
     "The new format carried through 1.4 without a bug report.",
     # a plan told inside the outcome's own paragraph measures nothing that happened
     "The old tool was retired. If I did it again, I would test it with two real schools first."],
)
def test_ordinals_names_versions_and_plans_are_not_metrics(linter, result):
    assert flagged(linter, result)


@pytest.mark.parametrize(
    "result",
    ["Page loads got twice as fast.", "The cold start halved.", "It failed only once in three months.",
     "Tickets dropped by a third."],
)
def test_word_quantities_are_metrics(linter, result):
    assert not flagged(linter, result)


# An unlabelled story whose outcome no cue marks: numbers describe the problem and the work,
# the last paragraph of the narrative tells how it ended.
UNLABELLED = (
    "Last spring our volunteer choir of 40 singers lost its rehearsal hall two weeks before a concert.\n\n"
    "I phoned six schools and a church, and I asked the council about its community rooms. "
    "I booked a school gym for three evenings and moved the chairs myself.\n\n"
    "{closing}\n\n"
    "Looking back I think I should have kept a list of spare venues.\n"
)


def test_an_unlabelled_story_is_judged_on_the_last_paragraph_of_its_narrative(linter):
    text = UNLABELLED.format(closing="The concert went ahead in the gym and people enjoyed it.")
    assert [f for f in linter.lint_text(text) if f.rule == "result-without-metric"]


def test_an_unlabelled_story_with_a_number_in_its_closing_paragraph_passes(linter):
    text = UNLABELLED.format(closing="The concert went ahead in the gym and 220 people came.")
    assert not [f for f in linter.lint_text(text) if f.rule == "result-without-metric"]


@pytest.mark.parametrize(("sign_off", "flagged_too"), [
    # A sign-off or a parting word tells nothing that happened: the outcome is in the paragraph before it.
    ("Thanks for listening. Go and book a spare hall.", False),
    ("Best wishes,\nMarta", False),
    # A closing paragraph that tells what happened is the outcome, number or not.
    ("The choir sang and everyone went home happy.", True),
])
def test_a_closing_paragraph_that_tells_nothing_that_happened_is_not_the_outcome(linter, sign_off, flagged_too):
    story = (
        "Last spring our volunteer choir of 40 singers lost its rehearsal hall two weeks before a concert.\n\n"
        "I phoned six schools and a church, and I asked the council about its community rooms. "
        "I booked a school gym for three evenings and moved the chairs myself.\n\n"
        "The concert went ahead in the gym and 220 people came.\n\n"
        f"{sign_off}\n"
    )
    assert bool([f for f in linter.lint_text(story) if f.rule == "result-without-metric"]) is flagged_too


# The closing reflection of an unlabelled story is often read as more Action: the narrative
# ends where a paragraph opens with a lesson, not at the story's last line.
REFLECTIVE = (
    "Two years ago I ran the weekend shifts at a bakery, and our online orders came in by email. "
    "Every Saturday about 30 of them were typed into the till by hand, and mistakes were common.\n\n"
    "I was asked to fix it before the holiday season. I proposed a small order form that wrote straight "
    "into the till, and I set it up and trained the three weekend staff on it over a Saturday morning.\n\n"
    "{closing}\n\n"
    "Looking back, the lesson was that I should have asked the staff before choosing the form. "
    "Now, before I buy any tool for the shop, I let two of them try it for a week.\n\n"
    "The other part is personal: I liked being the one who fixed things, and I try to notice that.\n"
)


@pytest.mark.parametrize(
    ("closing", "expected"),
    [("Typing errors went from about ten a week to none, and orders took half the time.", False),
     ("The staff liked it and the orders were right again.", True)],
)
def test_the_narrative_ends_where_a_paragraph_of_lessons_begins(linter, closing, expected):
    text = REFLECTIVE.format(closing=closing)
    assert bool([f for f in linter.lint_text(text) if f.rule == "result-without-metric"]) is expected


def test_a_safeguard_told_among_the_closing_acts_does_not_end_the_narrative(linter):
    text = (
        "Every few weeks the school's printed timetable had a clash that nobody caught.\n\n"
        "I compared the last ten clashes and found they all came from rooms booked by two people.\n\n"
        "After my change the timetable went out with no clash for 14 weeks. "
        "I also added a check that refuses a booking when the room is already taken, "
        "so a clash never reaches print.\n"
    )
    assert not [f for f in linter.lint_text(text) if f.rule == "result-without-metric"]


def test_a_closing_paragraph_of_lessons_in_the_result_measures_no_outcome(linter):
    result = ("The old tool was retired and the repository archived.\n\n"
              "Next time I would list what the tool must handle three years out before building it.")
    assert flagged(linter, result)
    measured = result.replace("was retired", "was retired after 14 months")
    assert not flagged(linter, measured)


def test_a_plan_beside_a_measured_outcome_leaves_the_outcome_measured(linter):
    assert not flagged(linter, "The old tool was retired after 14 months. Next time I would plan for two years.")
