"""subject_ratio: "we" where the speaker's own role disappears.

Counts clause subjects per section: "we" (and, with less weight, "our team" /
"the team") against "I" (including "My manager and I"). A section is flagged
when the plural count reaches `min_plural` and exceeds `ratio` times the
singular count. Thresholds are per section kind, strictest in Action.
FAIL: "We traced the leak. We added a cache. We rolled it out."
PASS: "I traced the leak. I added a cache, and we rolled it out together."
"""

from __future__ import annotations

from typing import Iterator

from pydantic import Field

from star_bank.nlp.analysis import AnalysedStory, Hit, is_first_person_singular
from star_bank.lint.kinds.options import KindOptions
from star_bank.lint.rule import Rule

NEEDS_NLP = True

_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_COLLECTIVE = {"team", "squad", "group", "org", "organization", "organisation", "department"}


class Threshold(KindOptions):
    min_plural: float = Field(2, ge=1)
    ratio: float = Field(1.0, ge=0)


class Options(KindOptions):
    thresholds: dict[str, Threshold] = {
        "action": Threshold(min_plural=2, ratio=1.0),
        "default": Threshold(min_plural=3, ratio=2.0),
    }
    collective_weight: float = Field(0.5, ge=0, le=1)


def count_subjects(doc, collective_weight: float = 0.5) -> tuple[float, int]:
    """(plural weight, singular count) of the clause subjects in a Doc."""
    plural = 0.0
    singular = 0
    for token in doc:
        if token.dep_ not in _SUBJECT_DEPS:
            continue
        if is_first_person_singular(token):
            singular += 1
        elif token.lower_ == "we":
            plural += 1
        elif token.lemma_.lower() in _COLLECTIVE and any(
            c.lower_ in ("our", "the", "my") for c in token.children if c.dep_ in ("poss", "det")
        ):
            plural += collective_weight
    return plural, singular


def check(story: AnalysedStory, rule: Rule, options: Options) -> Iterator[Hit]:
    default = options.thresholds.get("default", Threshold())
    for section in story.in_scope(rule.scope):
        if section.doc is None:
            continue
        limit = options.thresholds.get(section.kind.value, default)
        plural, singular = count_subjects(section.doc, options.collective_weight)
        if plural >= limit.min_plural and plural > limit.ratio * singular:
            yield story.heading_hit(
                section,
                section_name=section.label,
                we=f"{plural:g}",
                i=singular,
            )
