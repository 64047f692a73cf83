"""The interviewer's script: the phases of the interview and the lines and hints in
data/drill.yaml, validated against the steps the drill runs."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, model_validator

from star_bank.data.loader import load_yaml_model
from star_bank.data.paths import data_path

DRILL_FILE = data_path("drill.yaml")
DEFAULT_SCENARIO = "execution"
HINT_WORDS = frozenset({"hint", "/hint", "hint please", "a hint", "hint?"})

Phase = Literal["warmup", "failure", "detection", "recovery", "lesson", "pattern", "closing"]
Probe = Literal["ownership", "detection", "recovery", "concrete_lesson", "pattern_awareness"]
TurnKind = Literal["question", "probe", "hint", "nudge", "closing", "answer", "hint-request"]
DraftSection = Literal["situation", "task", "action", "result", "lesson"]

# The order of the interview; a session never goes back to an earlier phase.
PHASES: tuple[str, ...] = ("warmup", "failure", "detection", "recovery", "lesson", "pattern", "closing")

# The reasons each step can be asked for (a line in drill.yaml for each).
STEP_REASONS: dict[str, tuple[str, ...]] = {
    "walkthrough": ("short",),
    "ownership": ("passive-voice", "we-overuse", "blame-first", "missing", "again"),
    "focus": ("archetype",),
    "signals": ("missing", "nowhere"),
    "dismissed": ("named",),
    "contain": ("missing",),
    "told": ("missing", "untimed"),
    "gap": ("late",),
    "lesson": ("ask",),
    "concrete": ("vague", "missing", "again"),
    "in_place": ("unproven",),
    "pattern": ("missing", "response"),
}


class DrillError(Exception):
    """A drill that cannot run as asked, or unusable drill data (one-line message)."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class StepLines(_Strict):
    """One follow-up: its phase, the dimension it presses, a line per reason to ask it, and the
    hints given while it waits for an answer."""

    phase: Literal["failure", "detection", "recovery", "lesson", "pattern"]
    probe: Probe | None = None
    max_asks: int = Field(1, ge=1, le=5)
    hints: list[str] = Field(min_length=1)
    lines: dict[str, str]


class Scenario(_Strict):
    """A practice scenario: its question, the cues that pick it, and its levels of hints.

    `focus` is what the question is for, asked about once after the opening (the
    scenarios built from archetypes.yaml have it; the failure scenarios press on
    ownership, detection and recovery instead).
    """

    title: str
    archetype: int = Field(ge=1, le=10)
    question: str
    cues: list[str] = Field(min_length=1)
    hints: list[str] = Field(min_length=1)
    focus: str | None = None


class DrillScript(_Strict):
    """Everything in drill.yaml, validated against the steps the drill runs."""

    greeting: str
    archetype_greeting: str
    warmup: str
    nudge: str
    closing: str
    hint_prefix: str
    no_more_hints: str
    draft_prompts: dict[DraftSection, str]
    steps: dict[str, StepLines]
    scenarios: dict[str, Scenario]
    # Hints for an archetype's scenario, filled from archetypes.yaml: {probes}, {shape},
    # {situation}, {task}, {action}, {result} (its template) and {tie_in}.
    archetype_hints: list[str] = Field(min_length=1)

    @model_validator(mode="after")
    def _complete(self) -> "DrillScript":
        for name, reasons in STEP_REASONS.items():
            step = self.steps.get(name)
            if step is None:
                raise ValueError(f"steps.{name}: missing")
            absent = set(reasons) - set(step.lines)
            if absent:
                raise ValueError(f"steps.{name}.lines: missing {', '.join(sorted(absent))}")
        unknown = set(self.steps) - set(STEP_REASONS)
        if unknown:
            raise ValueError(f"steps: no such step {', '.join(sorted(unknown))}")
        absent = set(get_args(DraftSection)) - set(self.draft_prompts)
        if absent:
            raise ValueError(f"draft_prompts: missing {', '.join(sorted(absent))}")
        if any("--" in prompt for prompt in self.draft_prompts.values()):
            raise ValueError("draft_prompts: '--' would end the HTML comment early")
        if DEFAULT_SCENARIO not in self.scenarios:
            raise ValueError(f"scenarios: missing {DEFAULT_SCENARIO}")
        return self


def load_drill_script(path: str | Path | None = None) -> DrillScript:
    """The interviewer's lines and hints from `path` (default: the file shipped in the package)."""
    if path is None:
        return _default_script()
    return _read_script(Path(path))


@functools.cache
def _default_script() -> DrillScript:
    return _read_script(DRILL_FILE)


def _read_script(path: Path) -> DrillScript:
    return load_yaml_model(path, DrillScript, DrillError)
