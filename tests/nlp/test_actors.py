"""Who does what: the speaker's own acts and the people a sentence credits, from the parse."""

from __future__ import annotations

import pytest

from star_bank.nlp.actors import credits_to_others, distinct_actions, main_act, speaker_actions
from star_bank.nlp.pipeline import load_pipeline


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline()


def acts(nlp, text: str) -> list[str]:
    return [main_act(v).lemma_ for v in speaker_actions(nlp(text))]


def test_the_speakers_acts_climb_coordination_and_skip_states(nlp):
    assert acts(nlp, "I traced the leak and fixed it, but I felt unsure.") == ["trace", "fix"]
    assert len(acts(nlp, "My manager and I migrated the parser.")) == 1


def test_a_subjectless_fragment_is_the_speakers_act(nlp):
    assert acts(nlp, "Immediately rolled back the release. Diagnosed the cause in the parser.") == ["roll", "diagnose"]


def test_other_peoples_acts_are_not_the_speakers(nlp):
    assert acts(nlp, "Dana traced the leak. The team shipped the fix.") == []


def test_a_light_verb_introduces_the_real_act(nlp):
    assert set(acts(nlp, "I decided to add a canary stage.")) == {"add"}
    assert len(distinct_actions(nlp("I decided to add a canary stage."))) == 1  # one thing done


@pytest.mark.parametrize("sentence", [
    "Dana rewrote the retry logic.",
    "I paired with the SRE on-call.",
    "We rolled it out region by region.",
    "The fix was reviewed by Omar.",
    "Together we halved the build time.",
])
def test_someone_else_is_credited(nlp, sentence):
    assert list(credits_to_others(nlp(sentence)))


@pytest.mark.parametrize("sentence", [
    "I traced the leak to the image cache.",
    "Latency fell from 900 ms to 200 ms.",
    "The queue grew to 40,000 messages overnight.",
    "The service returned 502 errors for ten minutes.",
])
def test_no_one_else_is_credited(nlp, sentence):
    assert not list(credits_to_others(nlp(sentence)))
