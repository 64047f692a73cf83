"""The tokeniser and stemmer behind `starbank suggest`: consistent, not clever."""

from __future__ import annotations

import pytest

from star_bank.retrieve.text_match import content_stems, stem, words


@pytest.mark.parametrize(
    "forms",
    [
        ("mentor", "mentored", "mentoring", "mentors"),
        ("scale", "scaled", "scaling", "scales"),
        ("debug", "debugged", "debugging"),
        ("disagree", "disagreed", "disagrees"),
        ("delegate", "delegated", "delegation"),
        ("promote", "promoted", "promotion"),
        ("use", "used", "using", "uses"),
        ("break", "broke", "broken"),
        ("lead", "led", "leading"),
        ("take", "took", "taken", "taking"),
        ("write", "wrote", "written", "writing"),
        ("choose", "chose", "chosen"),
        ("go", "went", "going", "goes"),
    ],
)
def test_inflections_share_one_stem(forms):
    assert len({stem(w) for w in forms}) == 1, {w: stem(w) for w in forms}


def test_production_is_not_product():
    assert stem("production") != stem("product")


def test_contractions_expand_so_negations_match():
    assert words("I didn't, you've, what's, can't") == ["i", "did", "not", "you", "have", "what", "is", "can", "not"]


def test_possessive_s_is_dropped():
    assert words("someone's career") == ["someone", "career"]


def test_content_stems_drop_question_frames():
    assert content_stems("Tell me about a time you mentored someone") == ["mentor"]
