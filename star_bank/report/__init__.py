"""Renderers: every way a result becomes text (lint reports, listings, suggestions, coverage, skeletons).

Lint reports render through `RENDERERS`, each `render(report, rules) -> str`;
the other modules here render one library value each. The CLI only chooses one
and prints what it returns.
"""

from star_bank.report import github, json_report, sarif, text

RENDERERS = {
    "text": text.render,
    "json": json_report.render,
    "sarif": sarif.render,
    "github": github.render,
}
