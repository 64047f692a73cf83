"""The engine around the rules: configuration, selection, suppression, the sample bank."""

from __future__ import annotations

from pathlib import Path

import pytest

from star_bank.lint.config import Config, ConfigError, find_config, load_config
from star_bank.lint.engine import Linter

ROOT = Path(__file__).resolve().parents[2]

# A weak failure story: blame first, passive voice, hedges, no metric, a vague lesson.
WEAK = (ROOT / "tests" / "fixtures" / "weak-failure.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def linter():
    return Linter()


def _rules(findings):
    return [f.rule for f in findings]


def test_strong_sample_stories_are_clean(linter):
    report = linter.lint_paths([ROOT / "stories"])
    assert report.summary.files >= 10
    assert not report.errors
    assert [f"{f.path}:{f.line} {f.rule}" for f in report.findings] == []


def test_weak_story_gets_the_findings_an_interviewer_would_give(linter):
    rules = set(_rules(linter.lint_text(WEAK, "weak.md")))
    assert {"blame-first", "passive-voice", "hedging", "result-without-metric",
            "vague-lesson", "no-observable-change", "no-warning-signal"} <= rules


def test_findings_point_at_the_exact_words(linter):
    passive = next(f for f in linter.lint_text(WEAK, "weak.md") if f.rule == "passive-voice")
    assert (passive.line, passive.column) == (14, 10)
    assert passive.text == "were made"
    line = WEAK.splitlines()[passive.line - 1]
    assert line[passive.column - 1 : passive.end_column - 1] == "were made"


def test_select_and_ignore_by_code_or_slug():
    only = Linter(select=["passive-voice", "LSN001"])
    assert set(_rules(only.lint_text(WEAK))) == {"passive-voice", "vague-lesson"}
    without = Linter(ignore=["hedging", "OWN001"])
    assert not {"hedging", "passive-voice"} & set(_rules(without.lint_text(WEAK)))


def test_unknown_rule_name_is_a_config_error():
    with pytest.raises(ConfigError, match="unknown rule 'no-such-rule'"):
        Linter(select=["no-such-rule"])


def test_per_rule_severity_and_options_come_from_config():
    config = Config(rules={"hedging": {"severity": "error"}, "too-long": {"max_minutes": 0.05}})
    findings = Linter(config).lint_text(WEAK)
    assert {f.severity.value for f in findings if f.rule == "hedging"} == {"error"}
    assert "too-long" in _rules(findings)


def test_unknown_option_names_the_rule_and_key():
    with pytest.raises(ConfigError, match="too-long.*max_minuets"):
        Linter(Config(rules={"too-long": {"max_minuets": 2}}))


def test_pyproject_table_is_found_by_walking_up(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.starlint]\nignore = ["hedging"]\n')
    nested = tmp_path / "stories" / "2024"
    nested.mkdir(parents=True)
    assert find_config(nested) == tmp_path / "pyproject.toml"
    assert load_config(find_config(nested)).ignore == ["hedging"]


def test_starlint_toml_wins_over_pyproject(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.starlint]\nignore = ["hedging"]\n')
    (tmp_path / ".starlint.toml").write_text('level = "staff"\n')
    assert find_config(tmp_path) == tmp_path / ".starlint.toml"
    assert load_config(tmp_path / ".starlint.toml").level == "staff"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('[tool.starlint]\nselct = ["x"]\n', "tool.starlint.selct: unknown key"),
        ('[tool.starlint]\nlevel = "junior"\n', "tool.starlint.level"),
        ('[tool.starlint]\nfail_on = 3\n', "tool.starlint.fail_on"),
        ("[tool.starlint\n", "not valid TOML"),
    ],
)
def test_bad_config_is_a_clear_error_naming_file_and_key(tmp_path, content, message):
    path = tmp_path / "pyproject.toml"
    path.write_text(content)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(path) in str(caught.value) and message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_extra_rule_directory_adds_a_user_rule(tmp_path):
    rules = tmp_path / "my-rules"
    rules.mkdir()
    (rules / "no-synergy.yaml").write_text(
        "code: USR001\nslug: no-synergy\nkind: pattern\nseverity: warning\n"
        "dimension: delivery\nscope: [action]\nmessage: \"Say what you did instead of '{match}'\"\n"
        "description: Buzzwords.\noptions: {patterns: ['\\bsynerg\\w*']}\n"
        "examples: {bad: ['I created synergy.'], good: ['I merged the queues.']}\n"
    )
    (tmp_path / ".starlint.toml").write_text('rule_dirs = ["my-rules"]\n')
    linter = Linter.from_path(tmp_path)
    findings = linter.lint_text("## Action\nI drove synergy across teams.\n")
    assert [f.code for f in findings if f.code.startswith("USR")] == ["USR001"]


def test_rule_file_with_missing_field_names_file_and_key(tmp_path):
    rules = tmp_path / "r"
    rules.mkdir()
    (rules / "broken.yaml").write_text("code: USR002\nslug: broken\nkind: pattern\n")
    (tmp_path / ".starlint.toml").write_text('rule_dirs = ["r"]\n')
    with pytest.raises(ConfigError, match=r"broken\.yaml: severity: missing"):
        Linter.from_path(tmp_path)


def test_rule_with_invalid_regex_is_rejected(tmp_path):
    rules = tmp_path / "r"
    rules.mkdir()
    (rules / "bad-regex.yaml").write_text(
        "code: USR003\nslug: bad-regex\nkind: pattern\nseverity: warning\ndimension: delivery\n"
        "scope: [action]\nmessage: m\ndescription: d\noptions: {patterns: ['(unclosed']}\n"
        "examples: {bad: [a], good: [b]}\n"
    )
    (tmp_path / ".starlint.toml").write_text('rule_dirs = ["r"]\n')
    with pytest.raises(ConfigError, match=r"bad-regex\.yaml.*patterns.*invalid regex"):
        Linter.from_path(tmp_path)


SUPPRESSED = """\
## Action
<!-- starlint-disable-next-line passive-voice -- the vendor did this, not me -->
The certificate was rotated without notice.
The deadline was missed.

<!-- starlint-disable hedging -->
I think it was kind of slow.
<!-- starlint-enable hedging -->
Maybe it was the cache.
"""


def test_disable_next_line_silences_only_that_line(linter):
    passives = [f.line for f in linter.lint_text(SUPPRESSED) if f.rule == "passive-voice"]
    assert passives == [4]


def test_disable_region_ends_at_enable(linter):
    hedges = [f.line for f in linter.lint_text(SUPPRESSED) if f.rule == "hedging"]
    assert hedges == [9]


def test_disable_file_silences_named_rule_everywhere(linter):
    text = "<!-- starlint-disable-file hedging, OWN001 -->\n" + SUPPRESSED
    assert not {"hedging", "passive-voice"} & set(_rules(linter.lint_text(text)))


def test_disable_without_names_silences_every_rule(linter):
    text = "<!-- starlint-disable -->\n" + WEAK
    assert linter.lint_text(text) == []


def test_code_blocks_are_not_linted(linter):
    text = "## Action\nI rolled back.\n\n```\nMistakes were made. I think maybe.\n```\n"
    assert linter.lint_text(text) == [] or all(
        f.rule not in ("passive-voice", "hedging") for f in linter.lint_text(text)
    )
    assert not [f for f in linter.lint_text(text) if f.rule in ("passive-voice", "hedging")]


def test_situation_passive_about_the_speaker_is_not_flagged(linter):
    # The speaker as the patient of someone else's act hides no one's act.
    text = "## Situation\nI was promoted to tech lead in March.\n"
    assert not [f for f in linter.lint_text(text) if f.rule == "passive-voice"]


def test_situation_passive_about_the_org_is_only_a_suggestion(linter):
    text = "## Situation\nThe platform team was formed last spring.\n"
    findings = [f for f in linter.lint_text(text) if f.rule == "passive-voice"]
    assert [f.severity.value for f in findings] == ["suggestion"]


def test_stative_participles_and_by_agent_passives_are_not_flagged(linter):
    text = (
        "## Action\nI was excited about the migration.\nI was involved in the design.\n"
        "The outage was caused by my config change.\nThe service was down for an hour.\n"
    )
    assert not [f for f in linter.lint_text(text) if f.rule == "passive-voice"]


def test_vague_lesson_matches_inflections_and_insertions(linter):
    text = "## Lesson\nI am communicating much better with design now.\n"
    assert "vague-lesson" in _rules(linter.lint_text(text))


def test_one_we_in_a_clear_i_action_is_fine(linter):
    text = "## Action\nI traced the leak.\nI added a cache limit.\nWe shipped it on Monday.\n"
    assert "we-overuse" not in _rules(linter.lint_text(text))


def test_missing_lesson_is_only_a_suggestion(linter):
    text = "## Situation\nA.\n## Task\nB.\n## Action\nI did C.\n## Result\n3 more.\n"
    missing = [f for f in linter.lint_text(text) if f.rule == "missing-section"]
    assert [(f.section, f.severity.value) for f in missing] == [("lesson", "suggestion")]


def test_story_without_labels_gets_one_missing_section_finding(linter):
    text = "# A story\n\nI fixed the build. It took a day.\n"
    missing = [f for f in linter.lint_text(text) if f.rule == "missing-section"]
    assert len(missing) == 1


def test_linting_is_deterministic(linter):
    first = [f.model_dump() for f in linter.lint_text(WEAK)]
    second = [f.model_dump() for f in linter.lint_text(WEAK)]
    assert first == second
