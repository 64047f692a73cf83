"""`starbank readiness`: how many stories are ready, as text or JSON."""

from __future__ import annotations

from star_bank.report.json_report import dumps
from star_bank.retrieve.bank_readiness import BankReadiness


def render_readiness_json(readiness: BankReadiness) -> str:
    """The readiness value as JSON, exactly its fields."""
    return dumps(readiness.model_dump(mode="json"))


def readiness_line(readiness: BankReadiness) -> str:
    """The one line: `11 of 13 stories ready; archetypes covered by a ready story: 1,2,3`."""
    covered = ",".join(str(a) for a in readiness.archetypes_ready) or "none"
    noun = "story" if readiness.total == 1 else "stories"
    return (
        f"{readiness.ready} of {readiness.total} {noun} ready; "
        f"archetypes covered by a ready story: {covered}"
    )


def render_readiness_text(readiness: BankReadiness) -> str:
    """The summary line, each story with why it is not ready yet, then the edits worth doing first."""
    if readiness.total == 0:
        return "no readable stories found: nothing to get ready"
    lines = [readiness_line(readiness)]
    if readiness.archetypes_not_ready:
        lines.append("no ready story for archetypes: " + ",".join(str(a) for a in readiness.archetypes_not_ready))
    for story in readiness.stories:
        minutes = f"{story.speaking_seconds // 60}:{story.speaking_seconds % 60:02d}"
        mark = "ready" if story.ready else "not ready"
        lines.append(f"{story.path}  {mark}  ({minutes} to tell)  {story.title}")
        lines.extend(f"    - {blocker.detail}" for blocker in story.blockers)
    if readiness.edits:
        lines.append("Edits that would ready the most stories:")
        for n, edit in enumerate(readiness.edits, 1):
            gain = f"readies {len(edit.makes_ready)}, helps {len(edit.touches)}"
            lines.append(f"  {n}. {edit.description} ({gain})")
    elif readiness.all_ready:
        lines.append("Every story is ready.")
    return "\n".join(lines)
