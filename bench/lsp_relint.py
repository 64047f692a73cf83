"""What re-linting an open story costs the language server, next to one bare spaCy parse.

starlint-ls keeps one Linter per configuration and the spaCy model loaded, so
a change to an open document costs what `lint_document` costs here: read the
Markdown, parse each section's prose, run the rules. The baseline is a bare
`nlp(text)` over the same document text, with the same model (NER excluded, as
the linter loads it). A second baseline, `nlp.pipe` over only the section
prose the linter parses (markup and front matter stripped), shows what the
rules and the Markdown reading add to the parse itself. Each story is timed
several times, the sides interleaved; the medians are summed over the stories.

    python bench/lsp_relint.py [--runs 15] [PATHS...]      target: ratio <= 1.2x
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from star_bank.lint.engine import analyse
from star_bank.lsp.documents import Linters, lint_document
from star_bank.nlp.pipeline import load_pipeline
from star_bank.story.parse import parse_story

ROOT = Path(__file__).resolve().parent.parent
TARGET = 1.2


def _timed(call) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def measure(paths: list[Path], runs: int) -> tuple[float, float, float]:
    """Seconds (re-lint, bare parse of the text, bare parse of the prose): sums of per-story medians."""
    linters = Linters()
    nlp = load_pipeline(linters.for_path(str(paths[0])).config.pipeline)
    totals = [0.0, 0.0, 0.0]
    for path in paths:
        text = path.read_text(encoding="utf-8")
        prose = [s.prose.text for s in analyse(parse_story(text, str(path))).sections]
        sides = (
            lambda: lint_document(linters, text, str(path)),
            lambda: nlp(text),
            lambda: list(nlp.pipe(prose)),
        )
        for side in sides:
            side()  # warm: rules compiled, lexicons cached
        times: list[list[float]] = [[], [], []]
        for _ in range(runs):
            for n, side in enumerate(sides):
                times[n].append(_timed(side))
        for n in range(3):
            totals[n] += statistics.median(times[n])
    return totals[0], totals[1], totals[2]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    paths = args.paths or sorted((ROOT / "stories").glob("*.md"))
    relint, parse, prose = measure(paths, args.runs)
    count = len(paths)
    ratio = relint / parse
    print(f"stories: {count}, runs each: {args.runs}")
    print(f"re-lint an open story:       {1000 * relint / count:.1f} ms per story (median)")
    print(f"bare nlp(text):              {1000 * parse / count:.1f} ms per story (median)")
    print(f"bare nlp.pipe(section prose): {1000 * prose / count:.1f} ms per story (median)")
    print(f"ratio vs nlp(text): {ratio:.2f}x (target <= {TARGET}x) {'ok' if ratio <= TARGET else 'OVER'}")
    print(f"ratio vs the prose parse alone: {relint / prose:.2f}x")


if __name__ == "__main__":
    main()
