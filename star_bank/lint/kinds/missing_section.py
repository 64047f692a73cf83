"""missing_section: a STAR part the story does not have.

Options: `required` (parts every story needs; the rule's severity),
`recommended` (parts whose absence is a suggestion). A story with no STAR
label at all, or whose parts the parser had to infer from the prose, gets one
suggestion that labels would help, never a claim that a part is missing. A
lesson told outside a Lesson section ("Since then I ...", "It taught me ...")
counts as the Lesson.

FAIL: a story with Situation, Action and Result but no Task.
PASS: a story with all four parts and a Lesson.
"""

from __future__ import annotations

import re
from typing import Iterator

from star_bank.nlp.analysis import AnalysedStory, Hit
from star_bank.lint.kinds.options import KindOptions
from star_bank.lint.rule import Rule
from star_bank.model.story import STAR_KINDS, SectionKind

NEEDS_NLP = True


class Options(KindOptions):
    required: list[SectionKind] = [
        SectionKind.situation,
        SectionKind.task,
        SectionKind.action,
        SectionKind.result,
    ]
    recommended: list[SectionKind] = [SectionKind.lesson]


def check(story: AnalysedStory, rule: Rule, options: Options) -> Iterator[Hit]:
    # Imported late: nlp.lessons loads the lesson vocabulary, which a cached run never reads.
    from star_bank.nlp.lessons import find_lessons

    # The parts the writer labelled: those read from the prose under a lone "Situation:" are
    # still missing their labels.
    labelled = [s for s in story.story.sections if not s.inferred]
    present = {s.kind for s in labelled}
    # A label naming two parts ("Situation & Task") holds both.
    present |= {kind for kind in STAR_KINDS for s in labelled if re.search(rf"\b{kind.value}", s.label.lower())}
    if not story.story.words and not story.story.sections:
        # Nothing after the title: "read from the prose" would describe prose that is not there.
        yield story.story_hit(name="STAR", part="Situation",
                              detail="Empty story: write its Situation, Task, Action and Result")
        return
    if not present & set(STAR_KINDS):
        # No STAR label (a closing "Key Takeaway" heading at most): nothing to say is missing.
        hit = story.story_hit(
            name="STAR",
            part="Situation",
            detail="No STAR labels: the parts were read from the prose; labels ('Situation:', '## Action') would help",
        )
        hit.severity = "suggestion"
        yield hit
        return
    for kind in options.required:
        if kind not in present:
            yield _missing(story, kind, None)
    for kind in options.recommended:
        if kind not in present and not (kind is SectionKind.lesson and find_lessons(story)):
            yield _missing(story, kind, "suggestion")


def _missing(story: AnalysedStory, kind: SectionKind, severity: str | None) -> Hit:
    name = kind.value.replace("_", "-").capitalize()
    hit = story.story_hit(name=name, part=name, detail=f"Missing {name} section")
    hit.section = kind
    hit.severity = severity
    return hit
