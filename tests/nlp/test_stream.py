"""The spaCy stream: stories come back in order, each with a Doc on every section
that has prose, and a few stories stay in one process."""

from __future__ import annotations

from star_bank.lint.engine import analyse
from star_bank.nlp.pipeline import load_pipeline
from star_bank.nlp.stream import PARALLEL_MIN_STORIES, parse_processes, with_docs
from star_bank.story.parse import parse_story

STORIES = [
    "## Situation\nThe nightly import failed twice.\n\n## Action\nI added a retry with a cap.\n",
    "---\ntitle: Empty\n---\n# Only a title\n",
    "## Result\nErrors fell from 40 a week to 2.\n",
]


def test_one_story_is_parsed_in_this_process_and_a_bank_on_every_core():
    assert parse_processes(1) == 1
    assert parse_processes(PARALLEL_MIN_STORIES - 1) == 1
    assert parse_processes(PARALLEL_MIN_STORIES) in (1, 2)  # 1 on a one-core machine


def test_stories_come_back_in_order_each_section_with_its_doc():
    analysed = [analyse(parse_story(text, f"{n}.md")) for n, text in enumerate(STORIES)]
    out = list(with_docs(((n, story) for n, story in enumerate(analysed)), load_pipeline()))
    assert [tag for tag, _ in out] == [0, 1, 2]
    assert [story for _, story in out] == analysed
    sections = [section for _, story in out for section in story.sections]
    assert sections and all(section.doc is not None for section in sections if section.prose.text)
    assert all(section.doc.text == section.prose.text for section in sections if section.doc is not None)


def test_a_line_break_in_the_prose_ends_a_sentence_even_without_a_full_stop():
    # A paragraph or label line that ends without punctuation does not run into the next one.
    doc = load_pipeline()("No orders were lost\nWhat I changed afterwards\nI added a check to the import.")
    assert [s.text.strip() for s in doc.sents] == [
        "No orders were lost", "What I changed afterwards", "I added a check to the import."]
