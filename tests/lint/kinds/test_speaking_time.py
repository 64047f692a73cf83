"""too-long counts the words a speaker would say."""

from __future__ import annotations

from star_bank.lint.config import Config
from star_bank.lint.engine import Linter

# 40 words a minute and one minute: a story of more than 40 spoken words is too long.
LINTER = Linter(Config(select=["too-long"], rules={"too-long": {"words_per_minute": 40, "max_minutes": 1}}))
PROSE = " ".join(["word"] * 18) + "."


def too_long(text: str) -> bool:
    return any(f.rule == "too-long" for f in LINTER.lint_text(text))


def test_headings_that_tell_part_of_the_story_are_said_aloud():
    staged = (f"## Background\n{PROSE}\n\n## Stage two: splitting the ingest into three queues\n{PROSE}\n\n"
              f"## Result\nIt held.\n")
    assert too_long(staged)  # 38 words of prose and 8 of a heading that tells the work


def test_star_labels_are_not_said_aloud():
    labelled = f"## Situation\n{PROSE}\n\n## Action\n{PROSE}\n\n## Result\nIt held.\n"
    assert not too_long(labelled)  # 38 words of prose; the labels are not spoken


def test_words_before_the_first_label_are_said_too():
    opening = "I will tell you about the queue."  # 7 words, then 38 of labelled prose and 2 more
    assert too_long(f"{opening}\n\n## Situation\n{PROSE}\n\n## Action\n{PROSE}\n\n## Result\nIt held.\n")
    assert not too_long(f"## Situation\n{PROSE}\n\n## Action\n{PROSE}\n\n## Result\nIt held.\n")
