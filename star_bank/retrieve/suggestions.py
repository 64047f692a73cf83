"""Question -> archetypes -> your stories: which story to tell when the interviewer asks.

For each question, `suggest` ranks the archetypes (see `question_match`), then
ranks the bank's stories that answer them by

- archetype fit: how well the question fits the story's archetype, times how
  sure we are of the story's archetype (front matter is certain, a
  classification only as sure as its confidence);
- story quality: by default the story's structure (`story_quality`), or any
  scorer passed as `quality` (the linter's, once it has one);
- freshness: across a list of questions, a story already suggested first for
  an earlier question ranks lower, so one story is not the answer to
  everything.
"""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel, Field

from star_bank.retrieve.archetypes import ArchetypeBook, load_archetypes
from star_bank.story.bank import Bank
from star_bank.retrieve.classify import ArchetypeMatch, classify_story
from star_bank.model.story import Story
from star_bank.retrieve.question_match import ArchetypeFit, Strength, match_question
from star_bank.rubric.readiness import QualityScorer, StoryQuality, structure_quality
from star_bank.retrieve.text_match import content_stems

# The parts of a story's rank: archetype fit matters most.
FIT_WEIGHT = 0.7
QUALITY_WEIGHT = 0.3
# A story already suggested first for an earlier question keeps this share of its score.
REUSE_FACTOR = 0.5
# Later archetypes in a story's front matter fit a little less than the first.
FRONT_MATTER_STEP = 0.15
# Each word the question shares with the story's title adds this much (up to a cap).
TITLE_WORD_BONUS = 0.03
TITLE_BONUS_CAP = 0.09


class StoryPick(BaseModel):
    """One of your stories for a question, with the archetype it answers through."""

    path: str
    title: str
    archetype: int
    score: float = Field(description="0..1, higher is a better pick")
    why: str


class Suggestion(BaseModel):
    """The answer for one question: archetypes best first, then your stories best first."""

    question: str
    match: Strength
    archetypes: list[ArchetypeFit] = Field(default_factory=list)
    stories: list[StoryPick] = Field(default_factory=list)
    why: str
    advice: str | None = Field(default=None, description="how to prepare when no archetype fits, or a tip")
    topic: str | None = None


def suggest(
    questions: Iterable[str],
    bank: Bank,
    book: ArchetypeBook | None = None,
    top: int = 3,
    quality: QualityScorer | None = None,
) -> list[Suggestion]:
    """Rank archetypes and the bank's stories for each question, in order.

    `top` limits how many archetypes and stories each suggestion lists.
    `quality` scores a story's readiness (defaults to `structure_quality`).
    """
    book = book or load_archetypes()
    quality = quality or structure_quality
    matches = {story.path: classify_story(story, book) for story in bank.stories}
    qualities: dict[str, StoryQuality] = {}
    used: dict[str, int] = {}  # story path -> number of the question it was first for
    suggestions = []
    for number, question in enumerate(questions, start=1):
        found = match_question(question, book)
        picks: list[StoryPick] = []
        if found.match != "none":
            picks = _rank_stories(question, found.archetypes, bank.stories, matches, qualities, quality, used)
            if picks and picks[0].path not in used:
                used[picks[0].path] = number
        suggestions.append(
            Suggestion(
                question=question,
                match=found.match,
                archetypes=found.archetypes[:top],
                stories=picks[:top],
                why=found.why,
                advice=found.advice,
                topic=found.topic,
            )
        )
    return suggestions


def _rank_stories(
    question: str,
    fits: list[ArchetypeFit],
    stories: list[Story],
    matches: dict[str, ArchetypeMatch],
    qualities: dict[str, StoryQuality],
    quality: QualityScorer,
    used: dict[str, int],
) -> list[StoryPick]:
    best = fits[0].score if fits else 0.0
    wanted = {fit.id: fit.score / best for fit in fits} if best else {}
    question_words = set(content_stems(question))
    picks = []
    for story in stories:
        match = matches[story.path]
        strength = _archetype_strength(match)
        shared = [a for a in strength if a in wanted]
        if not shared:
            continue
        archetype = max(shared, key=lambda a: (wanted[a] * strength[a], -a))
        fit = wanted[archetype] * strength[archetype]
        if story.path not in qualities:
            qualities[story.path] = quality(story)
        ready = qualities[story.path]
        title_words = question_words & set(content_stems(story.title))
        bonus = min(TITLE_BONUS_CAP, TITLE_WORD_BONUS * len(title_words))
        score = FIT_WEIGHT * fit + QUALITY_WEIGHT * ready.score + bonus
        reasons = [_source_note(match, archetype)]
        reasons.extend(ready.notes)
        if title_words:
            reasons.append("its title shares " + ", ".join(sorted(title_words)))
        if story.path in used:
            score *= REUSE_FACTOR
            reasons.append(f"already the first pick for question {used[story.path]}")
        picks.append(
            StoryPick(
                path=story.path,
                title=story.title,
                archetype=archetype,
                score=round(min(score, 1.0), 2),
                why="; ".join(reasons),
            )
        )
    picks.sort(key=lambda p: (-p.score, p.path))
    return picks


def _archetype_strength(match: ArchetypeMatch) -> dict[int, float]:
    """How surely the story answers each of its archetypes, 0..1."""
    if match.source == "front-matter":
        return {a: max(0.4, 1.0 - FRONT_MATTER_STEP * rank) for rank, a in enumerate(match.archetypes)}
    # A classified archetype counts as much as the classifier is sure of it.
    certainty = 0.5 + 0.5 * match.confidence
    scores = {s.id: s.score for s in match.scores}
    best = scores.get(match.archetypes[0], 0.0) if match.archetypes else 0.0
    return {a: certainty * (scores.get(a, 0.0) / best if best else 0.0) for a in match.archetypes}


def _source_note(match: ArchetypeMatch, archetype: int) -> str:
    if match.source == "front-matter":
        return f"front matter lists #{archetype}"
    return f"classified as #{archetype} (confidence {match.confidence:.2f})"
