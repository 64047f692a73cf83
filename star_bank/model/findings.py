"""What the linter returns: findings, file errors and a summary."""

from __future__ import annotations

from enum import Enum

from pydantic import BaseModel, Field

from star_bank.model.story import FileError


class Severity(str, Enum):
    suggestion = "suggestion"
    warning = "warning"
    error = "error"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Severity.suggestion: 0, Severity.warning: 1, Severity.error: 2}

# The rubric dimensions a rule can feed (the failure rubric's five, plus two for the telling).
DIMENSIONS = (
    "ownership",
    "detection",
    "recovery",
    "concrete_lesson",
    "pattern_awareness",
    "structure",
    "delivery",
)


class Finding(BaseModel):
    """One problem at one place in one story file."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    rule: str
    severity: Severity
    dimension: str
    section: str | None
    message: str
    text: str
    suggestion: str | None = None
    offset: int = 0
    end_offset: int = 0
    bank: bool = Field(False, description="about the whole bank (a bank-scope rule), anchored on the story it names")


class Summary(BaseModel):
    files: int = 0
    findings: int = 0
    errors: int = 0
    by_severity: dict[str, int] = Field(default_factory=dict)
    by_rule: dict[str, int] = Field(default_factory=dict)


class LintReport(BaseModel):
    """The result of linting some paths: the JSON output is exactly this value."""

    findings: list[Finding] = Field(default_factory=list)
    errors: list[FileError] = Field(default_factory=list)
    summary: Summary = Field(default_factory=Summary)

    def worst(self) -> Severity | None:
        return max((f.severity for f in self.findings), key=lambda s: s.rank, default=None)

    def fails(self, threshold: Severity) -> bool:
        """True when a finding is at or above `threshold`."""
        return any(f.severity.rank >= threshold.rank for f in self.findings)


def summarise(findings: list[Finding], errors: list[FileError], files: int) -> Summary:
    by_severity = {s.value: 0 for s in Severity}
    by_rule: dict[str, int] = {}
    for finding in findings:
        by_severity[finding.severity.value] += 1
        by_rule[finding.rule] = by_rule.get(finding.rule, 0) + 1
    return Summary(
        files=files,
        findings=len(findings),
        errors=len(errors),
        by_severity=by_severity,
        by_rule=dict(sorted(by_rule.items())),
    )
