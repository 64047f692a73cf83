"""star-bank: lint, score and retrieve behavioral-interview stories kept as Markdown.

The library returns pydantic values and never prints; the `starlint` and
`starbank` commands are thin layers over it.
"""

from typing import TYPE_CHECKING

# The public API, imported on first use: a command pays only for what it uses
# (a fully cached `starlint` run starts in a fraction of a second).
_EXPORTS = {
    "ArchetypeBook": "star_bank.archetypes",
    "ArchetypeError": "star_bank.archetypes",
    "load_archetypes": "star_bank.archetypes",
    "Bank": "star_bank.bank",
    "load_bank": "star_bank.bank",
    "Coverage": "star_bank.bank_coverage",
    "coverage": "star_bank.bank_coverage",
    "LintCache": "star_bank.cache",
    "Config": "star_bank.config",
    "ConfigError": "star_bank.config",
    "load_config": "star_bank.config",
    "Finding": "star_bank.findings",
    "LintReport": "star_bank.findings",
    "Severity": "star_bank.findings",
    "Linter": "star_bank.lint",
    "ArchetypeMatch": "star_bank.classify",
    "classify_story": "star_bank.classify",
    "DrillError": "star_bank.drill",
    "DrillSession": "star_bank.drill",
    "DrillTranscript": "star_bank.drill",
    "Turn": "star_bank.drill",
    "StoryEntry": "star_bank.listing",
    "list_stories": "star_bank.listing",
    "FileError": "star_bank.model",
    "FrontMatter": "star_bank.model",
    "Section": "star_bank.model",
    "SectionKind": "star_bank.model",
    "Sentence": "star_bank.model",
    "Span": "star_bank.model",
    "Story": "star_bank.model",
    "StoryParseError": "star_bank.parse",
    "parse_story": "star_bank.parse",
    "read_story": "star_bank.parse",
    "QuestionMatch": "star_bank.question_match",
    "match_question": "star_bank.question_match",
    "RubricError": "star_bank.rubric",
    "load_rubrics": "star_bank.rubric",
    "lint_and_score_paths": "star_bank.rubric",
    "score_paths": "star_bank.rubric",
    "score_stories": "star_bank.rubric",
    "score_story": "star_bank.rubric",
    "DimensionRating": "star_bank.scorecard",
    "Evidence": "star_bank.scorecard",
    "Scorecard": "star_bank.scorecard",
    "ScoreReport": "star_bank.scorecard",
    "story_skeleton": "star_bank.scaffold",
    "StoryPick": "star_bank.suggestions",
    "Suggestion": "star_bank.suggestions",
    "suggest": "star_bank.suggestions",
}

if TYPE_CHECKING:
    from star_bank.archetypes import ArchetypeBook, ArchetypeError, load_archetypes
    from star_bank.bank import Bank, load_bank
    from star_bank.bank_coverage import Coverage, coverage
    from star_bank.cache import LintCache
    from star_bank.config import Config, ConfigError, load_config
    from star_bank.findings import Finding, LintReport, Severity
    from star_bank.lint import Linter
    from star_bank.classify import ArchetypeMatch, classify_story
    from star_bank.drill import DrillError, DrillSession, DrillTranscript, Turn
    from star_bank.listing import StoryEntry, list_stories
    from star_bank.model import FileError, FrontMatter, Section, SectionKind, Sentence, Span, Story
    from star_bank.parse import StoryParseError, parse_story, read_story
    from star_bank.question_match import QuestionMatch, match_question
    from star_bank.rubric import (
        RubricError, lint_and_score_paths, load_rubrics, score_paths, score_stories, score_story,
    )
    from star_bank.scorecard import DimensionRating, Evidence, Scorecard, ScoreReport
    from star_bank.scaffold import story_skeleton
    from star_bank.suggestions import StoryPick, Suggestion, suggest


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'star_bank' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})


__version__ = "0.1.0"

__all__ = sorted([*_EXPORTS, "__version__"])
