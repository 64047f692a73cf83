"""Question -> archetypes: which of the ten archetypes an interview question probes.

Every archetype gets a score from three sources of evidence (see `cue_index`):
cue phrases found in the question, words of the archetype's own description,
and the closest labelled question of the archetype. The strength of the best
score and the question's intent (does it ask for a story? is it about salary,
a weakness, a design exercise?) decide whether the match is `strong`, `weak`
or `none`. Everything that counted is kept, so the answer can say why.

A small supervised model (`question_model`), trained on the project's own
labelled questions, adds its probability for each archetype to the lexical
evidence, so a wording no cue anticipated ("a colleague you clashed with")
still finds its archetype; when it is sure no archetype fits and the lexical
evidence is faint, the question is unmatched.

An unmatched question that asks for a story ("tell me about a time you went
above and beyond") is `open`: it wants one of the candidate's stories, just not
one an archetype describes. One that wants no story ("what frustrates you?")
is `none`.

Failure words count for the failure archetypes (an incident you caused, a
decision you would make differently) only when the failure is the candidate's:
"your team was about to make a mistake" is a disagreement story, not a mistake
story.
"""

from __future__ import annotations

import re

from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, Field

from star_bank.retrieve.archetypes import ArchetypeBook, UnmatchedTopic
from star_bank.retrieve.cue_index import (
    DESCRIPTION_WEIGHT,
    EXAMPLE_WEIGHT,
    FULL_EXAMPLE_BONUS,
    ArchetypeIndex,
    LabelledQuestion,
    archetype_index,
)
from star_bank.retrieve.question_intent import QuestionIntent, question_intent
from star_bank.retrieve.question_model import ModelReading, cue_reliability, model_available, read_question
from star_bank.retrieve.text_match import AUXILIARIES, content_stems, is_content, stem, stems, words

Strength = Literal["strong", "weak", "open", "none"]

# Raw evidence at or above which a match is strong; between the two it is weak.
STRONG_AT = 1.6
WEAK_AT = 1.0
# The question model's probability for an archetype, times this, adds to its evidence.
MODEL_WEIGHT = 1.5
# The model's "no archetype" probability at or above which a question with lexical
# evidence below MODEL_NONE_EVIDENCE is unmatched. Both were chosen on the model's
# out-of-fold answers for the project's own questions (bench/train_question_model.py).
MODEL_NONE_AT = 0.9
MODEL_NONE_EVIDENCE = 1.05
# The model's probability for one archetype at or above which the question matches it
# (weakly) even when no cue or labelled question does: "a target you did not reach".
MODEL_SURE_AT = 0.4
# One cue alone (no labelled question close, evidence short of strong) against a model at
# least this sure of another archetype: the one word is more often misleading ("your own
# *expectations*" is not a stakeholder story), so the model's reading counts this much more.
MODEL_OVERRULES_AT = 0.7
OVERRULE_WEIGHT = 3.0
# A question framed as a story request ("tell me about a time ...") needs less evidence.
STORY_FRAME_DISCOUNT = 0.5
# Archetypes scoring at least this share of the best are reported as alternatives, and so
# are those whose lexical evidence alone is at least LEXICAL_ALTERNATIVE_SHARE of the best's.
ALTERNATIVE_SHARE = 0.25
LEXICAL_ALTERNATIVE_SHARE = 0.45
# A cue that is the candidate's own action ("a time you *mentored* ...") says more.
OWN_ACTION_FACTOR = 1.3
# A failure word ("mistake", "wrong") that the candidate only judges ("you were sure the plan
# was a mistake") or that is someone else's ("your team was about to make a mistake") is not
# the candidate's own failure: it counts for the disagreement archetype, not the failure ones.
DISAGREEMENT_SLUG = "disagreement-pushback"
DEBUGGING_SLUG = "production-debugging"
_NOT_YOURS = re.compile(
    r"\b(?:not|n't|wasn ?'?t|isn ?'?t) (?:\w+ )?(?:your fault|in your control|caused by you|on you)\b"
    r"|\b(?:outside|out of|beyond) (?:of )?your control\b|\byou did ?n'?t cause\b"
)
_FAILURE_WORDS = frozenset(stem(w) for w in ("mistake", "mistaken", "wrong", "error", "flawed", "bad"))
_OPINION_WORDS = frozenset(
    {"think", "thought", "believe", "believed", "sure", "convinced", "felt", "feel", "suspect", "suspected"}
)
_OTHER_PEOPLE = frozenset(
    {"team", "teammate", "colleague", "coworker", "peer", "boss", "manager", "lead", "leadership",
     "architect", "company", "they", "he", "she", "someone", "somebody", "others", "everyone"}
)
# People a shortfall can belong to besides those above ("a team member", "one of your reports").
_OTHER_SUBJECTS = frozenset({"member", "members", "report", "reports", "junior", "hire", "intern", "mentee",
                             "engineer", "developer", "coworkers", "colleagues", "teammates"})
# How far back from a cue its subject may stand.
_SUBJECT_WINDOW = 5
# Cue words that describe another person's difficulty (a mentoring story), stemmed.
_SOMEONE_ELSES_STATE = frozenset(stem(w) for w in ("struggling", "struggle", "struggled"))
# How far back from a failure word the judge or its other owner may be.
_JUDGED_WINDOW = 8
# Scores shown to people are squashed into 0..1: raw / (raw + SCORE_SCALE).
SCORE_SCALE = 1.0
# A labelled question counts for its archetypes after the first a little less.
LATER_LABEL_FACTOR = 0.85

GENERIC_ADVICE = (
    "No story archetype fits this question: answer it directly in a few sentences, "
    "with one concrete example from your own work if you have one."
)
OPEN_ADVICE = (
    "This asks for a story that no archetype describes: tell the readiest story of yours "
    "that shows it, with your own actions and a result you can put a number on."
)


class ArchetypeFit(BaseModel):
    """How well one archetype fits a question (or a story), and why."""

    id: int
    name: str
    score: float = Field(description="0..1, higher is a better fit")
    why: str
    cues: list[str] = Field(default_factory=list, description="the archetype's cue words found in the text")


class QuestionMatch(BaseModel):
    """The archetypes a question probes, best first, or `none` with advice."""

    question: str
    match: Strength
    archetypes: list[ArchetypeFit] = Field(default_factory=list)
    why: str
    advice: str | None = None
    topic: str | None = None


@dataclass
class _Evidence:
    cues: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    example: LabelledQuestion | None = None
    cue_score: float = 0.0
    word_score: float = 0.0
    example_score: float = 0.0
    model_score: float = 0.0

    @property
    def lexical(self) -> float:
        return self.cue_score + self.word_score + self.example_score

    @property
    def total(self) -> float:
        return self.lexical + self.model_score


def score_archetypes(question: str, index: ArchetypeIndex) -> dict[int, _Evidence]:
    """The raw evidence for every archetype in one question."""
    tokens = stems(question)
    surface = words(question)
    hits = index.find_cues(tokens)
    core = set(content_stems(question))
    evidence = {a.id: _Evidence() for a in index.book.archetypes}
    covered: dict[int, set[int]] = {a: set() for a in evidence}
    failure_ids = {a.id for a in index.book.archetypes if a.failure}
    disagreement = next((a.id for a in index.book.archetypes if a.slug == DISAGREEMENT_SLUG), None)
    judged = _judged_failures(surface, tokens)
    # "... that wasn't your fault", "... outside your control": the failure was not the speaker's;
    # what is left to tell is diagnosing and handling it.
    not_yours = _not_your_failure(surface)
    debugging = next((a.id for a in index.book.archetypes if a.slug == DEBUGGING_SLUG), None)
    reliability = cue_reliability()
    for hit in hits:
        own_action = not hit.cue.common and _follows_subject(surface, hit.start)
        weight = hit.cue.weight * (OWN_ACTION_FACTOR if own_action else 1.0)
        span = set(range(hit.start, hit.end))
        owners = set(hit.cue.archetypes)
        text = hit.cue.text
        if judged & span and owners & failure_ids:
            owners = (owners - failure_ids) | ({disagreement} if disagreement else set())
            text += " (not your own)"
        elif owners & failure_ids and not_yours:
            owners = (owners - failure_ids) | ({debugging} if debugging else set())
            text += " (not your fault)"
        elif owners & failure_ids and _subject_of(surface, hit.start) == "other":
            # "A teammate didn't meet your expectations": someone else's shortfall, not yours.
            owners = owners - failure_ids
            text += " (someone else's)"
        if set(hit.cue.core) & _SOMEONE_ELSES_STATE and _subject_of(surface, hit.start) == "you":
            # "You struggled to ..." is your own difficulty, not a struggling engineer you helped.
            owners = set()
        for archetype_id in owners:
            found = evidence[archetype_id]
            found.cue_score += weight * reliability.get(f"{hit.cue.text}|{archetype_id}", 1.0)
            found.cues.append(text)
            covered[archetype_id] |= span
    # Nor do those words count as the failure archetypes' description words.
    for archetype_id in failure_ids:
        covered[archetype_id] |= judged
    judged_stems = {tokens[i] for i in judged}
    for archetype_id, found in evidence.items():
        vocabulary = index.description[archetype_id]
        seen: set[str] = set()
        for position, token in enumerate(tokens):
            if position in covered[archetype_id] or token in seen or not is_content(token):
                continue
            if token in vocabulary:
                seen.add(token)
                found.word_score += DESCRIPTION_WEIGHT * index.weight_of(token)
                found.words.append(surface[position] if position < len(surface) else token)
    for example in index.examples:
        shared = core & example.core
        if failure_ids.issuperset(example.archetypes):
            shared = set() if not_yours else shared - judged_stems
        if not shared:
            continue
        overlap = sum(index.weight_of(w) for w in shared)
        # Reward covering most of a short labelled question, not one common word of a long one.
        coverage = len(shared) / len(example.core)
        value = EXAMPLE_WEIGHT * overlap * coverage + (FULL_EXAMPLE_BONUS if shared == example.core else 0.0)
        for rank, archetype_id in enumerate(example.archetypes):
            found = evidence[archetype_id]
            score = value * (1.0 if rank == 0 else LATER_LABEL_FACTOR)
            if score > found.example_score:
                found.example_score = score
                found.example = example
    return evidence


def _not_your_failure(surface: list[str]) -> bool:
    """'... that wasn't your fault', '... outside your control': the failure asked about is not
    the candidate's own."""
    return bool(_NOT_YOURS.search(" ".join(surface)))


def _judged_failures(surface: list[str], tokens: list[str]) -> set[int]:
    """Positions of failure words the candidate only judges or that belong to someone else.

    Reading back from the failure word, another person ("your team", "the manager") or
    an opinion about something named in between ("sure *the plan* was a mistake") met
    before "you" or "I" means the failure is not the candidate's own: "you thought your
    team was about to make a mistake". "A trade-off you made that you now think was
    wrong" names nothing between "think" and "wrong", so it stays the candidate's own.
    """
    judged = set()
    for position, token in enumerate(tokens):
        if token not in _FAILURE_WORDS:
            continue
        for back in range(position - 1, max(position - 1 - _JUDGED_WINDOW, -1), -1):
            word = surface[back]
            if word in ("you", "i"):
                break
            between = surface[back + 1 : position]
            if word in _OTHER_PEOPLE or (
                word in _OPINION_WORDS and any(w not in AUXILIARIES for w in between)
            ):
                judged.add(position)
                break
    return judged


def _subject_of(surface: list[str], start: int) -> str | None:
    """Whose act the words at `start` are: the nearest person before them, "you" or "other"."""
    for back in range(start - 1, max(start - 1 - _SUBJECT_WINDOW, -1), -1):
        word = surface[back]
        if word in ("you", "i"):
            return "you"
        if word in _OTHER_PEOPLE or word in _OTHER_SUBJECTS:
            return "other"
    return None


def _follows_subject(surface: list[str], start: int) -> bool:
    """True when the words before `start` are "you" or "I", maybe with auxiliaries between."""
    position = start - 1
    while position >= 0 and surface[position] in AUXILIARIES:
        position -= 1
    return position >= 0 and surface[position] in ("you", "i")


def match_question(question: str, book: ArchetypeBook) -> QuestionMatch:
    """Rank the archetypes for one interview question and say how strong the match is."""
    index = archetype_index(book)
    intent = question_intent(question)
    if intent.topic is not None:
        reason = f'it is about {intent.topic} ("{intent.topic_evidence}")'
        return _unmatched(question, book, intent, reason)
    evidence = score_archetypes(question, index)
    reading = read_question(question) if model_available() else None
    if reading is not None:
        weight = OVERRULE_WEIGHT if _one_cue_against_the_model(evidence, reading) else MODEL_WEIGHT
        not_yours = _not_your_failure(words(question))
        for archetype_id, found in evidence.items():
            if not_yours and book.get(archetype_id).failure:
                continue  # the model reads "broke" and misses "that wasn't your fault"
            found.model_score = weight * reading.probabilities.get(archetype_id, 0.0)
    ranked = sorted(evidence.items(), key=lambda kv: (-kv[1].total, kv[0]))
    best = ranked[0][1].total
    if _model_says_none(reading, evidence):
        return _unmatched(question, book, intent, "it reads like questions no archetype answers")
    factor = STORY_FRAME_DISCOUNT if intent.story_frame else 1.0
    if best < WEAK_AT * factor and not _model_is_sure(reading):
        return _unmatched(question, book, intent, "no archetype's cues or questions match it")
    strength: Strength = "strong" if best >= STRONG_AT * factor else "weak"
    best_lexical = max(found.lexical for found in evidence.values())
    fits = [
        ArchetypeFit(
            id=archetype_id,
            name=book.get(archetype_id).name,
            score=round(found.total / (found.total + SCORE_SCALE), 2),
            why=_explain(found),
            cues=list(dict.fromkeys(found.cues)),
        )
        for archetype_id, found in ranked
        if found.total > 0 and _alternative(found, best, best_lexical)
    ]
    top = ranked[0][1]
    advice = top.example.advice if top.example and top.example.advice else None
    why = f"#{fits[0].id} {fits[0].name}: {fits[0].why}"
    return QuestionMatch(question=question, match=strength, archetypes=fits, why=why, advice=advice)


def _alternative(found: _Evidence, best: float, best_lexical: float) -> bool:
    """Close enough to the best to list: in all the evidence, or in the lexical evidence alone
    (the model backs the first label of a question most, so it would hide a runner-up)."""
    return found.total >= ALTERNATIVE_SHARE * best or (
        found.lexical > 0 and found.lexical >= LEXICAL_ALTERNATIVE_SHARE * best_lexical
    )


def _one_cue_against_the_model(evidence: dict[int, _Evidence], reading: ModelReading) -> bool:
    """The lexical lead rests on a single cue, and the model is sure of another archetype."""
    lead_id, lead = max(evidence.items(), key=lambda kv: (kv[1].lexical, -kv[0]))
    ranked = reading.ranked_archetypes()
    if not ranked or ranked[0][0] == lead_id or ranked[0][1] < MODEL_OVERRULES_AT:
        return False
    single_cue = len(set(lead.cues)) <= 1 and lead.example_score < 0.2
    return single_cue and lead.lexical < STRONG_AT


def _model_is_sure(reading: ModelReading | None) -> bool:
    ranked = reading.ranked_archetypes() if reading is not None else []
    return bool(ranked) and ranked[0][1] >= MODEL_SURE_AT


def _model_says_none(reading: ModelReading | None, evidence: dict[int, _Evidence]) -> bool:
    """The model is sure no archetype fits, and no cue or labelled question says otherwise."""
    if reading is None or reading.none_probability < MODEL_NONE_AT:
        return False
    return max(found.lexical for found in evidence.values()) < MODEL_NONE_EVIDENCE


def _explain(found: _Evidence) -> str:
    parts = []
    if found.cues:
        cues = list(dict.fromkeys(found.cues))
        parts.append(("cue " if len(cues) == 1 else "cues ") + ", ".join(f'"{c}"' for c in cues))
    if found.words:
        parts.append("its story shape mentions " + ", ".join(f'"{w}"' for w in dict.fromkeys(found.words)))
    if found.example is not None and found.example_score >= 0.2:
        parts.append(f'close to the bank question "{found.example.question}"')
    if found.model_score >= 0.2:
        parts.append(f"worded like questions of this archetype ({found.model_score / MODEL_WEIGHT:.2f})")
    return "; ".join(parts) or "weak lexical overlap"


def _unmatched(question: str, book: ArchetypeBook, intent: QuestionIntent, reason: str) -> QuestionMatch:
    """`open` when the question asks for a story (and its topic wants one), else `none`."""
    topic = intent.topic
    wants_story = intent.story_frame is not None and (topic is None or intent.wants_story)
    entry = next((u for u in book.unmatched if u.topic == topic), None) if topic else _nearest_topic(question, book)
    advice = entry.advice if entry is not None else (OPEN_ADVICE if wants_story else GENERIC_ADVICE)
    topic = entry.topic if entry is not None else topic
    match: Strength = "open" if wants_story else "none"
    why = f"no archetype fits: {reason}"
    if wants_story:
        why += "; it still asks for a story, so your readiest stories come first"
    return QuestionMatch(question=question, match=match, archetypes=[], why=why, advice=advice, topic=topic)


def _nearest_topic(question: str, book: ArchetypeBook) -> UnmatchedTopic | None:
    """The `unmatched` topic whose examples share the most words with the question."""
    core = set(content_stems(question))
    best, best_share = None, 0.0
    for entry in book.unmatched:
        for example in entry.examples:
            other = set(content_stems(example))
            if core and other:
                share = len(core & other) / len(core | other)
                if share > best_share:
                    best, best_share = entry, share
    return best if best_share >= 0.5 else None
