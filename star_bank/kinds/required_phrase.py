"""required_phrase: the story must say at least one of these things somewhere.

A story-level check: it passes as soon as any section's prose contains one of
the phrases (matched on lemmas, see star_bank.lexicon), and otherwise reports
one finding at the title. Used with `applies_to` for what a kind of story must
contain: a failure story names an early warning sign; a learning story names an
output the learning produced.
Options: `phrases`, `extra_phrases` (a user's additions), `max_gap`.
FAIL (no-warning-signal): a failure story that goes from the change to the outage.
PASS: "The first sign was a slow rise in retries that I dismissed as noise."
"""

from __future__ import annotations

from typing import Iterator

from pydantic import Field

from star_bank.analysis import AnalysedStory, Hit
from star_bank.kinds.options import KindOptions
from star_bank.lexicon import PhraseItem, any_phrase, compile_phrases

NEEDS_NLP = True


class Options(KindOptions):
    phrases: list[PhraseItem] = Field(min_length=1)
    extra_phrases: list[PhraseItem] = []
    max_gap: int = Field(0, ge=0, le=5)


def check(story: AnalysedStory, rule, options: Options) -> Iterator[Hit]:
    if not any(s.prose.text.strip() for s in story.sections):
        return  # an empty story is missing-section's business
    phrases = compile_phrases([*options.phrases, *options.extra_phrases])
    for section in story.sections:
        if section.doc is not None and any_phrase(list(section.doc), phrases, options.max_gap):
            return
    yield story.story_hit()
