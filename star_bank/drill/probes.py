"""Which question comes next: one rule per step of the interview, tried in interview order;
the first that fires on what the answers show is asked.

A rule asks only for what the answers so far do not already cover, as the
rubric rates them (evidence.py): a recovery told with its timing and who was
told draws no recovery question, a lesson told in the first answer is not
asked for again. The ownership rule reacts to the latest answer instead: a
passive or "we" answer before the lesson is asked about the speaker's own part,
whatever the phase.
"""

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
# Steps that react to the latest answer, in any phase up to this one (not only in their own).
REACTIVE_STEPS = {"ownership": "recovery"}


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
    focus: str | None = None  # what the scenario's question is for (archetypes.yaml's probes)


def next_question(
    script: DrillScript, reading: Reading, progress: Progress, phase: str, pending_text: str
) -> Asked | None:
    """The first step, from the current phase on, whose rule fires and whose reason was not asked yet."""
    current = PHASES.index(phase)
    for name, rule in STEP_RULES.items():
        step = script.steps[name]
        reactive = name in REACTIVE_STEPS and current <= PHASES.index(REACTIVE_STEPS[name])
        if (PHASES.index(step.phase) < current and not reactive) or progress.asks[name] >= step.max_asks:
            continue
        found = rule(progress, reading)
        if found is None:
            continue
        reason, quoted = found
        if (name, reason) in progress.reasons_asked:
            continue
        text = step.lines[reason].format_map(Blanks(quote=quoted, question=pending_text, focus=progress.focus or ""))
        # A reactive step asked later keeps the interview in its phase: it never goes back.
        return Asked(name, reason, PHASES[max(PHASES.index(step.phase), current)], step.probe, one_line(text))
    return None


# --- Step rules: (reason, quote) when the step should be asked, else None ---------------------

_Found = tuple[str, str] | None


def _ownership(progress: Progress, r: Reading) -> _Found:
    """The latest answer (before the lesson) hides the speaker: passive voice, "we" or blame
    first; or, once, no decision of the speaker's anywhere (the rubric's ownership not expert)."""
    if r.latest.phase not in ("warmup", "failure", "detection", "recovery"):
        return None
    owned = r.latest_signal("owned_decision")
    blame, we, passive = r.found("blame-first"), r.found("we-overuse"), r.found("passive-voice")
    # One stray passive beside decisions told with "I" is not dodging (the rubric's expert allows it).
    hides = bool(passive) and (len(passive) >= 2 or not owned)
    if progress.asks["ownership"] and r.latest.step == "ownership":
        if blame or we or hides or not (owned or r.rated("ownership", "expert")):
            return "again", ""
        return None
    if blame:
        return "blame-first", r.quote(blame[0].offset, blame[0].text)
    if hides:
        return "passive-voice", r.quote(passive[0].offset, passive[0].text)
    if we:
        return "we-overuse", ""
    if r.latest.phase in ("warmup", "failure") and not r.signal("owned_decision") and not r.rated("ownership", "expert"):
        return "missing", ""
    return None


def _walkthrough(progress: Progress, r: Reading) -> _Found:
    """A short opening answer: ask for the whole story before anything else."""
    if r.answers == 1 and r.opening_words < SHORT_OPENING_WORDS:
        return "short", ""
    return None


def _focus(progress: Progress, r: Reading) -> _Found:
    """An archetype's scenario: once, what its question is for (its probes in archetypes.yaml)."""
    return ("archetype", "") if progress.focus else None


def _signals(progress: Progress, r: Reading) -> _Found:
    """No sign of the problem or moment it was noticed (the rubric's detection is novice);
    once more if the answer says it came from nowhere."""
    if not r.failure or r.rated("detection", "intermediate"):
        return None
    if not progress.asks["signals"]:
        return "missing", ""
    if r.latest.step == "signals" and r.latest_signal("out_of_nowhere"):
        return "nowhere", ""
    return None


def _dismissed(progress: Progress, r: Reading) -> _Found:
    """An early warning sign named, but not why it was missed at the time."""
    if not r.failure or r.rated("detection", "expert"):
        return None
    signs = r.signal("warning_sign")
    if signs and not r.signal("missed_signal"):
        return "named", quote(signs[0].sentence)
    return None


def _contain(progress: Progress, r: Reading) -> _Found:
    """Nothing done once it went wrong (the rubric's recovery is novice), or done only in the
    passive ("the fix was released"): an interviewer still asks what the speaker did."""
    if not r.failure or (r.rated("recovery", "intermediate") and not _recovered_unseen(r)):
        return None
    return "missing", ""


def _recovered_unseen(r: Reading) -> bool:
    """The rubric's recovery rests only on sentences the passive-voice rule flags."""
    if r.signal("recovery_step") or r.signal("communication"):
        return False  # a step or a telling of the speaker's own is there
    rating = next((d for d in r.scorecard.dimensions if d.name == "recovery"), None)
    hidden = {f.line for f in r.findings if f.rule == "passive-voice"}
    return rating is not None and bool(rating.evidence) and all(e.line in hidden for e in rating.evidence)


def _told(progress: Progress, r: Reading) -> _Found:
    """Nobody told, or told with no timing (the rubric's recovery is not expert)."""
    if not r.failure or r.rated("recovery", "expert"):
        return None
    told = r.signal("communication")
    if told and not r.signal("timed_communication"):
        return "untimed", quote(told[0].sentence)
    if told:
        return None
    return "missing", ""


def _gap(progress: Progress, r: Reading) -> _Found:
    """More than two days between knowing and telling (an interviewer asks why)."""
    for mark in r.signal("timed_communication"):
        if late_telling(mark.sentence):
            return "late", ""
    return None


def _lesson(progress: Progress, r: Reading) -> _Found:
    """No lesson told in any answer yet."""
    return None if r.lessons else ("ask", "")


def _concrete(progress: Progress, r: Reading) -> _Found:
    """The lessons told name no mechanism a colleague could see (a vague one is quoted back)."""
    if not r.lessons or any(lesson.observable for lesson in r.lessons):
        return None
    if progress.asks["concrete"]:
        return "again", ""
    flagged = [f for f in r.findings if f.rule == "vague-lesson"]  # the words the lint rule quotes
    if flagged:
        return "vague", quote(flagged[0].text)
    vague = [lesson for lesson in r.lessons if lesson.vague]
    if vague:
        return "vague", quote(vague[0].text)
    return "missing", ""


def _in_place(progress: Progress, r: Reading) -> _Found:
    """Senior and Staff: a mechanism named, but not whether it is still in place (unless the
    rubric already rates the lesson expert at this level: at Staff that needs proof it held)."""
    if LEVELS.index(progress.level) < LEVELS.index("senior") or r.rated("concrete_lesson", "expert"):
        return None
    if any(lesson.observable for lesson in r.lessons) and not r.signal("lesson_in_place"):
        return "unproven", ""
    return None


def _pattern(progress: Progress, r: Reading) -> _Found:
    """Staff: the pattern across failures, then the response to it."""
    if progress.level != "staff" or r.rated("pattern_awareness", "expert"):
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
    "focus": _focus,
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
