"""The rubric data (star_bank/data/rubrics.yaml) as validated models.

`load_rubrics()` reads the shipped book once; a user's book (`path`) is read
each time. Unknown keys, a dimension with no rating function and a signal a
rating function reads but the book lacks are all one-line errors naming the
file and the key.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from star_bank.data.loader import load_yaml_model
from star_bank.data.paths import data_path
from star_bank.model.story import LEVELS
from star_bank.rubric.levels import RATINGS, LevelName
from star_bank.rubric.raters import RATERS, SIGNALS_READ
from star_bank.rubric.signals import SignalDetector, SignalSpec, TimingLexicon
from star_bank.rubric.went_wrong import WentWrongWords

RUBRICS_FILE = data_path("rubrics.yaml")
RubricName = Literal["failure", "learning", "star"]


class RubricError(Exception):
    """The rubric data is unusable (one line naming the file and the key)."""
class DimensionSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: str
    novice: str
    intermediate: str
    expert: str
    priority: int = Field(5, ge=1, le=9)
    applies_from: LevelName | None = None
    shown_only_below: LevelName | None = None
    advice: dict[str, str] = Field(default_factory=dict)
    next_step: str


class RubricSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: str
    chosen_for: str
    dimensions: dict[str, DimensionSpec]


class ResourceSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: str
    author: str | None = None
    kind: Literal["book", "exercise", "article", "talk", "course"]
    why: str
    dimensions: list[str] = Field(min_length=1)
    levels: list[LevelName] = Field(default_factory=lambda: list(LEVELS))


class OwnershipWords(BaseModel):
    """Verbs the ownership count reads (see rubric/ownership.py)."""

    model_config = ConfigDict(extra="forbid")

    state_verbs: list[str]
    soft_verbs: list[str]


class RubricBook(BaseModel):
    """Everything in rubrics.yaml, validated: unknown keys are errors."""

    model_config = ConfigDict(extra="forbid")

    levels: list[str]
    rubrics: dict[RubricName, RubricSpec]
    resources: list[ResourceSpec]
    timing: TimingLexicon
    ownership: OwnershipWords
    went_wrong: WentWrongWords
    signals: dict[str, SignalSpec]
    _detector: SignalDetector | None = PrivateAttr(default=None)

    @model_validator(mode="after")
    def _consistent(self) -> "RubricBook":
        if list(self.levels) != list(RATINGS):
            raise ValueError(f"levels must be {list(RATINGS)}")
        missing = {"failure", "learning", "star"} - set(self.rubrics)
        if missing:
            raise ValueError(f"missing rubric(s): {', '.join(sorted(missing))}")
        known = {d for rubric in self.rubrics.values() for d in rubric.dimensions}
        for name, rubric in self.rubrics.items():
            for dim in rubric.dimensions:
                if (name, dim) not in RATERS and dim not in RATERS:
                    raise ValueError(f"rubrics.{name}.dimensions.{dim}: no rating function for it")
        for resource in self.resources:
            unknown = set(resource.dimensions) - known
            if unknown:
                raise ValueError(f"resource {resource.title!r}: unknown dimension(s) {sorted(unknown)}")
        needed = {s for rater in SIGNALS_READ for s in rater}
        absent = needed - set(self.signals)
        if absent:
            raise ValueError(f"signals: missing {', '.join(sorted(absent))}")
        return self

    @property
    def detector(self) -> SignalDetector:
        """The compiled signal detectors (built once per book)."""
        if self._detector is None:
            self._detector = SignalDetector(self.signals, self.timing)
        return self._detector


def load_rubrics(path: str | os.PathLike[str] | None = None) -> RubricBook:
    """The rubric book from `path` (default: the one shipped in the package), validated."""
    if path is None:
        return _default_book()
    return _read_book(Path(path))


@functools.cache
def _default_book() -> RubricBook:
    return _read_book(RUBRICS_FILE)


def _read_book(path: Path) -> RubricBook:
    return load_yaml_model(path, RubricBook, RubricError)
