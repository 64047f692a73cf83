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

A question that asks for a story no archetype describes (`open`: "a time you
went above and beyond", "something you learned recently") ranks every story by
readiness instead, and stories that tell the question's topic (for learning:
"learned", "picked up", "new to me") come first.
"""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel, Field

from star_bank.retrieve.archetypes import ArchetypeBook, load_archetypes
from star_bank.story.bank import Bank
from star_bank.retrieve.classify import ArchetypeMatch, classify_story
from star_bank.model.story import Story
from star_bank.retrieve.question_intent import topic_story_words
from star_bank.retrieve.question_match import ArchetypeFit, Strength, match_question
from star_bank.rubric.readiness import QualityScorer, StoryQuality, structure_quality
from star_bank.retrieve.text_match import content_stems, find_phrase, stems

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
# For an `open` question, each topic phrase a story uses adds this much to its readiness
# (up to TOPIC_PHRASES_COUNTED phrases), so stories that tell the topic rank first.
TOPIC_PHRASE_BONUS = 0.15
TOPIC_PHRASES_COUNTED = 2


class StoryPick(BaseModel):
    """One of your stories for a question, with the archetype it answers through."""

    path: str
    title: str
    archetype: int = Field(
        description="the archetype it answers through; for an open question the story's own first one (0: none)"
    )
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
        if found.match == "open":
            picks = _rank_open(question, found.topic, bank.stories, matches, qualities, quality, used)
        elif found.match != "none":
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


def _rank_open(
    question: str,
    topic: str | None,
    stories: list[Story],
    matches: dict[str, ArchetypeMatch],
    qualities: dict[str, StoryQuality],
    quality: QualityScorer,
    used: dict[str, int],
) -> list[StoryPick]:
    """Every story, readiest first; stories that tell the topic before the rest."""
    topic_phrases = {w: tuple(stems(w)) for w in topic_story_words(topic)}
    question_words = set(content_stems(question))
    picks: list[tuple[float, StoryPick]] = []
    for story in stories:
        if story.path not in qualities:
            qualities[story.path] = quality(story)
        ready = qualities[story.path]
        reasons = list(ready.notes)
        score = ready.score
        told = _told_phrases(story, topic_phrases)
        if told:
            score += TOPIC_PHRASE_BONUS * min(len(told), TOPIC_PHRASES_COUNTED)
            reasons.insert(0, f"it tells {topic} ({', '.join(told[:3])})")
        title_words = question_words & set(content_stems(story.title))
        if title_words:
            score += min(TITLE_BONUS_CAP, TITLE_WORD_BONUS * len(title_words))
            reasons.append("its title shares " + ", ".join(sorted(title_words)))
        if story.path in used:
            score *= REUSE_FACTOR
            reasons.append(f"already the first pick for question {used[story.path]}")
        archetypes = matches[story.path].archetypes
        pick = StoryPick(
            path=story.path,
            title=story.title,
            archetype=archetypes[0] if archetypes else 0,
            score=round(min(score, 1.0), 2),
            why="; ".join(reasons if told else ["ready to tell", *reasons]),
        )
        picks.append((score, pick))
    # Sorted on the uncapped score, so a ready story that tells the topic stays first.
    picks.sort(key=lambda sp: (-sp[0], sp[1].path))
    return [pick for _, pick in picks]


def _told_phrases(story: Story, phrases: dict[str, tuple[str, ...]]) -> list[str]:
    """The topic phrases (as written in the data) whose stems the story's text uses."""
    if not phrases:
        return []
    tokens = stems(story.text)
    return [word for word, phrase in phrases.items() if phrase and find_phrase(tokens, phrase)]


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
