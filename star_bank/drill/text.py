"""Answer text: splitting a scripted session, one-line quotes, and escaping what the
candidate typed so that it stays prose in the draft story."""

from __future__ import annotations

import re

from star_bank.story.parse import classify_label

# A line of three or more dashes separates the answers of a scripted session.
ANSWER_SEPARATOR = re.compile(r"^[ \t]*-{3,}[ \t]*$", re.M)


def split_answers(text: str) -> list[str]:
    """The answers of a scripted session: blocks separated by lines of `---` (empty blocks dropped)."""
    blocks = ANSWER_SEPARATOR.split(text.replace("\r\n", "\n").replace("\r", "\n"))
    return [block.strip() for block in blocks if block.strip()]


class Blanks(dict):
    """Format values where a placeholder the line does not get is left empty."""

    def __missing__(self, key: str) -> str:
        return ""


def one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def quote(text: str, limit: int = 80) -> str:
    """A sentence quoted back: one line, double quotes made single, cut at a word."""
    text = one_line(text).replace('"', "'").rstrip(".!?;:, ")
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")
_RULE_LINE = re.compile(r"[-=_*~`#>+.\s]*")
_PLAIN_LABEL = re.compile(r"^(?P<label>[A-Za-z][A-Za-z '’/&-]{0,40}?)[ \t]*:")


def split_first_sentence(text: str) -> tuple[str, str]:
    """(first sentence, the rest) of an answer; the first sentence becomes the Situation."""
    first, *others = text.split("\n\n")
    match = _SENTENCE_END.search(first)
    if match is None:
        return first, "\n\n".join(others)
    head = first[: match.start()] + match.group(0).rstrip()
    return head, "\n\n".join([first[match.end() :], *others]).strip()


def draft_title(opening: str) -> str:
    """A working title from the opening answer's first sentence (at most about 70 characters)."""
    first, _ = split_first_sentence(opening) if opening else ("", "")
    title = one_line(first).rstrip(".!?;:,")
    if len(title) > 70:
        title = title[:69].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    if not title or classify_label(title) is not None:  # "# Lesson" would open a section
        return "Practice interview draft"
    return title


def clean_answer(text: str) -> str:
    """An answer as plain prose paragraphs that cannot break the story's structure.

    Lines of a paragraph are joined; a leading "#", a code fence, a STAR label
    ("Result: ...") or an HTML comment opener is escaped so that what the
    candidate typed never becomes a heading, a section or hidden text.
    """
    paragraphs = re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n"))
    out = []
    for paragraph in paragraphs:
        # A line of only rule characters ("---", "===") would underline a heading or draw a rule.
        lines = [line for line in paragraph.split("\n") if not _RULE_LINE.fullmatch(line)]
        line = one_line(" ".join(lines))
        if line:
            out.append(escape_line(line))
    return "\n\n".join(out)


def escape_paragraphs(text: str) -> str:
    return "\n\n".join(escape_line(p) for p in text.split("\n\n"))


def _bare_label(line: str) -> bool:
    words = line.strip().strip(":.–—-").strip()
    return bool(words) and bool(_LABEL_WORDS.fullmatch(words)) and classify_label(words.lower()) is not None


# What a label line holds: letters, spaces and a few joiners (see star_bank/story/labels.py).
_LABEL_WORDS = re.compile(r"[A-Za-z][A-Za-z '’/&-]{0,40}")


def escape_line(line: str) -> str:
    # A line that is only a part's name ("SITUATION", "What I learned") would open that part.
    line = "\n".join(f'"{part}"' if _bare_label(part) else part for part in line.split("\n"))
    line = line.replace("<!--", "< !--")
    if line[:1] in "#>+-*_=|~`":
        line = "\\" + line  # would open a heading, quote, list, emphasis label or fence
    else:
        line = re.sub(r"^(\d+)([.)])(?=\s)", r"\1\\\2", line)  # "1. " would open a list
    match = _PLAIN_LABEL.match(line)
    if match and classify_label(match.group("label")) is not None:
        line = line[: match.end() - 1] + "\\:" + line[match.end() :]  # "Result: ..." would open a section
    return line
