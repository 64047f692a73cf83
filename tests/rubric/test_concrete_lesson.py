"""Concrete lesson: a mechanism the speaker adopted, however the sentence is parsed.

Each story here is written for the pattern it shows; none is copied from a corpus.
"""

from __future__ import annotations

import pytest

from failure_stories import dimension, failure, linter  # noqa: F401  (linter is a fixture)

PR_TOO_BIG = (
    "**Situation:** My tech lead told me in a 1:1 that my pull requests were too big to review; one sat for "
    "nine days.\n\n**Action:** I split my next feature into five small PRs behind a flag.\n\n"
    "**Result:** My median time to merge went from 6 days to 1.5 days.\n\n**Lesson:** {lesson}\n"
)


@pytest.mark.parametrize("lesson", [
    # Two clauses joined by a semicolon: the parser hangs the speaker's habit under the second one.
    "I now open a draft PR on the first day of any ticket; our team template has a size field because of it.",
    # "has" is a fact here, not "has to".
    "Every PR of mine now has a review note at the top, and I keep each one under 400 lines.",
    # The parser makes the habit the subject of the later "is": it keeps its own "I".
    "The part that stuck: I don't pick up a form ticket now without watching at least five recordings of real "
    "people using it first, and \"test with autofill on\" is a line I added to our PR template after this.",
    # Keeping is a soft verb, but keeping the mechanism itself says it is still in place.
    "I've kept the same size checklist and a Friday review slot on every project since.",
    # "became our standard": a practice the team took up, whatever the verb of becoming.
    "The split-and-flag approach became our standard for any feature over a week of work.",
])
def test_a_habit_told_beside_a_fact_is_an_adopted_mechanism(linter, lesson):
    assert dimension(failure(PR_TOO_BIG.format(lesson=lesson)), linter, "concrete_lesson").rating == "expert"


def test_a_habit_one_has_to_keep_is_an_intention(linter):
    text = failure(PR_TOO_BIG.format(lesson="I have to keep every PR under 400 lines."))
    assert dimension(text, linter, "concrete_lesson").rating != "expert"



def test_thanks_for_someone_elses_act_is_no_change_of_ones_own(linter):
    thanks = "Looking back I am thankful to my tech lead to sit with me through my first reviews."
    assert dimension(failure(PR_TOO_BIG.format(lesson=thanks)), linter, "concrete_lesson").rating == "novice"
    own = "Looking back I am glad that I now split the work before I open the first PR."
    assert dimension(failure(PR_TOO_BIG.format(lesson=own)), linter, "concrete_lesson").rating != "novice"
