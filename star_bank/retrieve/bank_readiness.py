"""How many stories are ready to tell tomorrow, and which edits would ready the most.

    readiness = bank_readiness(["stories"], level="senior")
    readiness.ready, readiness.total, readiness.edits

A story is interview-ready when starlint finds no warning or error in it (a
finding about the whole bank, anchored on it, does not count), every
rubric dimension of its scorecard is at least intermediate for the level it is
judged at, and it can be told within three minutes. Everything here reads the
public values (`Finding`, `Scorecard`, `Story`): the lint run and the rubric
decide, this module only counts.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Literal, Sequence

from pydantic import BaseModel, Field

from star_bank.model.findings import Finding, LintReport, Severity
from star_bank.model.scorecard import Scorecard
from star_bank.model.story import FileError, Story
from star_bank.retrieve.archetypes import ArchetypeBook, load_archetypes
from star_bank.retrieve.classify import classify_story
from star_bank.story.bank import load_bank

if TYPE_CHECKING:
    from star_bank.lint.cache import LintCache
    from star_bank.lint.engine import Linter

# The pace and the limit of the too-long rule's defaults: one idea of "speakable".
WORDS_PER_MINUTE = 150
MAX_SPEAKING_SECONDS = 180
# A rating below this keeps a story from being ready.
READY_RATINGS = ("intermediate", "expert")
# How many edits the summary proposes.
EDITS_SHOWN = 3

BlockerKind = Literal["finding", "dimension", "length"]


class Blocker(BaseModel):
    """One reason a story is not ready yet; `key` groups the same fix across stories."""

    kind: BlockerKind
    key: str
    detail: str
    advice: str | None = None
    dimension: str | None = Field(None, description="for a finding: the rubric dimension its rule feeds")


class StoryReadiness(BaseModel):
    """One story: ready or not, why not, and how long it takes to tell."""

    path: str
    title: str
    archetypes: list[int] = Field(default_factory=list)
    ready: bool
    speaking_seconds: int
    blockers: list[Blocker] = Field(default_factory=list)


class Edit(BaseModel):
    """A fix that recurs across stories: the ones it would make ready, and all it touches."""

    key: str
    description: str
    makes_ready: list[str] = Field(default_factory=list, description="paths ready once this is fixed")
    touches: list[str] = Field(default_factory=list, description="paths this fix helps")


class BankReadiness(BaseModel):
    """The bank the night before: ready stories, archetypes they cover, the edits worth doing first."""

    ready: int
    total: int
    stories: list[StoryReadiness]
    archetypes_ready: list[int] = Field(description="archetypes some ready story answers")
    archetypes_not_ready: list[int] = Field(description="archetypes no ready story answers")
    edits: list[Edit]
    errors: list[FileError] = Field(default_factory=list)

    @property
    def all_ready(self) -> bool:
        return self.total > 0 and self.ready == self.total


def speaking_seconds(words: int) -> int:
    """Seconds to tell `words` words aloud at an interview pace."""
    return round(words * 60 / WORDS_PER_MINUTE)


def story_readiness(
    story: Story, findings: list[Finding], scorecard: Scorecard | None, archetypes: list[int]
) -> StoryReadiness:
    """Whether one story is ready, from its findings and scorecard."""
    seconds = speaking_seconds(story.words)
    blockers = [
        Blocker(
            kind="finding",
            key=f.rule,
            detail=f"line {f.line}: {f.code} [{f.rule}] {f.message}",
            advice=f.suggestion,
            dimension=f.dimension,
        )
        for f in findings
        # A finding about the whole bank says nothing against this story itself.
        if f.severity.rank >= Severity.warning.rank and not f.bank
    ]
    for dimension in scorecard.dimensions if scorecard is not None else []:
        if dimension.rating is not None and dimension.rating not in READY_RATINGS:
            blockers.append(
                Blocker(
                    kind="dimension",
                    key=dimension.name,
                    detail=f"{dimension.name} rated {dimension.rating} at {scorecard.level}: {dimension.reason}",
                )
            )
    if seconds > MAX_SPEAKING_SECONDS:
        blockers.append(
            Blocker(
                kind="length",
                key="length",
                detail=f"about {seconds // 60}:{seconds % 60:02d} to tell ({story.words} words); "
                f"the limit is {MAX_SPEAKING_SECONDS // 60} minutes",
                advice=f"cut to about {MAX_SPEAKING_SECONDS * WORDS_PER_MINUTE // 60} words",
            )
        )
    return StoryReadiness(
        path=story.path,
        title=story.title,
        archetypes=archetypes,
        ready=not blockers,
        speaking_seconds=seconds,
        blockers=blockers,
    )


def best_edits(stories: list[StoryReadiness], count: int = EDITS_SHOWN) -> list[Edit]:
    """The fixes that would make the most stories ready, then those that clear the most blockers.

    Fixing a rule's findings is taken to lift the dimension the rule feeds as
    well (the rubric rates that dimension from those findings), so a story held
    back by one rule and the dimension it drags down is one edit from ready.
    """
    by_key: dict[tuple[str, str], Edit] = {}
    cleared: dict[tuple[str, str], int] = {}
    for story in stories:
        for blocker in story.blockers:
            ident = (blocker.kind, blocker.key)
            edit = by_key.setdefault(ident, Edit(key=f"{blocker.kind}:{blocker.key}", description=_describe(blocker)))
            gone = _cleared_by(story.blockers, blocker)
            if story.path not in edit.touches:
                edit.touches.append(story.path)
                cleared[ident] = cleared.get(ident, 0) + len(gone)
                if len(gone) == len(story.blockers):
                    edit.makes_ready.append(story.path)
    ranked = sorted(
        by_key.items(), key=lambda item: (-len(item[1].makes_ready), -cleared[item[0]], -len(item[1].touches), item[1].key)
    )
    return [edit for _, edit in ranked[:count]]


def _cleared_by(blockers: list[Blocker], fix: Blocker) -> list[Blocker]:
    """The blockers of one story that fixing `fix` removes."""
    same = [b for b in blockers if (b.kind, b.key) == (fix.kind, fix.key)]
    if fix.kind != "finding" or fix.dimension is None:
        return same
    return same + [b for b in blockers if b.kind == "dimension" and b.key == fix.dimension]


def _describe(blocker: Blocker) -> str:
    """What to do, in a few words, for one kind of blocker."""
    if blocker.kind == "finding":
        return f"fix the {blocker.key} findings" + (f": {blocker.advice}" if blocker.advice else "")
    if blocker.kind == "dimension":
        return f"raise {blocker.key.replace('_', ' ')} to intermediate"
    return "shorten the story to three minutes" + (f" ({blocker.advice})" if blocker.advice else "")


def summarise_readiness(
    stories: list[StoryReadiness], book: ArchetypeBook, errors: list[FileError] | None = None
) -> BankReadiness:
    """Counts, archetype coverage by ready stories, and the best edits."""
    covered = {a for s in stories if s.ready for a in s.archetypes}
    ids = sorted(a.id for a in book.archetypes)
    return BankReadiness(
        ready=sum(s.ready for s in stories),
        total=len(stories),
        stories=stories,
        archetypes_ready=[a for a in ids if a in covered],
        archetypes_not_ready=[a for a in ids if a not in covered],
        edits=best_edits(stories),
        errors=errors or [],
    )


def readiness_from(
    stories: list[Story], report: LintReport, scorecards: list[Scorecard], book: ArchetypeBook
) -> BankReadiness:
    """Readiness from a finished lint-and-score run over `stories` (those it read)."""
    findings: dict[str, list[Finding]] = {}
    for finding in report.findings:
        findings.setdefault(finding.path, []).append(finding)
    cards = {card.path: card for card in scorecards}
    readable = [s for s in stories if s.path in cards or s.path in findings]
    judged = [
        story_readiness(s, findings.get(s.path, []), cards.get(s.path), classify_story(s, book).archetypes)
        for s in readable
    ]
    return summarise_readiness(judged, book, report.errors)


def bank_readiness(
    paths: Sequence[str | os.PathLike[str]],
    *,
    level: str | None = None,
    linter: "Linter | None" = None,
    cache: "LintCache | None" = None,
    book: ArchetypeBook | None = None,
) -> BankReadiness:
    """Lint and score every story under `paths` (one parse each) and say which are ready."""
    from star_bank.rubric.run import lint_and_score_paths

    report, scores = lint_and_score_paths(list(paths), level=level, linter=linter, cache=cache)
    return readiness_from(load_bank(list(paths)).stories, report, scores.scorecards, book or load_archetypes())
