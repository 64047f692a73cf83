"""STAR labels as people write them: which part a heading or label names, and where.

The aliases are data (`star_bank/data/section_labels.yaml`). A label opens a
part as a Markdown heading, a bold or HTML-bold label ("**Result:**",
"<b>Result:</b>"), a label line on its own ("SITUATION", "The Learning",
"Learnings -"), or a prefix at the start of a line ("Result: ...", "Result -
..."). Single letters ("S:", "S-", "(S)", "**S**" alone on a line) are read
only in a story that uses them for at least three parts including the
Situation, and not in a question-and-answer transcript ("Q: ... A: ..."),
where "A:" means Answer.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict

from star_bank.data.loader import load_shipped
from star_bank.model.story import SectionKind
from star_bank.story.heading_meaning import heading_meaning

COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
# A numbered item word before a label ("Slide 3:", "Part 2 -"): the label follows it.
_COUNTER = re.compile(r"^[a-z]+ \d{1,2}\s*(?::|[-–—.)]\s)\s*")
_SEPARATORS = re.compile(r"\s[-–—]\s|[–—:|/(),&+]|\band\b")
_BOLD_LABEL = re.compile(
    r"^[ \t]{0,3}(?:(?:[-+*]|\d{1,9}[.)])[ \t]+)?"  # a list marker may come first
    r"(\*\*|__)(?P<label>[^*_\n]{1,60}?)[ \t]*(?P<inner>[:.–—])?[ \t]*\1"
    r"[ \t]*(?P<outer>[:–—]|-(?=[ \t]))?[ \t]*"
)
_HTML_LABEL = re.compile(
    r"^[ \t]{0,3}<(b|strong)>[ \t]*(?P<label>[^<\n]{1,60}?)[ \t]*(?P<inner>[:.–—-])?[ \t]*</\1>"
    r"[ \t]*(?P<outer>[:–—-])?[ \t]*",
    re.I,
)
# Pictographs and arrows that decorate a label ("📍 The situation:", "→ Result:").
_ICON = r"(?:[\u2190-\u21ff\u2600-\u27bf\U0001F000-\U0001FAFF\uFE0F\u200d]{1,4}[ \t]*)"
_PLAIN_LABEL = re.compile(
    r"^[ \t]{0,3}(?:(?:[-+*]|\d{1,9}[.)])[ \t]+)?" + _ICON + r"?(?P<label>[A-Za-z][A-Za-z '’/&-]{0,40}?)[ \t]*(?::|(?:->|=>|[→⇒])|[ \t](?:--|[-–—])(?=[ \t]|$)|[–—])[ \t]*"
)
# A label on a line of its own, perhaps in brackets ("[Situation]", "(Result)").
_LABEL_LINE = re.compile(
    r"^[ \t]{0,3}(?:#{1,6}|\d{1,2}[.)])?[ \t]*" + _ICON + r"?(?P<open>[\[(])?(?P<label>[A-Za-z][A-Za-z '’/&-]{0,40}?)"
    r"(?(open)[\])])[ \t:.–—-]*$"
)
# Notes in lower case write the letters so too ("s: ...", "a: ..."), with a colon.
# A capital may also stand alone on its line, bold or not ("**S**", "T").
_LETTER_AT_START = re.compile(
    r"^[ \t]{0,3}(?:\*\*|__)?(?:[(\[](?P<a>[STARL])[)\]]|(?P<b>[STARL])[ \t]*[:)\-–—]|(?P<c>[star])[ \t]*:"
    r"|(?P<d>[STARL])(?:\*\*|__)?[ \t]*$)[ \t]*"
)
_LETTER_INLINE = re.compile(r"(?<=[ \t])[(\[](?P<a>[STARL])[)\]][ \t]+")
# An all-capitals label run into its first word, as copying often leaves it ("SITUATIONWhen I ...").
_CAPS_GLUED = re.compile(r"^[ \t]{0,3}(?P<label>[A-Z]{2,}(?: [A-Z]{2,})*)(?=[A-Z][a-z])")
_ASIDE = re.compile(r"\([^()\n]{1,80}\)[ \t]*:?")
_LIST_ITEM = re.compile(r"^[ \t]{0,3}(?:[-+*]|\d{1,9}[.)])[ \t]+")
_TAGS = re.compile(r"<[^<>\n]*>")
_ANSWER_LINE = re.compile(r"^[ \t]{0,3}(?:\*\*|__)?A[ \t]*:", re.M)
_QUESTION_LINE = re.compile(r"^[ \t]{0,3}(?:Q|Question|Interviewer)[ \t]*:", re.M)


# A bold line longer than this is an emphasised sentence, not a heading.
_OWN_HEADING_WORDS = 6


@dataclass(frozen=True)
class Label:
    """A label found in a line: its part, its text, and where it starts and ends in the line."""

    kind: SectionKind
    text: str
    start: int
    end: int
    prefix: bool = False  # a plain "Result: ..." prefix, which prose can also produce
    guessed: bool = False  # named in the writer's own words, read from its head word


class SectionLabels(BaseModel):
    """`section_labels.yaml`: the words that name each part, and the cues of unlabelled ones."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    aliases: dict[SectionKind, list[str]]
    exact_aliases: dict[SectionKind, list[str]]
    leading_words: dict[SectionKind, list[str]]
    letters: dict[str, SectionKind]
    heading_cues: dict[SectionKind, list[str]]  # regexes: what a heading says its part holds
    heading_words: dict[SectionKind, dict[Literal["nouns", "verbs"], list[str]]]  # read by heading_meaning
    inference: dict[SectionKind, list[str]]  # regexes, read by star_bank.story.infer


def section_labels() -> SectionLabels:
    """The shipped label vocabulary, read and validated once."""
    return load_shipped("section_labels.yaml", SectionLabels, ValueError)


@functools.cache
def _vocabulary() -> tuple[dict[str, SectionKind], dict[str, SectionKind], dict[str, SectionKind], dict[str, SectionKind]]:
    """(aliases, leading words, letters, every whole-label alias)."""
    data = section_labels()
    aliases = {alias.lower(): kind for kind, words in data.aliases.items() for alias in words}
    exact = {alias.lower(): kind for kind, words in data.exact_aliases.items() for alias in words}
    leading = {word: kind for kind, words in data.leading_words.items() for word in words}
    letters = {letter.upper(): kind for letter, kind in data.letters.items()}
    return aliases, leading, letters, {**exact, **aliases}


def alias_kind(label: str) -> SectionKind | None:
    """The part an exact alias names ("The Learning" -> lesson), or None."""
    text = re.sub(r"\s+", " ", label.lower().replace("’", "'")).strip(" .:-–—\t")
    return _vocabulary()[3].get(text)


def classify_label(label: str, by_meaning: bool = True) -> SectionKind | None:
    """The STAR part a heading or bold label names, or None for any other heading.

    `by_meaning=False` reads only the listed names and phrasings, not a head word's
    meaning: for a story's title position, where "My role in the launch" is a title."""
    aliases, leading, _, whole = _vocabulary()
    text = COMMENT.sub(" ", label).lower().replace("’", "'")
    text = re.sub(r"[*_`#]", " ", text)
    text = re.sub(r"^[^a-z]*(?:\d+[.)]\s*)?", "", text).strip(" .:?-–—\t")  # "How did it turn out?"
    text = _COUNTER.sub("", text)  # "Slide 3: What went wrong", "Part 2 - Context"
    text = re.sub(r"\s+", " ", text)
    if text in whole:
        return whole[text]
    parts = [p.strip(" .-") for p in _SEPARATORS.split(text) if p.strip(" .-")]
    for part in parts:
        if part in aliases:
            return aliases[part]
    words = text.split()
    if words and words[0] in leading and len(words) <= 6:
        return leading[words[0]]
    kind = _heading_cue_kind(text, parts)
    if kind is None and by_meaning:
        # "What's changed (in place since May)": the label before its aside names the part.
        for candidate in dict.fromkeys((text, *parts[:1])):
            kind = kind or heading_meaning(candidate, section_labels().heading_words)
    return kind


# A heading longer than this is a sentence of prose, not a label naming a part.
MAX_CUE_HEADING_WORDS = 8


def _heading_cue_kind(text: str, parts: list[str]) -> SectionKind | None:
    """The part a heading names in its own words ("My job" -> task, "Where we ended up" ->
    result): read from what it says it holds, as a whole or before its first separator."""
    if not parts or len(text.split()) > MAX_CUE_HEADING_WORDS:
        return None
    for candidate in dict.fromkeys((text, parts[0])):
        for kind, pattern in _heading_cues():
            if pattern.fullmatch(candidate):
                return kind
    return None


@functools.cache
def _heading_cues() -> list[tuple[SectionKind, re.Pattern[str]]]:
    return [(kind, re.compile(cue, re.I)) for kind, cues in section_labels().heading_cues.items() for cue in cues]


def uses_letter_labels(text: str) -> bool:
    """Whether the story labels its parts with letters: S and at least two more.

    Under a question line ("Q: ...") "A:" is the answer, so there S and two letters
    other than A are needed: "Q:" over "S: ... T: ... A: ... R: ..." is still STAR.
    """
    letters = set()
    for line in text.splitlines():
        for match in (_LETTER_AT_START.match(line), *_LETTER_INLINE.finditer(line)):
            if match:
                letters.add(_letter(match))
    if _QUESTION_LINE.search(text) and _ANSWER_LINE.search(text):
        letters.discard("A")  # "Q: ... A: ...": the answer, not the Action ("A)" still is)
    return "S" in letters and len(letters) >= 3


def line_labels(line: str, letters: bool = False, bold_only: bool = False) -> list[Label]:
    """The labels in one line of a paragraph, in order (usually none or one, at its start)."""
    found = _label_at_start(line, letters, bold_only)
    if letters:
        after = found.end if found else 0
        inline = [
            Label(_vocabulary()[2][m.group("a")], m.group("a"), m.start(), m.end())
            for m in _LETTER_INLINE.finditer(line, after)
        ]
        return ([found] if found else []) + inline
    return [found] if found else []


def _label_at_start(line: str, letters: bool, bold_only: bool) -> Label | None:
    for pattern in (_BOLD_LABEL, _HTML_LABEL):
        match = pattern.match(line)
        if match:
            rest = _TAGS.sub("", line[match.end() :]).strip()
            # "**Follow-ups** (owned by me)": an aside in brackets after the label is part of it.
            rest_empty = not rest or bool(_ASIDE.fullmatch(rest))
            if match.group("inner") or match.group("outer") or rest_empty:
                label = match.group("label").strip()
                kind = classify_label(label)
                if kind is None and letters and label.rstrip(":-").strip() in _vocabulary()[2]:
                    kind = _vocabulary()[2][label.rstrip(":-").strip()]  # "**S:** ..."
                if kind is not None:
                    return Label(kind, label, 0, len(line) if rest_empty else match.end())
                if rest_empty and _looks_like_label(label) and len(label.split()) <= _OWN_HEADING_WORDS:
                    # "**Timeline**" on a line of its own is a heading naming no STAR part: it
                    # opens a part of its own (kept only beside STAR labels: star_bank.story.parse).
                    return Label(SectionKind.other, label, 0, match.end())
    if bold_only:
        return None
    match = _LABEL_LINE.match(line)
    if match and alias_kind(match.group("label")) is not None and _looks_like_label(match.group("label")):
        return Label(alias_kind(match.group("label")), match.group("label").strip(), 0, len(line))
    words = match.group("label").lower().split() if match else []
    if match and len(words) <= _OWN_HEADING_WORDS and words[0] in _HEADING_OPENERS and not line.rstrip().endswith("."):
        # "what changed for me", "How it went" on a line of its own: a part named in the writer's
        # words (not a sentence: "First step."). Like a label of one's own in a list, it counts
        # only beside other labels (star_bank.story.parse).
        kind = classify_label(match.group("label"))
        if kind is not None:
            return Label(kind, match.group("label").strip(), 0, len(line), prefix=True, guessed=True)
    for pattern in (_PLAIN_LABEL, _CAPS_GLUED):
        match = pattern.match(line)
        if match:
            kind = alias_kind(match.group("label"))
            guessed = kind is None
            if guessed:
                # Notes in bullets ("- My job that week: ...") or lines of labelled parts ("What
                # changed after - ..."): a short label of one's own opens each. It counts only
                # beside other labels (star_bank.story.parse).
                kind = classify_label(match.group("label"))
            if kind is not None:
                return Label(kind, match.group("label").strip(), 0, match.end(), prefix=True, guessed=guessed)
    if letters:
        match = _LETTER_AT_START.match(line)
        if match:
            letter = _letter(match)
            return Label(_vocabulary()[2][letter], letter, 0, match.end())
    return None


# How a heading in the writer's own words opens: "What I learned", "How it went", "The outcome".
_HEADING_OPENERS = frozenset({"what", "how", "where", "why", "when", "which", "the", "my", "our", "key"})


def _letter(match: re.Match) -> str:
    """The part's letter a letter label names, in capitals."""
    groups = match.groupdict()
    return next(groups[name] for name in ("a", "b", "c", "d") if groups.get(name)).upper()


def _looks_like_label(label: str) -> bool:
    """A line on its own is a label when written like one: capitalised or all capitals."""
    words = label.split()
    return bool(words) and (label.isupper() or words[0][0].isupper())


def clean_label(inline: str) -> str:
    label = COMMENT.sub("", inline)
    label = re.sub(r"[*_`]", "", label)
    return re.sub(r"\s+", " ", label).strip()
