"""missing-section never claims a part is missing from a story without labels."""

from __future__ import annotations

from star_bank.lint.config import Config
from star_bank.lint.engine import Linter

UNLABELLED = (
    "# The flaky deploy\n\nLast month our deploys failed about one run in four.\n"
    "I was asked to make them reliable.\nI traced the failures to a race in the cache warm-up and added a lock.\n"
    "As a result the failure rate dropped to zero over the next 40 deploys.\n"
)


def test_an_unlabelled_story_gets_one_suggestion_that_labels_would_help():
    findings = Linter(Config(select=["missing-section"])).lint_text(UNLABELLED)
    assert len(findings) == 1
    assert findings[0].severity.value == "suggestion" and findings[0].section is None
    assert "labels" in findings[0].message


def test_a_labelled_story_still_gets_its_missing_part():
    text = "## Situation\nDeploys failed.\n## Action\nI added a lock.\n## Result\nZero failures in 40 deploys.\n"
    findings = Linter(Config(select=["missing-section"])).lint_text(text)
    assert [(f.section, f.severity.value) for f in findings] == [("task", "warning"), ("lesson", "suggestion")]


def test_a_story_whose_only_label_is_its_takeaway_is_not_told_four_parts_are_missing():
    text = UNLABELLED + "\n## Key Takeaway\nI now run the deploy twice in staging before a release.\n"
    findings = Linter(Config(select=["missing-section"])).lint_text(text)
    assert len(findings) == 1 and findings[0].severity.value == "suggestion"


def test_a_label_naming_two_parts_holds_both():
    text = (
        "**Situation & Task:** Deploys failed and I owned the fix.\n\n**Action:** I added a lock.\n\n"
        "**Result:** Zero failures in 40 deploys.\n\n**Lesson:** I now test the warm-up on every deploy.\n"
    )
    assert not Linter(Config(select=["missing-section"])).lint_text(text)


def test_an_empty_story_is_told_it_is_empty_not_that_its_prose_was_read():
    for text in ("", "\n\n", "# Only a title\n", "---\ntitle: Only front matter\n---\n"):
        findings = Linter(Config()).lint_text(text)
        assert [(f.rule, f.message) for f in findings] == [
            ("missing-section", "Empty story: write its Situation, Task, Action and Result")
        ], text


def test_parts_read_under_a_lone_situation_label_are_still_missing_their_labels():
    text = (
        "Situation: Our deploys failed about one run in four, always on Mondays.\n\n"
        "I was asked to make them reliable. I traced the failures to a race in the cache warm-up and added a lock.\n\n"
        "As a result the failure rate dropped to zero over the next 40 deploys.\n"
    )
    findings = Linter(Config(select=["missing-section"])).lint_text(text)
    assert {f.section for f in findings if f.severity.value == "warning"} == {"task", "action", "result"}


def test_the_fix_names_the_part_that_is_missing():
    text = "## Situation\nDeploys failed.\n## Task\nI owned the fix.\n## Result\nZero failures in 40 deploys.\n"
    (finding,) = [f for f in Linter(Config(select=["missing-section"])).lint_text(text) if f.section == "action"]
    assert "'## Action'" in finding.suggestion and "Task" not in finding.suggestion
