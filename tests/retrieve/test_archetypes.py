"""The archetype data: the shipped `archetypes.yaml` loads, and a broken copy fails clearly."""

from __future__ import annotations

import copy

import pytest
import yaml

from star_bank.retrieve.archetypes import ArchetypeError, load_archetypes
from star_bank.data.paths import data_path


@pytest.fixture(scope="module")
def shipped_data() -> dict:
    return yaml.safe_load(data_path("archetypes.yaml").read_text(encoding="utf-8"))


def load_copy(tmp_path, data: dict | str):
    path = tmp_path / "archetypes.yaml"
    path.write_text(data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return load_archetypes(path), path


def archetype_error(tmp_path, data: dict | str) -> str:
    path = tmp_path / "archetypes.yaml"
    with pytest.raises(ArchetypeError) as caught:
        load_copy(tmp_path, data)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert "\n" not in message
    return message


def test_shipped_archetypes_have_ids_one_to_ten():
    book = load_archetypes()
    assert [a.id for a in book.archetypes] == list(range(1, 11))
    for archetype in book.archetypes:
        assert archetype.slug and archetype.name and archetype.probes and archetype.cues
        assert archetype.template.result
        assert archetype.tie_in.kind in {"ai", "lead"}
    assert book.retrieval
    assert book.get(4).id == 4


def test_a_valid_copy_loads_the_same_book(tmp_path, shipped_data):
    book, _ = load_copy(tmp_path, shipped_data)
    assert book == load_archetypes()


def test_a_missing_field_names_the_file_and_the_field(tmp_path, shipped_data):
    data = copy.deepcopy(shipped_data)
    del data["archetypes"][2]["name"]
    message = archetype_error(tmp_path, data)
    assert "archetypes.2.name" in message
    assert message.endswith("archetypes.2.name: missing")


def test_an_unknown_key_is_refused(tmp_path, shipped_data):
    data = copy.deepcopy(shipped_data)
    data["archetypes"][0]["colour"] = "blue"
    assert "archetypes.0.colour" in archetype_error(tmp_path, data)


def test_ids_must_be_one_to_ten_each_once(tmp_path, shipped_data):
    data = copy.deepcopy(shipped_data)
    data["archetypes"][1]["id"] = 1
    assert "archetype ids must be 1..10" in archetype_error(tmp_path, data)


def test_bad_yaml_names_the_file(tmp_path):
    assert "not valid YAML" in archetype_error(tmp_path, "version: 1\narchetypes: [\n  {id: 1,\n")


def test_yaml_that_is_not_a_mapping_is_refused(tmp_path):
    archetype_error(tmp_path, "- just\n- a list\n")


def test_python_tags_are_refused(tmp_path):
    assert "not valid YAML" in archetype_error(tmp_path, "version: !!python/object/apply:os.getcwd []\n")


def test_a_missing_file_names_the_file(tmp_path):
    path = tmp_path / "nope.yaml"
    with pytest.raises(ArchetypeError, match="cannot read") as caught:
        load_archetypes(path)
    assert str(caught.value).startswith(f"{path}: ")
