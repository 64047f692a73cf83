"""A practice interview about a failure, played turn by turn, with no language model.

    session = DrillSession(level="senior")
    session.start().text            # a greeting and the warm-up question
    turn = session.answer("Mistakes were made during the cutover. I learned to communicate better.")
    turn.probe                      # "ownership": the answer hides who decided
    ...
    session.scorecard()             # the rubric's scorecard for the whole session
    session.story_text()            # the answers as a story draft for the bank

The interviewer works in two passes. First the failure, told in full: the
opening question, then the candidate's own part in it, then detection (the
warning signs) and recovery (what was contained, who was told and when). Only
then the lesson, pressed until it is something a colleague could observe, and,
for Staff, the pattern across failures. It never asks for the lesson before
the failure is told.

The drill's parts, one concept each: `script` (the phases and the lines of
data/drill.yaml), `draft` (the answers assembled into a story), `evidence` (the
draft linted and searched for the rubric's signals: what the answers cover),
`probes` (which question comes next), `text` (answer text helpers) and `turns`
(what a session returns). This module runs the conversation; nothing in the
drill does I/O, and every result is a pydantic value.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from star_bank.drill.draft import STEP_SECTION, Answer, Draft, build_draft
from star_bank.drill.evidence import Reading, place_sentences, read_answers
from star_bank.drill.probes import Asked, Progress, next_question
from star_bank.drill.script import (
    DRILL_FILE,
    HINT_WORDS,
    PHASES,
    DrillError,
    DrillScript,
    load_drill_script,
)
from star_bank.drill.scenarios import choose_scenario, scenario_named
from star_bank.drill.text import Blanks, clean_answer, one_line, split_answers
from star_bank.drill.turns import DrillTranscript, Turn
from star_bank.model.story import DEFAULT_LEVEL
from star_bank.model.scorecard import Scorecard
from star_bank.model.story import LEVELS, SectionKind
from star_bank.story.parse import parse_story

if TYPE_CHECKING:
    from star_bank.lint.engine import Linter
    from star_bank.model.findings import Finding
    from star_bank.nlp.analysis import AnalysedStory

# The drill's public names, importable from here as before the drill was split into modules.
__all__ = [
    "DRILL_FILE",
    "PHASES",
    "DrillError",
    "DrillScript",
    "DrillSession",
    "DrillTranscript",
    "Turn",
    "choose_scenario",
    "clean_answer",
    "load_drill_script",
    "split_answers",
]


class DrillSession:
    """A practice interview: give it answers one at a time, get the interviewer's next turn.

    `question` (asked instead of the warm-up) or `archetype` (1 to 10: its
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
        self.scenario = scenario_named(self.scenario_name, self.script)
        self.level = level or getattr(linter, "level", None) or DEFAULT_LEVEL
        if self.level not in LEVELS:
            raise DrillError(f"unknown level {self.level!r}: use one of {', '.join(LEVELS)}")
        if question is not None:
            self.opening, self.opening_phase = question.strip(), "failure"
        elif archetype is not None:
            self.opening, self.opening_phase = one_line(self.scenario.question), "failure"
        else:
            self.opening, self.opening_phase = one_line(self.script.warmup), "warmup"
        self.path = path
        self.turns: list[Turn] = []
        self.done = False
        self._linter = linter
        self._answers: list[Answer] = []
        self._pending: Asked | None = None
        self._phase = self.opening_phase
        self._progress = Progress(self.level, Counter(), set(), self.scenario.focus)
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
        self._pending = Asked("opening", "", self.opening_phase, None, self.opening)
        greeting = self.script.greeting if self.scenario.focus is None else self.script.archetype_greeting
        text = f"{one_line(greeting)} {self.opening}"
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
            nudge = self.script.nudge.format_map(Blanks(question=pending.text))
            return self._say(one_line(nudge), pending.phase, None, "nudge")
        self.turns.append(Turn(role="candidate", text=text.strip(), phase=pending.phase, kind="answer"))
        answer = Answer(cleaned, pending.step, pending.phase)
        if STEP_SECTION.get(pending.step) is not SectionKind.lesson:
            # A lesson told early goes to the Lesson, an outcome to the Result.
            after_recovery = PHASES.index(pending.phase) >= PHASES.index("recovery")
            answer.moved = place_sentences(cleaned, self.linter, after_recovery)
        self._answers.append(answer)
        asked = self._next_question()
        if asked is None:
            return self.finish()
        self._pending = asked
        self._phase = asked.phase
        self._hints = 0  # hints are counted per question
        self._progress.asks[asked.step] += 1
        self._progress.reasons_asked.add((asked.step, asked.reason))
        return self._say(asked.text, asked.phase, asked.probe, "probe" if asked.probe else "question")

    def hint(self) -> Turn:
        """The next hint for the question waiting for an answer (the scenario's for the opening
        question, the step's for a follow-up), one level more each time, then a last word."""
        if self.done or self._pending is None:
            raise DrillError("the session is over")
        step = self._pending.step
        hints = self.scenario.hints if step == "opening" else self.script.steps[step].hints
        if self._hints < len(hints):
            self._hints += 1
            prefix = self.script.hint_prefix.format_map(Blanks(level=self._hints, count=len(hints)))
            text = f"{prefix} {one_line(hints[self._hints - 1])}"
        else:
            text = one_line(self.script.no_more_hints.format_map(Blanks(question=self._pending.text)))
        return self._say(text, self._pending.phase, None, "hint")

    def finish(self) -> Turn:
        """End the session (also when the candidate stops early): the closing line."""
        if self.done:
            return self.turns[-1]
        self.done = True
        self._pending = None
        return self._say(one_line(self.script.closing), "closing", None, "closing")

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
        """The rubric's scorecard of all answers (the failure rubric for the failure scenarios),
        at the session's level (None before any)."""
        if not self._answers:
            return None
        return self._analysis()[3]

    def transcript(self) -> DrillTranscript:
        """The turns so far and the scorecard of the answers."""
        return DrillTranscript(turns=list(self.turns), scorecard=self.scorecard())

    # -- internals -------------------------------------------------------------------------

    def _say(self, text: str, phase: str, probe: str | None, kind: str) -> Turn:
        turn = Turn(role="interviewer", text=text, phase=phase, probe=probe, kind=kind)  # type: ignore[arg-type]
        self.turns.append(turn)
        return turn

    def _next_question(self) -> Asked | None:
        pending = self._pending.text if self._pending else ""
        return next_question(self.script, self._reading(), self._progress, self._phase, pending)

    def _analysis(self) -> tuple["AnalysedStory", list["Finding"], Draft, Scorecard]:
        """The draft of the answers so far, linted and scored (once per answer)."""
        if self._cache is not None and self._cache[0] == len(self._answers):
            return self._cache[1]
        from star_bank.rubric.score import score_analysed

        draft = self._draft()
        story = parse_story(draft.text, self.path)
        [(analysed, findings)] = self.linter.analyse_and_lint([story], parse=True)
        result = (analysed, findings, draft, score_analysed(analysed, findings, level=self.level))
        self._cache = (len(self._answers), result)
        return result

    def _reading(self) -> Reading:
        analysed, findings, draft, scorecard = self._analysis()
        return read_answers(analysed, findings, draft, self._answers, scorecard)

    def _draft(self) -> Draft:
        return build_draft(self._answers, self.script, self.scenario_name, self.scenario, self.level)
