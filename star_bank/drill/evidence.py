"""What the answers so far cover, read the way `starlint` and `starbank score` read a story:
the draft is linted and searched for the rubric's signals, and what belongs to the latest
answer is kept apart from what all the answers show."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from star_bank.drill.draft import Answer, Draft
from star_bank.drill.text import quote

if TYPE_CHECKING:
    from star_bank.model.findings import Finding
    from star_bank.nlp.analysis import AnalysedStory
    from star_bank.rubric.signals import Mark

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

    def found(self, rule: str) -> list["Finding"]:
        return [f for f in self.latest_findings if f.rule == rule]

    def signal(self, name: str) -> list["Mark"]:
        return self.marks.get(name, [])

    def latest_signal(self, name: str) -> list["Mark"]:
        return self.latest_marks.get(name, [])

    def quote(self, offset: int, fallback: str = "") -> str:
        return quote(self.sentence_at(offset) or fallback)


def read_answers(
    analysed: "AnalysedStory", findings: list["Finding"], draft: Draft, answers: list[Answer]
) -> Reading:
    """The rubric's signals in the linted draft, and the findings and signals of the latest answer."""
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
    )


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
