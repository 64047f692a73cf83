"""How `starbank suggest` does on questions it was never tuned or trained on.

bench/heldback_questions/ holds interview questions written in the oblique ways
real interviewers ask, and two labellings made apart (labels-a.jsonl,
labels-b.jsonl), with the labelling rules of the development corpus. Gold is
built as there: a question where one labelling says an archetype fits and the
other says none is left out; otherwise the acceptable archetypes are the union
of both. When only one labelling exists it is used alone.

These questions are not in any training split (bench/train_question_model.py
reads bench/data/questions*.yaml only), and nothing in the matcher may be
written from them: run this to report, not to tune.

Usage: python bench/suggest_heldback.py [--detail] [--set FOLDER]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from star_bank.retrieve.archetypes import load_archetypes
from star_bank.retrieve.question_match import match_question

HERE = Path(__file__).parent / "heldback_questions"
UNMATCHED = ("none", "open")


def _labels(name: str, folder: Path = HERE) -> dict[str, list[int]] | None:
    path = folder / name
    if not path.exists():
        return None
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {row["id"]: row["archetypes"] for row in rows}


def gold(folder: Path = HERE) -> tuple[list[tuple[str, str, list[int]]], int, int]:
    """(id, question, acceptable archetypes) for every question both labellings place alike,
    the number of questions, and the number left out for disagreeing on in-bank vs none."""
    questions = [
        line.split("\t", 1) for line in (folder / "questions.txt").read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    first, second = _labels("labels-a.jsonl", folder), _labels("labels-b.jsonl", folder)
    items, dropped = [], 0
    for qid, question in questions:
        a = first[qid] if first else []
        b = second[qid] if second else a
        if bool(a) != bool(b):
            dropped += 1
            continue
        items.append((qid, question, list(dict.fromkeys(a + b))))
    return items, len(questions), dropped


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--detail", action="store_true", help="list every question answered wrongly")
    parser.add_argument("--set", type=Path, default=HERE, help="a folder laid out like bench/heldback_questions")
    args = parser.parse_args(argv)
    items, total, dropped = gold(args.set)
    book = load_archetypes()
    in_bank = top1 = top2 = false_none = out = rejected = 0
    misses = []
    for qid, question, acceptable in items:
        answer = match_question(question, book)
        ids = [a.id for a in answer.archetypes] if answer.match not in UNMATCHED else []
        if acceptable:
            in_bank += 1
            top1 += bool(ids) and ids[0] in acceptable
            top2 += bool(set(ids[:2]) & set(acceptable))
            false_none += not ids
            if not ids or ids[0] not in acceptable:
                misses.append(f"  {qid} gold {acceptable}, got {ids[:2] or answer.match}: {question}")
        else:
            out += 1
            rejected += answer.match in UNMATCHED
            if answer.match not in UNMATCHED:
                misses.append(f"  {qid} gold none, got {ids[:2]}: {question}")
    labellings = "two labellings" if _labels("labels-b.jsonl", args.set) else "one labelling"
    print(f"held-back questions: {total} ({labellings}; {dropped} left out where they disagree on none), "
          f"{in_bank} in-bank, {out} out-of-bank")
    print(f"top-1 {top1 / max(1, in_bank):.3f}  top-2 {top2 / max(1, in_bank):.3f}  "
          f"out-of-bank answered none/open {rejected / max(1, out):.3f}  in-bank answered none {false_none / max(1, in_bank):.3f}")
    if args.detail:
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
