"""A story told as a transcript: an interview, a panel, a podcast or a chat thread.

Such a file holds more than one voice. Each turn opens with its speaker's tag
("**HOST:**", "RAVI MENON (Director):", or a chat line "**Dana Okafor** 9:02 AM").
The story is the turns of the speaker who says the most; the other voices ask the
questions. So the parser reads only that speaker's words: the tags, the other
speakers' turns and stage directions ("[laughter]") are hidden like comments.

A file counts as a transcript only when at least two speakers take two turns each,
so a ticket's field names ("SEVERITY: ...", "OWNER: ...") or a single "Note:" stay text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from star_bank.story.labels import classify_label

# A name of one to four capitalised words, with an optional role in brackets, then a colon
# inside or after the bold markers, or a plain colon followed by the turn.
_NAME = r"(?P<name>[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3})"
_TAG = re.compile(
    r"^[ \t]{0,3}(?:\*\*|__)?" + _NAME + r"(?:[ \t]*\((?P<role>[^)\n]{1,60})\))?"
    r"[ \t]*(?::[ \t]*(?:\*\*|__)|(?:\*\*|__)[ \t]*:|:(?=[ \t]))",
    re.M,
)
# A chat message's header: the sender in bold and the time, alone on its line.
_CHAT_HEADER = re.compile(
    r"^[ \t]{0,3}\*\*" + _NAME + r"\*\*[ \t]+\d{1,2}[:.]\d{2}(?:[ \t]*[AaPp]\.?[Mm]\.?)?[ \t]*$", re.M
)
# "[laughter]", "[laughs]", "[applause]", "[crosstalk]": what the audience or the speaker did.
_STAGE_DIRECTION = re.compile(r"\[[a-z][a-z ]{2,20}\]")
# Words that open a line like a tag but name no speaker.
_NOT_SPEAKERS = frozenset({"note", "notes", "edit", "update", "ps", "tl;dr", "tldr", "summary", "answer", "question",
                           "example", "step", "day", "week"})
MIN_TURNS_EACH = 2


@dataclass(frozen=True)
class _Tag:
    start: int
    end: int
    speaker: str


def _tags(text: str, start: int) -> list[_Tag]:
    found = []
    for match in _TAG.finditer(text, start):
        name = match.group("name")
        if len(name) <= 2 and not match.group("role"):
            continue  # "Q:", "A:", "S:": letters, not people
        if name.lower() in _NOT_SPEAKERS or classify_label(name, by_meaning=False) is not None:
            continue  # "Situation:", "Result:": the parts of the story, not its voices
        found.append(_Tag(match.start(), match.end(), name.split()[0].lower()))
    found += [_Tag(m.start(), m.end(), m.group("name").split()[0].lower()) for m in _CHAT_HEADER.finditer(text, start)]
    return sorted(found, key=lambda tag: tag.start)


def hide_other_voices(text: str, hidden: bytearray, start: int = 0) -> bool:
    """Hide what is not the storyteller's in a transcript (see the module docstring).
    Returns whether the text was read as a transcript."""
    tags = _tags(text, start)
    turns = Counter(tag.speaker for tag in tags)
    if sum(1 for count in turns.values() if count >= MIN_TURNS_EACH) < 2:
        return False
    ends = [tag.start for tag in tags[1:]] + [len(text)]
    words: Counter[str] = Counter()
    for tag, end in zip(tags, ends):
        words[tag.speaker] += len(text[tag.end : end].split())
    teller = words.most_common(1)[0][0]
    for tag, end in zip(tags, ends):
        until = tag.end if tag.speaker == teller else end
        hidden[tag.start : until] = b"\x01" * (until - tag.start)
    for match in _STAGE_DIRECTION.finditer(text, start):
        hidden[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    return True
