"""speaking_time: a story too long to tell in the time an interviewer gives.

Options: `words_per_minute` (speaking pace), `max_minutes`.
FAIL: 520 words of prose (about 3.5 minutes at 150 words a minute).
PASS: 380 words (about 2.5 minutes).
"""

from __future__ import annotations

from typing import Iterator

from pydantic import Field

from star_bank.nlp.analysis import AnalysedStory, Hit
from star_bank.lint.kinds.options import KindOptions
from star_bank.lint.rule import Rule
from star_bank.lint.wording import with_unit
from star_bank.story.prose import count_words

NEEDS_NLP = False


class Options(KindOptions):
    words_per_minute: int = Field(150, gt=0)
    max_minutes: float = Field(3.0, gt=0, json_schema_extra={"unit": "minute"})


def check(story: AnalysedStory, rule: Rule, options: Options) -> Iterator[Hit]:
    words = sum(count_words(s.prose.text) for s in story.sections) if story.sections else story.story.words
    minutes = words / options.words_per_minute
    if minutes > options.max_minutes:
        yield story.story_hit(
            words=words,
            minutes=with_unit(f"{minutes:.1f}", "minute"),
            wpm=options.words_per_minute,
        )
