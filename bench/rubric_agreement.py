"""How often `starbank score` agrees with hand ratings, per dimension and split.

Each story in bench/corpus/ carries hand ratings in its front matter:

    split: dev            # dev: used to tune the signal word lists; test: held out
    expected_rubric:
      rubric: failure     # failure | learning | star
      ownership: novice   # one key per dimension: novice | intermediate | expert | null

For each split this prints rubric-choice accuracy, then per dimension the
exact agreement and the within-one-level agreement (novice vs expert is two
levels apart; null only agrees with null). Dimensions are compared only where
the rubric was chosen correctly; the count of those stories is shown, and a
wrong choice is listed with the scorecard's reason for it.

    python bench/rubric_agreement.py              # both splits
    python bench/rubric_agreement.py --split dev --show-misses
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

from star_bank.story.bank import discover
from star_bank.lint.engine import Linter
from star_bank.story.parse import StoryParseError, read_story
from star_bank.rubric.score import score_stories

CORPUS = Path(__file__).resolve().parent / "corpus"
RANK = {"novice": 0, "intermediate": 1, "expert": 2}


def agree_within_one(expected: str | None, actual: str | None) -> bool:
    if expected is None or actual is None:
        return expected == actual
    return abs(RANK[expected] - RANK[actual]) <= 1


def normalise(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip().lower()
    return None if text in ("null", "none", "n/a", "") else text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", default=str(CORPUS), help="folder of labelled stories")
    parser.add_argument("--split", choices=["dev", "test"], action="append", help="only this split (repeatable)")
    parser.add_argument("--show-misses", action="store_true", help="list each disagreement with its reason")
    args = parser.parse_args(argv)

    files, errors = discover([args.corpus])
    stories = []
    for file in files:
        try:
            story = read_story(file)
        except StoryParseError as exc:
            print(f"error: {exc}", file=sys.stderr)
            continue
        if isinstance(story.front_matter.extra.get("expected_rubric"), dict):
            stories.append(story)
    for error in errors:
        print(f"error: {error.path}: {error.message}", file=sys.stderr)
    if not stories:
        print(f"no labelled stories under {args.corpus}", file=sys.stderr)
        return 2

    cards = score_stories(stories, linter=Linter())
    splits = args.split or ["dev", "test"]
    for split in splits:
        pairs = [
            (story, card)
            for story, card in zip(stories, cards)
            if str(story.front_matter.extra.get("split", "dev")) == split
        ]
        report_split(split, pairs, args.show_misses)
    return 0


def report_split(split: str, pairs: list, show_misses: bool) -> None:
    print(f"== {split} split: {len(pairs)} stories")
    if not pairs:
        print()
        return
    right_rubric = 0
    exact: dict[str, list[bool]] = defaultdict(list)
    near: dict[str, list[bool]] = defaultdict(list)
    misses = []
    for story, card in pairs:
        expected = story.front_matter.extra["expected_rubric"]
        want_rubric = normalise(expected.get("rubric"))
        if card.rubric != want_rubric:
            misses.append(f"{card.path}: rubric {card.rubric}, expected {want_rubric}  -- {card.rubric_reason}")
            continue
        right_rubric += 1
        actual = card.ratings()
        for name, value in expected.items():
            if name == "rubric":
                continue
            want = normalise(value)
            got = actual.get(name, "missing")
            exact[name].append(want == got)
            near[name].append(agree_within_one(want, got) if got != "missing" else False)
            if want != got:
                dim = card.dimension(name)
                misses.append(
                    f"{card.path}: {name}: {got or 'null'}, expected {want or 'null'}"
                    + (f"  -- {dim.reason}" if dim is not None else "")
                )
    print(f"rubric choice: {right_rubric}/{len(pairs)} ({right_rubric / len(pairs):.0%})")
    print(f"{'dimension':<18} {'n':>3} {'exact':>7} {'within-1':>9}")
    for name in sorted(exact, key=_dimension_order):
        n = len(exact[name])
        print(f"{name:<18} {n:>3} {sum(exact[name]) / n:>7.0%} {sum(near[name]) / n:>9.0%}")
    all_exact = [x for values in exact.values() for x in values]
    all_near = [x for values in near.values() for x in values]
    if all_exact:
        n = len(all_exact)
        print(f"{'overall':<18} {n:>3} {sum(all_exact) / n:>7.0%} {sum(all_near) / n:>9.0%}")
    if show_misses and misses:
        print("disagreements:")
        for line in misses:
            print(f"  {line}")
    print()


_ORDER = [
    "ownership", "detection", "recovery", "concrete_lesson", "pattern_awareness",
    "impact", "structure", "stretch", "discomfort", "output", "method", "practice", "direction",
]


def _dimension_order(name: str) -> tuple[int, str]:
    return (_ORDER.index(name) if name in _ORDER else len(_ORDER), name)


if __name__ == "__main__":
    raise SystemExit(main())
