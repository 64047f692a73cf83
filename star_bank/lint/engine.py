"""The linter: rules + configuration + suppressions, run over parsed stories.

    linter = Linter.from_path(Path("stories"))
    report = linter.lint_paths(["stories"])

Each story's sections are parsed by spaCy once (one `nlp.pipe` stream over
all stories, in batches, on every core for a big bank); every rule then reads
the same Docs, story by story, while spaCy parses the next ones.
"""

from __future__ import annotations

import os
import re
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator

from star_bank.nlp.analysis import AnalysedStory, SectionText
from star_bank.story.bank import discover
from star_bank.lint.config import Config, ConfigError, find_config, load_config
from star_bank.model.findings import Finding, LintReport, Severity, summarise
from star_bank.model.story import FileError, SectionKind, Story
from star_bank.story.parse import StoryParseError, decode_story, parse_story, read_story
from star_bank.story.positions import LineIndex
from star_bank.lint.rules import Rule, RuleError, load_rules, validate_options
from star_bank.lint.wording import FormatValues
from star_bank.lint.suppress import is_suppressed, suppression_regions

if TYPE_CHECKING:
    from star_bank.lint.cache import LintCache


@dataclass(frozen=True)
class ActiveRule:
    """A rule as configured for this run: its severity and validated options."""

    rule: Rule
    severity: Severity
    options: Any


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
        cache: "LintCache | None" = None,
    ) -> LintReport:
        """Lint every story file under `paths`; unreadable files become `errors`.

        With a `cache` (star_bank.lint.cache), a file whose bytes and settings match an
        entry is not parsed at all, and every file linted is stored. `progress` is
        called with the number of files linted so far (see `analyse_and_lint`).
        """
        files, errors = discover(list(paths))
        per_file: list[list[Finding]] = [[] for _ in files]
        todo: list[tuple[int, str, bytes | None, str | None]] = []
        for n, file in enumerate(files):
            data = key = None
            if cache is not None:
                data = _read_bytes(file)
                if data is not None:
                    key = cache.key(data)
                    cached = cache.get(key, file)
                    if cached is not None:
                        per_file[n] = cached
                        continue
            todo.append((n, file, data, key))

        keys = {n: key for n, _, _, key in todo}
        sources = [(n, file, data) for n, file, data, _ in todo]
        processes = parse_processes(len(sources)) if self.needs_nlp else 1
        if processes > 1:
            outcomes = _lint_in_workers(self, sources, processes, progress)
        else:
            outcomes = _lint_sources(self, sources, progress)
        for n, outcome in outcomes:
            if isinstance(outcome, FileError):
                errors.append(outcome)
                continue
            per_file[n] = outcome
            if cache is not None and keys[n] is not None:
                cache.put(keys[n], outcome)
        findings = [f for batch in per_file for f in batch]
        return LintReport(
            findings=findings,
            errors=sorted(errors, key=lambda e: e.path),
            summary=summarise(findings, errors, len(files)),
        )

    def lint_stories(
        self, stories: list[Story], progress: Callable[[int], None] | None = None
    ) -> list[list[Finding]]:
        """Findings for each story, in the same order."""
        tagged = list(enumerate(stories))
        return [findings for _, _, findings in self._lint_stream(tagged, len(tagged), progress)]

    def analyse_and_lint(
        self,
        stories: list[Story],
        progress: Callable[[int], None] | None = None,
        parse: bool = False,
    ) -> list[tuple[AnalysedStory, list[Finding]]]:
        """Each story's analysis (spaCy Docs attached) with its findings.

        For callers that read the parse too (the rubric): spaCy runs once.
        `parse=True` attaches the Docs even when no active rule needs them.
        `progress` is called with the number of stories done so far; when it also
        has a `start(total)` method, that is called first with the number to do.
        """
        tagged = list(enumerate(stories))
        return [
            (analysed, findings)
            for _, analysed, findings in self._lint_stream(tagged, len(tagged), progress, parse)
        ]

    def _lint_stream(
        self,
        tagged: Iterable[tuple[Any, Story]],
        count: int,
        progress: Callable[[int], None] | None = None,
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
        analysed = ((tag, analyse(story)) for tag, story in tagged)
        if parse or self.needs_nlp:
            from star_bank.nlp.pipeline import load_pipeline

            nlp = load_pipeline(self.config.pipeline)
            n_process = processes or parse_processes(count, PARALLEL_MIN_STORIES_WITH_DOCS)
            analysed = with_docs(analysed, nlp, n_process=n_process)
        for done, (tag, story) in enumerate(analysed, 1):
            findings = self._lint_one(story)
            if progress is not None:
                progress(done)
            yield tag, story, findings

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
                values = FormatValues(hit.values)
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


# Rules that apply only to failure or learning stories should not guess: a story
# whose front matter names no archetype counts as classified only when clear.
CLASSIFICATION_CONFIDENCE = 0.4


def _classified_archetypes(story: Story) -> list[int]:
    """Archetypes from the text, best first, for a story whose front matter names none."""
    from star_bank.retrieve.classify import classify_story

    match = classify_story(story)
    return list(match.archetypes) if match.confidence >= CLASSIFICATION_CONFIDENCE else []


def attach_docs(
    stories: list[AnalysedStory],
    pipeline: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> None:
    """Parse every section's prose with spaCy in batches and attach the Docs.

    `progress` is called with the number of sections parsed so far.
    """
    from star_bank.nlp.pipeline import load_pipeline

    nlp = load_pipeline(pipeline)
    sections = sum(len(story.sections) for story in stories)
    done = 0
    n_process = parse_processes(len(stories), PARALLEL_MIN_STORIES_WITH_DOCS)
    for _, story in with_docs(((None, s) for s in stories), nlp, n_process):
        done += sum(1 for section in story.sections if section.doc is not None)
        if progress is not None and sections:
            progress(done)


# Several processes pay off from about this many stories (about five sections
# each) on: below it, starting the workers costs more than it saves. Workers that
# lint send back findings; when the Docs themselves must come back (the rubric
# reads them), rebuilding them here costs more, and it pays off later.
# Measured with `bench/perf.py --sweep` on a 2-core machine.
PARALLEL_MIN_STORIES = 10
PARALLEL_MIN_STORIES_WITH_DOCS = 80
BATCH_SIZE = 64
# Stories per task a worker process takes at a time: small enough to share the
# work evenly, big enough for spaCy to batch.
WORKER_CHUNK = 8


def parse_processes(stories: int, threshold: int = PARALLEL_MIN_STORIES) -> int:
    """How many processes to parse `stories` stories with: one for a pre-commit
    run on a few files, every available core for a big bank."""
    if stories < threshold:
        return 1
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    # Two as soon as it pays; more only with enough stories each to be worth a
    # worker's start-up and memory (every worker loads its own model).
    return max(1, min(cores, max(2, stories // (2 * threshold))))


Source = tuple[int, str, "bytes | None"]  # (index, path, the bytes already read or None)
Outcome = tuple[int, "list[Finding] | FileError"]


def _lint_sources(
    linter: Linter, sources: list[Source], progress: Callable[[int], None] | None = None
) -> Iterator[Outcome]:
    """Read, parse and lint story files in this process, one spaCy stream for all."""
    failed: list[Outcome] = []

    def stories() -> Iterator[tuple[int, Story]]:
        # Read lazily: a file is parsed as Markdown while spaCy works on the ones before.
        for n, path, data in sources:
            try:
                story = read_story(path) if data is None else parse_story(decode_story(data, path), path)
            except StoryParseError as exc:
                failed.append((n, FileError(path=exc.path, message=exc.reason)))
                continue
            yield n, story

    for n, _, findings in linter._lint_stream(stories(), len(sources), progress, processes=1):
        yield n, findings
    yield from failed


def _lint_in_workers(
    linter: Linter, sources: list[Source], processes: int, progress: Callable[[int], None] | None
) -> Iterator[Outcome]:
    """Lint story files in `processes` worker processes, each reading, parsing and
    linting its share and sending back only findings.

    Sending spaCy Docs back to one process to lint them there costs that process
    more than the rules themselves (every Doc is serialised and rebuilt); findings
    are small.
    """
    import multiprocessing

    start = getattr(progress, "start", None)
    if callable(start):
        start(len(sources))
    size = max(1, min(WORKER_CHUNK, len(sources) // (processes * 4)))
    chunks = [sources[i : i + size] for i in range(0, len(sources), size)]
    done = 0
    context = multiprocessing.get_context()
    with context.Pool(processes, initializer=_start_worker, initargs=(linter,)) as pool:
        for outcomes in pool.imap(_lint_chunk, chunks):
            yield from outcomes
            done += sum(1 for _, outcome in outcomes if not isinstance(outcome, FileError))
            if progress is not None:
                progress(done)


_worker_linter: Linter | None = None


def _start_worker(linter: Linter) -> None:
    global _worker_linter
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    _worker_linter = linter


def _lint_chunk(sources: list[Source]) -> list[Outcome]:
    assert _worker_linter is not None
    return list(_lint_sources(_worker_linter, sources))


def with_docs(
    tagged: Iterable[tuple[Any, AnalysedStory]],
    nlp: Any,
    n_process: int = 1,
    batch_size: int = BATCH_SIZE,
) -> Iterator[tuple[Any, AnalysedStory]]:
    """The same (tag, story) pairs, in order, each once all its sections carry their Doc.

    `tagged` is read lazily as spaCy asks for more text, so stories are read and
    parsed as Markdown in this process while spaCy's workers parse earlier ones.
    """
    from star_bank.nlp.pipeline import parse_texts

    waiting: deque[list[Any]] = deque()  # [tag, story, sections still without a Doc]
    sections: deque[tuple[list[Any], SectionText]] = deque()

    def texts() -> Iterator[str]:
        for tag, story in tagged:
            todo = [s for s in story.sections if s.prose.text]
            entry = [tag, story, len(todo)]
            waiting.append(entry)
            for section in todo:
                sections.append((entry, section))
                yield section.prose.text

    for doc in parse_texts(nlp, texts(), batch_size=batch_size, n_process=n_process):
        entry, section = sections.popleft()
        section.doc = doc
        entry[2] -= 1
        while waiting and waiting[0][2] == 0:
            tag, story, _ = waiting.popleft()
            yield tag, story
    while waiting:  # stories with no prose at the end
        tag, story, _ = waiting.popleft()
        yield tag, story


def _read_bytes(path: str) -> bytes | None:
    """The file's bytes, or None when it cannot be read (read_story then says why)."""
    try:
        return Path(path).read_bytes()
    except OSError:
        return None
