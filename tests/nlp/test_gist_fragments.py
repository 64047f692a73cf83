"""A gist only ever loses whole phrases: each rule of well-formedness on a sentence of our own."""

from __future__ import annotations

import pytest

from star_bank.nlp.gist import act_gist, gist, phrase, well_formed
from star_bank.nlp.pipeline import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def first(nlp, text: str):
    return next(nlp(text).sents)


def test_a_count_keeps_the_noun_it_counts(nlp):
    doc = first(nlp, "For a month, about 1 in 30 drivers of the fleet on our northern routes lost their maps twice a day.")
    cut = gist(doc, max_words=10)
    assert "1 in 30 drivers" in cut


def test_a_clause_with_its_own_subject_is_not_glued_on(nlp):
    doc = first(nlp, "The client renewed a $90,000 contract, the pilot went live in 12 days, and support tickets halved.")
    number = next(t for t in doc if t.text == "90,000")
    cut = gist(doc, focus=number, max_words=14)
    assert "$90,000" in cut and "pilot" not in cut


def test_a_phrase_before_the_speaker_brings_the_i_back(nlp):
    doc = first(nlp, "Last spring I decided to move our billing jobs to a queue.")
    assert gist(doc, max_words=12).startswith("Last spring I decided")


def test_a_written_word_is_never_cut_in_half(nlp):
    doc = first(nlp, "I asked two engineers to co-own the release tooling with me for a quarter.")
    asked = next(t for t in doc if t.text == "asked")
    cut = act_gist(asked, 6)
    assert " co " not in f" {cut} " and not cut.endswith(" co")


def test_a_part_keeps_what_it_is_a_part_of(nlp):
    doc = first(nlp, "I took a piece of the old scheduler that nobody owned.")
    piece = next(t for t in doc if t.text == "piece")
    assert phrase(piece, 3) == []  # never a bare "a piece"
    assert [t.text for t in phrase(piece, 6)] == ["a", "piece", "of", "the", "old", "scheduler"]


def test_a_bare_verb_or_a_question_is_no_act(nlp):
    doc = first(nlp, "I had answered before anyone asked what had changed.")
    answered = next(t for t in doc if t.text == "answered")
    assert act_gist(answered, 6) == ""


def test_an_empty_selection_is_not_well_formed(nlp):
    assert not well_formed([])
