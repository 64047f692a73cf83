"""bank_credit: a bank in which the speaker is the lone hero of every story.

Crediting others is read from the parse (star_bank/nlp/actors.py): a person or
a group as the subject of an act ("Dana wrote the migration", "we rolled it
out"), someone worked "with", work done "together", someone's help. One story
that credits anyone is enough; with `min_stories` or more stories and none
that does, one finding goes on the story where the speaker acts most.
Options: `min_stories` (3: a bank of one or two stories says little).
FAIL: four stories in which only "I" ever acts.
PASS: the same bank where one story says "I paired with Dana on the fix".
"""

from __future__ import annotations

from typing import Iterator
from collections.abc import Sequence

from pydantic import Field

from star_bank.lint.kinds.base import BankContext, BankHit
from star_bank.lint.kinds.options import KindOptions
from star_bank.lint.rule import Rule
from star_bank.model.profile import StoryProfile

NEEDS_NLP = True


class Options(KindOptions):
    min_stories: int = Field(3, ge=1)


def check_bank(
    profiles: Sequence[StoryProfile], rule: Rule, options: Options, context: BankContext
) -> Iterator[BankHit]:
    if len(profiles) < options.min_stories or any(p.credits for p in profiles):
        return
    soloist = max(range(len(profiles)), key=lambda n: (len(profiles[n].actions), -n))
    yield BankHit(soloist, {"stories": len(profiles), "actions": len(profiles[soloist].actions)})
