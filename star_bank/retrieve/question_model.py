"""A small supervised reader of interview questions: which archetype, or none.

The cue index (`cue_index`) only sees the words someone thought to list. Real
interviewers ask the same thing a hundred ways ("a co-worker you clashed with",
"a goal you fell short of"), so a multinomial logistic regression, trained on
the project's own labelled questions (`bench/train_question_model.py`), reads
each question as:

- its word stems and stem pairs ("fall short", "would you");
- the *concepts* those stems stand for, from a synonym table kept as data
  (`question_concepts.yaml`: "co-worker", "peer" and "teammate" are all one
  concept), so a wording no example used still lands near one that did;
- the question's shape: does it ask for a story, a habit ("how do you handle
  ..."), a hypothetical ("what would you do if ..."), or an opinion ("what are
  your thoughts on ...")?

Its classes are the ten archetypes and `0`, "no archetype story fits". The
weights ship as JSON beside the package data and load once, in a few
milliseconds, so `suggest` stays fast and free of spaCy.
"""

from __future__ import annotations

import functools
import json
import math
import re
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict

from star_bank.data.loader import load_yaml_model
from star_bank.data.paths import data_path
from star_bank.retrieve.question_intent import story_frame
from star_bank.retrieve.text_match import stem, words

MODEL_FILE = "question_model.json"
CONCEPTS_FILE = "question_concepts.yaml"
NO_ARCHETYPE = 0
# How far back from a concept its subject ("you", "a teammate") may be.
SUBJECT_WINDOW = 5
_YOU = frozenset({"you", "i", "yourself", "myself"})
_OTHER_SUBJECTS = frozenset(
    {"team", "member", "members", "they", "he", "she", "someone", "somebody", "others", "everyone", "nobody"}
)
# Concepts that name people other than the candidate.
_PEOPLE_CONCEPTS = frozenset({"peer", "superior", "report", "customer", "nontechnical"})

# The question's shape, as patterns over its lower-cased words joined by spaces.
_SHAPES = {
    "story": re.compile(
        r"\b(tell|walk) (me|us) (about|through)\b|\b(describe|share|recall|recount|give)\b|"
        r"\b(a|one|the) (time|situation|moment|occasion|instance|example)\b|\bhave you ever\b|"
        r"\bwhen (have|did) you\b|\bthe last time\b"
    ),
    "past": re.compile(r"\b(did|was|were|had|have you|you have|you ve)\b|\b\w+ed\b"),
    "habit": re.compile(
        r"^(how|what) do you (\w+ )?(handle|deal|manage|approach|cope|keep|stay|make sure|ensure|"
        r"decide|prioriti[sz]e|balance|go about|react|respond|usually|typically|normally|tend)\b|"
        r"^how do you\b"
    ),
    "hypothetical": re.compile(
        r"\bwhat would you do\b|\bhow would you\b|\bwhat would you\b|\bwhat if\b|\bsuppose\b|"
        r"\bimagine\b|\bif you (were|had|could|found|saw|noticed|joined|inherited|discovered)\b"
    ),
    "opinion": re.compile(
        r"\bthoughts on\b|\bwhat do you think\b|\bdo you think\b|\bdo you believe\b|"
        r"\bin your (view|opinion)\b|\bwhat is your (view|opinion|take|philosophy|approach)\b|"
        r"\bhow important\b|\bmost important\b|\bwhat makes (a|an|the)\b|\bshould (a|an|the)\b"
    ),
    "self": re.compile(
        r"^(what|which|who) (is|are) (your|you)\b|^(how|what) would (your|you r|others|people|\w+ )"
        r"(\w+ )?(describe|say)\b|^are you\b|^do you\b|^why\b"
    ),
}


class QuestionDataError(ValueError):
    """The concept table or the model weights cannot be read (one line, naming the file)."""


class ConceptTable(BaseModel):
    """`question_concepts.yaml`: concept name -> the words and phrases that stand for it."""

    model_config = ConfigDict(extra="forbid")
    version: int = 1
    concepts: dict[str, list[str]]


@dataclass(frozen=True)
class ModelReading:
    """The model's probability for each class: archetype ids, and 0 for none."""

    probabilities: dict[int, float]

    @property
    def best(self) -> int:
        return max(self.probabilities, key=lambda c: (self.probabilities[c], -c))

    @property
    def none_probability(self) -> float:
        return self.probabilities.get(NO_ARCHETYPE, 0.0)

    def ranked_archetypes(self) -> list[tuple[int, float]]:
        pairs = [(c, p) for c, p in self.probabilities.items() if c != NO_ARCHETYPE]
        return sorted(pairs, key=lambda cp: (-cp[1], cp[0]))


@functools.lru_cache(maxsize=1)
def concept_table() -> dict[str, tuple[str, ...]]:
    """Stem -> the concepts it stands for, from `question_concepts.yaml`."""
    raw = load_yaml_model(data_path(CONCEPTS_FILE), ConceptTable, QuestionDataError)
    table: dict[str, list[str]] = {}
    for concept, members in raw.concepts.items():
        for member in members:
            key = " ".join(stem(w) for w in words(str(member)))
            table.setdefault(key, []).append(concept)
    return {k: tuple(v) for k, v in table.items()}


def features(question: str) -> list[str]:
    """The features the model reads in one question (repeats allowed)."""
    surface = words(question)
    tokens = [stem(w) for w in surface]
    found = [f"w:{t}" for t in tokens]
    found += [f"b:{a}_{b}" for a, b in zip(tokens, tokens[1:])]
    hits = _concept_hits(tokens)
    others = {i for start, end, concept in hits if concept in _PEOPLE_CONCEPTS for i in range(start, end)}
    others |= {i for i, t in enumerate(surface) if t in _OTHER_SUBJECTS}
    for start, _end, concept in hits:
        found.append(f"c:{concept}")
        whose = _whose(surface, start, others)
        if whose:
            found.append(f"c:{concept}@{whose}")
    text = " ".join(surface)
    shapes = {name for name, pattern in _SHAPES.items() if pattern.search(text)}
    # The intent reader's story frames know more ways of asking for a story ("tell me a goal you ...").
    if story_frame(question):
        shapes.add("story")
    found += [f"s:{name}" for name in sorted(shapes)]
    return found


def _concept_hits(tokens: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, concept) for every phrase of the concept table found in `tokens`."""
    table = concept_table()
    hits = []
    for n in (3, 2, 1):
        for i in range(len(tokens) - n + 1):
            for concept in table.get(" ".join(tokens[i : i + n]), ()):
                hits.append((i, i + n, concept))
    return hits


def _whose(surface: list[str], start: int, others: set[int]) -> str | None:
    """Whose act a concept at `start` is: the nearest subject before it, "you" or "other".

    "A teammate didn't meet your expectations" is someone else's shortfall (a
    mentoring story); "you couldn't meet your own" is the candidate's (a failure).
    """
    for back in range(start - 1, max(start - 1 - SUBJECT_WINDOW, -1), -1):
        if surface[back] in _YOU:
            return "you"
        if back in others:
            return "other"
    return None


@functools.lru_cache(maxsize=1)
def _model() -> dict:
    path = data_path(MODEL_FILE)
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise QuestionDataError(f"{path}: cannot read the question model: {exc}") from None


def _weights() -> tuple[tuple[int, ...], dict[str, list[float]], list[float]]:
    raw = _model()
    return tuple(raw["classes"]), raw["weights"], raw["bias"]


def cue_reliability() -> dict[str, float]:
    """"cue|archetype" -> the factor its weight is scaled by, for cues that more often
    point at a wrong archetype than a right one in the labelled questions (others: 1)."""
    if not model_available():
        return {}
    return _model().get("cue_reliability", {})


def model_available() -> bool:
    return data_path(MODEL_FILE).exists()


def read_question(question: str) -> ModelReading:
    """The model's class probabilities for `question`."""
    classes, weights, bias = _weights()
    scores = list(bias)
    for feature in set(features(question)):
        row = weights.get(feature)
        if row is not None:
            for k, value in enumerate(row):
                scores[k] += value
    return ModelReading(dict(zip(classes, softmax(scores))))


def softmax(scores: list[float]) -> list[float]:
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]
