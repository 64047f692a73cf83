"""The `starbank suggest` renderer: Suggestion values as text blocks or the JSON contract."""

from __future__ import annotations

import json

from star_bank.report.suggestion import render_suggestions_json, render_suggestions_text
from star_bank.retrieve.question_match import ArchetypeFit
from star_bank.retrieve.suggestions import StoryPick, Suggestion

FIT = ArchetypeFit(id=3, name="An incident you caused", score=0.641, why='cue "outage"')
PICK = StoryPick(path="s/a.md", title="The bad deploy", archetype=3, score=0.9, why="front matter lists #3")


def _strong(**changes) -> Suggestion:
    base = Suggestion(question="q?", match="strong", archetypes=[FIT], stories=[PICK], why="cue", topic="t")
    return base.model_copy(update=changes)


def test_one_question_is_not_numbered_and_lists_fits_then_stories():
    assert render_suggestions_text([_strong()]).splitlines() == [
        "q?",
        "   match: strong",
        '   1) #3 An incident you caused  [0.64]  cue "outage"',
        "   your stories:",
        "     - The bad deploy  (#3, 0.90)",
        "       s/a.md: front matter lists #3",
    ]


def test_several_questions_are_numbered_and_separated_by_a_blank_line():
    none = Suggestion(question="why us?", match="none", why="motivation", advice="research the company")
    text = render_suggestions_text([_strong(), none])
    first, second = text.split("\n\n")
    assert first.startswith("1. q?\n")
    assert second.splitlines() == ["2. why us?", "   match: none (motivation)", "   prepare instead: research the company"]


def test_tip_and_empty_story_list_depend_on_whether_there_is_a_bank():
    lone = _strong(stories=[], advice="say what you changed")
    with_bank = render_suggestions_text([lone], has_bank=True).splitlines()
    assert with_bank[-2:] == ["   tip: say what you changed", "   your stories: none for #3 yet (starbank new --archetype 3)"]
    without = render_suggestions_text([lone], has_bank=False).splitlines()
    assert without[-1] == "   your stories: no story bank here (pass --bank DIR)"


def test_json_keeps_the_contract_keys_and_leaves_out_the_topic():
    [item] = json.loads(render_suggestions_json([_strong()]))
    assert list(item) == ["question", "match", "archetypes", "stories", "why", "advice"]
    assert item["archetypes"][0] == FIT.model_dump(mode="json")
    assert item["stories"][0]["path"] == "s/a.md"
