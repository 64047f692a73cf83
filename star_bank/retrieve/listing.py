"""One summary line of data per story: what `starbank list` shows."""

from __future__ import annotations

from pydantic import BaseModel

from star_bank.retrieve.archetypes import ArchetypeBook
from star_bank.story.bank import Bank
from star_bank.retrieve.classify import ArchetypeSource, classify_story


class StoryEntry(BaseModel):
    path: str
    title: str
    archetypes: list[int]  # best first, from the front matter or classified
    archetype_source: ArchetypeSource
    confidence: float
    sections: list[str]
    # The parts read from unlabelled prose rather than from the writer's labels.
    inferred_sections: list[str] = []
    words: int


def list_stories(bank: Bank, book: ArchetypeBook | None = None) -> list[StoryEntry]:
    """A summary of every story in the bank, in path order."""
    entries = []
    for story in bank.stories:
        match = classify_story(story, book)
        entries.append(
            StoryEntry(
                path=story.path,
                title=story.title,
                archetypes=match.archetypes,
                archetype_source=match.source,
                confidence=match.confidence,
                sections=story.section_kinds,
                inferred_sections=[s.kind.value for s in story.sections if s.inferred],
                words=story.words,
            )
        )
    return entries
