"""bank_spread: one story stretched over too many archetypes while others have none.

Each story's archetypes come from the classification `starbank list`,
`coverage` and `suggest` share (front matter, else tags, else the text). A
story that is the only answer for more than `max_sole` archetypes, in a bank
where some archetype has no story at all, is flagged: the interviewer will
hear it twice, and the empty archetypes need stories of their own.
Options: `max_sole` (3).
FAIL: one story whose front matter lists archetypes 1, 2, 3, 7 and no other story for them.
PASS: the same archetypes spread over four stories.
"""

from __future__ import annotations

from typing import Iterator
from collections.abc import Sequence

from pydantic import Field

from star_bank.lint.kinds.base import BankContext, BankHit
from star_bank.lint.kinds.options import KindOptions
from star_bank.lint.rule import Rule
from star_bank.model.profile import StoryProfile

NEEDS_NLP = False


class Options(KindOptions):
    max_sole: int = Field(3, ge=1)


def check_bank(
    profiles: Sequence[StoryProfile], rule: Rule, options: Options, context: BankContext
) -> Iterator[BankHit]:
    if not any(len(p.archetypes) > options.max_sole for p in profiles):
        return
    answering = {a: [n for n, p in enumerate(profiles) if a in p.archetypes] for a in context.archetype_ids()}
    empty = [a for a, stories in answering.items() if not stories]
    if not empty:
        return
    for n, profile in enumerate(profiles):
        sole = [a for a in profile.archetypes if answering.get(a) == [n]]
        if len(sole) > options.max_sole:
            yield BankHit(n, {
                "sole": ", ".join(f"#{a}" for a in sole),
                "count": len(sole),
                "empty": ", ".join(f"#{a}" for a in empty),
            })
