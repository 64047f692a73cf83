"""star-bank: lint, score and retrieve behavioral-interview stories kept as Markdown.

The library returns pydantic values and never prints; the `starlint` and
`starbank` commands are thin layers over it.
"""

from star_bank.archetypes import ArchetypeBook, ArchetypeError, load_archetypes
from star_bank.bank import Bank, load_bank
from star_bank.listing import StoryEntry, list_stories
from star_bank.model import FileError, FrontMatter, Section, SectionKind, Sentence, Span, Story
from star_bank.parse import StoryParseError, parse_story, read_story

__version__ = "0.1.0"

__all__ = [
    "ArchetypeBook",
    "ArchetypeError",
    "Bank",
    "FileError",
    "FrontMatter",
    "Section",
    "SectionKind",
    "Sentence",
    "Span",
    "Story",
    "StoryEntry",
    "StoryParseError",
    "__version__",
    "list_stories",
    "load_archetypes",
    "load_bank",
    "parse_story",
    "read_story",
]
