"""bank_voice: a lead candidate's bank told from one side only.

For a lead role (the run's `role`, else the role most stories' front matter
gives), each story's own actions are sorted by verb: leading people
(`people_verbs`: coached, delegated, aligned...) and hands-on work
(`hands_on_verbs`: traced, built, migrated...). With `min_stories` or more
stories, the bank is flagged when no story has a people verb (all IC) or no
story has a hands-on verb (all manager), on the story with the most actions.
Options: `roles` (the roles it applies to), `min_stories`, `people_verbs`,
`hands_on_verbs` (lemmas).
FAIL: three lead stories in which the speaker only debugs, builds and ships.
PASS: the same bank where one story coaches an engineer through a launch.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterator
from collections.abc import Sequence

from pydantic import Field

from star_bank.lint.kinds.base import BankContext, BankHit
from star_bank.lint.kinds.options import KindOptions
from star_bank.lint.rule import Rule
from star_bank.model.profile import StoryProfile

NEEDS_NLP = True


class Options(KindOptions):
    roles: list[str] = ["lead"]
    min_stories: int = Field(3, ge=1)
    people_verbs: list[str] = []
    hands_on_verbs: list[str] = []


def bank_role(profiles: Sequence[StoryProfile], context: BankContext) -> str | None:
    """The run's role, else the one most stories declare."""
    if context.role:
        return context.role
    declared = Counter(p.role for p in profiles if p.role)
    return declared.most_common(1)[0][0] if declared else None


def verb_forms(lemmas: list[str]) -> set[str]:
    """The lemmas, plus their stems where the model kept an inflection it did not know ("onboarded")."""
    forms = set(lemmas)
    for lemma in lemmas:
        for ending in ("ed", "d", "ing"):
            if lemma.endswith(ending) and len(lemma) > len(ending) + 2:
                forms.add(lemma[: -len(ending)])
    return forms


def check_bank(
    profiles: Sequence[StoryProfile], rule: Rule, options: Options, context: BankContext
) -> Iterator[BankHit]:
    if len(profiles) < options.min_stories or bank_role(profiles, context) not in options.roles:
        return
    people, hands_on = set(options.people_verbs), set(options.hands_on_verbs)
    leads = any(people & verb_forms(p.actions) for p in profiles)
    builds = any(hands_on & verb_forms(p.actions) for p in profiles)
    if leads == builds:
        return  # both sides told (or neither recognisable: say nothing)
    side, missing = ("an individual contributor", "leading people") if builds else ("a manager", "hands-on work")
    anchor = max(range(len(profiles)), key=lambda n: (len(profiles[n].actions), -n))
    yield BankHit(anchor, {"stories": len(profiles), "side": side, "missing": missing})
