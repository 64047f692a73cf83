"""The one reader of star-bank's YAML data files (star_bank.data.loader)."""

from __future__ import annotations

import pytest
from pydantic import BaseModel

from star_bank.data.loader import load_shipped, load_yaml_model
from star_bank.retrieve.archetypes import ArchetypeBook, ArchetypeError, load_archetypes


class _Pair(BaseModel):
    a: int
    b: str


class _Broken(Exception):
    pass


def test_a_shipped_file_is_read_once_and_shared():
    first = load_shipped("archetypes.yaml", ArchetypeBook, ArchetypeError)
    assert load_shipped("archetypes.yaml", ArchetypeBook, ArchetypeError) is first
    assert load_archetypes() is first


def test_a_file_that_breaks_the_schema_is_one_line_naming_file_and_key(write_file):
    path = write_file("pair.yaml", "a: 1\nb: [x]\n")
    with pytest.raises(_Broken) as caught:
        load_yaml_model(path, _Pair, _Broken)
    message = str(caught.value)
    assert message.startswith(f"{path}: b:") and "\n" not in message


def test_invalid_yaml_is_one_line(write_file):
    path = write_file("pair.yaml", "a: [1\n")
    with pytest.raises(_Broken, match=r"not valid YAML"):
        load_yaml_model(path, _Pair, _Broken)


def test_an_alias_bomb_is_refused_before_it_expands(tmp_path):
    from star_bank.data.loader import read_yaml

    lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for n in range(1, 10):
        lines.append(f"l{n}: &l{n} [" + ", ".join([f"*{'a' if n == 1 else f'l{n - 1}'}"] * 9) + "]")
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="expands to more than 200,000 values"):
        read_yaml(path, ValueError)


def test_a_few_shared_values_are_fine(tmp_path):
    from star_bank.data.loader import read_yaml

    path = tmp_path / "shared.yaml"
    path.write_text("words: &words [a, b]\nagain: *words\n", encoding="utf-8")
    assert read_yaml(path, ValueError) == {"words": ["a", "b"], "again": ["a", "b"]}


def test_deep_nesting_is_refused(tmp_path):
    from star_bank.data.loader import read_yaml

    path = tmp_path / "deep.yaml"
    path.write_text("x: " + "[" * 100 + "]" * 100 + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="nested more than 64 levels deep"):
        read_yaml(path, ValueError)
