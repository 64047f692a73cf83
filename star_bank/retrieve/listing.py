"""One summary line of data per story: what `starbank list` shows.

The archetypes come from `classify_story`, the one classification `coverage`,
`suggest`, `score` and the drill read too. When they were read from the text
with low confidence, the entry says so and suggests writing them into the
front matter, where they then win.
"""

from __future__ import annotations

from pydantic import BaseModel

from star_bank.retrieve.archetypes import ArchetypeBook
from star_bank.story.bank import Bank
from star_bank.retrieve.classify import ArchetypeSource, classify_story


class StoryEntry(BaseModel):
    path: str
    title: str
    archetypes: list[int]  # best first, from the front matter, the tags or the text
    archetype_source: ArchetypeSource
    confidence: float
    low_confidence: bool = False
    note: str | None = None  # what to do about a low-confidence classification
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
                low_confidence=match.low_confidence,
                note=_note(match.archetypes) if match.low_confidence else None,
                sections=story.section_kinds,
                inferred_sections=[s.kind.value for s in story.sections if s.inferred],
                words=story.words,
            )
        )
    return entries


def _note(archetypes: list[int]) -> str:
    guess = f"archetypes: [{archetypes[0]}]" if archetypes else "archetypes: [N]"
    return (f"low confidence: the text does not clearly show one archetype; if you know it, add "
            f"`{guess}` to the front matter")
