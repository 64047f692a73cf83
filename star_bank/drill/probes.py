"""Which question comes next: one rule per step of the interview, tried in interview order;
the first that fires on what the answers show is asked."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Callable

from star_bank.drill.evidence import Reading, late_telling
from star_bank.drill.script import PHASES, STEP_REASONS, DrillScript
from star_bank.drill.text import Blanks, one_line, quote
from star_bank.model.story import LEVELS

# An opening answer shorter than this gets "take me through it" before anything else.
SHORT_OPENING_WORDS = 25


@dataclass
class Asked:
    """A question put to the candidate: the step, why it was asked, and its words."""

    step: str
    reason: str
    phase: str
    probe: str | None
    text: str


@dataclass
class Progress:
    """What the interview has done so far, besides the answers: the level and what was asked."""

    level: str
    asks: Counter[str]
    reasons_asked: set[tuple[str, str]]


def next_question(
    script: DrillScript, reading: Reading, progress: Progress, phase: str, pending_text: str
) -> Asked | None:
    """The first step, from the current phase on, whose rule fires and whose reason was not asked yet."""
    current = PHASES.index(phase)
    for name, rule in STEP_RULES.items():
        step = script.steps[name]
        if PHASES.index(step.phase) < current or progress.asks[name] >= step.max_asks:
            continue
        found = rule(progress, reading)
        if found is None:
            continue
        reason, quoted = found
        if (name, reason) in progress.reasons_asked:
            continue
        text = step.lines[reason].format_map(Blanks(quote=quoted, question=pending_text))
        return Asked(name, reason, step.phase, step.probe, one_line(text))
    return None


# --- Step rules: (reason, quote) when the step should be asked, else None ---------------------

_Found = tuple[str, str] | None


def _ownership(progress: Progress, r: Reading) -> _Found:
    """Passive voice, "we" or blame first in a failure answer, or no decision told with "I"."""
    if r.latest.phase not in ("warmup", "failure"):
        return None
    owned = r.latest_signal("owned_decision")
    blame, we, passive = r.found("blame-first"), r.found("we-overuse"), r.found("passive-voice")
    # One stray passive beside decisions told with "I" is not dodging (the rubric's expert allows it).
    hides = bool(passive) and (len(passive) >= 2 or not owned)
    if progress.asks["ownership"]:
        if r.latest.step == "ownership" and (blame or we or hides or not owned):
            return "again", ""
        return None
    if blame:
        return "blame-first", r.quote(blame[0].offset, blame[0].text)
    if hides:
        return "passive-voice", r.quote(passive[0].offset, passive[0].text)
    if we:
        return "we-overuse", ""
    if not r.signal("owned_decision"):
        return "missing", ""
    return None


def _walkthrough(progress: Progress, r: Reading) -> _Found:
    """A short opening answer: ask for the whole story before anything else."""
    if r.answers == 1 and r.opening_words < SHORT_OPENING_WORDS:
        return "short", ""
    return None


def _signals(progress: Progress, r: Reading) -> _Found:
    """No warning sign named in any answer; once more if the answer says it came from nowhere."""
    if r.signal("warning_sign") or r.signal("missed_signal"):
        return None
    if not progress.asks["signals"]:
        return "missing", ""
    if r.latest.step == "signals" and r.latest_signal("out_of_nowhere"):
        return "nowhere", ""
    return None


def _dismissed(progress: Progress, r: Reading) -> _Found:
    """A warning sign named, but not why it was missed at the time."""
    signs = r.signal("warning_sign")
    if signs and not r.signal("missed_signal"):
        return "named", quote(signs[0].sentence)
    return None


def _contain(progress: Progress, r: Reading) -> _Found:
    return None if r.signal("recovery_step") else ("missing", "")


def _told(progress: Progress, r: Reading) -> _Found:
    """Nobody told, or told with no timing."""
    if r.signal("timed_communication"):
        return None
    told = r.signal("communication")
    if told:
        return "untimed", quote(told[0].sentence)
    return "missing", ""


def _gap(progress: Progress, r: Reading) -> _Found:
    """More than two days between knowing and telling (an interviewer asks why)."""
    for mark in r.signal("timed_communication"):
        if late_telling(mark.sentence):
            return "late", ""
    return None


def _lesson(progress: Progress, r: Reading) -> _Found:
    return "ask", ""


def _concrete(progress: Progress, r: Reading) -> _Found:
    """The lesson names no mechanism a colleague could see (a vague lesson is quoted back)."""
    if r.latest.phase != "lesson":
        return None
    vague = r.found("vague-lesson")
    vague_sentences = {r.sentence_at(f.offset) for f in r.findings if f.rule == "vague-lesson"}
    mechanisms = [m for m in r.signal("named_mechanism") if m.sentence not in vague_sentences]
    if mechanisms:
        return None
    if progress.asks["concrete"]:
        return "again", ""
    if vague:
        return "vague", vague[0].text
    return "missing", ""


def _in_place(progress: Progress, r: Reading) -> _Found:
    """Senior and Staff: a mechanism named, but not whether it is still in place."""
    if LEVELS.index(progress.level) < LEVELS.index("senior"):
        return None
    if r.signal("named_mechanism") and not r.signal("lesson_in_place"):
        return "unproven", ""
    return None


def _pattern(progress: Progress, r: Reading) -> _Found:
    """Staff: the pattern across failures, then the response to it."""
    if progress.level != "staff":
        return None
    repeated, response = r.signal("repeated_failure"), r.signal("pattern_response")
    if not repeated:
        return "missing", ""
    if not response:
        return "response", ""
    return None


# In interview order: the first rule that fires is the next question.
STEP_RULES: dict[str, Callable[[Progress, Reading], _Found]] = {
    "ownership": _ownership,
    "walkthrough": _walkthrough,
    "signals": _signals,
    "dismissed": _dismissed,
    "contain": _contain,
    "told": _told,
    "gap": _gap,
    "lesson": _lesson,
    "concrete": _concrete,
    "in_place": _in_place,
    "pattern": _pattern,
}
if set(STEP_RULES) != set(STEP_REASONS):  # a step without a rule, or a rule without lines
    raise RuntimeError("star_bank.drill.probes: STEP_RULES and STEP_REASONS name different steps")
