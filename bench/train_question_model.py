"""Train the question model that `starbank suggest` ships (star_bank/data/question_model.json).

A multinomial logistic regression over the features of
`star_bank.retrieve.question_model.features` (word stems, stem pairs, concepts
from the synonym table, the question's shape), trained on the project's own
labelled questions in bench/data/: every split except `test` and `holdout`,
which stay held out for bench/suggest_accuracy.py. Classes are the ten archetypes and 0 (no
archetype story fits). A question labelled with several archetypes teaches its
first one most: the target puts FIRST_SHARE on it and shares the rest.

It also estimates, on the same questions, how reliable each cue of
archetypes.yaml is for each of its archetypes (`cue_reliability`): a cue that
fires for an archetype the question is not labelled with more often than for
one it is gets a factor below 1, which the matcher multiplies its weight by.

Pure Python (no numpy): a few hundred questions train in seconds, with AdaGrad
and an L2 penalty; features seen fewer than MIN_COUNT times are dropped so the
shipped file stays small.

Usage: python bench/train_question_model.py [--check] [--epochs N] [--l2 X]
  --check  train and print the held-out accuracy of the model alone, without
           writing the weights
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections import Counter
from pathlib import Path

import yaml

from star_bank.data.paths import data_path
from star_bank.retrieve.archetypes import load_archetypes
from star_bank.retrieve.cue_index import archetype_index
from star_bank.retrieve.question_match import score_archetypes
from star_bank.retrieve.question_model import MODEL_FILE, NO_ARCHETYPE, features, softmax

DATA_DIR = Path(__file__).parent / "data"
HELD_OUT = ("test", "holdout")
CLASSES = (NO_ARCHETYPE, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
FIRST_SHARE = 0.7
MIN_COUNT = 2
SEED = 7
EPOCHS = 30
L2 = 0.01
# Pseudo-count of right answers a cue starts with when its reliability is estimated.
RELIABILITY_PRIOR = 2


def labelled_questions() -> list[dict]:
    items = []
    for path in sorted(DATA_DIR.glob("questions*.yaml")):
        items.extend(yaml.safe_load(path.read_text(encoding="utf-8"))["questions"])
    return items


def target(archetypes: list[int]) -> list[float]:
    if not archetypes:
        return [1.0 if c == NO_ARCHETYPE else 0.0 for c in CLASSES]
    shares = {archetypes[0]: FIRST_SHARE if len(archetypes) > 1 else 1.0}
    for other in archetypes[1:]:
        shares[other] = shares.get(other, 0.0) + (1.0 - FIRST_SHARE) / (len(archetypes) - 1)
    return [shares.get(c, 0.0) for c in CLASSES]


def train(items: list[dict], epochs: int, l2: float, rate: float = 0.3) -> dict:
    rows = [(sorted(set(features(i["q"]))), target(i["archetypes"])) for i in items]
    counts = Counter(f for feats, _ in rows for f in feats)
    vocabulary = {f for f, n in counts.items() if n >= MIN_COUNT}
    rows = [([f for f in feats if f in vocabulary], t) for feats, t in rows]
    k = len(CLASSES)
    weights = {f: [0.0] * k for f in vocabulary}
    squares = {f: [1e-8] * k for f in vocabulary}
    bias, bias_squares = [0.0] * k, [1e-8] * k
    shuffle = random.Random(SEED)
    for _ in range(epochs):
        shuffle.shuffle(rows)
        for feats, goal in rows:
            scores = list(bias)
            for f in feats:
                row = weights[f]
                for c in range(k):
                    scores[c] += row[c]
            probs = softmax(scores)
            grad = [p - g for p, g in zip(probs, goal)]
            for c in range(k):
                bias_squares[c] += grad[c] ** 2
                bias[c] -= rate * grad[c] / math.sqrt(bias_squares[c])
            for f in feats:
                row, sq = weights[f], squares[f]
                for c in range(k):
                    g = grad[c] + l2 * row[c]
                    sq[c] += g * g
                    row[c] -= rate * g / math.sqrt(sq[c])
    return {
        "classes": list(CLASSES),
        "bias": [round(b, 4) for b in bias],
        "weights": {f: [round(w, 4) for w in row] for f, row in sorted(weights.items())},
    }


def cue_reliability(items: list[dict]) -> dict[str, float]:
    """"cue|archetype" -> a factor below 1 for each cue that, in `items`, fires for an archetype
    the question is not labelled with more often than for one it is ("product" in "a product
    you built from scratch" is not cross-functional work). Smoothed, so a cue seen once wrong
    keeps most of its weight."""
    index = archetype_index(load_archetypes())
    right: Counter = Counter()
    wrong: Counter = Counter()
    for item in items:
        for archetype_id, found in score_archetypes(item["q"], index).items():
            for cue in {c.split(" (")[0] for c in found.cues}:
                (right if archetype_id in item["archetypes"] else wrong)[f"{cue}|{archetype_id}"] += 1
    factors = {}
    for key, misses in wrong.items():
        hits = right[key]
        if misses > hits:
            factors[key] = round((hits + RELIABILITY_PRIOR) / (hits + misses + RELIABILITY_PRIOR), 2)
    return dict(sorted(factors.items()))


def build(items: list[dict]) -> dict:
    """The shipped model: the regression's weights and the cues' reliability."""
    model = train(items, EPOCHS, L2)
    model["cue_reliability"] = cue_reliability(items)
    return model


def predict(model: dict, question: str) -> list[float]:
    scores = list(model["bias"])
    for f in set(features(question)):
        row = model["weights"].get(f)
        if row:
            scores = [s + w for s, w in zip(scores, row)]
    return softmax(scores)


def report(model: dict, items: list[dict]) -> str:
    in_bank = [i for i in items if i["archetypes"]]
    out = [i for i in items if not i["archetypes"]]
    top1 = none_right = 0
    for item in items:
        probs = predict(model, item["q"])
        best = CLASSES[max(range(len(CLASSES)), key=probs.__getitem__)]
        if item["archetypes"]:
            top1 += best in item["archetypes"]
        else:
            none_right += best == NO_ARCHETYPE
    return (f"model alone on {len(items)} held-out questions: top-1 {top1 / max(1, len(in_bank)):.3f}, "
            f"off-bank answered none {none_right / max(1, len(out)):.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument("--l2", type=float, default=L2)
    args = parser.parse_args(argv)
    items = labelled_questions()
    training = [i for i in items if i.get("split") not in HELD_OUT]
    model = train(training, args.epochs, args.l2)
    model["cue_reliability"] = cue_reliability(training)
    print(f"trained on {len(training)} questions, {len(model['weights'])} features")
    print(report(model, [i for i in items if i.get("split") in HELD_OUT]))
    if not args.check:
        path = data_path("question_concepts.yaml").parent / MODEL_FILE
        path.write_text(json.dumps(model, separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
