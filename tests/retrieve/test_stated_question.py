"""A question stated above a story bounds its archetypes."""

from __future__ import annotations

import pytest

from star_bank import classify_story, load_archetypes, parse_story
from star_bank.retrieve.stated_question import stated_question

# A pushback story whose words lean to scale and cost: the stated question says what it is.
BODY = (
    "My manager wanted every CI runner moved to spot instances. I pulled three months of build "
    "timings and queue data and wrote a two-page comparison of cost and interruptions. We piloted spot "
    "runners on two repositories and kept on-demand runners for release builds. Build costs fell 31% "
    "and no release build was interrupted in the quarter.\n"
)


@pytest.mark.parametrize(
    ("lead", "question"),
    [
        ("# Walk me through an argument you had with your boss about a plan\n\n", "Walk me through an argument you had with your boss about a plan"),
        ("Q: Tell me about a time you resisted a choice your team had made?\n\n", "Tell me about a time you resisted a choice your team had made?"),
        ('Practice answer: "Describe a time you disagreed with your lead."\n\n', "Describe a time you disagreed with your lead."),
    ],
)
def test_the_question_above_a_story_is_read(lead, question):
    assert stated_question(parse_story(lead + BODY)) == question


@pytest.mark.parametrize(
    "lead", ["# Moving CI to spot instances\n\n", "I was the build engineer on a team of six.\n\n"],
)
def test_a_title_or_an_opening_sentence_is_no_question(lead):
    assert stated_question(parse_story(lead + BODY)) is None


def test_the_stated_question_bounds_the_archetypes():
    book = load_archetypes()
    match = classify_story(parse_story("# Walk me through an argument you had with your boss about a plan\n\n" + BODY), book)
    assert match.source == "question" and match.archetypes[0] == 4
    assert "argument you had with your boss" in match.why


def test_front_matter_still_wins_over_a_stated_question():
    text = "---\narchetypes: [7]\n---\n# Walk me through an argument you had with your boss about a plan\n\n" + BODY
    match = classify_story(parse_story(text), load_archetypes())
    assert match.source == "front-matter" and match.archetypes == [7]


def test_a_title_that_names_the_kind_of_story_bounds_the_archetypes_too():
    book = load_archetypes()
    match = classify_story(parse_story("# Pushing back on my manager: spot runners for CI\n\n" + BODY), book)
    assert match.source == "title" and match.archetypes[0] == 4
    assert "its title" in match.why
    # A title that only names the topic leaves the text to decide.
    assert classify_story(parse_story("# Moving CI to spot instances\n\n" + BODY), book).source == "classified"
    # A cue read loosely (out of order) is enough in a question, not in a title.
    assert classify_story(parse_story("## Short version first\n\n" + BODY), book).source == "classified"


def test_share_some_opens_a_question_too():
    lead = 'Mock interview answer, "Share some feedback on your code that stung" (week 9)\n\n'
    assert stated_question(parse_story(lead + BODY)) == "Share some feedback on your code that stung"


@pytest.mark.parametrize(
    ("lead", "question"),
    [
        ('> "Is there a design call of yours you would walk back now?"\n\n', "Is there a design call of yours you would walk back now?"),
        ("> which answer do you give when they ask about pushing back on your lead?\n\n",
         "which answer do you give when they ask about pushing back on your lead?"),
    ],
)
def test_a_question_set_apart_as_a_quote_is_read_however_it_opens(lead, question):
    assert stated_question(parse_story(lead + BODY)) == question


@pytest.mark.parametrize("lead", ['"Why now?" my manager asked.\n\n', '> We moved every runner in one week.\n\n'])
def test_a_short_quoted_question_or_a_quoted_statement_is_no_stated_question(lead):
    assert stated_question(parse_story(lead + BODY)) is None


def test_a_title_cue_may_have_a_word_between_its_words_but_not_be_reversed():
    book = load_archetypes()
    spread = classify_story(parse_story("# Pushing hard back on my manager about spot runners\n\n" + BODY), book)
    assert spread.source == "title"


@pytest.mark.parametrize(
    "opening",
    [
        "The time I pushed back on my manager was about CI runners.",
        "So the disagreement I remember best was with my manager, about CI runners.",
    ],
)
def test_an_opening_sentence_that_restates_the_prompt_bounds_the_archetypes(opening):
    match = classify_story(parse_story(opening + " " + BODY), load_archetypes())
    assert match.source == "opening" and match.archetypes[0] == 4
    assert "its opening sentence" in match.why


@pytest.mark.parametrize(
    "opening",
    [
        # The named thing holds no archetype's cue, or the speaker is not in its clause.
        "The one I always think of is from my time on the build team.",
        "The pushback from finance was about cost.",
        # Too long to be a restated prompt.
        "The long and winding migration of every runner that my manager and I planned for a whole year was hard.",
    ],
)
def test_an_opening_sentence_that_names_no_kind_of_story_leaves_the_text_to_decide(opening):
    assert classify_story(parse_story(opening + " " + BODY), load_archetypes()).source == "classified"
