"""star-bank: lint, score and retrieve behavioral-interview stories kept as Markdown.

The library returns pydantic values and never prints; the `starlint` and
`starbank` commands are thin layers over it.
"""

from star_bank.archetypes import ArchetypeBook, ArchetypeError, load_archetypes
from star_bank.bank import Bank, load_bank
from star_bank.classify import ArchetypeMatch, classify_story
from star_bank.coverage import Coverage, coverage
from star_bank.drill import DrillError, DrillSession, DrillTranscript, Turn
from star_bank.listing import StoryEntry, list_stories
from star_bank.model import FileError, FrontMatter, Section, SectionKind, Sentence, Span, Story
from star_bank.parse import StoryParseError, parse_story, read_story
from star_bank.question_match import QuestionMatch, match_question
from star_bank.rubric import RubricError, load_rubrics, score_paths, score_stories, score_story
from star_bank.scorecard import DimensionRating, Evidence, Scorecard, ScoreReport
from star_bank.scaffold import story_skeleton
from star_bank.suggest import StoryPick, Suggestion, suggest

__version__ = "0.1.0"

__all__ = [
    "ArchetypeBook",
    "ArchetypeError",
    "ArchetypeMatch",
    "Bank",
    "Coverage",
    "DimensionRating",
    "DrillError",
    "DrillSession",
    "DrillTranscript",
    "Evidence",
    "FileError",
    "FrontMatter",
    "QuestionMatch",
    "RubricError",
    "ScoreReport",
    "Scorecard",
    "Section",
    "SectionKind",
    "Sentence",
    "Span",
    "Story",
    "StoryEntry",
    "StoryParseError",
    "StoryPick",
    "Suggestion",
    "Turn",
    "__version__",
    "classify_story",
    "coverage",
    "list_stories",
    "load_archetypes",
    "load_bank",
    "load_rubrics",
    "match_question",
    "parse_story",
    "read_story",
    "score_paths",
    "score_stories",
    "score_story",
    "story_skeleton",
    "suggest",
]
