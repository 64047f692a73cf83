"""A new story's skeleton for one archetype: what `starbank new` writes.

The skeleton is a valid story: front matter naming the archetype, a title, the
Situation / Task / Action / Result / Lesson headings and a tie-in. Each part
holds the archetype's bracketed template prompt to replace, and an HTML
comment (never read as prose) with the guidance: what the interviewer probes,
the story shape, and what a strong part contains.
"""

from __future__ import annotations

import json
import textwrap

from star_bank.retrieve.archetypes import Archetype, ArchetypeBook, load_archetypes

TITLE_PROMPT = "[a specific title: what happened, with a number]"
LESSON_PROMPT = "[the habit you changed: something a colleague could see you do within a week]"

# What each part of a strong story holds (the delivery rules of a STAR answer).
_PART_GUIDANCE = {
    "Situation": "One or two sentences of context: where, when, what was at stake.",
    "Task": "What you specifically owned, in the first person.",
    "Action": 'The 2-4 concrete things you did. Say "I", not "we"; name your own choices first.',
    "Result": "An explicit outcome, ideally a number: time, money, users, error rate, adoption.",
    "Lesson": (
        'A concrete change in how you work now ("I now run a pre-mortem on every project over '
        'two weeks"), not a vague lesson ("I learned to communicate better").'
    ),
}


def story_skeleton(archetype: int | Archetype, title: str | None = None, book: ArchetypeBook | None = None) -> str:
    """The Markdown skeleton of a new story for `archetype` (an id or an `Archetype`)."""
    if isinstance(archetype, int):
        archetype = (book or load_archetypes()).get(archetype)
    template = archetype.template
    heading = " ".join(title.split()) if title and title.strip() else TITLE_PROMPT
    tie_in_heading = "AI tie-in" if archetype.tie_in.kind == "ai" else "Lead tie-in"
    parts = [
        ("Situation", template.situation),
        ("Task", template.task),
        ("Action", template.action),
        ("Result", template.result),
        ("Lesson", LESSON_PROMPT),
    ]
    lines = [
        "---",
        # JSON strings are valid YAML scalars: quotes and colons in a title stay safe.
        f"title: {json.dumps(heading, ensure_ascii=False)}",
        f"archetypes: [{archetype.id}]",
        f"{'# level: senior':<20}# optional: swe1 | swe2 | senior | staff",
        f"{'# role: ' + archetype.tie_in.kind:<20}# optional: ai | lead | ic (ai and lead expect a tie-in)",
        "tags: []",
        "---",
        f"# {heading}",
        "",
        _comment(
            f"Archetype #{archetype.id}: {archetype.name}.",
            f"The interviewer probes: {archetype.probes}",
            f"Story shape: {archetype.shape}",
            "Replace every [bracketed prompt] with your specifics and delete these comments "
            "when you like. Keep the telling to 2-3 minutes.",
        ),
    ]
    for name, prompt in parts:
        lines += ["", f"## {name}", prompt, "", _comment(_PART_GUIDANCE[name])]
    lines += [
        "",
        f"## {tie_in_heading}",
        f"[how this story carries over to {'AI systems' if archetype.tie_in.kind == 'ai' else 'leading a team'}]",
        "",
        _comment(archetype.tie_in.text, "Drop this part if the role does not call for a tie-in."),
    ]
    return "\n".join(lines) + "\n"


def _comment(*paragraphs: str) -> str:
    body = "\n".join(textwrap.fill(p, width=88, initial_indent="  ", subsequent_indent="  ") for p in paragraphs)
    # "--" cannot appear inside an HTML comment.
    return "<!--\n" + body.replace("--", "-") + "\n-->"
