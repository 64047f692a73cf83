"""required_phrase: the story must say at least one of these things somewhere.

A story-level check: it passes as soon as any section's prose contains one of
the phrases (matched on lemmas, see star_bank.nlp.lexicon), and otherwise reports
one finding at the title. Used with `applies_to` for what a kind of story must
contain: a failure story names an early warning sign; a learning story names an
output the learning produced.
Options: `phrases`, `extra_phrases` (a user's additions), `max_gap`, and
`speaker_only`: a verb counts only when the speaker does it ("I shipped",
"we built"), not when someone else does ("our org decided to build").
FAIL (no-warning-signal): a failure story that goes from the change to the outage.
PASS: "The first sign was a slow rise in retries that I dismissed as noise."
"""

from __future__ import annotations

from typing import Iterator

from pydantic import Field

from star_bank.nlp.analysis import AnalysedStory, Hit, is_first_person_singular, subject_of
from star_bank.lint.kinds.options import KindOptions
from star_bank.lint.rule import Rule
from star_bank.nlp.lexicon import PhraseItem, compile_phrases, find_phrases

NEEDS_NLP = True


class Options(KindOptions):
    phrases: list[PhraseItem] = Field(min_length=1)
    extra_phrases: list[PhraseItem] = []
    max_gap: int = Field(0, ge=0, le=5)
    speaker_only: bool = False


def check(story: AnalysedStory, rule: Rule, options: Options) -> Iterator[Hit]:
    if not any(s.prose.text.strip() for s in story.sections):
        return  # an empty story is missing-section's business
    phrases = compile_phrases([*options.phrases, *options.extra_phrases])
    for section in story.sections:
        if section.doc is None:
            continue
        for first, _, _ in find_phrases(list(section.doc), phrases, options.max_gap):
            if not options.speaker_only or _said_of_speaker(first):
                return
    yield story.story_hit()


def _said_of_speaker(token) -> bool:
    """A verb whose subject is the speaker ('I', 'we', 'my manager and I'); any other word."""
    if token.pos_ not in ("VERB", "AUX"):
        return True
    subject = subject_of(token)
    return subject is None or is_first_person_singular(subject) or subject.lower_ == "we"
