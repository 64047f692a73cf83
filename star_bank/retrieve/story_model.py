"""A small supervised reader of whole stories: which archetype their words lean to.

The cue phrases and framing rules of `classify` only see what someone thought to
list, and they were tuned on the stories the project has read. A multinomial
logistic regression, trained on the project's own labelled stories
(`bench/train_story_model.py`), reads a story as the set of its word stems and
stem pairs, with the framing rules' frames ("own_mistake", "disagreement"), and
gives each archetype a probability. `classify` adds that probability, weighted,
to each archetype's score: one more piece of evidence, never the only one.

Pure Python at run time: the weights ship as JSON beside the package data and
load once.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Iterable

from star_bank.data.paths import data_path
from star_bank.model.story import Story
from star_bank.retrieve.text_match import stem, words

MODEL_FILE = "story_model.json"
# Words too common to say anything about the kind of story.
STOP_WORDS = frozenset(
    "the a an and or of to in on for with at by from is was were be been it this that i we my our me us you "
    "he she they them his her their as so but not".split()
)
_ACTORS = frozenset({"i", "we"})


class StoryModelError(ValueError):
    """The model's weights cannot be read (one line, naming the file)."""


def story_features(story: Story, frames: Iterable[str]) -> set[str]:
    """The features the model reads in a story: stems ('u:'), stem pairs ('b:'), the word after
    'I' or 'we' ('i:') and frames ('f:')."""
    # Headings and labels are read too; comments and code blocks say nothing about the story.
    tokens = words(f"{story.title}\n{story.readable_body}")
    stems = [s for s in (stem(w) for w in tokens) if s and s not in STOP_WORDS]
    found = {f"u:{s}" for s in stems}
    found |= {f"b:{a}_{b}" for a, b in zip(stems, stems[1:])}
    # What the speaker or the team does: the word after "I" or "we" ("I rolled", "we argued").
    found |= {f"i:{stem(b)}" for a, b in zip(tokens, tokens[1:]) if a in _ACTORS}
    found |= {f"f:{frame}" for frame in frames}
    return found


def archetype_probabilities(features: set[str]) -> dict[int, float]:
    """Each archetype's probability for a story with these features; {} without a model."""
    model = _model()
    if model is None:
        return {}
    classes, bias, weights = model
    scores = list(bias)
    for feature in features:
        row = weights.get(feature)
        if row is not None:
            scores = [s + w for s, w in zip(scores, row)]
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return {c: e / total for c, e in zip(classes, exps)}


@functools.lru_cache(maxsize=1)
def _model() -> tuple[tuple[int, ...], list[float], dict[str, list[float]]] | None:
    path = data_path(MODEL_FILE)
    if not path.exists():
        return None
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return tuple(raw["classes"]), list(raw["bias"]), raw["weights"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise StoryModelError(f"{path}: cannot read the story model: {exc}") from None
