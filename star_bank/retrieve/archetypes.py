"""The ten story archetypes an interviewer probes, loaded from `archetypes.yaml`."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from star_bank.data.loader import load_shipped, load_yaml_model


class ArchetypeError(Exception):
    """`archetypes.yaml` is missing or does not follow the schema (one-line message)."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Template(_Strict):
    situation: str
    task: str
    action: str
    result: str


class TieIn(_Strict):
    kind: Literal["ai", "lead"]
    text: str


class Archetype(_Strict):
    id: int = Field(ge=1, le=10)
    slug: str
    name: str
    probes: str
    shape: str
    template: Template
    tie_in: TieIn
    failure: bool = False
    cues: list[str] = Field(min_length=1)


class RetrievalRow(_Strict):
    question: str
    archetypes: list[int] = Field(min_length=1)


class NamedQuestion(_Strict):
    question: str
    archetypes: list[int] = Field(min_length=1)
    advice: str


class UnmatchedTopic(_Strict):
    topic: str
    examples: list[str] = Field(min_length=1)
    advice: str


class Frame(_Strict):
    """How a story can be framed (see `framing` in archetypes.yaml and retrieve/framing.py)."""

    doc: str
    patterns: list[str] = Field(min_length=1)
    unless_before: list[str] = Field(default_factory=list)
    unless_sentence: list[str] = Field(default_factory=list)
    went_wrong: bool = False
    skip_hypothetical: bool = False
    narrative_only: bool = False
    # The speaker's own slip, which a story about something else may mention in passing.
    aside: bool = False


class FramingRule(_Strict):
    when: list[str] = Field(default_factory=list)
    unless: list[str] = Field(default_factory=list)
    add: dict[int, float] = Field(default_factory=dict)
    scale: dict[int, float] = Field(default_factory=dict)


class Framing(_Strict):
    frames: dict[str, Frame] = Field(default_factory=dict)
    rules: list[FramingRule] = Field(default_factory=list)


class ArchetypeBook(_Strict):
    """Everything in `archetypes.yaml`."""

    version: int
    archetypes: list[Archetype]
    retrieval: list[RetrievalRow]
    named_questions: list[NamedQuestion] = Field(default_factory=list)
    unmatched: list[UnmatchedTopic] = Field(default_factory=list)
    framing: Framing = Field(default_factory=Framing)
    story_tags: dict[str, list[int]] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _ids_are_one_to_ten(self) -> "ArchetypeBook":
        ids = sorted(a.id for a in self.archetypes)
        if ids != list(range(1, 11)):
            raise ValueError(f"archetype ids must be 1..10, each once (found {ids})")
        for rule in self.framing.rules:
            unknown_frames = (set(rule.when) | set(rule.unless)) - set(self.framing.frames)
            if unknown_frames:
                raise ValueError(f"framing rule names unknown frames {sorted(unknown_frames)}")
        for tag, ids in self.story_tags.items():
            if not ids or any(not 1 <= a <= 10 for a in ids):
                raise ValueError(f"story_tags.{tag}: archetypes must be 1..10")
        for row in [*self.retrieval, *self.named_questions]:
            unknown = [a for a in row.archetypes if not 1 <= a <= 10]
            if unknown:
                raise ValueError(f"question {row.question!r} names unknown archetypes {unknown}")
        return self

    def get(self, archetype_id: int) -> Archetype:
        return next(a for a in self.archetypes if a.id == archetype_id)


def load_archetypes(path: str | Path | None = None) -> ArchetypeBook:
    """Load and validate `archetypes.yaml` (the shipped one unless `path` is given)."""
    if path is None:
        return load_shipped("archetypes.yaml", ArchetypeBook, ArchetypeError)
    return load_yaml_model(Path(path), ArchetypeBook, ArchetypeError)
