"""Pattern awareness: a safeguard for the whole class of cases, and the lesson stated for it.

Each story here is written for the pattern it shows; none is copied from a corpus.
"""

from __future__ import annotations

import pytest

from failure_stories import dimension, failure, linter  # noqa: F401  (linter is a fixture)


def lesson_story(lesson: str) -> str:
    return failure(
        "I planned the spring planting at the community garden and ordered the seedlings from memory. Half "
        "of them were the wrong variety, and I told the committee that evening and reordered them the next "
        "morning.\n\n" + lesson
    )


def test_a_rule_framed_for_a_kind_of_situation_with_a_safeguard_is_expert_pattern_awareness(linter):
    text = lesson_story("Now, for any order that can't be returned, I write the list down first and have a second "
                        "gardener check it against the bed plan before I send it.")
    judged = dimension(text, linter, "pattern_awareness")
    assert judged.rating == "expert", judged.reason


def test_a_class_inside_the_check_itself_is_a_safeguard_not_a_pattern(linter):
    text = lesson_story("What I do now: write the list down and have a second gardener check it before sending any "
                        "order that can't be returned.")
    judged = dimension(text, linter, "pattern_awareness")
    assert judged.rating == "intermediate", judged.reason


def test_a_lesson_that_names_the_class_of_cases_like_this_one_generalises_it(linter):
    # Only a plan for next time, and no safeguard: still the lesson reaches past this one order.
    text = lesson_story("Next time I would slow down on an order like this, where the plants can't be sent back.")
    judged = dimension(text, linter, "pattern_awareness")
    assert judged.rating == "intermediate", judged.reason


def test_a_plan_for_next_time_that_names_an_act_generalises_the_lesson(linter):
    # Nothing was put in place, but the plan reaches every later order, not just this one.
    text = lesson_story("If I did it again I would ask the nursery for a written plant list and read it back to them.")
    judged = dimension(text, linter, "pattern_awareness")
    assert judged.rating == "intermediate", judged.reason
    assert dimension(text, linter, "concrete_lesson").rating != "expert"


def test_liking_something_is_no_class_of_cases(linter):
    text = lesson_story("I would like that to go more smoothly next spring.")
    assert dimension(text, linter, "pattern_awareness").rating == "novice"


def test_a_theme_that_is_a_thing_made_is_no_recurring_theme(linter):
    text = failure("I moved the garden's plot bookings onto a small website, and my nephew did the theme. The "
                   "first weekend I hadn't set any limit, so we booked thirty plots for twenty beds, and I "
                   "phoned every member that evening.")
    assert dimension(text, linter, "pattern_awareness").rating == "novice"


@pytest.mark.parametrize("lesson", [
    # a generic plural: a class of orders, as the subject of a rule in force
    "Since then, seed orders for more than one bed go through a second gardener before I send them.",
    # a generic plural as what a check looks at
    "Since then I keep a checklist on the shed door that flags orders listing plants we can't return.",
    # a habit's trigger in the present
    "When I order anything for the beds now, I check the variety against the bed plan first.",
    # a rule for any case of a kind, with no act of the speaker's at its head
    "What I do now: any order that can't be returned gets a second gardener's initials on the list first.",
])
def test_a_safeguard_for_a_class_of_cases_is_at_least_intermediate_pattern_awareness(linter, lesson):
    judged = dimension(lesson_story(lesson), linter, "pattern_awareness")
    assert judged.rating in ("intermediate", "expert"), judged.reason


def test_a_mechanism_put_in_place_is_some_response_to_the_pattern(linter):
    # No class of cases is named, but the next order meets the spreadsheet: not a one-off.
    judged = dimension(lesson_story("The next day I set up a shared spreadsheet of the varieties we grow."),
                       linter, "pattern_awareness")
    assert judged.rating == "intermediate", judged.reason
    assert "puts a mechanism in place" in judged.reason


def test_a_safeguard_for_this_one_case_is_no_pattern(linter):
    judged = dimension(lesson_story("Since then the seed order for the east bed goes through a second gardener."),
                       linter, "pattern_awareness")
    assert judged.rating == "novice", judged.reason



# What generalises a lesson (with a safeguard for the class: expert) and what only looks like it.
GENERALISING = [
    # a habit for a kind of situation, told by a clause about the world, not the speaker's next step
    ("I added a reminder to the order form that asks for the variety code. The habit I took from it: when a "
     "supplier changes their catalogue, I call them before I order anything.", "expert"),
    # a rule framed for a kind of case, standing ahead of the habit as its topic
    ("What I do now is, any order to a supplier I haven't used before, I read the variety codes back to them on "
     "the phone before I pay.", "expert"),
    # the safeguard carried into a later case the sentence names
    ("In my first job at a nursery, I set up a checklist for every seed order.", "expert"),
    # "if the count is short" is when the gate fails, not a kind of situation the lesson reaches
    ("I added a check to the order form and it blocks the order if the count is short.", "intermediate"),
    # the class binds a rule but frames no act of the speaker's: the safeguard alone
    ("Any order that can't be returned now gets a second check before I send it.", "intermediate"),
    # "still use" says the safeguard held, not that it reached another case
    ("I still use the checklist I set up for every seed order.", "intermediate"),
    # "I need to ... when ..." names the situation but no habit
    ("**Lesson:** I need to plan my orders better when suppliers change their catalogues.\nFor any order to a new "
     "supplier, I now read the list back to them before I pay.", "intermediate"),
]


@pytest.mark.parametrize(("lesson", "rating"), GENERALISING)
def test_what_generalises_the_lesson_beyond_this_case(linter, lesson, rating):
    judged = dimension(lesson_story(lesson), linter, "pattern_awareness")
    assert judged.rating == rating, judged.reason


@pytest.mark.parametrize(
    ("close", "rating"),
    [
        # a plain claim about a whole class of cases, beside the safeguard, is the pattern drawn
        ("Every seed order now gets a second check against the supplier's list before I pay. A wrong variety "
         "is almost always a code someone typed from memory.", "expert"),
        ("Every seed order now gets a second check against the supplier's list before I pay. Every problem I have "
         "ever had with a supplier was a catalogue change in disguise.", "expert"),
        # the rule itself, stated for every case, is the safeguard and not also the pattern
        ("Every seed order now gets a second check against the supplier's list before I pay.", "intermediate"),
    ],
)
def test_a_claim_about_a_whole_class_of_cases_generalises_the_lesson(linter, close, rating):
    judged = dimension(lesson_story(close), linter, "pattern_awareness")
    assert judged.rating == rating, judged.reason


def test_advice_to_anyone_in_a_kind_of_situation_generalises_the_lesson(linter):
    text = lesson_story("If your order list only lives in your head, you haven't made a plan, you've made a guess.")
    judged = dimension(text, linter, "pattern_awareness")
    assert judged.rating == "intermediate", judged.reason
    # Words quoted from someone are not the speaker's claim.
    quoted = lesson_story('The committee laughed about it, in a "you get what you order if you trust memory" way.')
    assert dimension(quoted, linter, "pattern_awareness").rating == "novice"
