"""action_count: an Action that holds too few or too many things the speaker did.

The things are read from the parse (star_bank/nlp/actors.py): verbs whose
subject is "I", and the verbs that open subjectless bullets ("- Traced the
leak"). Both bounds are counted in the story's favour, so a good Action is not
flagged by a quirk of counting:

- too few: fewer than `min_actions` of the speaker's acts ("I traced it and
  fixed it" is two; a bullet that opens with a verb is at least one);
- too many: more than `max_actions` steps, a step being a sentence or a bullet
  in which the speaker acts ("2-4 concrete things", told one per sentence).

A story without an Action section is left to missing-section.
Options: `min_actions` (2), `max_actions` (6).
FAIL: "The team handled the rollout and the fix was merged."
PASS: "I traced the leak to the image cache. I added a size limit and rolled it out."
"""

from __future__ import annotations

import re
from typing import Iterator

from pydantic import Field, model_validator

from star_bank.lint.kinds.options import KindOptions
from star_bank.lint.rule import Rule
from star_bank.nlp.actors import fragment_verb, speaker_actions, verbs_of_a_lone_speaker
from star_bank.nlp.analysis import AnalysedStory, Hit, SectionText

NEEDS_NLP = True

_BULLET = re.compile(r"^[ \t]{0,3}(?:>[ \t]?)*(?:[-+*]|\d{1,9}[.)])[ \t]+", re.M)


class Options(KindOptions):
    min_actions: int = Field(2, ge=0)
    max_actions: int = Field(6, ge=1)

    @model_validator(mode="after")
    def _ordered(self) -> "Options":
        if self.max_actions < self.min_actions:
            raise ValueError("max_actions must be at least min_actions")
        return self


def bullet_ranges(story: AnalysedStory, section: SectionText) -> list[tuple[int, int]]:
    """File offsets of each list item in a section (an item runs to the next item or blank line)."""
    start = section.heading[1]
    end = next((s.span.end for s in story.story.sections if s.heading.start == section.heading[0]), len(story.story.text))
    text = story.story.text
    items = [m.start() for m in _BULLET.finditer(text, start, end)]
    ranges = []
    for n, item in enumerate(items):
        stop = items[n + 1] if n + 1 < len(items) else end
        blank = re.search(r"\n[ \t]*\n", text[item:stop])
        ranges.append((item, item + blank.start() if blank else stop))
    return ranges


def count_actions(story: AnalysedStory, section: SectionText) -> tuple[int, int]:
    """(acts, steps) of the speaker's actions in one section: every act counts for
    the lower bound ("I traced it, fixed it and told the channel" is three), every
    sentence or bullet with an act for the upper one."""
    doc = section.doc
    if doc is None:
        return 0, 0
    bullets = bullet_ranges(story, section)
    origin = section.prose.origin

    def unit_of(token) -> object:
        at = _at(origin, token)
        return next((n for n, (a, b) in enumerate(bullets) if a <= at < b), ("sentence", token.sent.start))

    acts = [t for t in speaker_actions(doc) if t.dep_ != "xcomp"]  # "decided to add" is one act
    steps = {unit_of(t) for t in acts}
    # The lower bound also takes the acts a misread list hides (nlp/actors.py).
    counted = {t.i for t in acts}
    act_units = [unit_of(t) for t in acts] + [
        unit_of(t) for t in verbs_of_a_lone_speaker(doc) if t.i not in counted]
    # A bullet that opens with a verb ("- Traced the leak") is a thing the speaker did,
    # however the parse hung it on the bullets around it.
    for n, (a, b) in enumerate(bullets):
        if n not in act_units and fragment_verb([t for t in doc if a <= _at(origin, t) < b]) is not None:
            steps.add(n)
            act_units.append(n)
    return len(act_units), len(steps)


def _at(origin: list[int], token) -> int:
    return origin[token.idx] if token.idx < len(origin) else -1


def check(story: AnalysedStory, rule: Rule, options: Options) -> Iterator[Hit]:
    for section in story.in_scope(rule.scope):
        if story.unlabelled or section.doc is None or not section.prose.text.strip():
            continue
        acts, steps = count_actions(story, section)
        if acts < options.min_actions:
            detail = "nothing told as your own act" if acts == 0 else f"only {acts} thing{'s' if acts != 1 else ''} you did"
            yield story.heading_hit(section, section_name=section.label, count=acts, detail=detail)
        elif steps > options.max_actions:
            detail = f"{steps} steps; keep the {options.max_actions} that matter most"
            yield story.heading_hit(section, section_name=section.label, count=steps, detail=detail)
