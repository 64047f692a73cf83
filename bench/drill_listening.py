"""Does the drill listen? Real failure stories told as one opening answer, scored against
hand ratings of what each story already covers.

Each story labelled as one where something went wrong is told, as plain prose,
as the answer to the drill's opening question; every later question gets an
answer that adds nothing ("That is all I remember."), so what the interviewer
asks shows what it thinks is missing. For detection, recovery and the lesson:

- **wasted**: the story is rated expert on the dimension by hand (both
  labellings agree, or either where the gold keeps two), yet the drill asks
  about it (a detection or recovery probe; for the lesson, the lesson question
  or a concrete-lesson probe);
- **missed**: the story is rated novice, yet the drill never asks about it.

Intermediate ratings are left out: pressing them further is fair either way.

    python bench/drill_listening.py [--corpus DIR] [--heldout odd] [--detail]

The development corpus (../shared/corpus) by default; `--heldout odd` reads the
odd half of bench/heldout instead (the even half stays unread).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIMENSIONS = ("detection", "recovery", "concrete_lesson")
NOTHING_MORE = "That is all I remember."
MAX_TURNS = 14


def gold_rows(corpus: Path | None, heldout: str | None) -> tuple[Path, list[dict]]:
    if heldout:
        folder = ROOT / "bench" / "heldout"
        a, b = ([json.loads(line) for line in (folder / name).read_text().splitlines() if line.strip()]
                for name in ("labels-a.jsonl", "labels-b.jsonl"))
        rows = []
        for left, right in zip(a, b):
            number = int(left["file"].split("-")[0])
            if (number % 2 == 1) != (heldout == "odd"):
                continue
            rubric = {d: sorted(set(left["rubric"].get(d) or []) | set(right["rubric"].get(d) or []))
                      if left["rubric"].get(d) and right["rubric"].get(d) else None for d in DIMENSIONS}
            failure = left.get("failure_story") if left.get("failure_story") == right.get("failure_story") else None
            rows.append({"file": left["file"], "failure_story": failure, "rubric": rubric})
        return folder / "stories", rows
    corpus = corpus or ROOT.parent / "shared" / "corpus"
    lines = (corpus / "stories-gold.jsonl").read_text().splitlines()
    return corpus / "stories", [json.loads(line) for line in lines if line.strip()]


def spoken(path: Path) -> str:
    """The story as a candidate would say it: its prose, without front matter or labels."""
    from star_bank.story.parse import parse_story

    story = parse_story(path.read_text(encoding="utf-8"), str(path))
    parts = [s.prose.text for s in story.sections if s.prose is not None and s.prose.text.strip()]
    if not parts and story.body_prose is not None:
        parts = [story.body_prose.text]
    return "\n\n".join(parts)


def asked_about(answer: str, linter) -> set[str]:
    from star_bank.drill.session import DrillSession

    session = DrillSession(linter=linter, level="senior")
    session.start()
    turns = [session.answer(answer)]
    while not session.done and len(turns) < MAX_TURNS:
        turns.append(session.answer(NOTHING_MORE))
    asked = {t.probe for t in turns if t.probe}
    if any(t.phase == "lesson" and t.kind in ("question", "probe") for t in turns):
        asked.add("concrete_lesson")
    return asked


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=None)
    parser.add_argument("--heldout", choices=["odd"], default=None)
    parser.add_argument("--detail", action="store_true")
    args = parser.parse_args(argv)
    from star_bank.lint.engine import Linter

    corpus = args.corpus or ROOT.parent / "shared" / "corpus"
    if args.heldout is None and not (corpus / "stories-gold.jsonl").is_file():
        print(f"drill listening: no development corpus at {corpus}: skipped (give --corpus or --heldout odd)")
        return 0
    folder, rows = gold_rows(corpus, args.heldout)
    linter = Linter()
    counts = {d: {"wasted": 0, "expert": 0, "missed": 0, "novice": 0} for d in DIMENSIONS}
    stories = 0
    for row in rows:
        if not row.get("failure_story"):
            continue
        stories += 1
        asked = asked_about(spoken(folder / row["file"]), linter)
        for dimension in DIMENSIONS:
            gold = set(row["rubric"].get(dimension) or [])
            if gold == {"expert"}:
                counts[dimension]["expert"] += 1
                if dimension in asked:
                    counts[dimension]["wasted"] += 1
                    if args.detail:
                        print(f"  wasted {dimension}: {row['file']}")
            elif gold == {"novice"}:
                counts[dimension]["novice"] += 1
                if dimension not in asked:
                    counts[dimension]["missed"] += 1
                    if args.detail:
                        print(f"  missed {dimension}: {row['file']}")
    print(f"drill listening: {stories} failure stories told as one opening answer")
    for dimension, c in counts.items():
        print(f"  {dimension:16} asked though expert {c['wasted']}/{c['expert']}"
              f"   not asked though novice {c['missed']}/{c['novice']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
