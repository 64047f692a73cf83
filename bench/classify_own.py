"""Story classification on the project's own stories, read from their text alone.

bench/corpus/ and stories/ declare each story's archetypes in the front matter,
which `classify_story` would simply return. Here the front matter (and so its
tags) is removed and the H1 title kept, so the text has to decide; a story is
right when the top archetype is its first declared one.

    python bench/classify_own.py [--detail]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from star_bank.retrieve.classify import classify_story
from star_bank.story.parse import parse_story

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = (ROOT / "bench" / "corpus", ROOT / "stories")
FRONT = re.compile(r"\A---\n.*?\n---\n", re.S)
DECLARED = re.compile(r"^archetypes:\s*\[([^\]]*)\]", re.M)


def measure(folder: Path, detail: bool) -> tuple[int, int]:
    right = total = 0
    for path in sorted(folder.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        head = FRONT.match(text)
        declared = DECLARED.search(head.group(0)) if head else None
        if declared is None or not declared.group(1).strip():
            continue
        gold = [int(x) for x in declared.group(1).split(",")]
        match = classify_story(parse_story(text[head.end():], str(path)))
        total += 1
        if match.archetypes[:1] == gold[:1]:
            right += 1
        elif detail:
            top = [f"#{s.id} {s.score}" for s in match.scores[:3]]
            print(f"  {path.name}  gold #{gold[0]}, got {', '.join(top)}")
    return right, total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--detail", action="store_true")
    args = parser.parse_args()
    for folder in FOLDERS:
        right, total = measure(folder, args.detail)
        sys.stdout.write(f"classify-own {folder.relative_to(ROOT)}: top-1 {right} / {total}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
