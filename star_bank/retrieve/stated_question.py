"""The interview question a story says it answers, when its first lines state one.

People often paste the question above their answer: as the title ("# Walk me through
an argument you had with your boss about a plan"), as a "Q:" line, or in a preamble
("Practice answer: 'Describe an error of yours that reached users'"). The question names what kind of story
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
    for candidate in [*_QUOTED.findall(text), text, text.split(":", 1)[-1].strip()]:
        candidate = candidate.strip(" \"'“”")
        if _OPENERS.match(candidate) and (labelled or candidate.endswith("?") or len(candidate.split()) <= 20):
            return candidate
        if labelled and candidate.endswith("?"):
            return candidate
    return None
