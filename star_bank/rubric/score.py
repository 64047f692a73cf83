"""Rubric scorecards: lint findings + positive signals -> Novice / Intermediate / Expert.

    report = score_paths(["stories"], level="staff")
    for card in report.scorecards:
        print(card.rubric, card.ratings())

Each story gets one rubric: `failure` (archetypes 3 and 8, or a failure tag),
`learning` (a learning tag) or `star` (everything else). Each dimension of
the rubric has a small rating function below (`rate_ownership`,
`rate_detection`, ...) that reads two kinds of evidence:

- the linter's findings, by rule slug (a passive "Mistakes were made" is
  evidence against ownership);
- positive signals found on the same spaCy parse (star_bank/rubric/signals.py; the
  word lists are in star_bank/data/rubrics.yaml): "I decided", a named warning
  sign, "within 20 minutes I told my manager", a checklist with a cadence.

Every rating carries a one-line reason quoting its evidence with a position
("line 14: 'Mistakes were made.'"). Expectations follow the level (the CLI's
`--level`, else the story's front matter `level`, else the config, else
senior): a checklist is an expert lesson at SWE-I and SWE-II but needs proof
it held up at senior and staff; pattern awareness is not rated below senior
unless the story shows a pattern, and a staff story needs a pattern across
failures to reach expert.
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from star_bank.nlp.analysis import AnalysedStory
from star_bank.story.bank import discover
from star_bank.model.findings import Finding, LintReport, summarise
from star_bank.model.story import LEVELS, FileError, SectionKind, Story
from star_bank.story.parse import StoryParseError, read_story
from star_bank.model.scorecard import DimensionRating, Evidence, Resource, Scorecard, ScoreReport, level_name
from star_bank.data.loader import load_yaml_model
from star_bank.data.paths import data_path
from star_bank.rubric.signals import Mark, SentenceIndex, SignalDetector, SignalSpec, TimingLexicon

if TYPE_CHECKING:
    from star_bank.lint.engine import Linter

RUBRICS_FILE = data_path("rubrics.yaml")
DEFAULT_LEVEL = "senior"
RATINGS = ("novice", "intermediate", "expert")
_RANK = {"novice": 0, "intermediate": 1, "expert": 2}
LevelName = Literal["swe1", "swe2", "senior", "staff"]


class RubricError(Exception):
    """The rubric data is unusable (one line naming the file and the key)."""


# --- The rubric data (rubrics.yaml) -------------------------------------------------


class DimensionSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: str
    novice: str
    intermediate: str
    expert: str
    priority: int = Field(5, ge=1, le=9)
    applies_from: LevelName | None = None
    shown_only_below: LevelName | None = None
    advice: dict[str, str] = Field(default_factory=dict)
    next_step: str


class RubricSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: str
    chosen_for: str
    dimensions: dict[str, DimensionSpec]


class ResourceSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: str
    author: str | None = None
    kind: Literal["book", "exercise", "article", "talk", "course"]
    why: str
    dimensions: list[str] = Field(min_length=1)
    levels: list[LevelName] = Field(default_factory=lambda: list(LEVELS))


class RubricBook(BaseModel):
    """Everything in rubrics.yaml, validated: unknown keys are errors."""

    model_config = ConfigDict(extra="forbid")

    levels: list[str]
    rubrics: dict[Literal["failure", "learning", "star"], RubricSpec]
    resources: list[ResourceSpec]
    timing: TimingLexicon
    signals: dict[str, SignalSpec]
    _detector: SignalDetector | None = PrivateAttr(default=None)

    @model_validator(mode="after")
    def _consistent(self) -> "RubricBook":
        if list(self.levels) != list(RATINGS):
            raise ValueError(f"levels must be {list(RATINGS)}")
        missing = {"failure", "learning", "star"} - set(self.rubrics)
        if missing:
            raise ValueError(f"missing rubric(s): {', '.join(sorted(missing))}")
        known = {d for rubric in self.rubrics.values() for d in rubric.dimensions}
        for name, rubric in self.rubrics.items():
            for dim in rubric.dimensions:
                if (name, dim) not in RATERS and dim not in RATERS:
                    raise ValueError(f"rubrics.{name}.dimensions.{dim}: no rating function for it")
        for resource in self.resources:
            unknown = set(resource.dimensions) - known
            if unknown:
                raise ValueError(f"resource {resource.title!r}: unknown dimension(s) {sorted(unknown)}")
        needed = {s for rater in _SIGNALS_READ for s in rater}
        absent = needed - set(self.signals)
        if absent:
            raise ValueError(f"signals: missing {', '.join(sorted(absent))}")
        return self

    @property
    def detector(self) -> SignalDetector:
        """The compiled signal detectors (built once per book)."""
        if self._detector is None:
            self._detector = SignalDetector(self.signals, self.timing)
        return self._detector


def load_rubrics(path: str | os.PathLike[str] | None = None) -> RubricBook:
    """The rubric book from `path` (default: the one shipped in the package), validated."""
    if path is None:
        return _default_book()
    return _read_book(Path(path))


@functools.cache
def _default_book() -> RubricBook:
    return _read_book(RUBRICS_FILE)


def _read_book(path: Path) -> RubricBook:
    return load_yaml_model(path, RubricBook, RubricError)


# --- Choosing the rubric and the level -----------------------------------------------


def choose_rubric(story: AnalysedStory) -> Literal["failure", "learning", "star"]:
    """failure (archetypes 3/8 or a failure tag), else learning (a learning tag), else star."""
    if story.is_failure:
        return "failure"
    if story.is_learning:
        return "learning"
    return "star"


def resolve_level(story: Story, level: str | None = None, fallback: str | None = None) -> str:
    """The level to judge by: `level` (the CLI), else front matter, else `fallback` (config), else senior."""
    for candidate in (level, story.front_matter.level, fallback):
        if candidate:
            if candidate not in LEVELS:
                raise ValueError(f"unknown level {candidate!r}: use one of {', '.join(LEVELS)}")
            return candidate
    return DEFAULT_LEVEL


def _at_least(level: str, floor: str) -> bool:
    return LEVELS.index(level) >= LEVELS.index(floor)


# --- Evidence as the rating functions read it -----------------------------------------


@dataclass
class Judgement:
    """A rating function's answer, before it becomes a `DimensionRating`."""

    rating: str | None
    reason: str
    evidence: list[Mark] = field(default_factory=list)
    praise: str | None = None  # what the story does well on this dimension, with a citation
    advice: list[str] = field(default_factory=list)  # improvement actions, most useful first


@dataclass
class StoryEvidence:
    """One story's findings and signals, with helpers to cite them."""

    story: AnalysedStory
    findings: list[Finding]
    marks: dict[str, list[Mark]]
    level: str
    rubric: str
    book: RubricBook
    sentences: SentenceIndex
    dimension: str = ""

    def found(self, rule: str) -> list[Mark]:
        """The findings of one lint rule (by slug), as marks quoting their sentences."""
        return [self._finding_mark(f) for f in self.findings if f.rule == rule]

    def signal(self, name: str, sections: Iterable[str] | None = None) -> list[Mark]:
        """The marks of a signal, one per sentence, optionally only in some sections."""
        wanted = set(sections) if sections is not None else None
        seen: set[str] = set()
        out = []
        for mark in self.marks.get(name, []):
            if wanted is not None and (mark.section is None or mark.section.value not in wanted):
                continue
            if mark.sentence not in seen:
                seen.add(mark.sentence)
                out.append(mark)
        return out

    def cite(self, mark: Mark, limit: int = 90) -> str:
        """"line 14: 'Mistakes were made.'": a long sentence is cut around the words that matched."""
        matched = self.story.story.text[mark.start : mark.end]
        return f"line {self.position(mark)[0]}: '{_quote(mark.sentence, limit, matched)}'"

    def position(self, mark: Mark) -> tuple[int, int]:
        span = self.story.index.span(mark.start, max(mark.end, mark.start + 1))
        return span.line, span.column

    def spec(self) -> DimensionSpec:
        return self.book.rubrics[self.rubric].dimensions[self.dimension]  # type: ignore[index]

    def advise(self, key: str, mark: Mark | None = None, message: str = "") -> str | None:
        """The dimension's improvement action for `key` (a rule slug, `missing`, `partial`...)."""
        template = self.spec().advice.get(key)
        if template is None:
            return None
        line, column = self.position(mark) if mark is not None else (0, 0)
        section = _section_name(self.story, mark.section) if mark is not None else "story"
        return template.format_map(
            _Blank(
                quote=_quote(mark.sentence, 70, self.story.story.text[mark.start : mark.end]) if mark else "",
                line=line,
                column=column,
                section=section,
                message=message,
            )
        )

    def _finding_mark(self, finding: Finding) -> Mark:
        sentence = self.sentences.sentence_at(finding.offset) or finding.message
        section = SectionKind(finding.section) if finding.section else None
        return Mark(finding.rule, finding.offset, finding.end_offset, section, sentence)


class _Blank(dict):
    def __missing__(self, key: str) -> str:
        return ""


def _quote(text: str, limit: int, around: str = "") -> str:
    """`text` in at most about `limit` characters, keeping `around` (the matched words) in view."""
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) <= limit:
        return text
    around = re.sub(r"[*_`]+", "", re.sub(r"\s+", " ", around)).strip()
    at = text.find(around) if around else -1
    if at <= 0 or len(around) > limit // 2 or at + len(around) <= limit - 1:
        cut = text[: limit - 1].rsplit(" ", 1)[0]
        return cut.rstrip(",;:") + "…"
    start = max(0, min(at - limit // 3, len(text) - limit + 2))
    start = text.find(" ", start) + 1 if start > 0 else 0
    window = text[start : start + limit - 2]
    if start + limit - 2 < len(text):
        window = window.rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return "…" + window


def _section_name(story: AnalysedStory, kind: SectionKind | None) -> str:
    if kind is None:
        return "story"
    section = story.section(kind)
    return section.label if section is not None else kind.value.replace("_", " ").title()


def _judge(rating: str, reason: str, evidence: Iterable[Mark] = (), **rest) -> Judgement:
    return Judgement(rating, reason, [m for m in evidence if m is not None], **rest)


def _first(*groups: list[Mark]) -> Mark | None:
    for group in groups:
        if group:
            return group[0]
    return None


def _more(marks: list[Mark], noun: str) -> str:
    extra = len(marks) - 1
    return f" (+{extra} more {noun}{'' if extra == 1 else 's'})" if extra > 0 else ""


def _advice(*items: str | None) -> list[str]:
    return [item for item in items if item]


# --- Rating functions, one per dimension ----------------------------------------------

_OWNERSHIP_PROBLEM = {
    "blame-first": "puts an outside cause first",
    "passive-voice": "hides who acted",
    "we-overuse": "lets 'we' replace 'I'",
}


def rate_ownership(ev: StoryEvidence) -> Judgement:
    """Ownership: own decisions with "I" (failure) or own actions (star) vs passive, "we", blame."""
    positive = ev.signal("owned_decision" if ev.rubric == "failure" else "first_person_action")
    noun = "decision" if ev.rubric == "failure" else "action"
    passive = ev.found("passive-voice")
    blame = ev.found("blame-first")
    we = ev.found("we-overuse")
    negatives = [*blame, *we, *passive]
    # Fix the problems in the order the listener hears them.
    problems = sorted(_unique([*blame[:1], *passive[:2], *we[:1]]), key=lambda m: m.start)
    advice = _advice(*(ev.advise(m.signal, m) for m in problems), ev.advise("missing") if not positive else None)
    if not ev.story.sections:
        return _judge("novice", "no labelled STAR sections to read ownership from", ev.found("missing-section"),
                      advice=_advice(ev.advise("missing")))
    if not positive or (blame and len(positive) < 3) or (we and len(passive) >= 2):
        # The first two problems in the order the listener hears them.
        worst = sorted(_unique([*blame[:1], *we[:1], *passive[:2]]), key=lambda m: m.start)[:2]
        parts = [f"{ev.cite(m, 70)} {_OWNERSHIP_PROBLEM[m.signal]}" for m in worst]
        count = len(positive)
        parts.append(f"no {noun} told with 'I'" if not count else f"only {count} {noun}{'s' if count > 1 else ''} told with 'I'")
        return _judge("novice", "; ".join(parts), [*negatives[:4], *positive[:1]], advice=advice)
    praise = f"you tell your own {noun}s with 'I' ({ev.cite(positive[0], 70)})"
    if blame or we or len(passive) > 1 or len(positive) < 2:
        worst = _first(blame, we, passive)
        reason = f"{ev.cite(positive[0], 60)} owns a {noun}"
        if worst is not None:
            reason += f", but {ev.cite(worst, 60)} {_OWNERSHIP_PROBLEM[worst.signal]}"
        else:
            reason += ", but it is the only one"
        return _judge("intermediate", reason, [*positive[:2], *negatives[:3]], praise=praise, advice=advice)
    reason = f"{ev.cite(positive[0])}{_more(positive, noun)}; no blame-first or 'we' finding"
    if passive:
        reason += f", one passive ({ev.cite(passive[0], 40)})"
    return _judge("expert", reason, [*positive[:3], *passive[:1]], praise=praise,
                  advice=_advice(*(ev.advise("passive-voice", m) for m in passive[:1])))


def rate_detection(ev: StoryEvidence) -> Judgement:
    """Detection: a warning sign named (intermediate), and why it was dismissed (expert)."""
    dismissed = ev.signal("missed_signal")
    signs = ev.signal("warning_sign")
    nowhere = ev.signal("out_of_nowhere")
    lint = ev.found("no-warning-signal")
    if nowhere and not dismissed:
        return _judge("novice", f"{ev.cite(nowhere[0])} denies any warning sign", nowhere,
                      advice=_advice(ev.advise("missing")))
    if dismissed:
        return _judge("expert", f"{ev.cite(dismissed[0])} names the signal and why it was missed",
                      [*dismissed[:2], *signs[:1]],
                      praise=f"you name the warning sign and why you dismissed it ({ev.cite(dismissed[0], 70)})")
    if signs:
        return _judge("intermediate", f"{ev.cite(signs[0])} names a warning sign, but not why it was missed",
                      signs[:2], praise=f"you name an early warning sign ({ev.cite(signs[0], 70)})",
                      advice=_advice(ev.advise("partial", signs[0])))
    reason = "no early warning sign named before the failure"
    if lint:
        reason = f"line {ev.position(lint[0])[0]}: no-warning-signal: {reason}"
    return _judge("novice", reason, lint, advice=_advice(ev.advise("no-warning-signal" if lint else "missing")))


def rate_recovery(ev: StoryEvidence) -> Judgement:
    """Recovery: steps taken (intermediate); told who and when, with steps in time order (expert)."""
    steps = ev.signal("recovery_step")
    told = ev.signal("communication")
    told_when = ev.signal("timed_communication")
    timed = ev.signal("timed_step")
    passive = [m for m in ev.found("passive-voice") if m.section in (SectionKind.action, SectionKind.result)]
    if not steps and not told:
        reason = "no recovery step or message told in the first person"
        if passive:
            reason = f"{ev.cite(passive[0])} hides who recovered; {reason}"
        return _judge("novice", reason, passive[:2],
                      advice=_advice(*(ev.advise("passive-voice", m) for m in passive[:1]), ev.advise("missing")))
    anchor = _first(steps, told)
    if told_when and len(timed) >= 2:
        return _judge("expert", f"{ev.cite(told_when[0])}; {len(timed)} timed steps in order",
                      [*told_when[:2], *steps[:2]],
                      praise=f"you say who you told and when ({ev.cite(told_when[0], 70)})")
    if told_when:
        missing = "only one step has its timing"
    elif told:
        missing = "no timing on who was told"
    else:
        missing = "no one told, or when"
    return _judge("intermediate", f"{ev.cite(anchor)}, but {missing}", [m for m in (anchor, *timed[:1]) if m],
                  praise=f"you describe the recovery steps you took ({ev.cite(anchor, 70)})",
                  advice=_advice(ev.advise("partial", anchor)))


def rate_concrete_lesson(ev: StoryEvidence) -> Judgement:
    """Concrete lesson: a mechanism with a cadence; at senior and staff also still in place."""
    lesson = ev.story.section(SectionKind.lesson)
    vague = ev.found("vague-lesson")
    unobservable = ev.found("no-observable-change")
    if lesson is None or not lesson.prose.text.strip():
        missing = [m for m in ev.found("missing-section") + ev.found("empty-section") if "Lesson" in m.sentence
                   or m.section == SectionKind.lesson]
        reason = "no Lesson section: no change anyone could observe"
        if missing:
            reason = f"line {ev.position(missing[0])[0]}: {reason}"
        return _judge("novice", reason, missing, advice=_advice(ev.advise("missing-section"), ev.advise("missing")))
    vague_sentences = {m.sentence for m in vague}
    mechanisms = [m for m in ev.signal("named_mechanism") if m.sentence not in vague_sentences]
    in_place = ev.signal("lesson_in_place")
    changes = ev.signal("change_statement")
    if mechanisms:
        praise = f"your lesson is a mechanism a colleague could see ({ev.cite(mechanisms[0], 70)})"
        if not _at_least(ev.level, "senior"):
            return _judge("expert", f"{ev.cite(mechanisms[0])}: a named habit or checklist, strong at "
                          f"{level_name(ev.level)}", [*mechanisms[:2], *in_place[:1]], praise=praise)
        if in_place:
            return _judge("expert", f"{ev.cite(mechanisms[0], 60)}; still in place: {ev.cite(in_place[0], 50)}",
                          [*mechanisms[:2], in_place[0]], praise=praise)
        return _judge("intermediate", f"{ev.cite(mechanisms[0])} names a mechanism, but not whether it held up "
                      f"since (expected at {level_name(ev.level)})", mechanisms[:2], praise=praise,
                      advice=_advice(ev.advise("in_place", mechanisms[0])))
    if changes and not vague:
        return _judge("intermediate", f"{ev.cite(changes[0])} names a change but no habit, checklist or metric",
                      [*changes[:1], *unobservable[:1]],
                      advice=_advice(*(ev.advise("no-observable-change", m) for m in unobservable[:1]),
                                     ev.advise("missing")))
    worst = _first(vague, unobservable)
    reason = f"{ev.cite(worst)} is vague" if worst is not None and worst.signal == "vague-lesson" else (
        "the lesson names no habit, checklist, review or metric")
    return _judge("novice", reason, [*vague[:2], *unobservable[:1]],
                  advice=_advice(*(ev.advise("vague-lesson", m) for m in vague[:1]),
                                 *(ev.advise("no-observable-change", m) for m in unobservable[:1]),
                                 ev.advise("missing") if not vague and not unobservable else None))


def rate_pattern_awareness(ev: StoryEvidence) -> Judgement:
    """Pattern awareness: a link to earlier failures, and a pattern-level response."""
    repeated = ev.signal("repeated_failure")
    response = ev.signal("pattern_response")
    spec = ev.spec()
    if spec.shown_only_below and not _at_least(ev.level, spec.shown_only_below) and not repeated:
        return Judgement(None, f"not expected at {level_name(ev.level)} unless the story shows a pattern; "
                         "it does not")
    if repeated and response:
        return _judge("expert", f"{ev.cite(repeated[0], 60)}; response: {ev.cite(response[0], 50)}",
                      [repeated[0], response[0]],
                      praise=f"you connect this failure to a pattern of your own ({ev.cite(repeated[0], 70)})")
    if repeated:
        return _judge("intermediate", f"{ev.cite(repeated[0])} links earlier failures, with no pattern-level change",
                      repeated[:2], praise=f"you see that this happened before ({ev.cite(repeated[0], 70)})",
                      advice=_advice(ev.advise("partial", repeated[0])))
    if response:
        note = " (staff needs a pattern across failures)" if ev.level == "staff" else ""
        return _judge("intermediate", f"{ev.cite(response[0])} generalises the lesson, but links no earlier "
                      f"failure{note}", response[:2], advice=_advice(ev.advise("missing")))
    note = "; staff stories are expected to connect several failures" if ev.level == "staff" else ""
    return _judge("novice", f"the failure is told as a one-off: no earlier failure or recurring theme{note}",
                  advice=_advice(ev.advise("missing")))


def rate_impact(ev: StoryEvidence) -> Judgement:
    """Impact: numbers in the Result; a before and after, or two measures, is expert."""
    result = ev.story.section(SectionKind.result)
    no_metric = ev.found("result-without-metric")
    if result is None or not result.prose.text.strip():
        return _judge("novice", "no Result section to measure", ev.found("missing-section")[:1],
                      advice=_advice(ev.advise("missing-section"), ev.advise("missing")))
    numbers = ev.signal("result_number")
    before_after = ev.signal("before_after")
    if not numbers:
        reason = "the Result has no number"
        if no_metric:
            reason = f"line {ev.position(no_metric[0])[0]}: {reason}"
        return _judge("novice", reason, no_metric,
                      advice=_advice(*(ev.advise("result-without-metric", m) for m in no_metric[:1]),
                                     ev.advise("missing") if not no_metric else None))
    best = _first(before_after, numbers)
    praise = f"your result is measured ({ev.cite(best, 70)})"
    if before_after or len(numbers) >= 2:
        return _judge("expert", f"{ev.cite(best)}{_more(numbers, 'measure')}", [*before_after[:1], *numbers[:2]],
                      praise=praise)
    return _judge("intermediate", f"{ev.cite(best)} is the only measure, with no before and after",
                  numbers[:1], praise=praise, advice=_advice(ev.advise("partial", best)))


def rate_structure(ev: StoryEvidence) -> Judgement:
    """Structure: all STAR parts present and filled, no placeholders, tellable in 2-3 minutes."""
    gaps = ev.found("missing-section") + ev.found("empty-section")
    # A placeholder is quoted as itself ("[date]"), not as its sentence.
    placeholders = [
        Mark(m.signal, m.start, m.end, m.section, ev.story.story.text[m.start : m.end])
        for m in ev.found("unfilled-placeholder")
    ]
    too_long = [f for f in ev.findings if f.rule == "too-long"]
    issues = len(gaps) + (1 if placeholders else 0) + (1 if too_long else 0)
    advice = _advice(
        *(ev.advise(m.signal, m, message=_finding_message(ev, m)) for m in gaps[:2]),
        *(ev.advise("unfilled-placeholder", m) for m in placeholders[:1]),
        *(ev.advise("too-long", None, message=f.message) for f in too_long[:1]),
    )
    problems = [*gaps, *placeholders[:1]]
    described = [f"line {ev.position(m)[0]}: {_finding_message(ev, m)}" for m in problems[:2]]
    if too_long:
        described.append(too_long[0].message)
    if not ev.story.story.labelled:
        return _judge("novice", "no labelled STAR sections", gaps[:1], advice=_advice(ev.advise("missing")))
    core_gap = any(re.search(r"\b(situation|task|action|result)\b", _finding_message(ev, m), re.I) for m in gaps)
    if len(gaps) >= 2 or issues >= 3 or (core_gap and issues >= 2):
        return _judge("novice", "; ".join(described), problems[:4], advice=advice)
    if issues:
        return _judge("intermediate", "; ".join(described), problems[:3], advice=advice,
                      praise="the STAR parts are in order" if not gaps else None)
    return _judge("expert", "every STAR part is present and filled in, with no placeholder, and it fits in "
                  "three minutes", praise="the story has every STAR part and fits in three minutes")


def _finding_message(ev: StoryEvidence, mark: Mark) -> str:
    finding = next((f for f in ev.findings if f.offset == mark.start and f.rule == mark.signal), None)
    return finding.message if finding is not None else mark.sentence


# Learning rubric.


def rate_stretch(ev: StoryEvidence) -> Judgement:
    """Stretch: new ground (expert with the need that drove it); topic lists are novice."""
    stretch = ev.signal("stretch")
    need = ev.signal("learning_need")
    performance = ev.signal("performance_topic")
    if stretch and need:
        return _judge("expert", f"{ev.cite(stretch[0], 60)}; need: {ev.cite(need[0], 50)}", [stretch[0], need[0]],
                      praise=f"you show the learning was new ground ({ev.cite(stretch[0], 70)})")
    if performance and not stretch:
        return _judge("novice", f"{ev.cite(performance[0])} reads as a topic chosen for how it sounds",
                      performance[:2], advice=_advice(ev.advise("missing")))
    if stretch or need:
        anchor = _first(stretch, need)
        half = "the need that drove it" if stretch else "how new the ground was"
        return _judge("intermediate", f"{ev.cite(anchor)}, but not {half}", [anchor],
                      praise=f"you anchor the learning ({ev.cite(anchor, 70)})",
                      advice=_advice(ev.advise("partial", anchor)))
    return _judge("novice", "no sign the learning was new ground, or why it was needed",
                  advice=_advice(ev.advise("missing")))


def rate_discomfort(ev: StoryEvidence) -> Judgement:
    """Discomfort: named (intermediate); a specific embarrassing or confusing moment (expert)."""
    named = ev.signal("discomfort")
    moments = {m.sentence for m in ev.signal("discomfort_moment")}
    specific = [m for m in named if m.sentence in moments or re.search(r"\d", m.sentence)]
    if specific:
        return _judge("expert", f"{ev.cite(specific[0])} names a specific moment", specific[:2],
                      praise=f"you name an uncomfortable moment honestly ({ev.cite(specific[0], 70)})")
    if named:
        return _judge("intermediate", f"{ev.cite(named[0])} names discomfort in general terms", named[:1],
                      advice=_advice(ev.advise("partial", named[0])))
    return _judge("novice", "the learning is told as smooth progress: nothing hard named",
                  advice=_advice(ev.advise("missing")))


def rate_output(ev: StoryEvidence) -> Judgement:
    """Output: something shipped, fixed or taught (intermediate), with a measured result (expert)."""
    lint = ev.found("learning-without-output")
    outputs = ev.signal("learning_output")
    numbers = ev.signal("result_number")
    if lint or not outputs:
        reason = "no output: topics studied, nothing shipped, fixed or taught"
        if lint:
            reason = f"line {ev.position(lint[0])[0]}: learning-without-output: {reason}"
        return _judge("novice", reason, lint, advice=_advice(ev.advise("learning-without-output")))
    praise = f"the learning produced something ({ev.cite(outputs[0], 70)})"
    if numbers:
        return _judge("expert", f"{ev.cite(outputs[0], 60)}; measured: {ev.cite(numbers[0], 50)}",
                      [outputs[0], numbers[0]], praise=praise)
    return _judge("intermediate", f"{ev.cite(outputs[0])}, but its effect is not measured", outputs[:1],
                  praise=praise, advice=_advice(ev.advise("partial", outputs[0])))


def rate_method(ev: StoryEvidence) -> Judgement:
    """Method: deliberate learning moves (pairing, read-then-apply, review); two or more is expert."""
    moves = ev.signal("learning_method")
    if len(moves) >= 2:
        return _judge("expert", f"{ev.cite(moves[0])}{_more(moves, 'move')}", moves[:3],
                      praise=f"you say how you learned, not just what ({ev.cite(moves[0], 70)})")
    if moves:
        return _judge("intermediate", f"{ev.cite(moves[0])} is the one deliberate move", moves,
                      advice=_advice(ev.advise("partial", moves[0])))
    return _judge("novice", "no account of how it was learned beyond reading or watching",
                  advice=_advice(ev.advise("missing")))


def rate_practice(ev: StoryEvidence) -> Judgement:
    """Practice: a recurring learning practice with a cadence (expert); a trigger only (intermediate)."""
    recurring = ev.signal("recurring_practice", ("lesson", "tie_in"))
    during = ev.signal("recurring_practice", ("action",))
    trigger = ev.signal("practice_trigger")
    if recurring:
        return _judge("expert", f"{ev.cite(recurring[0])} is a recurring practice", recurring[:2],
                      praise=f"you have a recurring learning practice ({ev.cite(recurring[0], 70)})")
    if trigger or during:
        anchor = _first(trigger, during)
        what = "a habit with a trigger but no cadence" if trigger else "a routine during this push, not kept after it"
        return _judge("intermediate", f"{ev.cite(anchor)} is {what}", [anchor],
                      advice=_advice(ev.advise("partial", anchor)))
    return _judge("novice", "a one-off: no recurring practice the learning fits into",
                  advice=_advice(ev.advise("missing")))


def rate_direction(ev: StoryEvidence) -> Judgement:
    """Direction: the learning tied to team or org direction; rated from senior up."""
    spec = ev.spec()
    if spec.applies_from and not _at_least(ev.level, spec.applies_from):
        return Judgement(None, f"a link to team or org direction is a senior signal; not rated at "
                         f"{level_name(ev.level)}")
    links = ev.signal("direction_link")
    acted = ev.signal("direction_act")
    if acted:
        return _judge("expert", f"{ev.cite(acted[0])} ties the learning to where things are heading", acted[:2],
                      praise=f"you tie the learning to the team's direction ({ev.cite(acted[0], 70)})")
    if links:
        return _judge("intermediate", f"{ev.cite(links[0])} mentions the direction without tying the learning to it",
                      links[:1], advice=_advice(ev.advise("partial", links[0])))
    return _judge("novice", "personal development only: no link to the team's or company's direction",
                  advice=_advice(ev.advise("missing")))


# Rating function per dimension; a (rubric, dimension) key wins over a bare dimension.
RATERS: dict[str | tuple[str, str], Callable[[StoryEvidence], Judgement]] = {
    "ownership": rate_ownership,
    "detection": rate_detection,
    "recovery": rate_recovery,
    "concrete_lesson": rate_concrete_lesson,
    "pattern_awareness": rate_pattern_awareness,
    "impact": rate_impact,
    "structure": rate_structure,
    "stretch": rate_stretch,
    "discomfort": rate_discomfort,
    "output": rate_output,
    "method": rate_method,
    "practice": rate_practice,
    "direction": rate_direction,
}

# The signals the rating functions read (checked against rubrics.yaml when it loads).
_SIGNALS_READ = (
    ("owned_decision", "first_person_action"),
    ("missed_signal", "warning_sign", "out_of_nowhere"),
    ("recovery_step", "communication", "timed_communication", "timed_step"),
    ("named_mechanism", "lesson_in_place", "change_statement"),
    ("repeated_failure", "pattern_response"),
    ("result_number", "before_after"),
    ("stretch", "learning_need", "performance_topic"),
    ("discomfort", "discomfort_moment"),
    ("learning_output",),
    ("learning_method",),
    ("recurring_practice", "practice_trigger"),
    ("direction_link", "direction_act"),
)


# --- Scorecards -------------------------------------------------------------------------


def score_analysed(
    story: AnalysedStory,
    findings: list[Finding],
    *,
    level: str | None = None,
    fallback_level: str | None = None,
    book: RubricBook | None = None,
) -> Scorecard:
    """The scorecard of one analysed story (spaCy Docs attached) given its lint findings."""
    book = book or load_rubrics()
    resolved = resolve_level(story.story, level, fallback_level)
    rubric = choose_rubric(story)
    evidence = StoryEvidence(
        story, findings, book.detector.detect(story), resolved, rubric, book, SentenceIndex(story.story)
    )
    judgements: list[tuple[str, Judgement]] = []
    for name in book.rubrics[rubric].dimensions:
        evidence.dimension = name
        rater = RATERS.get((rubric, name)) or RATERS[name]
        judgements.append((name, rater(evidence)))
    dimensions = [
        DimensionRating(
            name=name,
            rating=j.rating,  # type: ignore[arg-type]
            reason=j.reason,
            evidence=[_evidence(evidence, m) for m in _unique(j.evidence)],
        )
        for name, j in judgements
    ]
    return Scorecard(
        path=story.story.path,
        rubric=rubric,
        level=resolved,
        dimensions=dimensions,
        strengths=_strengths(evidence, judgements),
        improvements=_improvements(evidence, judgements),
        resources=_resources(book, rubric, resolved, judgements),
    )


def score_stories(
    stories: list[Story],
    *,
    level: str | None = None,
    linter: "Linter | None" = None,
    book: RubricBook | None = None,
) -> list[Scorecard]:
    """Scorecards for parsed stories: one spaCy pass feeds both the linter and the signals.

    `linter` carries the user's configuration (rules, thresholds, pipeline, level);
    the default is a linter with the shipped rules.
    """
    from star_bank.lint.engine import Linter  # lazy: `import star_bank` stays light

    linter = linter or Linter()
    analysed = linter.analyse_and_lint(stories, parse=True)
    fallback = linter.config.level  # the config file's level ranks below front matter
    return [score_analysed(a, f, level=level, fallback_level=fallback, book=book) for a, f in analysed]


def score_story(
    story: Story, *, level: str | None = None, linter: "Linter | None" = None, book: RubricBook | None = None
) -> Scorecard:
    """The scorecard of one parsed story (`parse_story` or `read_story` gives one)."""
    return score_stories([story], level=level, linter=linter, book=book)[0]


def _evidence(ev: StoryEvidence, mark: Mark) -> Evidence:
    line, column = ev.position(mark)
    return Evidence(line=line, column=column, text=re.sub(r"\s+", " ", mark.sentence).strip())


def _unique(marks: list[Mark]) -> list[Mark]:
    """One mark per sentence: two signals in the same sentence are one piece of evidence."""
    seen: set[str] = set()
    out = []
    for mark in marks:
        key = mark.sentence
        if key not in seen:
            seen.add(key)
            out.append(mark)
    return out


def _strengths(ev: StoryEvidence, judgements: list[tuple[str, Judgement]]) -> list[str]:
    """Up to three things to keep: expert dimensions first, then intermediate, then plain facts."""
    titles = ev.book.rubrics[ev.rubric].dimensions  # type: ignore[index]
    ranked = sorted(
        ((name, j) for name, j in judgements if j.rating is not None and j.praise),
        key=lambda item: -_RANK[item[1].rating],  # type: ignore[index]
    )
    out = [f"{titles[name].title}: {j.praise}." for name, j in ranked]
    said = " ".join(out)
    out += [s for s in _plain_strengths(ev) if _cited(s) is None or _cited(s) not in said]
    return _dedupe(out)[:3]


def _cited(text: str) -> str | None:
    """The "line N: '...'" citation inside a sentence, if any."""
    match = re.search(r"line \d+: '[^']*'", text)
    return match.group(0) if match else None


def _plain_strengths(ev: StoryEvidence) -> list[str]:
    """Facts worth keeping in any story, for stories with few rated strengths."""
    out = []
    numbers = ev.signal("result_number")
    if numbers:
        out.append(f"Result: it has a number ({ev.cite(numbers[0], 70)}).")
    actions = ev.signal("first_person_action")
    if actions:
        out.append(f"Action: you say what you did with 'I' ({ev.cite(actions[0], 70)}).")
    if ev.story.sections and not any(f.rule == "too-long" for f in ev.findings):
        out.append("Delivery: it is short enough to tell in under three minutes.")
    present = [s.kind.value for s in ev.story.sections if s.prose.text.strip()]
    if all(k in present for k in ("situation", "task", "action", "result")):
        out.append("Structure: Situation, Task, Action and Result are all there.")
    if "lesson" in present:
        out.append("Lesson: the story ends with what you took from it, as interviewers expect.")
    return out


def _improvements(ev: StoryEvidence, judgements: list[tuple[str, Judgement]]) -> list[str]:
    """Three actions: the weakest dimensions first (one each), then their other advice,
    then delivery fixes, then what to rehearse next on the strongest."""
    specs = ev.book.rubrics[ev.rubric].dimensions  # type: ignore[index]
    rated = [(name, j) for name, j in judgements if j.rating is not None]
    weakest = sorted(
        (item for item in rated if item[1].rating != "expert"),
        key=lambda i: (_RANK[i[1].rating], specs[i[0]].priority),  # type: ignore[index]
    )
    out = [j.advice[0] for _, j in weakest if j.advice]
    out += [a for _, j in weakest for a in j.advice[1:]]
    out += [a for _, j in rated if j.rating == "expert" for a in j.advice]
    out += _delivery_advice(ev)
    out += [specs[name].next_step for name, j in rated if j.rating == "expert"]
    return _dedupe(out)[:3]


def _delivery_advice(ev: StoryEvidence) -> list[str]:
    out = []
    for finding in ev.findings:
        if finding.rule == "hedging":
            out.append(f"Drop the hedge '{finding.text}' (line {finding.line}) and say it plainly.")
        elif finding.rule == "result-without-metric" and ev.rubric != "star":
            out.append(f"Give the Result (line {finding.line}) a number: how much, how many, how long.")
        elif finding.rule == "too-long" and ev.rubric != "star":
            out.append(f"Cut the story to two or three minutes: {finding.message}.")
        elif finding.rule == "unfilled-placeholder" and ev.rubric != "star":
            out.append(f"Replace the placeholder '{finding.text}' (line {finding.line}) with your own specifics.")
    return out


def _resources(book: RubricBook, rubric: str, level: str, judgements: list[tuple[str, Judgement]]) -> list[Resource]:
    """Two or three resources for the weakest dimensions (novice counts double)."""
    weight = {name: 2 - _RANK[j.rating] for name, j in judgements if j.rating is not None}  # type: ignore[index]
    dims = set(weight)
    candidates = [r for r in book.resources if level in r.levels and dims & set(r.dimensions)]
    scored = [(sum(weight[d] for d in r.dimensions if d in weight), i, r) for i, r in enumerate(candidates)]
    chosen = [r for score, _, r in sorted(scored, key=lambda s: (-s[0], s[1])) if score > 0][:3]
    if len(chosen) < 2:  # a strong story still gets two things to go further with
        rest = sorted(
            (r for r in candidates if r not in chosen),
            key=lambda r: (r.kind != "book", -len(dims & set(r.dimensions))),
        )
        chosen += rest[: 2 - len(chosen)]
    return [
        Resource(
            title=r.title,
            author=r.author,
            kind=r.kind,
            why=r.why,
            dimensions=[d for d in r.dimensions if d in dims],
        )
        for r in chosen
    ]


def _dedupe(items: list[str]) -> list[str]:
    seen: set[str] = set()
    return [x for x in items if not (x in seen or seen.add(x))]
