"""The one run path over files: discover, read, look up the cache, lint (and
score) the rest in this process or in worker processes, report progress.

    run = run_paths(linter, ["stories"], cache=cache, scorer=scorer)
    run.report, run.scorecards

`starlint`, `starlint --scorecard` and `starbank score` all go through here,
so a cached scorecard costs what a cached lint costs: a read and a hash, no
spaCy. The runner knows the linter and the scorer only by the small protocols
below, so it imports neither the engine nor the rubric.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Protocol

from star_bank.lint.cache import CachedFile, LintCache
from star_bank.model.findings import Finding, LintReport, summarise
from star_bank.model.profile import StoryProfile
from star_bank.model.story import FileError, Story
from star_bank.nlp import stream
from star_bank.nlp.analysis import AnalysedStory
from star_bank.story.bank import discover
from star_bank.story.errors import StoryParseError
from star_bank.story.reading import read_story_bytes

if TYPE_CHECKING:
    from star_bank.model.scorecard import Scorecard

Progress = Callable[[int], None]

# Stories per task a worker process takes at a time: small enough to share the
# work evenly, big enough for spaCy to batch.
WORKER_CHUNK = 8


class StoryLinter(Protocol):
    """What the runner needs of a linter (star_bank.lint.engine.Linter is one)."""

    @property
    def needs_nlp(self) -> bool: ...

    def lint_stream(
        self,
        tagged: Iterable[tuple[Any, Story]],
        count: int,
        progress: Progress | None = None,
        parse: bool = False,
        processes: int | None = None,
    ) -> Iterator[tuple[Any, AnalysedStory, list[Finding]]]: ...

    def profile(self, story: AnalysedStory) -> StoryProfile | None: ...

    def lint_bank(self, profiles: list[StoryProfile]) -> list[Finding]: ...


class StoryScorer(Protocol):
    """What the runner needs of a scorer (star_bank.rubric.run.RubricScorer is one).

    It must pickle, to run in worker processes; its fingerprint keys its cached
    scorecards, so it must change whenever a scorecard could.
    """

    def fingerprint(self) -> str: ...

    def __call__(self, story: AnalysedStory, findings: list[Finding]) -> Scorecard: ...


@dataclass
class Run:
    """A run's lint report and, when it scored, one scorecard per readable story."""

    report: LintReport
    scorecards: list[Scorecard] = field(default_factory=list)


Source = tuple[int, str, "bytes | None"]  # (index, path, the bytes already read or None)
Outcome = tuple[int, "CachedFile | FileError"]


def run_paths(
    linter: StoryLinter,
    paths: Iterable[str | os.PathLike[str]],
    *,
    progress: Progress | None = None,
    cache: LintCache | None = None,
    scorer: StoryScorer | None = None,
) -> Run:
    """Lint (and with a `scorer`, score) every story file under `paths`.

    Unreadable files become the report's `errors`. With a `cache`, a file whose
    bytes and settings match an entry is not parsed at all, and every file done
    is stored. `progress` is called with the number of files done so far.
    """
    files, errors = discover(list(paths), getattr(linter, "excludes", None))
    scoring = scorer.fingerprint() if scorer is not None else None
    results, todo = _from_cache(cache, files, scoring)
    keys = {n: key for n, _, _, key in todo}
    for n, outcome in _outcomes(linter, [(n, f, d) for n, f, d, _ in todo], progress, scorer):
        if isinstance(outcome, FileError):
            errors.append(outcome)
            continue
        results[n] = outcome
        key = keys[n]
        if cache is not None and key is not None:
            cache.put(key, outcome.findings, outcome.scorecard, scoring, outcome.profile)
    done = [result for result in results if result is not None]
    # The bank pass: once over every story's profile, cached or not.
    bank = linter.lint_bank([r.profile for r in done if r.profile is not None])
    findings = [f for result in done for f in _with_bank(result, bank)]
    errors = sorted(errors, key=lambda e: e.path)
    report = LintReport(findings=findings, errors=errors, summary=summarise(findings, errors, len(files)))
    return Run(report, [r.scorecard for r in done if r.scorecard is not None])


def _from_cache(
    cache: LintCache | None, files: list[str], scoring: str | None
) -> tuple[list[CachedFile | None], list[tuple[int, str, bytes | None, str | None]]]:
    """Each file's cached result (None when absent) and the files still to do,
    with the bytes already read (not read twice) and their cache key."""
    results: list[CachedFile | None] = [None] * len(files)
    todo: list[tuple[int, str, bytes | None, str | None]] = []
    for n, file in enumerate(files):
        data = key = None
        if cache is not None and (data := _read_bytes(file)) is not None:
            key = cache.key(data, file)
            results[n] = cache.lookup(key, file, scoring)
            if results[n] is not None:
                continue
        todo.append((n, file, data, key))
    return results, todo


def _outcomes(
    linter: StoryLinter, sources: list[Source], progress: Progress | None, scorer: StoryScorer | None
) -> Iterator[Outcome]:
    """Every source's outcome: in worker processes when the parse is worth sharing out."""
    needs_parse = linter.needs_nlp or scorer is not None
    processes = stream.parse_processes(len(sources)) if needs_parse else 1
    if processes > 1:
        return _in_workers(linter, scorer, sources, processes, progress)
    return _in_process(linter, scorer, sources, progress)


def _in_process(
    linter: StoryLinter, scorer: StoryScorer | None, sources: list[Source], progress: Progress | None = None
) -> Iterator[Outcome]:
    """Read, parse, lint (and score) story files in this process, one spaCy stream for all."""
    failed: list[Outcome] = []

    def stories() -> Iterator[tuple[int, Story]]:
        # Imported here: a run whose every file is cached never parses one.
        from star_bank.story.parse import decode_story, parse_story, read_story

        # Read lazily: a file is parsed as Markdown while spaCy works on the ones before.
        for n, path, data in sources:
            try:
                story = read_story(path) if data is None else parse_story(decode_story(data, path), path)
            except StoryParseError as exc:
                failed.append((n, FileError(path=exc.path, message=exc.reason)))
                continue
            yield n, story

    parse = scorer is not None
    for n, analysed, findings in linter.lint_stream(stories(), len(sources), progress, parse, processes=1):
        card = scorer(analysed, findings) if scorer is not None else None
        yield n, CachedFile(findings, card, linter.profile(analysed))
    yield from failed


def _in_workers(
    linter: StoryLinter,
    scorer: StoryScorer | None,
    sources: list[Source],
    processes: int,
    progress: Progress | None,
) -> Iterator[Outcome]:
    """Run story files in `processes` worker processes, each reading, parsing,
    linting and scoring its share and sending back only findings and scorecards.

    Sending spaCy Docs back to one process to lint them there costs that process
    more than the rules themselves (every Doc is serialised and rebuilt); findings
    and scorecards are small.
    """
    import multiprocessing

    start = getattr(progress, "start", None)
    if callable(start):
        start(len(sources))
    size = max(1, min(WORKER_CHUNK, len(sources) // (processes * 4)))
    chunks = [sources[i : i + size] for i in range(0, len(sources), size)]
    done = 0
    context = multiprocessing.get_context()
    with context.Pool(processes, initializer=_start_worker, initargs=(linter, scorer)) as pool:
        for outcomes in pool.imap(_run_chunk, chunks):
            yield from outcomes
            done += sum(1 for _, outcome in outcomes if not isinstance(outcome, FileError))
            if progress is not None:
                progress(done)


_worker: tuple[StoryLinter, StoryScorer | None] | None = None


def _start_worker(linter: StoryLinter, scorer: StoryScorer | None) -> None:
    """Keep the linter and scorer in the worker: sent once per worker, not once per chunk."""
    global _worker
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the main process's to handle
    _worker = (linter, scorer)


def _run_chunk(sources: list[Source]) -> list[Outcome]:
    """A worker's share: a list, so the outcomes go back to the main process in one message."""
    assert _worker is not None
    linter, scorer = _worker
    return list(_in_process(linter, scorer, sources))


def _with_bank(result: CachedFile, bank: list[Finding]) -> list[Finding]:
    """A file's findings with the bank findings anchored on it, in file order."""
    if result.profile is None:
        return result.findings
    mine = [f for f in bank if f.path == result.profile.path]
    return sorted(result.findings + mine, key=lambda f: (f.offset, f.code)) if mine else result.findings


def _read_bytes(path: str) -> bytes | None:
    """The file's bytes, or None when it cannot be read (read_story then says why)."""
    try:
        return read_story_bytes(path)
    except StoryParseError:
        return None
