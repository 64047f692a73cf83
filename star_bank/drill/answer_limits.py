"""What one typed answer may hold: plain text, and no more than an interview answer.

A two-minute spoken answer is about 300 words (2,000 characters); ten times
that leaves room for notes. Past it an answer costs the analysis seconds and
memory for nothing (a megabyte pasted by mistake took a minute and 2 GB), so
it is cut. Control characters (NUL, ESC...) are dropped: a saved draft must
stay a text file that starlint reads and a terminal shows as it is.
"""

from __future__ import annotations

import re

MAX_ANSWER_CHARS = 20_000

# C0 controls but tab and newline, DEL and the C1 controls.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def plain_answer(text: str) -> tuple[str, bool]:
    """`text` without control characters and cut to MAX_ANSWER_CHARS: (answer, was cut)."""
    text = _CONTROL.sub(lambda m: "\n" if m.group() in "\r\x0b\x0c" else "", text.replace("\r\n", "\n"))
    if len(text) <= MAX_ANSWER_CHARS:
        return text, False
    cut = text[:MAX_ANSWER_CHARS]
    # At a word, so the last sentence does not end inside one.
    space = cut.rfind(" ", MAX_ANSWER_CHARS - 200)
    return (cut[:space] if space > 0 else cut), True
