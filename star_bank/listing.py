"""One summary line of data per story: what `starbank list` shows."""

from __future__ import annotations

from pydantic import BaseModel

from star_bank.bank import Bank


class StoryEntry(BaseModel):
    path: str
    title: str
    archetypes: list[int]
    sections: list[str]
    words: int


def list_stories(bank: Bank) -> list[StoryEntry]:
    """A summary of every story in the bank, in path order."""
    return [
        StoryEntry(
            path=story.path,
            title=story.title,
            archetypes=list(story.front_matter.archetypes),
            sections=story.section_kinds,
            words=story.words,
        )
        for story in bank.stories
    ]
