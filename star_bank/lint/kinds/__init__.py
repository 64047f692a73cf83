"""Check kinds: each module runs a family of rule files.

A kind module satisfies `CheckKind` (star_bank/lint/kinds/base.py): a
docstring (what it checks, its options), an `Options` pydantic model (unknown
keys rejected), `NEEDS_NLP` (whether it reads the spaCy parse) and
`check(story, rule, options)` yielding `Hit`s. The modules are loaded by
star_bank/lint/kinds/registry.py; this package names them only, so the `Rule`
model can check a kind's name without importing the kinds that read it.
"""

KIND_NAMES = (
    "action_count",
    "bank_credit",
    "bank_spread",
    "bank_voice",
    "blame_first",
    "comment_directive",
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

# Kinds that judge the whole bank at once (rules with `scope: [bank]`): they meet
# `BankKind` (star_bank/lint/kinds/base.py) and read each story's `StoryProfile`.
BANK_KIND_NAMES = ("bank_credit", "bank_spread", "bank_voice")
