"""How often the interview sheet's bullets break, on any folder of stories.

    python bench/sheet_fragments.py                      # the sample bank and bench/corpus
    python bench/sheet_fragments.py ../shared/corpus/stories --show

For every story (ready or not) the sheet's bullets are built and checked with
the rules tests/retrieve/test_sheet_bullets.py states for the sample bank:
no bullet ends on a determiner, preposition or conjunction; a number is
followed in the bullet by the word that follows it in the story; what was
owned or done is more than a bare verb; at most 15 words. It prints the
bullets built per part and the broken ones per rule; `--show` lists them.
No labels: a count of checkable faults, not a judgment of what the bullets say.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DANGLING = {
    "a", "an", "the", "this", "that", "these", "those", "my", "our", "their", "his", "its", "every", "each",
    "of", "in", "on", "at", "for", "from", "to", "by", "with", "about", "into", "over", "under", "than", "as",
    "and", "or", "but", "so", "because", "whether", "if", "when",
}
NUMBER = re.compile(r"^[$€£]?\d[\d,.]*(%|x|ms)?$")


def _words(text: str) -> list[str]:
    return [w.strip(",;:.()") for w in text.split()]


def faults(bullet, story_text: str) -> list[str]:
    """The rules a bullet breaks."""
    found = []
    if len(f"{bullet.label}: {bullet.text}".split()) > 15:
        found.append("over 15 words")
    story = _words(" ".join(story_text.split()))
    for item in bullet.text.split("; ") if bullet.part == "actions" else [bullet.text]:
        words = _words(item)
        if words and words[-1].lower() in DANGLING:
            found.append("dangling last word")
        for n, word in enumerate(words[:-1]):
            if NUMBER.match(word) and words[n + 1] not in {story[k + 1] for k, w in enumerate(story[:-1]) if w == word}:
                found.append("number lost its noun")
        if bullet.part in ("owned", "actions") and (len(words) < 2 or words[0].lower() == "to"):
            found.append("bare verb")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, default=[ROOT / "stories", ROOT / "bench" / "corpus"])
    parser.add_argument("--show", action="store_true", help="list every broken bullet")
    args = parser.parse_args()

    from star_bank.lint.engine import analyse
    from star_bank.nlp import stream
    from star_bank.nlp.pipeline import load_pipeline
    from star_bank.retrieve.sheet_bullets import story_bullets
    from star_bank.story.bank import load_bank

    stories = load_bank([f for f in args.folders if f.exists()]).stories
    built: Counter[str] = Counter()
    broken: Counter[str] = Counter()
    shown = []
    pairs = ((n, analyse(s)) for n, s in enumerate(stories))
    for _, analysed in stream.with_docs(pairs, load_pipeline(), n_process=1):
        bullets, _ = story_bullets(analysed)
        for bullet in bullets:
            built[bullet.part] += 1
            for fault in faults(bullet, analysed.story.text):
                broken[fault] += 1
                shown.append(f"{Path(analysed.story.path).name}: [{fault}] {bullet.label}: {bullet.text}")
    print(f"{len(stories)} stories, {sum(built.values())} bullets: "
          + ", ".join(f"{part} {n}" for part, n in sorted(built.items())))
    print(f"broken: {sum(broken.values())}" + "".join(f"; {rule} {n}" for rule, n in broken.most_common()))
    if args.show:
        print("\n".join(shown))


if __name__ == "__main__":
    main()
