"""no-observable-change fires only when no lesson names something a colleague could observe."""

from __future__ import annotations

import pytest

from star_bank.lint.config import Config
from star_bank.lint.engine import Linter

STORY = "## Situation\nA schema change locked the orders table for ten minutes.\n## Result\nI rolled it back. {closing}\n"


@pytest.fixture(scope="module")
def linter():
    return Linter(Config(select=["no-observable-change", "missing-section"]))


def rules(linter, text):
    return [(f.rule, f.section) for f in linter.lint_text(text)]


def test_a_concrete_change_told_in_the_result_passes_and_counts_as_the_lesson(linter):
    text = STORY.format(closing="Since then I rehearse every migration on a copy of production first.")
    found = rules(linter, text)
    assert ("no-observable-change", None) not in found and not [r for r in found if r[0] == "no-observable-change"]
    assert ("missing-section", "lesson") not in found


def test_a_lesson_with_no_mechanism_is_flagged_where_it_is_told(linter):
    text = STORY.format(closing="It taught me that databases deserve respect.")
    assert ("no-observable-change", "result") in rules(linter, text)


def test_a_hypothetical_change_is_not_a_change(linter):
    text = STORY.format(closing="Next time I would rehearse the migration on a staging copy every time.")
    assert ("no-observable-change", "result") in rules(linter, text)


def test_a_labelled_story_without_any_lesson_gets_the_missing_lesson_suggestion_only(linter):
    text = STORY.format(closing="The orders came back within the hour.")
    found = rules(linter, text)
    assert ("missing-section", "lesson") in found
    assert not [r for r in found if r[0] == "no-observable-change"]


def test_extra_mechanisms_extend_the_shared_vocabulary():
    config = Config(select=["no-observable-change"], rules={"no-observable-change": {"extra_mechanisms": ["lock timeout"]}})
    text = STORY.format(closing="Since then I set a lock timeout on my schema changes.")
    assert not Linter(config).lint_text(text)


ROUGHLY_INFERRED = """We ran the ticket desk for a regional airline, and the boarding-pass printers were mine to look after.

Some gates printed passes too slowly, and I was asked to fix it. The new driver profile read the paper size from a \
setting the old gates never sent.

I pushed it on a Monday morning. About 30 percent of passes printed blank within ten minutes. Putting the old profile \
back was up to me, so I did that first, and it was my change to explain to the station manager.

What I do now is, for any printer profile change, I run it on one gate for a day before any other gate gets it. And \
the gate test is in our release checklist now.
"""


def test_a_change_in_an_unlabelled_story_counts_whatever_part_it_was_inferred_into(linter):
    # The parts of an unlabelled story are inferred from cues and can be rough (here the
    # closing paragraph lands in the Task): the change told there is still the change.
    assert [rule for rule, _ in rules(linter, ROUGHLY_INFERRED) if rule == "no-observable-change"] == []


def test_a_lesson_told_before_an_unlabelled_story_is_read_where_it_stands(linter):
    told = ("Main thing I took away: when I argue about app speed, I test on the cheapest phone our users "
            "own before I say a word.\n\n"
            "I was the Android lead at a grocery app. Our designer wanted a loading animation and I pushed "
            "back hard. We tested it on three cheap phones behind a flag, and she was right about what users "
            "felt. I apologised to her and moved the parsing off the main thread.\n")
    assert not [r for r in rules(linter, told) if r[0] == "no-observable-change"]
