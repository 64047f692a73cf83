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


# The rubric's signals of what the speaker noticed or did: a sentence with one is part of the
# Action, whatever else it says.
ACTION_SIGNALS = (
    "owned_decision", "first_person_action", "warning_sign", "missed_signal", "noticed_moment",
    "out_of_nowhere", "communication", "timed_communication", "recovery_step", "timed_step",
)


# Signals that the recovery is under way: what follows them can be the outcome.
RECOVERY_SIGNALS = ("recovery_step", "communication", "timed_communication", "timed_step")


def place_sentences(text: str, linter: "Linter", after_recovery: bool) -> list[tuple[int, int, SectionKind]]:
    """The sentences of one answer whose content belongs to another section than the
    question's: (start, end, section) for each, as ranges in `text`.

    - a lesson or a change made since, as the lesson finder the lint rules and the
      rubric share finds it, goes to the Lesson;
    - an outcome goes to the Result: a sentence with a quantity among those that
      end the answer after its last act (no "I" or "we" subject, none of the
      rubric's signals of noticing or recovering), once the recovery is under way
      (`after_recovery`, or a recovery step earlier in the same answer).

    The answer is read as the Action of a failure story, where both would
    otherwise stay. (Read as an unlabelled story, where the finder takes any
    undated change for a lesson, narrative sentences moved too.)
    """
    from star_bank.nlp.lessons import find_lessons, statement_units
    from star_bank.nlp.numbers import has_quantity
    from star_bank.rubric.score import load_rubrics
    from star_bank.story.parse import parse_story

    head = "---\ntags: [failure]\n---\n# Answer\n\n## Action\n"
    story = parse_story(head + text + "\n", "answer")
    [(analysed, _)] = linter.analyse_and_lint([story], parse=True)
    placed: list[tuple[int, int, SectionKind]] = []

    def add(section_text, start: int, end: int, kind: SectionKind) -> None:
        start, end = section_text.prose.source_range(start, end)
        start, end = start - len(head), end - len(head)
        if 0 <= start < end <= len(text) and text[start:end].strip():
            placed.append((start, end, kind))

    lessons = find_lessons(analysed)
    for lesson in lessons:
        add(lesson.section, lesson.start, lesson.end, SectionKind.lesson)
    marks = load_rubrics().detector.detect(analysed)
    acting = {m.start for name in ACTION_SIGNALS for m in marks.get(name, [])}
    recovering = after_recovery
    tail: list[tuple[object, object]] = []  # the sentences after the last act, the outcome if any
    for section in analysed.sections:
        if section.doc is None:
            continue
        for sentence in statement_units(section.doc):
            start, end = section.prose.source_range(sentence.start_char, sentence.end_char)
            if any(start <= m < end for m in acting) or _speaker_acts(sentence):
                recovering = recovering or any(
                    start <= m.start < end for n in RECOVERY_SIGNALS for m in marks.get(n, [])
                )
                tail = []
            elif recovering:
                tail.append((section, sentence))
    for section, sentence in tail:
        if has_quantity(sentence) and not any(lesson.sentence.start <= sentence.start < lesson.sentence.end
                                              for lesson in lessons):
            add(section, sentence.start_char, sentence.end_char, SectionKind.result)
    return sorted(placed)


def _speaker_acts(sentence) -> bool:
    """Whether a verb of the sentence has the speaker ("I", "we", "my manager and I") as subject."""
    from star_bank.nlp.analysis import is_first_person_singular, subject_of

    for token in sentence:
        if token.pos_ in ("VERB", "AUX"):
            subject = subject_of(token)
            if subject is not None and (is_first_person_singular(subject) or subject.lower_ == "we"):
                return True
    return False


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
