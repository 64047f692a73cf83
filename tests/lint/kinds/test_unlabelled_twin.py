"""An unlabelled story gets the same lesson and metric findings as its labelled twin."""

from __future__ import annotations

import pytest

from star_bank.lint.config import Config
from star_bank.lint.engine import Linter

PARTS = [
    ("Situation", "Last spring the support inbox started missing customer replies."),
    ("Task", "My job was to find out why before the renewal season."),
    ("Action", "I traced the gap to a mail filter that dropped long threads, and I rewrote the filter rule."),
    ("Result", "As a result the missed replies stopped and the team was relieved."),
    ("Lesson", "It taught me the importance of testing with real data."),
]
CONCRETE = "Since then I replay a week of real mail through every filter change before it ships."
RULES = ["vague-lesson", "no-observable-change", "result-without-metric"]


def labelled(parts):
    return "# Missing replies\n\n" + "".join(f"## {name}\n{text}\n\n" for name, text in parts)


def unlabelled(parts):
    return "# Missing replies\n\n" + "\n".join(text for _, text in parts) + "\n"


def rules_found(text):
    findings = Linter(Config(select=RULES)).lint_text(text)
    return sorted({f.rule for f in findings})


@pytest.mark.parametrize(
    "lesson",
    [
        PARTS[-1][1],
        CONCRETE,
        "What I took from it is how crucial real test data is.",
        "The whole thing taught me patience.",
        "Since that week I replay a sample of real mail before each filter release.",
        "My rule now: no filter change ships without a replay of last week's mail.",
    ],
)
def test_unlabelled_twin_gets_the_same_lesson_and_metric_findings(lesson):
    parts = [*PARTS[:-1], ("Lesson", lesson)]
    assert rules_found(unlabelled(parts)) == rules_found(labelled(parts))


def test_the_twins_are_judged_not_just_both_quiet():
    assert rules_found(labelled(PARTS)) == ["no-observable-change", "result-without-metric", "vague-lesson"]
    concrete = [*PARTS[:-2], ("Result", "As a result the missed replies fell to 3 a month."), ("Lesson", CONCRETE)]
    assert rules_found(labelled(concrete)) == []
    assert rules_found(unlabelled(concrete)) == []


@pytest.mark.parametrize(
    "lesson", ["What I took from it is how crucial real test data is.", "The whole thing taught me patience."]
)
def test_a_platitude_is_flagged_in_both_twins(lesson):
    parts = [*PARTS[:-1], ("Lesson", lesson)]
    assert "vague-lesson" in rules_found(labelled(parts))
    assert "vague-lesson" in rules_found(unlabelled(parts))
