"""The bank pass: rules that judge all the stories at once (`scope: [bank]`).

Each story is first reduced to a `StoryProfile` (its archetypes, the lemmas of
the speaker's own actions, the words that credit someone else, and which bank
rules a comment switches off on it) while its parse is at hand; the runner
keeps the profiles with the findings (and in the cache), then the bank kinds
run once over all of them. A finding about the bank is anchored on the title of
the story it names, and a suppression comment there (or `starlint-disable-file`)
silences it like any other.
"""

from __future__ import annotations

import re
from typing import Sequence

from star_bank.lint.activation import ActiveRule
from star_bank.lint.kinds.base import BankContext, BankKind
from star_bank.lint.kinds.registry import kind_of
from star_bank.lint.suppress import is_suppressed, suppression_regions
from star_bank.lint.wording import rule_wording
from star_bank.model.findings import Finding
from star_bank.model.profile import Anchor, StoryProfile
from star_bank.nlp.actors import credits_to_others, main_act, speaker_actions
from star_bank.nlp.analysis import AnalysedStory


def story_profile(story: AnalysedStory, bank_rules: Sequence[ActiveRule]) -> StoryProfile:
    """What the bank rules need of one story, read from its parse."""
    from star_bank.retrieve.classify import classify_story

    hit = story.story_hit()
    span = story.index.span(hit.start, hit.end)
    regions = suppression_regions(story.story.text, story.index)
    silenced = [
        name
        for active in bank_rules
        if is_suppressed(regions, hit.start, active.rule.names())
        for name in sorted(active.rule.names())
    ]
    actions: list[str] = []
    credits: list[str] = []
    for section in story.sections:
        if section.doc is None:
            continue
        actions += [main_act(verb).lemma_.lower() for verb in speaker_actions(section.doc)]
        credits += [token.text for token in credits_to_others(section.doc)]
    return StoryProfile(
        path=story.story.path,
        title=story.story.title,
        anchor=Anchor(
            line=span.line, column=span.column, end_line=span.end_line, end_column=span.end_column,
            offset=span.start, end_offset=span.end,
            text=re.sub(r"\s+", " ", story.story.text[hit.start : hit.end]).strip(),
        ),
        archetypes=list((story.classification or classify_story(story.story)).archetypes),
        role=story.story.front_matter.role,
        actions=actions,
        credits=credits,
        silenced=silenced,
    )


def lint_bank(
    profiles: Sequence[StoryProfile], bank_rules: Sequence[ActiveRule], context: BankContext
) -> list[Finding]:
    """Every bank rule's findings over the whole bank, each on the story it names."""
    profiles = sorted(profiles, key=lambda p: p.path)
    findings = []
    for active in bank_rules:
        kind: BankKind = kind_of(active.rule)  # type: ignore[assignment]
        for hit in kind.check_bank(profiles, active.rule, active.options, context):
            profile = profiles[hit.story]
            if active.rule.code in profile.silenced:
                continue
            findings.append(_finding(profile, active, hit.values))
    return findings


def _finding(profile: StoryProfile, active: ActiveRule, values: dict) -> Finding:
    rule = active.rule
    message, suggestion = rule_wording(rule, active.options, {"title": profile.title, **values})
    anchor = profile.anchor
    return Finding(
        path=profile.path,
        line=anchor.line,
        column=anchor.column,
        end_line=anchor.end_line,
        end_column=anchor.end_column,
        code=rule.code,
        rule=rule.slug,
        severity=active.severity,
        dimension=rule.dimension,
        section=None,
        message=message,
        text=anchor.text,
        suggestion=suggestion,
        offset=anchor.offset,
        end_offset=anchor.end_offset,
        bank=True,
    )
