"""Renderers: a LintReport as text, JSON, SARIF 2.1.0 or GitHub annotations.

Each renderer is a function `render(report, rules) -> str`; the CLI prints it.
"""

from star_bank.report import github, json_report, sarif, text

RENDERERS = {
    "text": text.render,
    "json": json_report.render,
    "sarif": sarif.render,
    "github": github.render,
}
