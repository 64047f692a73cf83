"""The story model: what it reads in a story, what it returns, and how classify uses it."""

from __future__ import annotations

import json
import math

import pytest

from star_bank.data.paths import data_path
from star_bank.retrieve import story_model
from star_bank.retrieve.classify import classify_story
from star_bank.story.parse import parse_story

MENTORING = """\
# Helping a new hire find her feet

A graduate joined my team and struggled with code review for her first month. I paired with her
twice a week, set her small tickets with clear edges, and went through my review comments with her
in our one-on-ones. By the third month she was reviewing other people's pull requests on her own.
"""


def test_features_are_stems_pairs_and_frames_without_stop_words():
    story = parse_story("# Paging\n\nI rolled back the release.\n", "s.md")
    features = story_model.story_features(story, ["rollback"])
    assert {"u:roll", "u:releas", "b:roll_back", "i:roll", "f:rollback"} <= features
    assert not any(f in features for f in ("u:the", "u:i"))


def test_code_blocks_and_comments_are_not_read():
    plain = parse_story(MENTORING, "m.md")
    extra = parse_story(MENTORING + "\n```\nrollback outage incident\n```\n<!-- expect: we-overuse -->\n", "m.md")
    assert story_model.story_features(extra, []) == story_model.story_features(plain, [])


def test_probabilities_cover_the_ten_archetypes_and_sum_to_one():
    story = parse_story(MENTORING, "m.md")
    probabilities = story_model.archetype_probabilities(story_model.story_features(story, []))
    assert sorted(probabilities) == list(range(1, 11))
    assert math.isclose(sum(probabilities.values()), 1.0)
    assert max(probabilities, key=probabilities.get) == 5


def test_classify_names_the_model_among_its_evidence():
    match = classify_story(parse_story(MENTORING, "m.md"))
    assert match.archetypes[0] == 5
    assert any(note.startswith("its words read as this archetype") for note in match.scores[0].evidence)


def test_without_a_model_classify_still_reads_the_cues(monkeypatch):
    monkeypatch.setattr(story_model, "_model", lambda: None)
    assert story_model.archetype_probabilities({"u:mentor"}) == {}
    assert classify_story(parse_story(MENTORING, "m.md")).archetypes[0] == 5


def test_an_unreadable_model_is_a_one_line_error_naming_the_file(tmp_path, monkeypatch):
    broken = tmp_path / "story_model.json"
    broken.write_text("{not json", encoding="utf-8")
    monkeypatch.setattr(story_model, "data_path", lambda name: broken)
    story_model._model.cache_clear()
    try:
        with pytest.raises(story_model.StoryModelError, match="story_model.json") as error:
            story_model._model()
        assert "\n" not in str(error.value)
    finally:
        monkeypatch.undo()
        story_model._model.cache_clear()


def test_the_shipped_model_was_trained_only_on_the_projects_written_sets():
    # The development corpus and the project's own stories are measured with it, never fitted.
    shipped = json.loads(data_path(story_model.MODEL_FILE).read_text(encoding="utf-8"))
    assert shipped["trained_on"] and all(name.startswith("heldout") for name in shipped["trained_on"])
    assert shipped["classes"] == list(range(1, 11))


ON_CALL = "# The night shift\n\nI was on call that week. The alert fired at two, and I read the logs until the timeout made sense.\n"


def _model_sure_of_3(probability: float):
    """A model whose only opinion is its bias: #3 at `probability`, the rest shared evenly."""
    bias = [math.log((1 - probability) / 9)] * 10
    bias[2] = math.log(probability)
    return lambda: (tuple(range(1, 11)), bias, {})


@pytest.mark.parametrize(("probability", "first"), [(0.45, 1), (0.55, 3)])
def test_a_model_sure_of_an_archetype_outweighs_topic_words_and_an_unsure_one_does_not(monkeypatch, probability, first):
    monkeypatch.setattr(story_model, "_model", _model_sure_of_3(probability))
    assert classify_story(parse_story(ON_CALL, "n.md")).archetypes[0] == first
