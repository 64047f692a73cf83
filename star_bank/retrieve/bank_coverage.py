"""Does the bank cover the ten archetypes an interviewer will probe?

`coverage` maps every story to its archetypes (front matter, else classified)
and reports the archetype x story matrix, the archetypes no story answers, the
stories that claim too many archetypes to be strong for any, and the questions
of the retrieval table that only one story can answer (tell that story for
one question and the next one has nothing left).
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from star_bank.retrieve.archetypes import ArchetypeBook, load_archetypes
from star_bank.story.bank import Bank
from star_bank.retrieve.listing import StoryEntry, list_stories

# A story that answers more archetypes than this is spread too thin to be strong for any.
MAX_ARCHETYPES_PER_STORY = 2


class ArchetypeRow(BaseModel):
    """One row of the matrix: an archetype and the stories that answer it."""

    id: int
    name: str
    stories: list[str] = Field(default_factory=list, description="paths, in bank order")


class ThinQuestion(BaseModel):
    """A retrieval-table question that exactly one story can answer."""

    question: str
    archetypes: list[int]
    story: str


class Coverage(BaseModel):
    """The bank's archetype coverage and its weak spots."""

    rows: list[ArchetypeRow]
    stories: list[StoryEntry] = Field(description="the matrix's columns: each story and its archetypes")
    missing: list[int] = Field(description="archetypes with no story")
    overloaded: list[StoryEntry] = Field(
        description=f"stories with more than {MAX_ARCHETYPES_PER_STORY} archetypes"
    )
    thin_questions: list[ThinQuestion]

    @property
    def complete(self) -> bool:
        """True when every archetype has at least one story."""
        return not self.missing


def coverage(bank: Bank, book: ArchetypeBook | None = None) -> Coverage:
    """The archetype x story matrix of `bank` and what it lacks."""
    book = book or load_archetypes()
    columns = list_stories(bank, book)
    rows = [
        ArchetypeRow(
            id=archetype.id,
            name=archetype.name,
            stories=[c.path for c in columns if archetype.id in c.archetypes],
        )
        for archetype in sorted(book.archetypes, key=lambda a: a.id)
    ]
    thin = []
    for row in book.retrieval:
        answering = [c.path for c in columns if set(c.archetypes) & set(row.archetypes)]
        if len(answering) == 1:
            thin.append(ThinQuestion(question=row.question, archetypes=list(row.archetypes), story=answering[0]))
    return Coverage(
        rows=rows,
        stories=columns,
        missing=[row.id for row in rows if not row.stories],
        overloaded=[c for c in columns if len(c.archetypes) > MAX_ARCHETYPES_PER_STORY],
        thin_questions=thin,
    )
