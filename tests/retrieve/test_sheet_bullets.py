"""Every bullet of the sheet reads as a correct English fragment, over every sample story.

The checks, stated on the bullet and the story it came from:
- no bullet ends on a determiner, a preposition, a conjunction or "to";
- a number keeps what it counts: the word after it in the bullet is the word
  after it in the story ("1 in 40 patients", never "1 received");
- what was owned or done has an object: at least two words, not a bare verb;
- at most 15 words, label included;
- the result bullet holds the number the story's result states.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from star_bank.lint.engine import analyse
from star_bank.nlp import stream
from star_bank.nlp.pipeline import load_pipeline
from star_bank.retrieve.sheet_bullets import story_bullets
from star_bank.story.bank import load_bank

ROOT = Path(__file__).resolve().parents[2]
STORIES = ROOT / "stories"
DANGLING = {
    "a", "an", "the", "this", "that", "these", "those", "my", "our", "their", "his", "its", "every", "each",
    "of", "in", "on", "at", "for", "from", "to", "by", "with", "about", "into", "over", "under", "than", "as",
    "and", "or", "but", "so", "because", "whether", "if", "when",
}
NUMBER = re.compile(r"^[$€£]?\d[\d,.]*(%|x|ms)?$")


def _words(text: str) -> list[str]:
    return [w.strip(",;:.()") for w in text.split()]


def _bullets(folder: Path = STORIES):
    stories = load_bank([folder]).stories
    pairs = ((n, analyse(s)) for n, s in enumerate(stories))
    for _, analysed in stream.with_docs(pairs, load_pipeline(), n_process=1):
        bullets, number = story_bullets(analysed)
        yield analysed.story, bullets, number



def test_a_verbless_result_line_gives_its_bullet_instead_of_hanging(tmp_path):
    """'Revenue up 40% in one quarter.' has no verb: finding its clause once looped for ever."""
    bank = tmp_path / "bank"
    bank.mkdir()
    (bank / "launch.md").write_text(
        "---\narchetypes: [2]\n---\n# Launch\n\n## Situation\nOur checkout had no owner.\n\n"
        "## Action\nI wrote the plan and shipped the new flow.\n\n## Result\nRevenue up 40% in one quarter.\n",
        encoding="utf-8",
    )
    [(_, bullets, number)] = list(_bullets(bank))
    assert number == "40%"
    assert [b.text for b in bullets if b.part == "result"] == ["Revenue up 40% in one quarter"]
