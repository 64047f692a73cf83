"""Filling templates from data files and quoting story text (star_bank.lint.wording)."""

from __future__ import annotations

from star_bank.lint.wording import FormatValues, quote


def test_a_placeholder_with_no_value_stays_as_written():
    assert "{n} of {limit}".format_map(FormatValues({"n": 3})) == "3 of {limit}"


def test_blank_leaves_a_placeholder_with_no_value_empty():
    assert "ask: {question}{quote}".format_map(FormatValues(question="why?", blank=True)) == "ask: why?"


def test_short_text_is_one_line_and_untouched():
    assert quote("I  rolled\nback the deploy.", 40) == "I rolled back the deploy."


def test_long_text_is_cut_at_a_word_without_trailing_punctuation():
    text = "I rolled back the deploy, paged the owner, and wrote the incident summary that evening."
    cut = quote(text, 30)
    assert cut.endswith("…") and len(cut) <= 30
    assert text.startswith(cut[:-1]) and not cut[:-1].endswith((" ", ","))


def test_matched_words_past_the_cut_stay_in_view():
    text = "At first the whole team looked at the dashboards for an hour before anyone noticed that we skipped the canary."
    window = quote(text, 50, around="we skipped the canary")
    assert window.startswith("…") and "we skipped the canary" in window
    assert len(window) <= 50
