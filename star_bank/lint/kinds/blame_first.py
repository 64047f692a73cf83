"""blame_first: a failure story that names an external cause before the speaker's own choice.

Seed of the rule: interviewers rate ownership Novice when "the spec was
unclear" or "the timeline was unrealistic" comes before "I decided". The
first sentence that names an outside party together with a blaming word is
flagged, unless a sentence where "I" acts came before it.
Options: `parties` (who can be blamed), `blame` (blaming words), `states` (verbs
with "I" that are not choices, e.g. "I was", "I had").
FAIL: "The product team kept changing the requirements, so the launch slipped."
PASS: "I chose to skip the load test. The vendor's rate limit then failed under load."
"""

from __future__ import annotations

from typing import Iterator

from pydantic import Field

from star_bank.nlp.analysis import AnalysedStory, Hit, is_first_person_singular, subject_of
from star_bank.lint.kinds.options import KindOptions
from star_bank.lint.rule import Rule
from star_bank.nlp.lexicon import any_phrase, compile_phrases

NEEDS_NLP = True


class Options(KindOptions):
    parties: list[str] = Field(min_length=1)
    blame: list[str] = Field(min_length=1)
    states: list[str]


def check(story: AnalysedStory, rule: Rule, options: Options) -> Iterator[Hit]:
    if not story.is_failure:
        return
    parties = compile_phrases(options.parties)
    blame = compile_phrases(options.blame)
    states = {w.lower() for w in options.states}
    for section in story.in_scope(rule.scope):
        if section.doc is None:
            continue
        for sentence in section.doc.sents:
            if _speaker_acts(sentence, states):
                return
            # A passive ("the deadline was missed") blames no one: passive-voice covers it; nor
            # does the speaker's own role ("I was kitchen manager, eleven cooks across two shifts").
            own_role = _own_role(sentence)
            tokens = [t for t in sentence if not _is_passive_verb(t) and t.i not in own_role]
            if any_phrase(tokens, parties) and any_phrase(tokens, blame, max_gap=1):
                yield story.prose_hit(section, sentence.start_char, sentence.end_char)
                return


def _own_role(sentence) -> set[int]:
    """Token indices of what the speaker says they were: the complement of 'I was ...'."""
    role: set[int] = set()
    for token in sentence:
        if token.dep_ == "attr" and token.head.lemma_ == "be":
            subject = subject_of(token.head)
            if subject is not None and is_first_person_singular(subject):
                role.update(t.i for t in token.subtree)
    return role


def _is_passive_verb(token) -> bool:
    return token.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in token.children)


def _speaker_acts(sentence, states: set[str]) -> bool:
    for token in sentence:
        if token.pos_ not in ("VERB", "AUX") or token.lemma_.lower() in states:
            continue
        subject = subject_of(token)
        if subject is not None and is_first_person_singular(subject) and subject.dep_ == "nsubj":
            return True
    return False
