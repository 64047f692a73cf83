"""The linter: rules + configuration + suppressions, run over parsed stories.

    linter = Linter.from_path(Path("stories"))
    report = linter.lint_paths(["stories"])

Each story's sections are parsed by spaCy once (all stories in one
`nlp.pipe` batch); every rule then reads the same Docs.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable

from star_bank.analysis import AnalysedStory, SectionText
from star_bank.bank import discover
from star_bank.config import Config, ConfigError, find_config, load_config
from star_bank.findings import Finding, LintReport, Severity, summarise
from star_bank.model import FileError, SectionKind, Story
from star_bank.parse import StoryParseError, parse_story, read_story
from star_bank.positions import LineIndex
from star_bank.rules import Rule, RuleError, load_rules, validate_options
from star_bank.suppress import is_suppressed, suppression_regions


@dataclass(frozen=True)
class ActiveRule:
    """A rule as configured for this run: its severity and validated options."""

    rule: Rule
    severity: Severity
    options: Any


class _Values(dict):
    """Message values; a placeholder with no value stays as written."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


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
        base = self.config.path.parent if self.config.path else Path.cwd()
        where = str(self.config.path or "configuration")
        try:
            self.rules = load_rules([base / d for d in self.config.rule_dirs])
        except RuleError as exc:
            raise ConfigError(str(exc)) from None
        by_name = {name: rule for rule in self.rules for name in rule.names()}
        chosen = list(select) if select else list(self.config.select)
        ignored = [*self.config.ignore, *ignore]
        for name in [*chosen, *ignored, *self.config.rules]:
            if name not in by_name:
                raise ConfigError(f"{where}: unknown rule {name!r} (see `starlint --list-rules`)")
        selected = {by_name[n].code for n in chosen} if chosen else {r.code for r in self.rules}
        selected -= {by_name[n].code for n in ignored}
        per_rule = {by_name[name].code: table for name, table in self.config.rules.items()}
        self.active: list[ActiveRule] = []
        for rule in self.rules:
            if rule.code not in selected:
                continue
            table = dict(per_rule.get(rule.code, {}))
            severity = table.pop("severity", rule.severity)
            try:
                severity = Severity(severity)
            except ValueError:
                raise ConfigError(
                    f"{where}: rules.{rule.slug}.severity: must be error, warning or suggestion"
                ) from None
            try:
                options = validate_options(rule, table, where=where)
            except RuleError as exc:
                raise ConfigError(str(exc)) from None
            self.active.append(ActiveRule(rule, severity, options))

    @classmethod
    def from_path(cls, start: Path, config_file: Path | None = None, **overrides: Any) -> "Linter":
        """A linter configured by the config file nearest to `start` (or `config_file`)."""
        return cls(load_config(config_file or find_config(start)), **overrides)

    @property
    def needs_nlp(self) -> bool:
        return any(a.rule.kind_module.NEEDS_NLP for a in self.active)

    def lint_paths(
        self,
        paths: list[str | os.PathLike[str]],
        progress: Callable[[int], None] | None = None,
    ) -> LintReport:
        """Lint every story file under `paths`; unreadable files become `errors`."""
        files, errors = discover(list(paths))
        stories: list[Story] = []
        for file in files:
            try:
                stories.append(read_story(file))
            except StoryParseError as exc:
                errors.append(FileError(path=exc.path, message=exc.reason))
        findings = [f for batch in self.lint_stories(stories, progress) for f in batch]
        return LintReport(
            findings=findings,
            errors=sorted(errors, key=lambda e: e.path),
            summary=summarise(findings, errors, len(files)),
        )

    def lint_stories(
        self, stories: list[Story], progress: Callable[[int], None] | None = None
    ) -> list[list[Finding]]:
        """Findings for each story, in the same order."""
        return [findings for _, findings in self.analyse_and_lint(stories, progress)]

    def analyse_and_lint(
        self,
        stories: list[Story],
        progress: Callable[[int], None] | None = None,
        parse: bool = False,
    ) -> list[tuple[AnalysedStory, list[Finding]]]:
        """Each story's analysis (spaCy Docs attached) with its findings.

        For callers that read the parse too (the rubric): spaCy runs once.
        `parse=True` attaches the Docs even when no active rule needs them.
        """
        analysed = [analyse(story) for story in stories]
        if parse or self.needs_nlp:
            attach_docs(analysed, self.config.pipeline, progress)
        return [(a, self._lint_one(a)) for a in analysed]

    def lint_text(self, text: str, path: str = "<story>") -> list[Finding]:
        """Findings for one story given as text."""
        return self.lint_stories([parse_story(text, path)])[0]

    def _lint_one(self, story: AnalysedStory) -> list[Finding]:
        regions = suppression_regions(story.story.text, story.index)
        findings = []
        for active in self.active:
            rule = active.rule
            if rule.applies_to == "failure" and not story.is_failure:
                continue
            if rule.applies_to == "learning" and not story.is_learning:
                continue
            for hit in rule.kind_module.check(story, rule, active.options):
                if is_suppressed(regions, hit.start, rule.names()):
                    continue
                severity = active.severity
                if hit.severity is not None:
                    severity = Severity(hit.severity)
                span = story.index.span(hit.start, hit.end)
                values = _Values(hit.values)
                findings.append(
                    Finding(
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
                        message=rule.message.format_map(values),
                        text=re.sub(r"\s+", " ", story.story.text[hit.start : hit.end]).strip(),
                        suggestion=rule.suggestion.format_map(values) if rule.suggestion else None,
                        offset=span.start,
                        end_offset=span.end,
                    )
                )
        return sorted(findings, key=lambda f: (f.offset, f.code))


def analyse(story: Story) -> AnalysedStory:
    """The story's sections as the kinds read them (no spaCy parse yet)."""
    sections = [
        SectionText(s.kind, s.label, (s.heading.start, s.heading.end), s.prose)
        for s in story.sections
        if s.prose is not None
    ]
    if not story.sections and story.body_prose is not None and story.body_prose.text:
        # An unlabelled story is read as one section, anchored at its title (or first words).
        anchor = story.title_span
        start, end = (anchor.start, anchor.end) if anchor else story.body_prose.source_range(0, 1)
        sections = [SectionText(SectionKind.other, "story", (start, end), story.body_prose)]
    archetypes = list(story.front_matter.archetypes) or _classified_archetypes(story)
    return AnalysedStory(story, LineIndex(story.text), sections, archetypes)


def _classified_archetypes(story: Story) -> list[int]:
    try:
        from star_bank.classify import classify_story
    except ImportError:  # classification is optional for linting
        return []
    match = classify_story(story)
    return [a.id for a in getattr(match, "archetypes", [])] if match is not None else []


def attach_docs(
    stories: list[AnalysedStory],
    pipeline: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> None:
    """Parse every section's prose with spaCy in one batch and attach the Docs."""
    from star_bank.nlp import load_pipeline

    nlp = load_pipeline(pipeline)
    sections = [s for story in stories for s in story.sections if s.prose.text]
    texts = (s.prose.text for s in sections)
    for n, (section, doc) in enumerate(zip(sections, nlp.pipe(texts, batch_size=64)), 1):
        section.doc = doc
        if progress is not None:
            progress(n)
