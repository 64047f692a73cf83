"""A practice interview about a failure, played turn by turn, with no language model.

    session = DrillSession(level="senior")
    session.start().text            # a greeting and the warm-up question
    turn = session.answer("Mistakes were made during the cutover. I learned to communicate better.")
    turn.probe                      # "ownership": the answer hides who decided
    ...
    session.scorecard()             # the failure rubric's scorecard for the whole session
    session.story_text()            # the answers as a story draft for the bank

The interviewer works in two passes. First the failure, told in full: the
opening question, then the candidate's own part in it, then detection (the
warning signs) and recovery (what was contained, who was told and when). Only
then the lesson, pressed until it is something a colleague could observe, and,
for Staff, the pattern across failures. It never asks for the lesson before
the failure is told.

Every follow-up comes from what the answers show, read the way `starlint` and
`starbank score` read a story: the answers are assembled into a story (the
opening sentence as the Situation, the candidate's role as the Task, the rest
of the failure, detection and containment as the Action, who was told as the
Result, the lesson answers as the Lesson), linted, and searched for the
rubric's positive signals. The linter's findings on the latest answer say what
it lacks (passive voice, "we", blame first, a vague lesson, no observable
change); the signals on all answers say which phases are already covered (a
decision told with "I", a warning sign, who was told and when, a mechanism
still in place), so a phase the candidate has covered is not asked again.

The words are data (star_bank/data/drill.yaml); this module decides which line
comes when, does no I/O and returns pydantic values.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

from star_bank.model.story import LEVELS, SectionKind
from star_bank.story.parse import classify_label, parse_story
from star_bank.data.loader import load_yaml_model
from star_bank.data.paths import data_path
from star_bank.model.scorecard import Scorecard

if TYPE_CHECKING:
    from star_bank.nlp.analysis import AnalysedStory
    from star_bank.model.findings import Finding
    from star_bank.lint.engine import Linter
    from star_bank.rubric.signals import Mark

DRILL_FILE = data_path("drill.yaml")
DEFAULT_LEVEL = "senior"
DEFAULT_SCENARIO = "execution"
HINT_WORDS = frozenset({"hint", "/hint", "hint please", "a hint", "hint?"})

Phase = Literal["warmup", "failure", "detection", "recovery", "lesson", "pattern", "closing"]
Probe = Literal["ownership", "detection", "recovery", "concrete_lesson", "pattern_awareness"]
TurnKind = Literal["question", "probe", "hint", "nudge", "closing", "answer", "hint-request"]

# The order of the interview; a session never goes back to an earlier phase.
PHASES: tuple[str, ...] = ("warmup", "failure", "detection", "recovery", "lesson", "pattern", "closing")


class DrillError(Exception):
    """A drill that cannot run as asked, or unusable drill data (one-line message)."""


# --- The interviewer's words (drill.yaml) ---------------------------------------------------


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class StepLines(_Strict):
    """One follow-up: its phase, the dimension it presses, and a line per reason to ask it."""

    phase: Literal["failure", "detection", "recovery", "lesson", "pattern"]
    probe: Probe | None = None
    max_asks: int = Field(1, ge=1, le=5)
    lines: dict[str, str]


class Scenario(_Strict):
    """A practice scenario: its question, the cues that pick it, and four levels of hints."""

    title: str
    archetype: int = Field(ge=1, le=10)
    question: str
    cues: list[str] = Field(min_length=1)
    hints: list[str] = Field(min_length=1)


class DrillScript(_Strict):
    """Everything in drill.yaml, validated against the steps this module runs."""

    greeting: str
    warmup: str
    nudge: str
    closing: str
    hint_prefix: str
    no_more_hints: str
    draft_prompts: dict[Literal["situation", "task", "action", "result", "lesson"], str]
    steps: dict[str, StepLines]
    scenarios: dict[str, Scenario]

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
        absent = {kind.value for kind in STORY_ORDER} - set(self.draft_prompts)
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


def choose_scenario(
    question: str | None = None, archetype: int | None = None, script: DrillScript | None = None
) -> str:
    """The scenario whose hints fit: by archetype, else by the cue words in the question."""
    script = script or load_drill_script()
    if archetype is not None:
        for name, scenario in script.scenarios.items():
            if scenario.archetype == archetype:
                return name
        offered = ", ".join(
            f"{s.archetype} ({s.title.lower()})"
            for s in {s.archetype: s for s in script.scenarios.values()}.values()
        )
        raise DrillError(f"archetype {archetype} is not a failure archetype; the drill practises {offered}")
    if not question:
        return DEFAULT_SCENARIO
    text = question.lower()
    counts = {
        name: sum(1 for cue in s.cues if re.search(rf"(?<![\w-]){re.escape(cue.lower())}(?![\w-])", text))
        for name, s in script.scenarios.items()
    }
    best = max(counts.values())
    if best == 0:
        return DEFAULT_SCENARIO
    return next(name for name, count in counts.items() if count == best)


# --- What a session returns ------------------------------------------------------------------


class Turn(BaseModel):
    """One turn of the interview.

    `probe` is the rubric dimension an interviewer follow-up presses on (None for
    the opening, the phase questions, hints and every candidate turn).
    """

    role: Literal["interviewer", "candidate"]
    text: str
    phase: Phase
    probe: Probe | None = None
    kind: TurnKind


class DrillTranscript(BaseModel):
    """The whole session: its turns and the scorecard of the answers (None when there were none)."""

    turns: list[Turn]
    scorecard: Scorecard | None = None

    def probes(self) -> list[str]:
        """The dimensions the interviewer pressed on, in order."""
        return [t.probe for t in self.turns if t.role == "interviewer" and t.probe is not None]


# --- The session --------------------------------------------------------------------------------

# The reasons each step can be asked for (a line in drill.yaml for each).
STEP_REASONS: dict[str, tuple[str, ...]] = {
    "walkthrough": ("short",),
    "ownership": ("passive-voice", "we-overuse", "blame-first", "missing", "again"),
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

# Where an answer to each step goes in the assembled story. The opening answer
# is split: its first sentence is the Situation, the rest the Action. The drill
# never asks for the outcome in numbers, so the Result is left for the author
# (with a prompt in an HTML comment), as is any section no answer went to.
STEP_SECTION: dict[str, SectionKind] = {
    "walkthrough": SectionKind.task,
    "ownership": SectionKind.task,
    "signals": SectionKind.action,
    "dismissed": SectionKind.action,
    "contain": SectionKind.action,
    "told": SectionKind.action,  # the rubric counts timed steps, telling included, in the Action
    "gap": SectionKind.action,
    "lesson": SectionKind.lesson,
    "concrete": SectionKind.lesson,
    "in_place": SectionKind.lesson,
    "pattern": SectionKind.lesson,
}
STORY_ORDER = (SectionKind.situation, SectionKind.task, SectionKind.action, SectionKind.result, SectionKind.lesson)
SECTION_TITLES = {
    SectionKind.situation: "Situation",
    SectionKind.task: "Task",
    SectionKind.action: "Action",
    SectionKind.result: "Result",
    SectionKind.lesson: "Lesson",
}

# An opening answer shorter than this gets "take me through it" before anything else.
SHORT_OPENING_WORDS = 25
# Telling people this many days (or any weeks) after knowing is worth asking about.
LATE_TELLING_DAYS = 3
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "several": 3, "few": 3}
_LATE = re.compile(
    r"\b(?P<count>\d+|two|three|four|five|six|seven|several|few)\s+(?P<unit>days?|weeks?|months?)\b"
    r"|\b(?:a|one|next|the following)\s+(?P<single>week|month)\b",
    re.I,
)


@dataclass
class _Answer:
    text: str
    step: str  # the step it answers ("opening" for the first question)
    phase: str


@dataclass
class _Asked:
    step: str
    reason: str
    phase: str
    probe: str | None
    text: str


@dataclass
class _Reading:
    """What the answers so far show, for the step rules."""

    analysed: "AnalysedStory"
    findings: list["Finding"]
    marks: dict[str, list["Mark"]]
    latest_findings: list["Finding"]
    latest_marks: dict[str, list["Mark"]]
    sentence_at: Callable[[int], str | None]
    latest: _Answer
    opening_words: int
    answers: int

    def found(self, rule: str) -> list["Finding"]:
        return [f for f in self.latest_findings if f.rule == rule]

    def signal(self, name: str) -> list["Mark"]:
        return self.marks.get(name, [])

    def latest_signal(self, name: str) -> list["Mark"]:
        return self.latest_marks.get(name, [])

    def quote(self, offset: int, fallback: str = "") -> str:
        return _quote(self.sentence_at(offset) or fallback)


@dataclass
class _Draft:
    """The assembled story and where each answer landed in it."""

    text: str
    spans: list[tuple[int, int, int]] = field(default_factory=list)  # (answer, start, end)
    headings: dict[SectionKind, tuple[int, int]] = field(default_factory=dict)
    sections_of: dict[int, set[SectionKind]] = field(default_factory=dict)


class DrillSession:
    """A practice interview: give it answers one at a time, get the interviewer's next turn.

    `question` (asked instead of the warm-up) or `archetype` (3 or 8: its
    scenario's question) pick the scenario whose hints are given; `level`
    (swe1, swe2, senior, staff) sets what is expected; `linter` is reused if
    given (its configuration applies), else a default one is built when first
    needed. Nothing is printed and nothing is read from a terminal.
    """

    def __init__(
        self,
        *,
        question: str | None = None,
        archetype: int | None = None,
        level: str | None = None,
        linter: "Linter | None" = None,
        script: DrillScript | None = None,
        path: str = "practice session",
    ) -> None:
        if question is not None and archetype is not None:
            raise DrillError("give a question or an archetype, not both")
        if question is not None and not question.strip():
            raise DrillError("the question is empty")
        self.script = script or load_drill_script()
        self.scenario_name = choose_scenario(question, archetype, self.script)
        self.scenario = self.script.scenarios[self.scenario_name]
        self.level = level or getattr(linter, "level", None) or DEFAULT_LEVEL
        if self.level not in LEVELS:
            raise DrillError(f"unknown level {self.level!r}: use one of {', '.join(LEVELS)}")
        if question is not None:
            self.opening, self.opening_phase = question.strip(), "failure"
        elif archetype is not None:
            self.opening, self.opening_phase = _one_line(self.scenario.question), "failure"
        else:
            self.opening, self.opening_phase = _one_line(self.script.warmup), "warmup"
        self.path = path
        self.turns: list[Turn] = []
        self.done = False
        self._linter = linter
        self._answers: list[_Answer] = []
        self._pending: _Asked | None = None
        self._phase = self.opening_phase
        self._asks: Counter[str] = Counter()
        self._reasons_asked: set[tuple[str, str]] = set()
        self._hints = 0
        self._cache: tuple[int, Any] | None = None

    # -- the conversation ------------------------------------------------------------------

    @property
    def phase(self) -> str:
        """The phase of the question waiting for an answer ("closing" once done)."""
        return "closing" if self.done else self._phase

    @property
    def answers(self) -> list[str]:
        """The candidate's answers so far (hints and empty answers are not answers)."""
        return [a.text for a in self._answers]

    def start(self) -> Turn:
        """The greeting and the first question."""
        if self.turns:
            raise DrillError("the session has already started")
        self._pending = _Asked("opening", "", self.opening_phase, None, self.opening)
        text = f"{_one_line(self.script.greeting)} {self.opening}"
        return self._say(text, self.opening_phase, None, "question")

    def answer(self, text: str) -> Turn:
        """Record the candidate's answer and return the interviewer's next turn.

        `hint` as the answer gives the next hint instead; an empty answer gets the
        question again. When nothing is left to ask, the turn is the closing line
        and `done` is True.
        """
        if not self.turns:
            raise DrillError("start the session first")
        if self.done or self._pending is None:
            raise DrillError("the session is over")
        pending = self._pending
        cleaned = clean_answer(text)
        if cleaned.strip().lower() in HINT_WORDS:
            self.turns.append(Turn(role="candidate", text=text.strip(), phase=pending.phase, kind="hint-request"))
            return self.hint()
        if not cleaned:
            nudge = self.script.nudge.format_map(_Blank(question=pending.text))
            return self._say(_one_line(nudge), pending.phase, None, "nudge")
        self.turns.append(Turn(role="candidate", text=text.strip(), phase=pending.phase, kind="answer"))
        self._answers.append(_Answer(cleaned, pending.step, pending.phase))
        asked = self._next_question()
        if asked is None:
            return self.finish()
        self._pending = asked
        self._phase = asked.phase
        self._asks[asked.step] += 1
        self._reasons_asked.add((asked.step, asked.reason))
        return self._say(asked.text, asked.phase, asked.probe, "probe" if asked.probe else "question")

    def hint(self) -> Turn:
        """The next hint for the scenario (level 1, then 2, ... up to 4), then a last word."""
        if self.done or self._pending is None:
            raise DrillError("the session is over")
        hints = self.scenario.hints
        if self._hints < len(hints):
            self._hints += 1
            prefix = self.script.hint_prefix.format_map(_Blank(level=self._hints, count=len(hints)))
            text = f"{prefix} {_one_line(hints[self._hints - 1])}"
        else:
            text = _one_line(self.script.no_more_hints.format_map(_Blank(question=self._pending.text)))
        return self._say(text, self._pending.phase, None, "hint")

    def finish(self) -> Turn:
        """End the session (also when the candidate stops early): the closing line."""
        if self.done:
            return self.turns[-1]
        self.done = True
        self._pending = None
        return self._say(_one_line(self.script.closing), "closing", None, "closing")

    def play(self, answers: list[str]) -> "DrillSession":
        """A scripted session: the greeting, every answer in turn until the interviewer
        is done or the answers run out, then the close."""
        self.start()
        for answer in answers:
            if self.done:
                break
            self.answer(answer)
        self.finish()
        return self

    def prepare(self) -> None:
        """Load the spaCy pipeline now (call it from a thread while the candidate types)."""
        from star_bank.nlp.pipeline import load_pipeline

        load_pipeline(self.linter.config.pipeline)

    # -- results ---------------------------------------------------------------------------

    @property
    def linter(self) -> "Linter":
        if self._linter is None:
            from star_bank.lint.engine import Linter

            self._linter = Linter(level=self.level)
        return self._linter

    def story_text(self) -> str:
        """The answers as a story draft: front matter, a title and STAR headings."""
        return self._draft().text

    def scorecard(self) -> Scorecard | None:
        """The failure rubric's scorecard of all answers, at the session's level (None before any)."""
        if not self._answers:
            return None
        from star_bank.rubric.score import score_analysed

        analysed, findings, _ = self._analysis()
        return score_analysed(analysed, findings, level=self.level)

    def transcript(self) -> DrillTranscript:
        """The turns so far and the scorecard of the answers."""
        return DrillTranscript(turns=list(self.turns), scorecard=self.scorecard())

    # -- internals -------------------------------------------------------------------------

    def _say(self, text: str, phase: str, probe: str | None, kind: str) -> Turn:
        turn = Turn(role="interviewer", text=text, phase=phase, probe=probe, kind=kind)  # type: ignore[arg-type]
        self.turns.append(turn)
        return turn

    def _next_question(self) -> _Asked | None:
        reading = self._reading()
        current = PHASES.index(self._phase)
        for name, rule in _STEP_RULES.items():
            step = self.script.steps[name]
            if PHASES.index(step.phase) < current or self._asks[name] >= step.max_asks:
                continue
            found = rule(self, reading)
            if found is None:
                continue
            reason, quote = found
            if (name, reason) in self._reasons_asked:
                continue
            text = step.lines[reason].format_map(_Blank(quote=quote, question=self._pending.text if self._pending else ""))
            return _Asked(name, reason, step.phase, step.probe, _one_line(text))
        return None

    def _analysis(self) -> tuple["AnalysedStory", list["Finding"], _Draft]:
        if self._cache is not None and self._cache[0] == len(self._answers):
            return self._cache[1]
        draft = self._draft()
        story = parse_story(draft.text, self.path)
        [(analysed, findings)] = self.linter.analyse_and_lint([story], parse=True)
        result = (analysed, findings, draft)
        self._cache = (len(self._answers), result)
        return result

    def _reading(self) -> _Reading:
        from star_bank.rubric.score import load_rubrics
        from star_bank.rubric.signals import SentenceIndex

        analysed, findings, draft = self._analysis()
        marks = load_rubrics().detector.detect(analysed)
        latest = len(self._answers) - 1
        ranges = [(a, b) for n, a, b in draft.spans if n == latest]
        ranges += [draft.headings[kind] for kind in draft.sections_of.get(latest, ())]

        def inside(offset: int) -> bool:
            return any(a <= offset < b for a, b in ranges)

        answer_ranges = [(a, b) for n, a, b in draft.spans if n == latest]
        latest_marks = {
            name: [m for m in found if any(a <= m.start < b for a, b in answer_ranges)]
            for name, found in marks.items()
        }
        opening = self._answers[0].text if self._answers else ""
        return _Reading(
            analysed=analysed,
            findings=findings,
            marks=marks,
            latest_findings=[f for f in findings if inside(f.offset)],
            latest_marks=latest_marks,
            sentence_at=SentenceIndex(analysed.story).sentence_at,
            latest=self._answers[latest],
            opening_words=len(opening.split()),
            answers=len(self._answers),
        )

    def _draft(self) -> _Draft:
        chunks: dict[SectionKind, list[tuple[int, str]]] = {kind: [] for kind in STORY_ORDER}
        for n, answer in enumerate(self._answers):
            if answer.step == "opening":
                first, rest = split_first_sentence(answer.text)
                chunks[SectionKind.situation].append((n, _escape_paragraphs(first)))
                if rest:
                    chunks[SectionKind.action].append((n, _escape_paragraphs(rest)))
            else:
                chunks[STEP_SECTION[answer.step]].append((n, answer.text))
        title = draft_title(self._answers[0].text if self._answers else "")
        front = {
            "title": title,
            "archetypes": [self.scenario.archetype],
            "level": self.level,
            "tags": ["failure", "drill"] + (["feedback"] if self.scenario_name == "feedback" else []),
        }
        head = "---\n" + yaml.safe_dump(front, sort_keys=False, allow_unicode=True, default_flow_style=None, width=1000)
        text = head + "---\n" + f"# {_escape_line(title)}\n"
        draft = _Draft(text)
        for kind in STORY_ORDER:
            text += "\n"
            heading = f"## {SECTION_TITLES[kind]}"
            draft.headings[kind] = (len(text), len(text) + len(heading))
            text += heading + "\n"
            if not chunks[kind]:
                text += f"<!-- {_one_line(self.script.draft_prompts[kind.value])} -->\n"
            for i, (n, chunk) in enumerate(chunks[kind]):
                if i:
                    text += "\n"
                draft.spans.append((n, len(text), len(text) + len(chunk)))
                draft.sections_of.setdefault(n, set()).add(kind)
                text += chunk + "\n"
        draft.text = text
        return draft


# --- Step rules: (reason, quote) when the step should be asked, else None ---------------------

_Found = tuple[str, str] | None


def _ownership(session: DrillSession, r: _Reading) -> _Found:
    """Passive voice, "we" or blame first in a failure answer, or no decision told with "I"."""
    if r.latest.phase not in ("warmup", "failure"):
        return None
    owned = r.latest_signal("owned_decision")
    blame, we, passive = r.found("blame-first"), r.found("we-overuse"), r.found("passive-voice")
    # One stray passive beside decisions told with "I" is not dodging (the rubric's expert allows it).
    hides = bool(passive) and (len(passive) >= 2 or not owned)
    if session._asks["ownership"]:
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


def _walkthrough(session: DrillSession, r: _Reading) -> _Found:
    """A short opening answer: ask for the whole story before anything else."""
    if r.answers == 1 and r.opening_words < SHORT_OPENING_WORDS:
        return "short", ""
    return None


def _signals(session: DrillSession, r: _Reading) -> _Found:
    """No warning sign named in any answer; once more if the answer says it came from nowhere."""
    if r.signal("warning_sign") or r.signal("missed_signal"):
        return None
    if not session._asks["signals"]:
        return "missing", ""
    if r.latest.step == "signals" and r.latest_signal("out_of_nowhere"):
        return "nowhere", ""
    return None


def _dismissed(session: DrillSession, r: _Reading) -> _Found:
    """A warning sign named, but not why it was missed at the time."""
    signs = r.signal("warning_sign")
    if signs and not r.signal("missed_signal"):
        return "named", _quote(signs[0].sentence)
    return None


def _contain(session: DrillSession, r: _Reading) -> _Found:
    return None if r.signal("recovery_step") else ("missing", "")


def _told(session: DrillSession, r: _Reading) -> _Found:
    """Nobody told, or told with no timing."""
    if r.signal("timed_communication"):
        return None
    told = r.signal("communication")
    if told:
        return "untimed", _quote(told[0].sentence)
    return "missing", ""


def _gap(session: DrillSession, r: _Reading) -> _Found:
    """More than two days between knowing and telling (an interviewer asks why)."""
    for mark in r.signal("timed_communication"):
        if _late_telling(mark.sentence):
            return "late", ""
    return None


def _lesson(session: DrillSession, r: _Reading) -> _Found:
    return "ask", ""


def _concrete(session: DrillSession, r: _Reading) -> _Found:
    """The lesson names no mechanism a colleague could see (a vague lesson is quoted back)."""
    if r.latest.phase != "lesson":
        return None
    vague = r.found("vague-lesson")
    vague_sentences = {r.sentence_at(f.offset) for f in r.findings if f.rule == "vague-lesson"}
    mechanisms = [m for m in r.signal("named_mechanism") if m.sentence not in vague_sentences]
    if mechanisms:
        return None
    if session._asks["concrete"]:
        return "again", ""
    if vague:
        return "vague", vague[0].text
    return "missing", ""


def _in_place(session: DrillSession, r: _Reading) -> _Found:
    """Senior and Staff: a mechanism named, but not whether it is still in place."""
    if LEVELS.index(session.level) < LEVELS.index("senior"):
        return None
    if r.signal("named_mechanism") and not r.signal("lesson_in_place"):
        return "unproven", ""
    return None


def _pattern(session: DrillSession, r: _Reading) -> _Found:
    """Staff: the pattern across failures, then the response to it."""
    if session.level != "staff":
        return None
    repeated, response = r.signal("repeated_failure"), r.signal("pattern_response")
    if not repeated:
        return "missing", ""
    if not response:
        return "response", ""
    return None


# In interview order: the first rule that fires is the next question.
_STEP_RULES: dict[str, Callable[[DrillSession, _Reading], _Found]] = {
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
if set(_STEP_RULES) != set(STEP_REASONS):  # a step without a rule, or a rule without lines
    raise RuntimeError("star_bank.drill.session: _STEP_RULES and STEP_REASONS name different steps")


# --- Text helpers --------------------------------------------------------------------------------

# A line of three or more dashes separates the answers of a scripted session.
ANSWER_SEPARATOR = re.compile(r"^[ \t]*-{3,}[ \t]*$", re.M)


def split_answers(text: str) -> list[str]:
    """The answers of a scripted session: blocks separated by lines of `---` (empty blocks dropped)."""
    blocks = ANSWER_SEPARATOR.split(text.replace("\r\n", "\n").replace("\r", "\n"))
    return [block.strip() for block in blocks if block.strip()]


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return ""


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _quote(text: str, limit: int = 80) -> str:
    """A sentence quoted back: one line, double quotes made single, cut at a word."""
    text = _one_line(text).replace('"', "'").rstrip(".!?;:, ")
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _late_telling(sentence: str) -> bool:
    for match in _LATE.finditer(sentence):
        if match.group("single"):
            return True
        count = match.group("count").lower()
        days = int(count) if count.isdigit() else _NUMBER_WORDS.get(count, 0)
        unit = match.group("unit").lower()
        if unit.startswith(("week", "month")) or days >= LATE_TELLING_DAYS:
            return True
    return False


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")
_RULE_LINE = re.compile(r"[-=_*~`#>+.\s]*")
_PLAIN_LABEL = re.compile(r"^(?P<label>[A-Za-z][A-Za-z '’/&-]{0,40}?)[ \t]*:")


def split_first_sentence(text: str) -> tuple[str, str]:
    """(first sentence, the rest) of an answer; the first sentence becomes the Situation."""
    first, *others = text.split("\n\n")
    match = _SENTENCE_END.search(first)
    if match is None:
        return first, "\n\n".join(others)
    head = first[: match.start()] + match.group(0).rstrip()
    return head, "\n\n".join([first[match.end() :], *others]).strip()


def draft_title(opening: str) -> str:
    """A working title from the opening answer's first sentence (at most about 70 characters)."""
    first, _ = split_first_sentence(opening) if opening else ("", "")
    title = _one_line(first).rstrip(".!?;:,")
    if len(title) > 70:
        title = title[:69].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    if not title or classify_label(title) is not None:  # "# Lesson" would open a section
        return "Practice interview draft"
    return title


def clean_answer(text: str) -> str:
    """An answer as plain prose paragraphs that cannot break the story's structure.

    Lines of a paragraph are joined; a leading "#", a code fence, a STAR label
    ("Result: ...") or an HTML comment opener is escaped so that what the
    candidate typed never becomes a heading, a section or hidden text.
    """
    paragraphs = re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n"))
    out = []
    for paragraph in paragraphs:
        # A line of only rule characters ("---", "===") would underline a heading or draw a rule.
        lines = [line for line in paragraph.split("\n") if not _RULE_LINE.fullmatch(line)]
        line = _one_line(" ".join(lines))
        if line:
            out.append(_escape_line(line))
    return "\n\n".join(out)


def _escape_paragraphs(text: str) -> str:
    return "\n\n".join(_escape_line(p) for p in text.split("\n\n"))


def _escape_line(line: str) -> str:
    line = line.replace("<!--", "< !--")
    if line[:1] in "#>+-*_=|~`":
        line = "\\" + line  # would open a heading, quote, list, emphasis label or fence
    else:
        line = re.sub(r"^(\d+)([.)])(?=\s)", r"\1\\\2", line)  # "1. " would open a list
    match = _PLAIN_LABEL.match(line)
    if match and classify_label(match.group("label")) is not None:
        line = line[: match.end() - 1] + "\\:" + line[match.end() :]  # "Result: ..." would open a section
    return line
