"""Out-of-fold figures for the whole `suggest` matcher on the project's own training questions.

The shipped question model has seen every training question, so the training
splits' figures in bench/suggest_accuracy.py flatter it. Here the training
questions are cut into K folds; for each fold a model is trained on the other
folds (as bench/train_question_model.py trains the shipped one) and the full
matcher (cues, intents, labelled questions and that model) answers the fold's
questions. A change to features, concepts, intents or thresholds that only
fits the questions it was written from shows here.

The cue index still holds the labelled questions of archetypes.yaml, so this
is not a fully blind figure; the held-out splits and bench/suggest_heldback.py
are.

Usage: python bench/suggest_folds.py [--folds K] [--misses]
"""

from __future__ import annotations

import argparse
import random
import sys

import train_question_model as trainer

from star_bank.retrieve import question_model
from star_bank.retrieve.archetypes import load_archetypes
from star_bank.retrieve.question_match import match_question

UNMATCHED = ("none", "open")


def out_of_fold(folds: int, seed: int = 11) -> list[tuple[dict, list[int], str]]:
    items = [i for i in trainer.labelled_questions() if i.get("split") not in trainer.HELD_OUT]
    order = list(range(len(items)))
    random.Random(seed).shuffle(order)
    book = load_archetypes()
    answers: list[tuple[dict, list[int], str]] = []
    original = question_model._model
    try:
        for fold in range(folds):
            held = {order[k] for k in range(fold, len(order), folds)}
            model = trainer.build([items[k] for k in range(len(items)) if k not in held])
            question_model._model = lambda model=model: model
            for k in sorted(held):
                found = match_question(items[k]["q"], book)
                ids = [a.id for a in found.archetypes] if found.match not in UNMATCHED else []
                answers.append((items[k], ids, found.match))
    finally:
        question_model._model = original
    return answers


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--misses", action="store_true", help="list the questions answered wrongly")
    args = parser.parse_args(argv)
    answers = out_of_fold(args.folds)
    in_bank = [(i, ids) for i, ids, _ in answers if i["archetypes"]]
    out = [(i, m) for i, _, m in answers if not i["archetypes"]]
    top1 = sum(bool(ids) and ids[0] in i["archetypes"] for i, ids in in_bank) / len(in_bank)
    top2 = sum(bool(set(ids[:2]) & set(i["archetypes"])) for i, ids in in_bank) / len(in_bank)
    false_none = sum(not ids for _, ids in in_bank) / len(in_bank)
    rejection = sum(m in UNMATCHED for _, m in out) / len(out)
    print(f"out-of-fold ({args.folds} folds) on {len(in_bank)} in-bank and {len(out)} out-of-bank training questions:")
    print(f"top-1 {top1:.3f}  top-2 {top2:.3f}  rejection {rejection:.3f}  false none {false_none:.3f}")
    if args.misses:
        for item, ids, match in answers:
            wrong = (not ids or ids[0] not in item["archetypes"]) if item["archetypes"] else match not in UNMATCHED
            if wrong:
                print(f"  want {item['archetypes']} got {ids[:2] or match}: {item['q']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
