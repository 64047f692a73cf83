"""`starbank coverage`: the archetype x story matrix and the bank's weak spots, as text or JSON."""

from __future__ import annotations

from star_bank.report.json_report import dumps
from star_bank.report.listing import archetype_list, source_note
from star_bank.retrieve.bank_coverage import MAX_ARCHETYPES_PER_STORY, Coverage


def render_coverage_json(report: Coverage) -> str:
    """The coverage model plus its `complete` flag (a property, so not dumped on its own)."""
    return dumps({**report.model_dump(mode="json"), "complete": report.complete})


def render_coverage_text(report: Coverage) -> str:
    """The matrix, its column key, then what is missing, overloaded or thin."""
    return "\n".join([*_matrix(report), "", *_column_key(report), "", *_weak_spots(report)])


def _matrix(report: Coverage) -> list[str]:
    columns = report.stories
    name_width = max(len(f"#{r.id} {r.name}") for r in report.rows)
    header = " " * (name_width + 2) + "".join(f"{n:>3}" for n in range(1, len(columns) + 1))
    lines = [header.rstrip()]
    for row in report.rows:
        cells = []
        for column in columns:
            if row.id not in column.archetypes:
                cells.append("  .")
            else:
                cells.append("  F" if column.archetype_source == "front-matter" else "  c")
        label = f"#{row.id} {row.name}"
        lines.append(f"{label:<{name_width}}  {''.join(cells)}   {len(row.stories)}")
    lines.append("F = front matter, c = classified from the text")
    return lines


def _column_key(report: Coverage) -> list[str]:
    return [f"{n:>3}  {column.path}{source_note(column)}" for n, column in enumerate(report.stories, start=1)]


def _weak_spots(report: Coverage) -> list[str]:
    if report.missing:
        names = "; ".join(f"#{r.id} {r.name}" for r in report.rows if r.id in report.missing)
        lines = [f"archetypes with no story: {names}"]
    else:
        lines = [f"all {len(report.rows)} archetypes have a story"]
    for story in report.overloaded:
        lines.append(
            f"too many archetypes: {story.path} claims [{archetype_list(story.archetypes)}]; "
            f"keep the {MAX_ARCHETYPES_PER_STORY} it tells best"
        )
    for thin in report.thin_questions:
        wanted = ", ".join(f"#{a}" for a in thin.archetypes)
        lines.append(f'only one story answers "{thin.question}" ({wanted}): {thin.story}')
    return lines
