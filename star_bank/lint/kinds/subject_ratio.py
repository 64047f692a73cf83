"""subject_ratio: "we" where the speaker's own role disappears.

Counts, over the whole story, who does the actions: clause subjects of verbs
that are "we" (and, with less weight, "our team" / "the team") against "I"
(including "My manager and I"). Each section counts with a weight (the Action
most, the Situation least: setting the scene as a team is normal). The story is
flagged when the weighted plural count reaches `min_plural` and exceeds `ratio`
times the weighted singular count, so a story that says "I" for its decisions
stays quiet however its "we"s are spread. Notes that drop the writer's "I" ("Pulled the
graphs.") count as "I" where they are at least as many as the "we" acts. A story that never
says "I" for an act needs fewer: one "we" act in the Action is enough.
FAIL: "We traced the leak. We added a cache. We rolled it out."
PASS: "I traced the leak. I added a cache, and we rolled it out together."
"""

from __future__ import annotations

from typing import Iterator

from pydantic import Field

from star_bank.nlp.analysis import AnalysedStory, Hit, is_first_person_singular, notes_speak_for_i, opens_as_note
from star_bank.lint.kinds.options import KindOptions
from star_bank.model.story import SectionKind
from star_bank.lint.rule import Rule

NEEDS_NLP = True

_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_EXAMINING = {"at", "into", "through", "over", "for"}
_COLLECTIVE = {"team", "squad", "group", "org", "organization", "organisation", "department"}


class Options(KindOptions):
    # How much a subject in each section counts; "default" for the others (an unlabelled body).
    weights: dict[str, float] = {"action": 2.0, "situation": 0.5, "default": 1.0}
    min_plural: float = Field(3, ge=1)
    ratio: float = Field(1.0, ge=0)
    collective_weight: float = Field(0.5, ge=0, le=1)


def count_subjects(doc, collective_weight: float = 0.5, skip: frozenset[int] = frozenset()) -> tuple[float, int]:
    """(plural weight, singular count) of the subjects of actions in a Doc, leaving out the
    plural subjects in `skip`.

    A subject counts when its verb is an act, not a copula or a state ("we were
    a team of four", "we had two weeks" say nothing about who did what).
    """
    plural = 0.0
    singular = 0
    for token in doc:
        if token.dep_ not in _SUBJECT_DEPS or not _is_action(token.head):
            continue
        if is_first_person_singular(token):
            singular += 1
        elif token.i in skip:
            continue
        elif _inside_own_decision(token.head):
            continue  # "I suggested we move it": the speaker's call
        elif token.lower_ == "we":
            plural += 1
        elif token.lemma_.lower() in _COLLECTIVE and any(
            c.lower_ in ("our", "the", "my") for c in token.children if c.dep_ in ("poss", "det")
        ):
            plural += collective_weight
    return plural, singular


def _inside_own_decision(verb) -> bool:
    """Whether a clause is the complement of the speaker's own verb ('I proposed we ...')."""
    if verb.dep_ not in ("ccomp", "xcomp") or verb.head is verb:
        return False
    subject = next((c for c in verb.head.children if c.dep_ in _SUBJECT_DEPS), None)
    return subject is not None and is_first_person_singular(subject)


def _is_action(verb) -> bool:
    """An act ('we shipped'), or a state that leads to one ('we were able to ship', 'we had to roll back')."""
    if any(c.dep_ == "xcomp" or (c.dep_ == "acomp" and any(g.dep_ == "xcomp" for g in c.children)) for c in verb.children):
        return True
    if verb.lemma_.lower() == "look" and any(c.dep_ == "prep" and c.lower_ in _EXAMINING for c in verb.children):
        return True  # "we looked at the logs" examined something; "it looked fine" is a state
    if verb.lemma_.lower() in ("be", "have", "seem", "feel", "know", "look", "sound"):
        return False
    return verb.pos_ in ("VERB", "AUX")


def check(story: AnalysedStory, rule: Rule, options: Options) -> Iterator[Hit]:
    default = options.weights.get("default", 1.0)
    plural = singular = notes = 0.0
    said_we = 0.0
    said_i = note_acts = 0
    # Imported late: nlp.lessons loads the lesson vocabulary, which a cached run never reads.
    from star_bank.nlp.lessons import find_lessons

    lessons = find_lessons(story)
    for section in story.in_scope(rule.scope):
        if section.doc is None:
            continue
        weight = options.weights.get(section.kind.value, default)
        # A practice the team adopted afterwards ("what we do now at the shop is ...") is the team's
        # by nature: the plural subjects of the lesson statements are left out of the count.
        adopted = frozenset(t.i for lesson in lessons if lesson.section is section for t in lesson.sentence)
        we, i = count_subjects(section.doc, options.collective_weight, adopted)
        found = sum(1 for token in section.doc if opens_as_note(token))
        plural += weight * we
        singular += weight * i
        notes += weight * found
        said_we += we
        said_i += i
        note_acts += found
    # Notes that drop the writer's "I" ("Checked the loader first.") are the speaker's acts, as
    # the ownership rating reads them.
    if notes_speak_for_i(note_acts, said_i, said_we):
        singular += notes
    # A story that never says "I" for an act loses the speaker with fewer "we"s: one in the Action is enough.
    enough = plural >= options.min_plural or (singular == 0 and plural >= 2 * default)
    if enough and plural > options.ratio * singular:
        action = story.section(SectionKind.action)
        values = {"section_name": "Story", "we": f"{plural:g}", "i": f"{singular:g}"}
        if action is not None:
            values["section_name"] = action.label
            yield story.heading_hit(action, **values)
        else:
            yield story.story_hit(**values)
