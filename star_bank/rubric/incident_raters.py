"""Detection and recovery: what the speaker noticed, and what they did once it was clear.

Both are rated for every story where something went wrong, whatever its
archetype (see rubric/choice.py). Recovery reads what the story tells from the
first sentence where things go wrong (in it, only what follows the trouble
itself: "I merged it and it broke the export" tells no step), or from the moment
the trouble came to light when the story names its cause only later ("I found
out at 9:40 when she rang me ... Later I found the cause"): a promise made
before it ("I told the customer two weeks") is not a recovery step, and neither
is looking into it ("when I looked") or a soft act ("we talked it over").
"""

from __future__ import annotations

import re

from star_bank.model.story import SectionKind
from star_bank.rubric.evidence import Judgement, StoryEvidence, advice_list, first_of, judge, unique_marks
from star_bank.rubric.ownership import count_acts
from star_bank.rubric.signals import Mark


# What the speaker did in the Situation and Task set the scene; it is not a recovery.
# A story with no Action section tells its acts under whatever label it gave them ("My
# part") or under the one label that opened it ("Context - ..." and then a numbered list):
# then only the failure's first telling dates the acts.
_SCENE = frozenset({SectionKind.situation, SectionKind.task})
# Looking and finding out tell how the trouble was seen, not what was done about it.
_PERCEIVING = frozenset({"look", "see", "notice", "hear", "read", "watch", "realize", "realise", "find",
                         "discover", "learn", "spot"})


def rate_detection(ev: StoryEvidence) -> Judgement:
    """Detection: a warning sign or the moment it was noticed (intermediate), and why it was missed (expert)."""
    dismissed = unique_marks([*ev.signal("missed_signal"), *ev.signal("misread_signal")])
    dismissed.sort(key=lambda m: m.start)
    signs = unique_marks([*ev.signal("warning_sign"), *ev.signal("named_sign"), *ev.signal("noticed_moment"),
                          *ev.signal("seen_in_source"), *ev.signal("came_to_light")])
    signs.sort(key=lambda m: m.start)
    misread = ev.signal("misread_signal")
    if not signs and dismissed:
        # An alarm that went unheeded, or a symptom taken for something else, was a signal there to see.
        signs = [*ev.signal("instrument_told"), *(ev.signal("trouble_told") if misread else [])][:1]
    nowhere = ev.signal("out_of_nowhere")
    if nowhere and not dismissed:
        return judge("novice", f"{ev.cite(nowhere[0])} denies any warning sign", nowhere,
                     advice=advice_list(ev.advise("missing")))
    if signs and dismissed:
        return judge("expert", f"the signal: {ev.cite(signs[0], 60)}; why it was missed: {ev.cite(dismissed[0], 60)}",
                     [signs[0], dismissed[0]],
                     praise=f"you name the warning sign and why it was missed ({ev.cite(signs[0], 70)})")
    if signs:
        return judge("intermediate", f"{ev.cite(signs[0])} tells when or how it showed, but not why it was "
                     "missed earlier", signs[:2], praise=f"you say when you noticed ({ev.cite(signs[0], 70)})",
                     advice=advice_list(ev.advise("partial", signs[0])))
    if dismissed:
        return judge("novice", f"{ev.cite(dismissed[0])} says what was assumed or overlooked, but no sign that "
                     "showed the problem, or when it was noticed", dismissed[:1], advice=advice_list(ev.advise("missing")))
    return judge("novice", "the story never says how or when the problem was noticed, or what signalled it",
                 advice=advice_list(ev.advise("missing")))


def rate_recovery(ev: StoryEvidence) -> Judgement:
    """Recovery: steps after the failure (intermediate); with their timing and who was told (expert)."""
    after = ev.failure_start or 0  # unknown: read the Action and what follows it
    seen = [m.start for name in ("noticed_moment", "came_to_light") for m in ev.signal(name)]
    if seen and after:
        after = min(after, *seen)
    acts = count_acts(ev)
    # "We talked it over" or "when I looked" is no step taken against the damage.
    quiet = _PERCEIVING | frozenset(ev.book.ownership.soft_verbs)
    # "I didn't test it" owns the mistake; it is no step taken against the damage.
    done = [m for m in [*acts.own, *acts.we, *acts.fragments]
            if acts.verbs.get(m.start) not in quiet and m.start not in acts.omissions]
    has_action = any(section.kind == SectionKind.action for section in ev.story.story.sections)

    def sets_the_scene(m: Mark) -> bool:
        # With no Action, only the scene's own telling of the failure ("I deployed a migration
        # that locked the table") is not a step against it.
        return m.section in _SCENE and (has_action or not _told_after(ev, m, after))

    # "I merged the change and it broke the export": the acts told before the trouble, in the
    # sentence that first tells it, are how it went wrong, not steps against it.
    first = ev.failure_point if ev.failure_point is not None and after == ev.failure_start else after
    steps = unique_marks(
        m for m in sorted([*done, *ev.signal("recovery_step")], key=lambda m: m.start)
        if m.start >= first and not sets_the_scene(m)
    )
    told = [m for m in ev.signal("communication") if m.start >= after]
    timed = [m for m in [*ev.signal("timed_communication"), *ev.signal("timed_step")] if m.start >= after]
    passive = [m for m in ev.found("passive-voice") if m.start >= after]
    if not steps and not told:
        # "The data was restored and a hotfix was released": the recovery is told, but not who did it.
        # Not the sentence that tells the failure itself ("the deadline was missed").
        hidden = [m for m in passive if not sets_the_scene(m) and _told_after(ev, m, after)]
        if hidden:
            return judge("intermediate", f"{ev.cite(hidden[0])} tells a recovery step but hides who took it, "
                         "and says nothing of its timing or who was told", hidden[:2],
                         advice=advice_list(ev.advise("passive-voice", hidden[0]), ev.advise("missing")))
        reason = "nothing the speaker did once it went wrong is told"
        if passive:
            reason = f"{ev.cite(passive[0])} hides who recovered; {reason}"
        return judge("novice", reason, passive[:2],
                     advice=advice_list(*(ev.advise("passive-voice", m) for m in passive[:1]), ev.advise("missing")))
    anchor = first_of(told, steps)
    if told and timed:
        return judge("expert", f"who was told: {ev.cite(told[0], 60)}; when: {ev.cite(timed[0], 50)}",
                     [told[0], timed[0], *steps[:1]],
                     praise=f"you say who you told and when ({ev.cite(told[0], 70)})")
    missing = "without saying when" if told else ("without saying who was told" if timed else
                                                 "without their timing or who was told")
    return judge("intermediate", f"{ev.cite(anchor)} is a recovery step, {missing}", [anchor, *timed[:1]],
                 praise=f"you describe what you did to recover ({ev.cite(anchor, 70)})",
                 advice=advice_list(ev.advise("partial", anchor)))


def _told_after(ev: StoryEvidence, mark: Mark, after: int) -> bool:
    """Whether the mark's sentence starts after the sentence where the failure is first told."""
    start = _find_words(ev.story.story.text, " ".join(mark.sentence.split()[:8]))
    return start is None or start > after


def failure_start(story_text: str, sentences: list[str]) -> int | None:
    """The file offset of the earliest sentence (outside the title) where things go wrong, if any.

    `sentences` come grouped by what they tell, not in story order: the earliest
    one in the text decides, so a step told before a later admission still counts.
    """
    found = [at for sentence in sentences if (at := _find_words(story_text, " ".join(sentence.split()[:8]))) is not None]
    return min(found, default=None)


def failure_point(story_text: str, start: int | None, events: list[Mark]) -> int | None:
    """Where the trouble itself is told in the sentence that starts at `start`: the earliest
    event the parse found in that sentence, or None when the sentence has none."""
    if start is None:
        return None
    inside = [m.start for m in events
              if start <= m.start and _find_words(story_text, " ".join(m.sentence.split()[:8])) == start]
    return min(inside, default=None)


def _find_words(text: str, probe: str) -> int | None:
    """Where `probe`'s words start in `text`, whatever the whitespace and markup between them."""
    words = [re.escape(w) for w in probe.split()]
    if not words:
        return None
    match = re.search(r"[\s*_>#`\-]*".join(words), text)
    return match.start() if match else None
