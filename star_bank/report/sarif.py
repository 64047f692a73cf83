"""SARIF 2.1.0, for code-scanning dashboards."""

from __future__ import annotations

import json
from pathlib import PurePath
from urllib.parse import quote

from star_bank import __version__
from star_bank.model.findings import LintReport, Severity

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.error: "error", Severity.warning: "warning", Severity.suggestion: "note"}


def render(report: LintReport, rules=None) -> str:
    return json.dumps(to_sarif(report, rules or []), indent=2, ensure_ascii=False)


def to_sarif(report: LintReport, rules) -> dict:
    """The SARIF log as a dict."""
    index = {rule.code: n for n, rule in enumerate(rules)}
    descriptors = [
        {
            "id": rule.code,
            "name": "".join(part.capitalize() for part in rule.slug.split("-")),
            "shortDescription": {"text": rule.slug},
            "fullDescription": {"text": rule.description},
            "help": {"text": rule.suggestion or rule.description},
            "defaultConfiguration": {"level": _LEVEL[rule.severity]},
            "properties": {"slug": rule.slug, "dimension": rule.dimension},
        }
        for rule in rules
    ]
    results = []
    for finding in report.findings:
        result = {
            "ruleId": finding.code,
            "level": _LEVEL[finding.severity],
            "message": {"text": finding.message},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": _uri(finding.path)},
                        "region": {
                            "startLine": finding.line,
                            "startColumn": finding.column,
                            "endLine": finding.end_line,
                            "endColumn": finding.end_column,
                            "snippet": {"text": finding.text},
                        },
                    }
                }
            ],
            "properties": {"slug": finding.rule, "dimension": finding.dimension, "section": finding.section},
        }
        if finding.code in index:
            result["ruleIndex"] = index[finding.code]
        results.append(result)
    notifications = [
        {
            "level": "error",
            "message": {"text": error.message},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(error.path)}}}],
        }
        for error in report.errors
    ]
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "starlint",
                        "version": __version__,
                        "informationUri": "https://pypi.org/project/star-bank/",
                        "rules": descriptors,
                    }
                },
                "invocations": [
                    {
                        "executionSuccessful": not report.errors,
                        "toolExecutionNotifications": notifications,
                    }
                ],
                "results": results,
            }
        ],
    }


def _uri(path: str) -> str:
    return quote(PurePath(path).as_posix())
