"""The linter: the active rules run over analysed stories, one story at a time.

    linter = Linter.from_path(Path("stories"))
    report = linter.lint_paths(["stories"])

Each story's sections are parsed by spaCy once (one stream over all stories,
star_bank/nlp/stream.py); every rule then reads the same Docs, story by story,
while spaCy parses the next ones. Which rules run is decided once, when the
linter is built (star_bank/lint/activation.py); finding, reading and caching
files is the runner's (star_bank/lint/runner.py).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Sequence

from star_bank.lint.activation import ActiveRule, RuleState, activate, config_rules, rule_states
from star_bank.lint.config import Config, find_config, load_config
from star_bank.lint.fingerprint import settings_fingerprint
from star_bank.lint.kinds.registry import kind_of
from star_bank.lint.rules import rules_fingerprint
from star_bank.lint import placement
from star_bank.lint.wording import rule_wording
from star_bank.lint.suppress import is_suppressed, suppression_regions
from star_bank.model.findings import Finding, LintReport, Severity
from star_bank.model.profile import StoryProfile
from star_bank.model.story import SectionKind, Story
from star_bank.nlp import stream
from star_bank.nlp.analysis import AnalysedStory, Hit, SectionText
from star_bank.story.exclude import Excludes
from star_bank.story.positions import LineIndex

if TYPE_CHECKING:
    from star_bank.lint.cache import LintCache
    from star_bank.retrieve.classify import ArchetypeMatch

__all__ = ["ActiveRule", "Linter", "analyse"]

Progress = Callable[[int], None]


class Linter:
    """Lints stories with one configuration. Build it once and reuse it."""

    def __init__(
        self,
        config: Config | None = None,
        *,
        select: Iterable[str] | None = None,
        ignore: Iterable[str] = (),
        level: str | None = None,
        role: str | None = None,
    ) -> None:
        self.config = config or Config()
        self.level = level or self.config.level
        self.role = role or self.config.role
        self.rules = config_rules(self.config)
        self.select = list(select or ())
        self.ignore = list(ignore)
        self.active: list[ActiveRule] = activate(self.config, self.rules, select, ignore)
        # Rules that judge the whole bank run once, after every story (star_bank/lint/bank_pass.py).
        self.bank_rules = [a for a in self.active if a.rule.bank_level]
        self.story_rules = [a for a in self.active if not a.rule.bank_level]

    @classmethod
    def from_path(cls, start: Path, config_file: Path | None = None, **overrides: Any) -> "Linter":
        """A linter configured by the config file nearest to `start` (or `config_file`)."""
        return cls(load_config(config_file or find_config(start)), **overrides)

    @property
    def excludes(self) -> Excludes:
        """What a folder walk skips: the config's `exclude` and `extend-exclude`."""
        config = self.config
        base = config.path.parent if config.path else None
        return Excludes(tuple(config.exclude) + tuple(config.extend_exclude), base)

    def rule_states(self) -> list[RuleState]:
        """Every rule of the pack, on or off in this run and why (`starlint --list-rules`)."""
        return rule_states(self.config, self.rules, self.select, self.ignore)

    @property
    def needs_nlp(self) -> bool:
        return any(kind_of(a.rule).NEEDS_NLP for a in self.active)

    def fingerprint(self) -> str:
        """One string for everything besides a story's bytes that decides its findings.

        The cache keys entries by it (star_bank/lint/cache.py); `fail_on` is not
        part of it: it decides the exit status, not the findings.
        """
        from star_bank.nlp.pipeline import PipelineUnavailable, pipeline_name

        try:
            pipeline = pipeline_name(self.config.pipeline)
        except PipelineUnavailable:
            pipeline = None  # a miss then fails the run with a clear message
        return settings_fingerprint(
            {
                "rules": rules_fingerprint(self.rules),
                "active": [[a.rule.code, a.severity.value, a.options.model_dump(mode="json")] for a in self.active],
                "level": self.level,
                "role": self.role,
                "pipeline": pipeline,
            }
        )

    def open_cache(self, directory: str | os.PathLike[str] | None = None) -> "LintCache":
        """starlint's cache for this linter's findings: in `directory` (--cache-dir,
        STARLINT_CACHE_DIR), else where the configuration puts it."""
        from star_bank.lint.cache import LintCache, resolve_cache_dir

        return LintCache.for_linter(self, resolve_cache_dir(self.config, directory))

    def lint_paths(
        self,
        paths: Sequence[str | os.PathLike[str]],
        progress: Progress | None = None,
        cache: "LintCache | None" = None,
    ) -> LintReport:
        """Lint every story file under `paths`; unreadable files become `errors`.

        With a `cache` (star_bank.lint.cache), a file whose bytes and settings match an
        entry is not parsed at all, and every file linted is stored. `progress` is
        called with the number of files linted so far (see `analyse_and_lint`).
        """
        from star_bank.lint.runner import run_paths

        return run_paths(self, paths, progress=progress, cache=cache).report

    def lint_stories(self, stories: list[Story], progress: Progress | None = None) -> list[list[Finding]]:
        """Findings for each story, in the same order, the bank rules' included
        (the stories are the bank)."""
        tagged = list(enumerate(stories))
        results = [(findings, self.profile(story)) for _, story, findings in self.lint_stream(tagged, len(tagged), progress)]
        bank = self.lint_bank([profile for _, profile in results if profile is not None])
        return [with_bank_findings(findings, bank, story.path) for (findings, _), story in zip(results, stories)]

    def profile(self, story: AnalysedStory) -> StoryProfile | None:
        """What the bank rules need of one story (None when no bank rule runs)."""
        if not self.bank_rules:
            return None
        from star_bank.lint.bank_pass import story_profile

        return story_profile(story, self.bank_rules)

    def lint_bank(self, profiles: list[StoryProfile]) -> list[Finding]:
        """The bank rules' findings over all the stories, once."""
        if not self.bank_rules or not profiles:
            return []
        from star_bank.lint.bank_pass import lint_bank
        from star_bank.lint.kinds.base import BankContext

        def archetype_ids() -> tuple[int, ...]:
            # Imported only when a bank kind asks: the archetype book's models are many.
            from star_bank.retrieve.archetypes import load_archetypes

            return tuple(sorted(a.id for a in load_archetypes().archetypes))

        return lint_bank(profiles, self.bank_rules, BankContext(self.role, archetype_ids))

    def analyse_and_lint(
        self, stories: list[Story], progress: Progress | None = None, parse: bool = False
    ) -> list[tuple[AnalysedStory, list[Finding]]]:
        """Each story's analysis (spaCy Docs attached) with its findings.

        For callers that read the parse too (the rubric): spaCy runs once.
        `parse=True` attaches the Docs even when no active rule needs them.
        `progress` is called with the number of stories done so far; when it also
        has a `start(total)` method, that is called first with the number to do.
        """
        tagged = list(enumerate(stories))
        return [(analysed, findings) for _, analysed, findings in self.lint_stream(tagged, len(tagged), progress, parse)]

    def lint_stream(
        self,
        tagged: Iterable[tuple[Any, Story]],
        count: int,
        progress: Progress | None = None,
        parse: bool = False,
        processes: int | None = None,
    ) -> Iterator[tuple[Any, AnalysedStory, list[Finding]]]:
        """(tag, analysis, findings) per story, in order, each as soon as it is parsed.

        Rules run on a story while spaCy parses the next ones, and a caller that
        keeps only the findings lets the Docs go: memory stays flat on big banks.
        `count` (how many stories `tagged` yields) decides the number of spaCy
        processes unless `processes` is given.
        """
        if count == 0:
            return
        start = getattr(progress, "start", None)
        if callable(start):
            start(count)
        analysed: Iterator[tuple[Any, AnalysedStory]] = ((tag, analyse(story)) for tag, story in tagged)
        if parse or self.needs_nlp:
            from star_bank.nlp.pipeline import load_pipeline

            nlp = load_pipeline(self.config.pipeline)
            n_process = processes or stream.parse_processes(count, stream.PARALLEL_MIN_STORIES_WITH_DOCS)
            analysed = stream.with_docs(analysed, nlp, n_process=n_process)
        for done, (tag, story) in enumerate(analysed, 1):
            findings = self.lint_one(story)
            if progress is not None:
                progress(done)
            yield tag, story, findings

    def lint_text(self, text: str, path: str = "<story>") -> list[Finding]:
        """Findings for one story given as text."""
        from star_bank.story.parse import parse_story  # here: a cached run parses nothing

        return self.lint_stories([parse_story(text, path)])[0]

    def lint_one(self, story: AnalysedStory) -> list[Finding]:
        """Every active rule's findings on one analysed story, in file order.

        A section-level finding (a kind anchors it on the heading) is silenced by
        a comment anywhere in its section, dropped when a finding already covers
        the whole section, and points at the section's first sentence
        (star_bank/lint/placement.py).
        """
        regions = suppression_regions(story.story.text, story.index)
        hits: list[tuple[ActiveRule, Hit, SectionText | None]] = []
        for active in self.story_rules:
            rule = active.rule
            if rule.applies_to == "failure" and not story.is_failure:
                continue
            if rule.applies_to == "learning" and not story.is_learning:
                continue
            for hit in kind_of(rule).check(story, rule, active.options):
                names = rule.names()
                if is_suppressed(regions, hit.start, names) or placement.silenced(regions, story, hit, names):
                    continue
                hits.append((active, hit, placement.section_of(story, hit)))
        # Only text a pattern matched (a template placeholder) makes a section's own
        # finding redundant; a lesson sentence that fills a one-line Result does not.
        spans = [(hit.start, hit.end) for active, hit, section in hits
                 if section is None and hit.section is not None and active.rule.kind == "pattern"]
        covered = placement.covered_sections(story, spans)
        findings = [
            _finding(story, active, hit if section is None else placement.moved_to_first_sentence(section, hit))
            for active, hit, section in hits
            if section is None or section.heading[0] not in covered
        ]
        return sorted(findings, key=lambda f: (f.offset, f.code))


def with_bank_findings(findings: list[Finding], bank: list[Finding], path: str) -> list[Finding]:
    """A story's findings with the bank findings anchored on it, in file order."""
    mine = [f for f in bank if f.path == path]
    return sorted(findings + mine, key=lambda f: (f.offset, f.code)) if mine else findings


def _finding(story: AnalysedStory, active: ActiveRule, hit: Hit) -> Finding:
    """A kind's hit as a finding: exact file position, the rule's message filled in
    (options with a unit read as quantities: `max_minutes` -> '3 minutes')."""
    rule = active.rule
    severity = Severity(hit.severity) if hit.severity is not None else active.severity
    span = story.index.span(hit.start, hit.end)
    message, suggestion = rule_wording(rule, active.options, hit.values)
    return Finding(
        path=story.story.path,
        line=span.line,
        column=span.column,
        end_line=span.end_line,
        end_column=span.end_column,
        code=rule.code,
        rule=rule.slug,
        severity=severity,
        dimension=rule.dimension,
        section=hit.section.value if hit.section is not None else None,
        message=message,
        text=re.sub(r"\s+", " ", story.story.text[hit.start : hit.end]).strip(),
        suggestion=suggestion,
        offset=span.start,
        end_offset=span.end,
    )


def analyse(story: Story) -> AnalysedStory:
    """The story's sections as the kinds read them (no spaCy parse yet)."""
    sections = [
        SectionText(s.kind, s.label, (s.heading.start, s.heading.end), s.prose)
        for s in story.sections
        if s.prose is not None
    ]
    opening = story.opening_prose
    if opening is not None:
        # Words before the first label are still the speaker's: an introduction, or the lesson
        # told up front ("The rule I follow now: ..."). They are read as a part of no STAR kind.
        start = opening.source_range(0, 1)[0]
        sections.insert(0, SectionText(SectionKind.other, "opening", (start, start), opening))
    if not story.sections and story.body_prose is not None and story.body_prose.text:
        # An unlabelled story is read as one section, anchored at its title (or first words).
        anchor = story.title_span
        start, end = (anchor.start, anchor.end) if anchor else story.body_prose.source_range(0, 1)
        sections = [SectionText(SectionKind.other, "story", (start, end), story.body_prose)]
    from star_bank.retrieve.classify import classify_story  # loads the archetype book: only when linting

    match = classify_story(story)
    archetypes = list(story.front_matter.archetypes) or _confident(match)
    return AnalysedStory(story, LineIndex(story.text), sections, archetypes, classification=match)


# Rules that apply only to failure or learning stories should not guess: a story
# whose front matter names no archetype counts as classified only when clear.
CLASSIFICATION_CONFIDENCE = 0.4


def _confident(match: "ArchetypeMatch") -> list[int]:
    """The classified archetypes, best first, when the classification is clear enough."""
    return list(match.archetypes) if match.confidence >= CLASSIFICATION_CONFIDENCE else []
