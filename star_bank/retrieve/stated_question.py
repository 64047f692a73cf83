"""The interview question a story says it answers, when its first lines state one, and the
archetypes it names.

People often paste the question above their answer: as the title ("# Walk me through
an argument you had with your boss about a plan"), as a "Q:" line, in a preamble
("Practice answer: 'Describe an error of yours that reached users'"), or as a quoted
question set apart above the answer, however it opens. The question names what kind of story
follows more plainly than any word of the story itself, so the classifier ranks the
text's archetypes among the ones `suggest` reads from the question.
"""

from __future__ import annotations

import re

from typing import TYPE_CHECKING

from star_bank.model.story import Story
from star_bank.retrieve.text_match import content_stems

if TYPE_CHECKING:
    from star_bank.retrieve.archetypes import ArchetypeBook

# A question stated above the story: its archetypes (at most this many) bound the choice.
QUESTION_ARCHETYPES = 3

# How many lines of the file (after any front matter) may hold the question.
LEAD_LINES = 4
# Openings of a behavioural question ("Tell me about a time ...", "Describe a situation ...").
_OPENERS = re.compile(
    r"^(?:tell (?:me|us) about|describe (?:a|an|the|one)|give (?:me |us )?(?:an? )?example|walk (?:me|us) through|"
    r"talk (?:me |us )?(?:about|through)|share (?:a|an|some|one)|have you ever|what(?:'s| is| was) (?:a|an|the) "
    r"(?:time|decision|mistake|project|situation)|how did you|a time (?:when|you))\b",
    re.I,
)
_QUOTED = re.compile(r"[\"“]([^\"”\n]{12,200})[\"”]")
_LABEL = re.compile(r"^(?:q|question|interview question|prompt)\s*[:.)-]\s*", re.I)
# A quoted question shorter than this ("Why?") is speech in the story, not the question asked.
_MIN_QUESTION_WORDS = 6
_MARKUP = re.compile(r"^[#>*_\s-]+|[*_`]+")


def stated_question(story: Story) -> str | None:
    """The question the story's first lines state, or None."""
    lines = [line for line in story.body.splitlines() if line.strip()][:LEAD_LINES]
    for line in ([story.title] if story.title else []) + lines:
        question = _question_in(line)
        if question is not None:
            return question
    return None


def _question_in(line: str) -> str | None:
    text = _MARKUP.sub(" ", line).strip()
    labelled = _LABEL.match(text)
    if labelled:
        text = text[labelled.end() :].strip()
    quoted = _QUOTED.findall(text)
    for candidate in [*quoted, text, text.split(":", 1)[-1].strip()]:
        candidate = candidate.strip(" \"'“”")
        if _OPENERS.match(candidate) and (labelled or candidate.endswith("?") or len(candidate.split()) <= 20):
            return candidate
        if labelled and candidate.endswith("?"):
            return candidate
    # A question quoted, or set apart as a quote block, above the answer is the one asked,
    # however it opens ("> Is there a call you made that you'd walk back now?").
    set_apart = quoted or line.lstrip().startswith(">")
    whole = text.strip(" \"'“”")
    if set_apart and whole.endswith("?") and len(whole.split()) >= _MIN_QUESTION_WORDS:
        return whole
    return None


# "The decision I'd make differently is one I made ...", "A disagreement I still think about
# was with ...": an answer that opens by restating the prompt names its kind of story the way a
# title does. The named thing is a short noun phrase with the speaker in its clause, before "is"/"was".
_RESTATED = re.compile(
    r"^(?:so,?\s+|well,?\s+)?((?:the|a|an|my|one)\s+[^.?!:;,]{0,60}?\b(?:i|i'd|i've|we)\b[^.?!:;,]{0,40}?)"
    r"\s+(?:is|was|would be)\b",
    re.I,
)
_RESTATED_MAX_WORDS = 10


def restated_prompt(story: Story) -> str | None:
    """The story kind the answer's opening sentence names ("The decision I'd make differently"), or None."""
    lines = [line for line in story.body.splitlines() if line.strip()][:1]
    if not lines:
        return None
    found = _RESTATED.match(_MARKUP.sub(" ", lines[0]).strip())
    if found is None or len(found.group(1).split()) > _RESTATED_MAX_WORDS:
        return None
    return found.group(1)


def asked_archetypes(story: Story, book: "ArchetypeBook") -> tuple[list[tuple[int, str]], str]:
    """(archetype, the question) for the archetypes a question stated above the story (or else
    its title, or an opening sentence that restates the prompt) names strongly, best first, and
    which of them named them ("question", "title", "opening"); [] when none names any clearly."""
    from star_bank.retrieve.question_match import match_question

    question = stated_question(story)
    if question is not None:
        found = match_question(question, book)
        return ([(fit.id, question) for fit in found.archetypes[:QUESTION_ARCHETYPES]]
                if found.match == "strong" else []), "question"
    # A written title that names the kind of story ("A decision I'd make differently: one
    # deployment per customer") bounds it the same way, and so does an opening sentence that
    # restates the prompt ("The decision I'd make differently is one I made ...").
    written = [(story.title, "title")] if story.title_span is not None else []
    for named, source in [*written, (restated_prompt(story), "opening")]:
        found = match_question(named, book) if named else None
        # Only an archetype's own cue as written names the kind of story; topic words ("the
        # marketing launch") do not.
        if found and found.match == "strong" and _cue_as_written(named, found.archetypes[0].cues):
            return [(fit.id, named) for fit in found.archetypes[:QUESTION_ARCHETYPES]], source
    return [], "title"


def _cue_as_written(title: str, cues: list[str]) -> bool:
    """Whether one of the cues' words stand in the title in their own order, a word or two
    apart at most ("Breaking the staging build" for "broke the build"); the matcher's looser
    reading ("Short version first" for "first version") is enough in a question, not in a title."""
    words = content_stems(title)
    return any(_in_order(words, content_stems(cue)) for cue in cues)


def _in_order(words: list[str], wanted: list[str], gap: int = 2) -> bool:
    """Whether `wanted` occurs in `words` in order, with at most `gap` other words between two of them."""
    for start, word in enumerate(words):
        if not wanted or word != wanted[0]:
            continue
        at, found = start, True
        for next_word in wanted[1:]:
            window = words[at + 1 : at + 2 + gap]
            if next_word not in window:
                found = False
                break
            at = at + 1 + window.index(next_word)
        if found:
            return True
    return False
