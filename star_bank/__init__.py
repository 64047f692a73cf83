"""star-bank: lint, score and retrieve behavioral-interview stories kept as Markdown.

The library returns pydantic values and never prints; the `starlint` and
`starbank` commands are thin layers over it.
"""

from typing import TYPE_CHECKING

# The public API, imported on first use: a command pays only for what it uses
# (a fully cached `starlint` run starts in a fraction of a second).
_EXPORTS = {
    "ArchetypeBook": "star_bank.retrieve.archetypes",
    "ArchetypeError": "star_bank.retrieve.archetypes",
    "load_archetypes": "star_bank.retrieve.archetypes",
    "Bank": "star_bank.story.bank",
    "load_bank": "star_bank.story.bank",
    "Coverage": "star_bank.retrieve.bank_coverage",
    "coverage": "star_bank.retrieve.bank_coverage",
    "LintCache": "star_bank.lint.cache",
    "Config": "star_bank.lint.config",
    "ConfigError": "star_bank.lint.config",
    "load_config": "star_bank.lint.config",
    "Finding": "star_bank.model.findings",
    "LintReport": "star_bank.model.findings",
    "Severity": "star_bank.model.findings",
    "Linter": "star_bank.lint.engine",
    "ArchetypeMatch": "star_bank.retrieve.classify",
    "classify_story": "star_bank.retrieve.classify",
    "DrillError": "star_bank.drill.script",
    "DrillSession": "star_bank.drill.session",
    "DrillTranscript": "star_bank.drill.turns",
    "Turn": "star_bank.drill.turns",
    "StoryEntry": "star_bank.retrieve.listing",
    "list_stories": "star_bank.retrieve.listing",
    "FileError": "star_bank.model.story",
    "FrontMatter": "star_bank.model.story",
    "Section": "star_bank.model.story",
    "SectionKind": "star_bank.model.story",
    "Sentence": "star_bank.model.story",
    "Span": "star_bank.model.story",
    "Story": "star_bank.model.story",
    "StoryParseError": "star_bank.story.parse",
    "parse_story": "star_bank.story.parse",
    "read_story": "star_bank.story.parse",
    "QuestionMatch": "star_bank.retrieve.question_match",
    "match_question": "star_bank.retrieve.question_match",
    "RubricError": "star_bank.rubric.score",
    "load_rubrics": "star_bank.rubric.score",
    "lint_and_score_paths": "star_bank.rubric.run",
    "score_paths": "star_bank.rubric.run",
    "score_stories": "star_bank.rubric.score",
    "score_story": "star_bank.rubric.score",
    "DimensionRating": "star_bank.model.scorecard",
    "Evidence": "star_bank.model.scorecard",
    "Scorecard": "star_bank.model.scorecard",
    "ScoreReport": "star_bank.model.scorecard",
    "story_skeleton": "star_bank.report.skeleton",
    "StoryPick": "star_bank.retrieve.suggestions",
    "Suggestion": "star_bank.retrieve.suggestions",
    "suggest": "star_bank.retrieve.suggestions",
}

if TYPE_CHECKING:
    from star_bank.retrieve.archetypes import ArchetypeBook, ArchetypeError, load_archetypes
    from star_bank.story.bank import Bank, load_bank
    from star_bank.retrieve.bank_coverage import Coverage, coverage
    from star_bank.lint.cache import LintCache
    from star_bank.lint.config import Config, ConfigError, load_config
    from star_bank.model.findings import Finding, LintReport, Severity
    from star_bank.lint.engine import Linter
    from star_bank.retrieve.classify import ArchetypeMatch, classify_story
    from star_bank.drill.script import DrillError
    from star_bank.drill.session import DrillSession
    from star_bank.drill.turns import DrillTranscript, Turn
    from star_bank.retrieve.listing import StoryEntry, list_stories
    from star_bank.model.story import FileError, FrontMatter, Section, SectionKind, Sentence, Span, Story
    from star_bank.story.parse import StoryParseError, parse_story, read_story
    from star_bank.retrieve.question_match import QuestionMatch, match_question
    from star_bank.rubric.run import lint_and_score_paths, score_paths
    from star_bank.rubric.score import RubricError, load_rubrics, score_stories, score_story
    from star_bank.model.scorecard import DimensionRating, Evidence, Scorecard, ScoreReport
    from star_bank.report.skeleton import story_skeleton
    from star_bank.retrieve.suggestions import StoryPick, Suggestion, suggest


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
