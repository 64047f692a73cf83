"""speaking_time: a story too long to tell in the time an interviewer gives.

Options: `words_per_minute` (speaking pace), `max_minutes`.
Headings that name no STAR part count as words said ("Stage two: sharding"), and so do the
words before the first label (an introduction is said too).
FAIL: 520 words of prose (about 3.5 minutes at 150 words a minute).
PASS: 380 words (about 2.5 minutes).
"""

from __future__ import annotations

from typing import Iterator

from pydantic import Field

from star_bank.nlp.analysis import AnalysedStory, Hit, SectionText
from star_bank.lint.kinds.options import KindOptions
from star_bank.lint.rule import Rule
from star_bank.lint.wording import with_unit
from star_bank.model.story import SectionKind

NEEDS_NLP = False


class Options(KindOptions):
    words_per_minute: int = Field(150, gt=0)
    max_minutes: float = Field(3.0, gt=0, json_schema_extra={"unit": "minute"})


def spoken_words(story: AnalysedStory) -> int:
    """The words a speaker would say: the prose, and the headings that name no STAR part
    ("Stage two: partitioning the table" is content; "## Result" is not said aloud)."""
    if not story.sections:
        return story.story.words
    from star_bank.story.prose import count_words  # here: its patterns are compiled on import

    return sum(count_words(s.prose.text) + (count_words(s.label) if _said_heading(story, s) else 0) for s in story.sections)


def _said_heading(story: AnalysedStory, section: SectionText) -> bool:
    """A written heading that names no STAR part (the opening before the first label has none)."""
    start, end = section.heading
    return section.kind is SectionKind.other and not story.unlabelled and end > start


def check(story: AnalysedStory, rule: Rule, options: Options) -> Iterator[Hit]:
    words = spoken_words(story)
    minutes = words / options.words_per_minute
    if minutes > options.max_minutes:
        yield story.story_hit(
            words=words,
            minutes=with_unit(f"{minutes:.1f}", "minute"),
            wpm=options.words_per_minute,
        )
