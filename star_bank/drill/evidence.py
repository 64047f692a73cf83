"""What the answers so far cover, read the way `starlint` and `starbank score` read a story.

The draft is linted, searched for the rubric's signals and scored with the
rubric itself: a phase is covered when the rubric's rating of its dimension
says so (a 12-minute rollback told with who heard about it is an expert
recovery, whatever question it answered). Lessons are the lesson statements
the lint rules and the rubric share (star_bank/nlp/lessons.py), found in any
answer. What belongs to the latest answer is kept apart from what all the
answers show.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from star_bank.drill.draft import Answer, Draft
from star_bank.drill.text import quote
from star_bank.model.story import SectionKind

if TYPE_CHECKING:
    from star_bank.lint.engine import Linter
    from star_bank.model.findings import Finding
    from star_bank.model.scorecard import Scorecard
    from star_bank.nlp.analysis import AnalysedStory
    from star_bank.nlp.lessons import LessonStatement
    from star_bank.rubric.signals import Mark

RATING_RANK = {None: 0, "novice": 1, "intermediate": 2, "expert": 3}

# Telling people this many days (or any weeks) after knowing is worth asking about.
LATE_TELLING_DAYS = 3
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "several": 3, "few": 3}
_LATE = re.compile(
    r"\b(?P<count>\d+|two|three|four|five|six|seven|several|few)\s+(?P<unit>days?|weeks?|months?)\b"
    r"|\b(?:a|one|next|the following)\s+(?P<single>week|month)\b",
    re.I,
)


@dataclass
class Reading:
    """What the answers so far show, for the step rules."""

    analysed: "AnalysedStory"
    findings: list["Finding"]
    marks: dict[str, list["Mark"]]
    latest_findings: list["Finding"]
    latest_marks: dict[str, list["Mark"]]
    sentence_at: Callable[[int], str | None]
    latest: Answer
    opening_words: int
    answers: int
    scorecard: "Scorecard"
    lessons: list["LessonStatement"]

    def found(self, rule: str) -> list["Finding"]:
        return [f for f in self.latest_findings if f.rule == rule]

    def signal(self, name: str) -> list["Mark"]:
        return self.marks.get(name, [])

    def latest_signal(self, name: str) -> list["Mark"]:
        return self.latest_marks.get(name, [])

    def quote(self, offset: int, fallback: str = "") -> str:
        return quote(self.sentence_at(offset) or fallback)

    def rating(self, dimension: str) -> str | None:
        """The rubric's rating of a dimension of the answers so far (None when not rated)."""
        return next((d.rating for d in self.scorecard.dimensions if d.name == dimension), None)

    def rated(self, dimension: str, at_least: str) -> bool:
        return RATING_RANK[self.rating(dimension)] >= RATING_RANK[at_least]

    @property
    def failure(self) -> bool:
        """Whether the answers are read as a failure story (so detection and recovery apply)."""
        return self.scorecard.rubric == "failure"


def read_answers(
    analysed: "AnalysedStory", findings: list["Finding"], draft: Draft, answers: list[Answer], scorecard: "Scorecard"
) -> Reading:
    """The rubric's signals in the linted draft, and the findings and signals of the latest answer."""
    from star_bank.nlp.lessons import find_lessons
    from star_bank.rubric.score import load_rubrics
    from star_bank.rubric.signals import SentenceIndex

    marks = load_rubrics().detector.detect(analysed)
    latest = len(answers) - 1
    answer_ranges = [(a, b) for n, a, b in draft.spans if n == latest]
    # A finding on a section's heading (an empty or missing part) belongs to the answer in it.
    ranges = answer_ranges + [draft.headings[kind] for kind in draft.sections_of.get(latest, ())]

    def inside(offset: int) -> bool:
        return any(a <= offset < b for a, b in ranges)

    latest_marks = {
        name: [m for m in found if any(a <= m.start < b for a, b in answer_ranges)]
        for name, found in marks.items()
    }
    opening = answers[0].text if answers else ""
    return Reading(
        analysed=analysed,
        findings=findings,
        marks=marks,
        latest_findings=[f for f in findings if inside(f.offset)],
        latest_marks=latest_marks,
        sentence_at=SentenceIndex(analysed.story).sentence_at,
        latest=answers[latest],
        opening_words=len(opening.split()),
        answers=len(answers),
        scorecard=scorecard,
        lessons=[lesson for lesson in find_lessons(analysed) if lesson.section_kind is SectionKind.lesson],
    )


def lesson_ranges(text: str, linter: "Linter") -> list[tuple[int, int]]:
    """Where `text` (one answer) states a lesson or a change made since: (start, end) of each
    such sentence, found by the lesson finder the lint rules and the rubric share.

    The answer is read as the Action of a failure story, the place a lesson told
    early would otherwise stay. (Read as an unlabelled story, where the finder
    takes any undated change for a lesson, narrative sentences moved too.)
    """
    from star_bank.nlp.lessons import find_lessons
    from star_bank.story.parse import parse_story

    head = "---\ntags: [failure]\n---\n# Answer\n\n## Action\n"
    story = parse_story(head + text + "\n", "answer")
    [(analysed, _)] = linter.analyse_and_lint([story], parse=True)
    ranges = []
    for lesson in find_lessons(analysed):
        start, end = lesson.section.prose.source_range(lesson.start, lesson.end)
        start, end = start - len(head), end - len(head)
        if 0 <= start < end <= len(text) and text[start:end].strip():
            ranges.append((start, end))
    return ranges


def late_telling(sentence: str) -> bool:
    """Whether a sentence puts days or weeks between knowing and telling."""
    for match in _LATE.finditer(sentence):
        if match.group("single"):
            return True
        count = match.group("count").lower()
        days = int(count) if count.isdigit() else _NUMBER_WORDS.get(count, 0)
        unit = match.group("unit").lower()
        if unit.startswith(("week", "month")) or days >= LATE_TELLING_DAYS:
            return True
    return False
