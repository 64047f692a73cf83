"""Ratings and levels: their order, and the level a story is judged at."""

from __future__ import annotations

from star_bank.model.scorecard import level_name
from star_bank.model.story import DEFAULT_LEVEL, LEVELS, Level, Story

RATINGS = ("novice", "intermediate", "expert")
RANK = {"novice": 0, "intermediate": 1, "expert": 2}
LevelName = Level

__all__ = ["DEFAULT_LEVEL", "RANK", "RATINGS", "LevelName", "at_least", "level_name", "resolve_level"]


def resolve_level(story: Story, level: str | None = None, fallback: str | None = None) -> str:
    """The level to judge by: `level` (the CLI), else front matter, else `fallback` (config), else senior."""
    for candidate in (level, story.front_matter.level, fallback):
        if candidate:
            if candidate not in LEVELS:
                raise ValueError(f"unknown level {candidate!r}: use one of {', '.join(LEVELS)}")
            return candidate
    return DEFAULT_LEVEL


def at_least(level: str, floor: str) -> bool:
    """True when `level` is `floor` or above (SWE-I < SWE-II < Senior < Staff)."""
    return LEVELS.index(level) >= LEVELS.index(floor)
