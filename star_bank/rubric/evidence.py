"""Evidence as the rating functions read it: one story's findings, signals and lessons.

A rating function gets a `StoryEvidence` and returns a `Judgement`: a rating,
a reason that quotes the story's own sentence with its line ("line 14: 'The
deadline was missed.'"), the marks it rests on, what to praise and what to
advise. The helpers below keep those answers short and uniform.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable

from star_bank.lint.wording import FormatValues, quote
from star_bank.model.findings import Finding
from star_bank.model.story import SectionKind
from star_bank.nlp.analysis import AnalysedStory
from star_bank.nlp.lessons import LessonStatement, find_lessons
from star_bank.rubric.signals import Mark, SentenceIndex

if TYPE_CHECKING:
    from star_bank.rubric.book import DimensionSpec, RubricBook


@dataclass
class Judgement:
    """A rating function's answer, before it becomes a `DimensionRating`."""

    rating: str | None
    reason: str
    evidence: list[Mark] = field(default_factory=list)
    praise: str | None = None  # what the story does well on this dimension, with a citation
    praised: Mark | None = None  # the sentence the praise quotes
    advice: list[str] = field(default_factory=list)  # improvement actions, most useful first


@dataclass
class StoryEvidence:
    """One story's findings and signals, with helpers to cite them."""

    story: AnalysedStory
    findings: list[Finding]
    marks: dict[str, list[Mark]]
    level: str
    rubric: str
    book: RubricBook
    sentences: SentenceIndex
    dimension: str = ""
    failure_start: int | None = None  # file offset where the story first tells something going wrong
    # Where, inside that sentence, the trouble itself is told ("I merged it and it *broke* the
    # export"), when the parse found it there: the acts before it are the failure's own telling.
    failure_point: int | None = None

    def found(self, rule: str) -> list[Mark]:
        """The findings of one lint rule (by slug), as marks quoting their sentences."""
        return [self._finding_mark(f) for f in self.findings if f.rule == rule]

    def signal(self, name: str, sections: Iterable[str] | None = None) -> list[Mark]:
        """The marks of a signal, one per sentence, optionally only in some sections."""
        wanted = set(sections) if sections is not None else None
        seen: set[str] = set()
        out = []
        for mark in self.marks.get(name, []):
            if wanted is not None and (mark.section is None or mark.section.value not in wanted):
                continue
            if mark.sentence not in seen:
                seen.add(mark.sentence)
                out.append(mark)
        return out

    def cite(self, mark: Mark, limit: int = 90) -> str:
        """"line 14: 'Mistakes were made.'": a long sentence is cut around the words that matched."""
        matched = self.story.story.text[mark.start : mark.end]
        return f"line {self.position(mark)[0]}: '{quote(mark.sentence, limit, matched)}'"

    def position(self, mark: Mark) -> tuple[int, int]:
        span = self.story.index.span(mark.start, max(mark.end, mark.start + 1))
        return span.line, span.column

    def spec(self) -> DimensionSpec:
        return self.book.rubrics[self.rubric].dimensions[self.dimension]  # type: ignore[index]

    def advise(self, key: str, mark: Mark | None = None, message: str = "") -> str | None:
        """The dimension's improvement action for `key` (a rule slug, `missing`, `partial`...)."""
        template = self.spec().advice.get(key)
        if template is None:
            return None
        line, column = self.position(mark) if mark is not None else (0, 0)
        section = section_name(self.story, mark.section) if mark is not None else "story"
        return template.format_map(
            FormatValues(
                blank=True,
                quote=quote(mark.sentence, 70, self.story.story.text[mark.start : mark.end]) if mark else "",
                line=line,
                column=column,
                section=section,
                message=message,
            )
        )

    @functools.cached_property
    def lessons(self) -> list[LessonStatement]:
        """The lesson statements told anywhere in the story (the finder the lint rules share)."""
        return find_lessons(self.story)

    def lesson_mark(self, lesson: LessonStatement) -> Mark:
        """A lesson statement as a mark, in file offsets."""
        start, end = lesson.section.prose.source_range(lesson.start, lesson.end)
        return Mark("lesson", start, end, lesson.section.kind, lesson.text.strip())

    def flagged(self, mark: Mark) -> bool:
        """True when a lint finding points into the sentence of `mark`: never praise it."""
        sentence = self.sentences.sentence_at(mark.start)
        if sentence is None:
            return any(mark.start <= f.offset < max(mark.end, mark.start + 1) for f in self.findings)
        return any(self.sentences.sentence_at(f.offset) == sentence for f in self.findings)

    def _finding_mark(self, finding: Finding) -> Mark:
        sentence = self.sentences.sentence_at(finding.offset) or finding.message
        section = SectionKind(finding.section) if finding.section else None
        return Mark(finding.rule, finding.offset, finding.end_offset, section, sentence)


def section_name(story: AnalysedStory, kind: SectionKind | None) -> str:
    if kind is None:
        return "story"
    section = story.section(kind)
    return section.label if section is not None else kind.value.replace("_", " ").title()


def judge(rating: str | None, reason: str, evidence: Iterable[Mark] = (), **rest) -> Judgement:
    """A judgement; its praise (if any) quotes the first piece of evidence."""
    marks = [m for m in evidence if m is not None]
    if rest.get("praise") and "praised" not in rest:
        rest["praised"] = marks[0] if marks else None
    return Judgement(rating, reason, marks, **rest)


def first_of(*groups: list[Mark]) -> Mark | None:
    for group in groups:
        if group:
            return group[0]
    return None


def more_note(marks: list[Mark], noun: str) -> str:
    extra = len(marks) - 1
    return f" (+{extra} more {noun}{'' if extra == 1 else 's'})" if extra > 0 else ""


def advice_list(*items: str | None) -> list[str]:
    return [item for item in items if item]




def unique_marks(marks: Iterable[Mark]) -> list[Mark]:
    """One mark per sentence: two signals in the same sentence are one piece of evidence."""
    seen: set[str] = set()
    out = []
    for mark in marks:
        if mark.sentence not in seen:
            seen.add(mark.sentence)
            out.append(mark)
    return out
