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


BULLETS = list(_bullets())
ALL = [(story.path, bullet, story.text) for story, bullets, _ in BULLETS for bullet in bullets]


def _items(bullet):
    return bullet.text.split("; ") if bullet.part == "actions" else [bullet.text]


@pytest.mark.parametrize("path,bullet,text", ALL, ids=[f"{Path(p).stem[:2]}-{b.part}" for p, b, _ in ALL])
def test_a_bullet_is_short_and_ends_on_a_word_that_closes_a_phrase(path, bullet, text):
    assert len(f"{bullet.label}: {bullet.text}".split()) <= 15, bullet
    for item in _items(bullet):
        assert _words(item)[-1].lower() not in DANGLING, (path, item)


@pytest.mark.parametrize("path,bullet,text", ALL, ids=[f"{Path(p).stem[:2]}-{b.part}" for p, b, _ in ALL])
def test_a_number_keeps_the_word_it_counts(path, bullet, text):
    story = _words(" ".join(text.split()))
    for item in _items(bullet):
        words = _words(item)
        for n, word in enumerate(words[:-1]):
            if not NUMBER.match(word):
                continue
            after = {story[k + 1] for k, w in enumerate(story[:-1]) if w == word}
            assert words[n + 1] in after, f"{path}: {word!r} followed by {words[n + 1]!r} in {item!r}"


@pytest.mark.parametrize("path,bullet,text", [a for a in ALL if a[1].part in ("owned", "actions")],
                         ids=[f"{Path(p).stem[:2]}-{b.part}" for p, b, _ in ALL if b.part in ("owned", "actions")])
def test_what_was_owned_or_done_has_an_object(path, bullet, text):
    for item in _items(bullet):
        words = _words(item)
        assert len(words) >= 2 and words[0].lower() != "to", (path, item)


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
