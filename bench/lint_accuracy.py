"""Per-rule precision and recall of starlint on the hand-labelled corpus.

The corpus (bench/corpus/, see its README) marks every expected finding with
`<!-- expect: slug -->` at the end of the line where it starts. A finding
counts as correct when a marker of the same rule sits on its line. A finding
about a whole part (no number in the Result, 'we' all through the Action) is
labelled on the part's label line and points at the part's first sentence, so
a marker on a label also counts for a finding of its rule inside that part.

    python bench/lint_accuracy.py [--split dev|test|all] [--verbose]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from star_bank.lint.engine import Linter
from star_bank.story.parse import read_story

CORPUS = Path(__file__).resolve().parent / "corpus"
MARKER = re.compile(r"<!--\s*expect:\s*(.*?)\s*-->")


def expected_markers(path: Path) -> Counter:
    """(line, slug) -> how many findings of that rule the line should get."""
    expected: Counter = Counter()
    for n, line in enumerate(re.split(r"\r\n|\r|\n", path.read_text(encoding="utf-8")), 1):
        for marker in MARKER.finditer(line):
            for slug in re.split(r"[\s,]+", marker.group(1)):
                if slug:
                    expected[(n, slug)] += 1
    return expected


def labelled_line(story, line: int, slug: str, expected: Counter) -> int:
    """The line a finding is matched on: its own, or its part's label line when the
    label carries the marker for its rule."""
    if expected[(line, slug)]:
        return line
    for section in story.sections:
        if section.heading.line <= line <= section.span.end_line and expected[(section.heading.line, slug)]:
            return section.heading.line
    return line


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["dev", "test", "all"], default="all")
    parser.add_argument("--verbose", action="store_true", help="list every miss and false alarm")
    args = parser.parse_args()

    files = sorted(CORPUS.glob("*.md"))
    files = [f for f in files if f.name.lower() != "readme.md"]
    stories = [read_story(f) for f in files]
    splits = {str(f): s.front_matter.extra.get("split", "dev") for f, s in zip(files, stories)}
    linter = Linter()
    findings = linter.lint_stories(stories)
    rules = [r.slug for r in linter.rules]

    for split in (["dev", "test"] if args.split == "all" else [args.split]):
        tp: Counter = Counter()
        fp: Counter = Counter()
        fn: Counter = Counter()
        notes: dict[str, list[str]] = defaultdict(list)
        chosen = [i for i, f in enumerate(files) if splits[str(f)] == split]
        for i in chosen:
            expected = expected_markers(files[i])
            found = Counter((labelled_line(stories[i], f.line, f.rule, expected), f.rule) for f in findings[i])
            for key in set(expected) | set(found):
                hit = min(expected[key], found[key])
                line, slug = key
                tp[slug] += hit
                if found[key] > hit:
                    fp[slug] += found[key] - hit
                    notes[slug].append(f"  false alarm {files[i].name}:{line}")
                if expected[key] > hit:
                    fn[slug] += expected[key] - hit
                    notes[slug].append(f"  missed      {files[i].name}:{line}")
        print(f"\n== {split} split: {len(chosen)} stories ==")
        print(f"{'rule':<26}{'labels':>7}{'found':>7}{'right':>7}{'precision':>11}{'recall':>8}")
        for slug in rules:
            labels, found_n = tp[slug] + fn[slug], tp[slug] + fp[slug]
            precision = f"{tp[slug] / found_n:.2f}" if found_n else "-"
            recall = f"{tp[slug] / labels:.2f}" if labels else "-"
            print(f"{slug:<26}{labels:>7}{found_n:>7}{tp[slug]:>7}{precision:>11}{recall:>8}")
            if args.verbose:
                print("\n".join(notes[slug])) if notes[slug] else None
        total_tp, total_fp, total_fn = sum(tp.values()), sum(fp.values()), sum(fn.values())
        print(
            f"{'all rules':<26}{total_tp + total_fn:>7}{total_tp + total_fp:>7}{total_tp:>7}"
            f"{total_tp / max(1, total_tp + total_fp):>11.2f}{total_tp / max(1, total_tp + total_fn):>8.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
