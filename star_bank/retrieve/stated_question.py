"""The interview question a story says it answers, when its first lines state one.

People often paste the question above their answer: as the title ("# Walk me through
an argument you had with your boss about a plan"), as a "Q:" line, in a preamble
("Practice answer: 'Describe an error of yours that reached users'"), or as a quoted
question set apart above the answer, however it opens. The question names what kind of story
follows more plainly than any word of the story itself, so the classifier ranks the
text's archetypes among the ones `suggest` reads from the question.
"""

from __future__ import annotations

import re

from star_bank.model.story import Story

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
