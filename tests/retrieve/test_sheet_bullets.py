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

import importlib.util
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


def _load_checks():
    """The fragment checks, defined once in bench/sheet_fragments.py (which counts them on any folder)."""
    spec = importlib.util.spec_from_file_location("sheet_fragments", ROOT / "bench" / "sheet_fragments.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.faults


faults = _load_checks()


def _bullets(folder: Path = STORIES):
    stories = load_bank([folder]).stories
    pairs = ((n, analyse(s)) for n, s in enumerate(stories))
    for _, analysed in stream.with_docs(pairs, load_pipeline(), n_process=1):
        bullets, number = story_bullets(analysed)
        yield analysed.story, bullets, number


BULLETS = list(_bullets())
ALL = [(story.path, bullet, story.text) for story, bullets, _ in BULLETS for bullet in bullets]


@pytest.mark.parametrize("path,bullet,text", ALL, ids=[f"{Path(p).stem[:2]}-{b.part}" for p, b, _ in ALL])
def test_a_bullet_is_a_well_formed_fragment(path, bullet, text):
    """Short, ending on a word that closes a phrase, numbers with their nouns, acts with objects."""
    assert faults(bullet, text) == [], (path, bullet.label, bullet.text)


def test_every_sample_story_has_a_result_bullet_holding_its_number():
    for story, bullets, number in BULLETS:
        results = [b for b in bullets if b.part == "result"]
        assert results and number, story.path
        assert number in results[0].text, (story.path, results[0].text)


def test_the_bullets_that_were_garbled_now_read(tmp_path):
    """The sample sentences that once came out broken: the count keeps its noun,
    a clause with a subject of its own is not glued on."""
    by_path = {Path(story.path).name[:2]: bullets for story, bullets, _ in BULLETS}
    situation = next(b.text for b in by_path["01"] if b.part == "situation")
    assert "1 in 40 patients" in situation
    results = {k: next(b.text for b in v if b.part == "result") for k, v in by_path.items()}
    assert "SAML" not in results["06"] or "contract" not in results["06"]
    assert not re.search(r"\d+ (hours|minutes) storage", results["08"])


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
