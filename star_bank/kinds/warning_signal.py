"""warning_signal: a failure story that names no early warning sign.

An interviewer asks what signals were there before it became a crisis; a
strong failure story names one (a metric creeping up, an alert, a review
comment, a slipped milestone) and says why it was missed.
Options: `signals`, `extra_signals` (lemma phrases; any match anywhere passes).
FAIL: a failure story that goes straight from the change to the outage.
PASS: "The first sign was a slow rise in retry counts that I dismissed as noise."
"""

from __future__ import annotations

from typing import Iterator

from star_bank.analysis import AnalysedStory, Hit
from star_bank.kinds.options import KindOptions
from star_bank.lexicon import any_phrase, compile_phrases

NEEDS_NLP = True


class Options(KindOptions):
    signals: list[str] = [
        "signal", "=sign", "=signs", "warning", "symptom", "alert", "alarm", "red flag", "notice",
        "spot", "flag", "creep", "spike", "climb", "trend", "slip", "dismiss", "ignore",
        "overlook", "hint", "clue", "smell",
        "complaint", "error rate", "=paged", "pager", "dashboard", "graph", "warn", "caution",
        "concern", "tick up", "uptick", "drift", "anomaly", "brush off", "wave off",
        "shrug off", "design review", "review comment", "point out", "warn", "ask whether",
        "ask how", "ask why",
    ]
    extra_signals: list[str] = []


def check(story: AnalysedStory, rule, options: Options) -> Iterator[Hit]:
    if not story.is_failure:
        return
    signals = compile_phrases([*options.signals, *options.extra_signals])
    for section in story.sections:
        if section.doc is not None and any_phrase(list(section.doc), signals):
            return
    if story.sections:
        yield story.story_hit()
