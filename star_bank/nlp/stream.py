"""spaCy over many stories: one `nlp.pipe` stream, in batches, on as many cores as pay.

Stories go in lazily and come out in order, each as soon as all its sections
carry their Doc: the caller reads (and lets go of) a story while spaCy parses
the next ones, so memory stays flat on a big bank.
"""

from __future__ import annotations

import os
from collections import deque
from typing import Any, Callable, Iterable, Iterator

from star_bank.nlp.analysis import AnalysedStory, SectionText, mark_narrator

# Several processes pay off from about this many stories (about five sections
# each) on: below it, starting the workers costs more than it saves. Workers that
# lint send back findings; when the Docs themselves must come back (the rubric
# reads them), rebuilding them here costs more, and it pays off later.
# Measured with `bench/perf.py --sweep` on a 2-core machine.
PARALLEL_MIN_STORIES = 10
PARALLEL_MIN_STORIES_WITH_DOCS = 80
BATCH_SIZE = 64


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
            mark_narrator(story)
            yield tag, story
    while waiting:  # stories with no prose at the end
        tag, story, _ = waiting.popleft()
        yield tag, story


def attach_docs(
    stories: list[AnalysedStory],
    pipeline: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> None:
    """Parse every section's prose with spaCy in batches and attach the Docs.

    For a caller that holds all its stories at once; `progress` is called with
    the number of sections parsed so far.
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
