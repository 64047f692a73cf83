"""Check kinds: each module runs a family of rule files.

A kind module has a docstring (what it checks, its options), an `Options`
pydantic model (unknown keys rejected), `NEEDS_NLP` (whether it reads the
spaCy parse) and `check(story, rule, options)` yielding `Hit`s.
"""

import importlib

KIND_NAMES = (
    "blame_first",
    "empty_section",
    "missing_section",
    "observable_change",
    "passive_voice",
    "pattern",
    "phrase",
    "required_number",
    "required_phrase",
    "speaking_time",
    "subject_ratio",
    "vague_lesson",
)

KINDS = {name: importlib.import_module(f"star_bank.lint.kinds.{name}") for name in KIND_NAMES}
