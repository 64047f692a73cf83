"""vague-lesson reads lesson statements wherever they are told, and judges their shape."""

from __future__ import annotations

import pytest

from star_bank.lint.config import Config
from star_bank.lint.engine import Linter


@pytest.fixture(scope="module")
def linter():
    return Linter(Config(select=["vague-lesson"]))


def vague(linter, text):
    return [f for f in linter.lint_text(text) if f.rule == "vague-lesson"]


@pytest.mark.parametrize(
    "closing",
    [
        "Overall it taught me the significance of good documentation.",
        "Looking back, I learned to plan my week more carefully.",
        "It made me a stronger developer.",
        "I believe it is essential to keep stakeholders informed.",
        "I gained a deeper understanding of how the billing system works.",
        "I learned the importance of double checking and being more careful before sending things off.",
        "Looking back, it reinforced for me how important it is to build teams that share the work.",
        "Learned to be more careful with vendor changes.",  # a note that drops the "I"
    ],
)
def test_a_vague_lesson_in_the_result_is_flagged(linter, closing):
    text = f"## Situation\nA vendor API changed without notice.\n## Result\nWe restored the sync within a day. {closing}\n"
    findings = vague(linter, text)
    assert len(findings) == 1 and findings[0].section == "result"


@pytest.mark.parametrize(("lesson", "flagged"), [
    # A topic judged hard, said bare, is a maxim...
    ("Vendor APIs are hard.", True),
    ("Lesson: time zones are tricky.", True),
    # ... but not a thing described as hard to do, or a judgement asked about.
    ("Since then I pin the vendor API version, because a silent change is hard to undo.", False),
    ("I now ask how hard a rollback is before each vendor upgrade.", False),
])
def test_a_topic_judged_hard_is_a_maxim(linter, lesson, flagged):
    text = f"## Situation\nA vendor API changed without notice.\n## Result\nWe restored the sync within a day.\n## Lesson\n{lesson}\n"
    assert bool(vague(linter, text)) is flagged


def test_a_new_wording_of_an_abstract_value_needs_no_list_entry(linter):
    text = "## Lesson\nThe project showed me the power of small experiments.\n"
    assert vague(linter, text)


@pytest.mark.parametrize(
    "closing",
    [
        "Since then I send a short written summary after every client call.",
        "I now cap each estimate at five days and split anything bigger.",
        "It taught me to check the vendor changelog before each sprint.",
        "The importance of the launch was clear to everyone.",  # not the speaker's lesson
    ],
)
def test_concrete_lessons_and_narration_are_quiet(linter, closing):
    text = f"## Situation\nA vendor API changed without notice.\n## Result\nWe restored the sync within a day. {closing}\n"
    assert not vague(linter, text)


def test_a_vague_lesson_in_an_unlabelled_story_is_flagged(linter):
    text = (
        "# The vendor sync\n\nLast year a vendor changed their API without notice and our nightly sync broke.\n"
        "My job was to get the sync running again.\nI rewrote the parser and added a schema check.\n"
        "As a result the sync ran again within a day.\nIt taught me the value of patience.\n"
    )
    assert len(vague(linter, text)) == 1
