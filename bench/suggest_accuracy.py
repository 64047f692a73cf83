"""How well `starbank suggest` maps interview questions to archetypes.

Reads hand-labelled questions and prints, for each split separately and per
question style:

- top-1 / top-2: share of in-bank questions (a non-empty `archetypes` label)
  where the best / one of the two best archetypes is an acceptable one
  (a question answered `none` counts as a miss);
- rejection: share of out-of-bank questions (`archetypes: []`) answered `none`
  or `open` (a story question no archetype fits);
- false none: share of in-bank questions wrongly answered `none` or `open`.

Targets: top-1 >= 0.85, top-2 >= 0.93, rejection >= 0.75, false none <= 0.08.

The data is bench/data/questions.yaml (splits `dev` and `test`) and
bench/data/questions_extra.yaml (split `extra`, a second set written
independently of the first) and bench/data/questions_more.yaml (split `more`,
written for the question model) and bench/data/questions_spoken.yaml (split
`spoken`, a fifth training batch in spoken styles). The question model is
trained on every split but test and holdout (bench/train_question_model.py),
so dev, extra, more and spoken are training figures; test and holdout are held
out, so leave them out with `--split dev extra more spoken` while tuning.

Usage: python bench/suggest_accuracy.py [--data FILE ...] [--split SPLIT ...]
                                        [--misses SPLIT] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import yaml

from star_bank.retrieve.archetypes import load_archetypes
from star_bank.retrieve.question_match import match_question

DATA_DIR = Path(__file__).parent / "data"
DATA = tuple(DATA_DIR / name for name in (
    "questions.yaml", "questions_extra.yaml", "questions_more.yaml", "questions_spoken.yaml"))
SPLITS = ("dev", "test", "extra", "more", "spoken", "holdout")
# "open" (a story question no archetype fits) names no archetype, like "none".
UNMATCHED = ("none", "open")
STYLES = ("direct", "paraphrase", "oblique", "out-of-bank")
TARGETS = {"top1": 0.85, "top2": 0.93, "rejection": 0.75, "false_none": 0.08}


def evaluate(questions: list[dict]) -> tuple[dict, list[dict]]:
    book = load_archetypes()
    rows = []
    for item in questions:
        result = match_question(item["q"], book)
        predicted = [a.id for a in result.archetypes] if result.match not in UNMATCHED else []
        rows.append({**item, "match": result.match, "predicted": predicted, "why": result.why})
    return _figures(rows), rows


def _figures(rows: list[dict]) -> dict:
    def summary(group: list[dict]) -> dict:
        in_bank = [r for r in group if r["archetypes"]]
        out = [r for r in group if not r["archetypes"]]
        figures: dict = {"questions": len(group)}
        if in_bank:
            figures["top1"] = _share(in_bank, lambda r: r["predicted"][:1] and r["predicted"][0] in r["archetypes"])
            figures["top2"] = _share(in_bank, lambda r: any(a in r["archetypes"] for a in r["predicted"][:2]))
            figures["false_none"] = _share(in_bank, lambda r: r["match"] in UNMATCHED)
        if out:
            figures["rejection"] = _share(out, lambda r: r["match"] in UNMATCHED)
        return figures

    result: dict = {}
    present = [s for s in SPLITS if any(r["split"] == s for r in rows)]
    present += sorted({r["split"] for r in rows} - set(SPLITS))
    for split in present:
        group = [r for r in rows if r["split"] == split]
        result[split] = {"all": summary(group)}
        for style in STYLES:
            members = [r for r in group if r["style"] == style]
            if members:
                result[split][style] = summary(members)
    return result


def _share(rows: list[dict], hit) -> float:
    return round(sum(1 for r in rows if hit(r)) / len(rows), 3)


def _print(figures: dict) -> None:
    header = f"{'split':6} {'style':12} {'n':>4} {'top-1':>6} {'top-2':>6} {'reject':>7} {'false-none':>11}"
    print(header)
    print("-" * len(header))
    for split, groups in figures.items():
        for style, f in groups.items():
            cells = [
                f"{f[k]:.3f}" if k in f else "-" for k in ("top1", "top2", "rejection", "false_none")
            ]
            print(f"{split:6} {style:12} {f['questions']:>4} {cells[0]:>6} {cells[1]:>6} {cells[2]:>7} {cells[3]:>11}")
    print()
    print("targets: top-1 >= 0.85, top-2 >= 0.93, reject >= 0.75, false-none <= 0.08 (in-bank)")
    for split, groups in figures.items():
        f = groups["all"]
        met = (
            f.get("top1", 1.0) >= TARGETS["top1"] and f.get("top2", 1.0) >= TARGETS["top2"]
            and f.get("rejection", 1.0) >= TARGETS["rejection"]
            and f.get("false_none", 0.0) <= TARGETS["false_none"]
        )
        print(f"{split}: {'all targets met' if met else 'targets NOT met'}")


def _print_misses(rows: list[dict], split: str) -> None:
    print(f"\nmisses on {split}:")
    for r in rows:
        if r["split"] != split:
            continue
        if r["archetypes"]:
            wrong = not r["predicted"] or r["predicted"][0] not in r["archetypes"]
        else:
            wrong = r["match"] not in UNMATCHED
        if wrong:
            print(f"  [{r['style'][:5]}] {r['q']}\n      want {r['archetypes']} got {r['predicted']} ({r['match']}): {r['why']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data", nargs="+", type=Path, default=list(DATA), metavar="FILE",
        help="question files to read (default: questions.yaml, questions_extra.yaml and questions_more.yaml)",
    )
    parser.add_argument(
        "--split", nargs="+", metavar="SPLIT",
        help="only evaluate these splits (default: every split in the files)",
    )
    parser.add_argument("--misses", metavar="SPLIT", help="list the questions of SPLIT answered wrongly")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    questions = [
        item for path in args.data for item in yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]
    ]
    if args.split:
        questions = [item for item in questions if item["split"] in args.split]
    figures, rows = evaluate(questions)
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        _print(figures)
    if args.misses:
        _print_misses(rows, args.misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
