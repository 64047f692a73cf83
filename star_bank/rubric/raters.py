"""The rating function of every rubric dimension, and the signals they read.

A (rubric, dimension) key wins over a bare dimension name, so a rubric can
rate a shared dimension its own way. rubrics.yaml is checked against this
table when it loads: a dimension with no function, or a signal a function
reads that the file does not define, is an error.
"""

from __future__ import annotations

from typing import Callable

from star_bank.rubric.evidence import Judgement, StoryEvidence
from star_bank.rubric.incident_raters import rate_detection, rate_recovery
from star_bank.rubric.learning_raters import (
    rate_direction, rate_discomfort, rate_method, rate_output, rate_practice, rate_stretch,
)
from star_bank.rubric.lesson_raters import rate_concrete_lesson, rate_pattern_awareness
from star_bank.rubric.ownership import rate_ownership
from star_bank.rubric.star_raters import rate_impact, rate_structure

Rater = Callable[[StoryEvidence], Judgement]

RATERS: dict[str | tuple[str, str], Rater] = {
    "ownership": rate_ownership,
    "detection": rate_detection,
    "recovery": rate_recovery,
    "concrete_lesson": rate_concrete_lesson,
    "pattern_awareness": rate_pattern_awareness,
    "impact": rate_impact,
    "structure": rate_structure,
    "stretch": rate_stretch,
    "discomfort": rate_discomfort,
    "output": rate_output,
    "method": rate_method,
    "practice": rate_practice,
    "direction": rate_direction,
}

# The signals the rating functions (and the rubric choice) read.
SIGNALS_READ = (
    ("first_person_action",),
    ("missed_signal", "warning_sign", "named_sign", "noticed_moment", "seen_in_source", "out_of_nowhere"),
    ("recovery_step", "communication", "timed_communication", "timed_step"),
    ("lesson_in_place",),
    ("repeated_failure", "pattern_response"),
    ("result_number", "before_after"),
    ("stretch", "learning_need", "performance_topic"),
    ("discomfort", "discomfort_moment"),
    ("learning_output",),
    ("learning_method",),
    ("recurring_practice", "practice_trigger"),
    ("direction_link", "direction_act"),
)


def rater_for(rubric: str, dimension: str) -> Rater:
    """The function that rates `dimension` in `rubric`."""
    return RATERS.get((rubric, dimension)) or RATERS[dimension]
