"""The career levels: one list, one default, read by every option that takes a level."""

from __future__ import annotations

import click
import pytest

from star_bank.model.story import DEFAULT_LEVEL, LEVELS, FrontMatter


def test_levels_run_from_junior_to_staff_and_the_default_is_one_of_them():
    assert LEVELS == ("swe1", "swe2", "senior", "staff")
    assert DEFAULT_LEVEL in LEVELS


@pytest.mark.parametrize(
    ("module", "command", "name"),
    [("star_bank.cli.starlint", "main", None), ("star_bank.cli.starbank", "main", "score"),
     ("star_bank.cli.starbank", "main", "drill")],
)
def test_every_level_option_offers_exactly_the_levels(module, command, name):
    import importlib

    cmd = getattr(importlib.import_module(module), command)
    if name is not None:
        cmd = cmd.commands[name]
    [option] = [p for p in cmd.params if p.name == "level"]
    assert isinstance(option.type, click.Choice) and tuple(option.type.choices) == LEVELS


def test_front_matter_accepts_every_level():
    for level in LEVELS:
        assert FrontMatter(level=level).level == level
