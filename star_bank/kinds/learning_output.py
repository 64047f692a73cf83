"""learning_output: a learning story told as topics studied, with nothing made.

A learning story passes when the speaker did something observable with what
they learned: shipped, built, merged, fixed, taught, presented, wrote a guide.
Options: `outputs`, `extra_outputs` (lemmas of verbs or phrases that count as output).
FAIL: "I have been reading about distributed systems and watching lectures on ML."
PASS: "I used what I learned to ship the batching change and taught it in a brown-bag."
"""

from __future__ import annotations

from typing import Iterator

from star_bank.analysis import AnalysedStory, Hit
from star_bank.kinds.options import KindOptions
from star_bank.lexicon import any_phrase, compile_phrases

NEEDS_NLP = True


class Options(KindOptions):
    outputs: list[str] = [
        "ship", "build", "launch", "release", "merge", "deploy", "publish", "present", "teach",
        "mentor", "deliver", "implement", "fix", "migrate", "automate", "land", "rewrite",
        "refactor", "prototype", "integrate", "open-source", "contribute", "cut", "reduce",
        "replace", "run a workshop", "give a talk", "write a guide", "write a doc",
        "write the guide", "write the doc", "write a runbook", "write a design", "pr",
        "pull request", "demo", "benchmark", "measure", "handle", "resolve", "lead",
    ]
    extra_outputs: list[str] = []


def check(story: AnalysedStory, rule, options: Options) -> Iterator[Hit]:
    if not story.is_learning:
        return
    outputs = compile_phrases([*options.outputs, *options.extra_outputs])
    for section in story.sections:
        if section.doc is not None and any_phrase(list(section.doc), outputs, max_gap=1):
            return
    yield story.story_hit()
