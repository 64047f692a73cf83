"""Situation, Task, Action, Result and Lesson read from a story that has no labels.

About one story in five carries no STAR labels at all. Its parts still come in
telling order, and their sentences show which part they belong to: the task
("my job was to", "I was asked to"), the speaker's actions ("I proposed",
"then we"), the outcome ("as a result", a number, "shipped on time"), and the
lesson ("it taught me", "since then", "going forward"). Each sentence is scored
against those cues (data: `inference` in star_bank/data/section_labels.yaml) and
the best assignment that never goes back in the order is kept. The parts found
are marked `inferred`; the parser makes them into ordinary sections so every
rule reads them.
"""

from __future__ import annotations

import functools
import re

from star_bank.model.story import SectionKind
from star_bank.story.labels import section_labels

ORDER = (SectionKind.situation, SectionKind.task, SectionKind.action, SectionKind.result, SectionKind.lesson)
# Fewer sentences than this is not a story whose parts can be told apart.
MIN_SENTENCES = 4
# How strongly a cue pulls its sentence into its part; a lesson cue outside the
# closing part is more often a passing remark, so it must be strong to move there.
_PULL = {SectionKind.task: 2.0, SectionKind.action: 1.0, SectionKind.result: 2.0, SectionKind.lesson: 3.0}
# Putting a sentence with no lesson cue in the Lesson costs this much (so a last
# narrative sentence is not swept into it).
_LESSON_WITHOUT_CUE = -2.0


@functools.cache
def _cues() -> dict[SectionKind, re.Pattern[str]]:
    return {
        kind: re.compile(r"\b(?:" + "|".join(patterns) + r")\b", re.I)
        for kind, patterns in section_labels().inference.items()
    }


def sentence_cues(sentence: str) -> set[SectionKind]:
    """The parts whose cues a sentence shows."""
    return {kind for kind, pattern in _cues().items() if pattern.search(sentence)}


def infer_parts(sentences: list[str]) -> list[SectionKind] | None:
    """One part per sentence, in telling order, or None when the prose is too short
    or shows no action and no outcome to tell the parts apart by."""
    if len(sentences) < MIN_SENTENCES:
        return None
    cues = [sentence_cues(s) for s in sentences]
    if not any(SectionKind.action in c or SectionKind.result in c for c in cues[1:]):
        return None
    return _best_order(cues)


def _score(position: int, kind: SectionKind, cues: set[SectionKind]) -> float:
    if position == 0:
        return 0.0 if kind is SectionKind.situation else float("-inf")
    score = _PULL.get(kind, 0.0) if kind in cues else 0.0
    if kind is SectionKind.lesson and kind not in cues:
        score += _LESSON_WITHOUT_CUE
    if kind is SectionKind.situation and cues & {SectionKind.action, SectionKind.result}:
        score -= 0.5
    return score


def _best_order(cues: list[set[SectionKind]]) -> list[SectionKind]:
    """The non-decreasing assignment of parts with the highest total score (dynamic programming)."""
    states = len(ORDER)
    best = [[float("-inf")] * states for _ in cues]
    back = [[0] * states for _ in cues]
    for s in range(states):
        best[0][s] = _score(0, ORDER[s], cues[0])
    for i in range(1, len(cues)):
        for s in range(states):
            prev = max(range(s + 1), key=lambda p: (best[i - 1][p], -p))
            best[i][s] = best[i - 1][prev] + _score(i, ORDER[s], cues[i])
            back[i][s] = prev
    state = max(range(states), key=lambda s: (best[-1][s], -s))
    path = [state]
    for i in range(len(cues) - 1, 0, -1):
        state = back[i][state]
        path.append(state)
    return [ORDER[s] for s in reversed(path)]
