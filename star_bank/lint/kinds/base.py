"""The contract every check kind meets, as Vale's rule interface is for its checks.

A kind is a module, not a class: the engine calls `check` with the analysed
story, the rule (its scope, its message values) and the rule's options as the
kind's own `Options` model, already validated. Typing the contract lets a type
checker hold each kind module to it, and the test suite checks it at run time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Protocol, Sequence, TypeVar

from star_bank.lint.kinds.options import KindOptions
from star_bank.lint.rule import Rule
from star_bank.model.profile import StoryProfile
from star_bank.nlp.analysis import AnalysedStory, Hit

OptionsT = TypeVar("OptionsT", bound=KindOptions, contravariant=True)


class CheckKind(Protocol[OptionsT]):
    """One kind module: `NEEDS_NLP`, an `Options` model and `check`."""

    # Whether `check` reads the spaCy parse: a run whose active kinds all say no never loads spaCy.
    NEEDS_NLP: bool

    @property
    def Options(self) -> type[KindOptions]:  # noqa: N802 (a module-level class in each kind)
        """The kind's options model; rule files and configs fill it, unknown keys rejected."""
        ...

    def check(self, story: AnalysedStory, rule: Rule, options: OptionsT) -> Iterable[Hit]:
        """The places in `story` the rule flags, in file offsets, with message values."""
        ...


@dataclass(frozen=True)
class BankContext:
    """What a bank kind knows besides the stories: the run's role and the archetypes to cover
    (read only when a kind asks: a cached pre-commit run on one story never needs them)."""

    role: str | None
    load_archetype_ids: Callable[[], tuple[int, ...]]

    def archetype_ids(self) -> tuple[int, ...]:
        return self.load_archetype_ids()


@dataclass(frozen=True)
class BankHit:
    """A finding about the bank, anchored on the story at `story` (an index into the profiles)."""

    story: int
    values: dict[str, Any] = field(default_factory=dict)


class BankKind(Protocol[OptionsT]):
    """A kind that judges the whole bank once (rules with `scope: [bank]`)."""

    NEEDS_NLP: bool

    @property
    def Options(self) -> type[KindOptions]:  # noqa: N802
        ...

    def check_bank(
        self, profiles: Sequence[StoryProfile], rule: Rule, options: OptionsT, context: BankContext
    ) -> Iterable[BankHit]:
        """The stories a finding about the bank is anchored on, with message values."""
        ...
