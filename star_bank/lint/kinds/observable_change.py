"""observable_change: a lesson a colleague could see you practise within a week.

Reads the lesson statements and post-event changes found anywhere in the story
(star_bank.nlp.lessons) in the sections the rule reads. The story passes when
one of them, not a hypothetical ("next time I would ..."), names a mechanism (a
checklist, review, gate, metric, template, alert, meeting...) or a cadence or
trigger ("every", "before each", "weekly", "whenever"). In a story whose parts
were inferred, the Situation and Task are read too: inferred parts are rough. A labelled story
that tells no lesson at all is left to missing-section; one with no labels is
judged here, since it has no missing section to report.
Options: `extra_mechanisms`, `extra_cadences` (lemma phrases added to the shared
vocabulary in star_bank/data/lessons.yaml).
FAIL: "I learned that communication matters and that I should speak up sooner."
PASS: "I now open a risk log for any project over two weeks and review it every Monday."
"""

from __future__ import annotations

from typing import Iterator

from star_bank.lint.kinds.options import KindOptions
from star_bank.model.story import SectionKind
from star_bank.nlp.analysis import AnalysedStory, Hit
from star_bank.lint.rule import Rule

NEEDS_NLP = True


class Options(KindOptions):
    extra_mechanisms: list[str] = []
    extra_cadences: list[str] = []


def check(story: AnalysedStory, rule: Rule, options: Options) -> Iterator[Hit]:
    # Imported late: nlp.lessons loads the lesson vocabulary, which a cached run never reads.
    from star_bank.nlp.lessons import find_lessons, load_vocabulary

    vocabulary = load_vocabulary()
    if options.extra_mechanisms or options.extra_cadences:
        vocabulary = vocabulary.extended(mechanisms=options.extra_mechanisms, cadences=options.extra_cadences)
    scope = set(rule.scope)
    if story.labels_missing:
        # Inferred parts are rough: a closing change read as part of the Task is still the change,
        # and a lesson told first ("Biggest thing I took away: ...") opens the inferred Situation.
        scope |= {"task", "other", "situation"}
    statements = [s for s in find_lessons(story, vocabulary) if s.section.kind.value in scope]
    if any(s.observable for s in statements):
        return
    lesson = story.section(SectionKind.lesson)
    if lesson is not None and lesson.prose.text.strip():
        yield story.heading_hit(lesson, section_name=lesson.label)
    elif statements:
        first = statements[0]
        yield story.prose_hit(first.section, first.start, first.end, section_name="Lesson")
    elif story.labels_missing and story.story.words:  # an empty file has no lesson to judge
        yield story.story_hit(section_name="Story")
