"""Rating functions of the learning rubric: stretch, discomfort, output, method, practice, direction."""

from __future__ import annotations

import re

from star_bank.rubric.evidence import Judgement, StoryEvidence, advice_list, first_of, judge, more_note
from star_bank.rubric.levels import at_least, level_name


def rate_stretch(ev: StoryEvidence) -> Judgement:
    """Stretch: new ground (expert with the need that drove it); topic lists are novice."""
    stretch = ev.signal("stretch")
    need = ev.signal("learning_need")
    performance = ev.signal("performance_topic")
    if stretch and need:
        return judge("expert", f"{ev.cite(stretch[0], 60)}; need: {ev.cite(need[0], 50)}", [stretch[0], need[0]],
                      praise=f"you show the learning was new ground ({ev.cite(stretch[0], 70)})")
    if performance and not stretch:
        return judge("novice", f"{ev.cite(performance[0])} reads as a topic chosen for how it sounds",
                      performance[:2], advice=advice_list(ev.advise("missing")))
    if stretch or need:
        anchor = first_of(stretch, need)
        half = "the need that drove it" if stretch else "how new the ground was"
        return judge("intermediate", f"{ev.cite(anchor)}, but not {half}", [anchor],
                      praise=f"you anchor the learning ({ev.cite(anchor, 70)})",
                      advice=advice_list(ev.advise("partial", anchor)))
    return judge("novice", "no sign the learning was new ground, or why it was needed",
                  advice=advice_list(ev.advise("missing")))


def rate_discomfort(ev: StoryEvidence) -> Judgement:
    """Discomfort: named (intermediate); a specific embarrassing or confusing moment (expert)."""
    named = ev.signal("discomfort")
    moments = {m.sentence for m in ev.signal("discomfort_moment")}
    specific = [m for m in named if m.sentence in moments or re.search(r"\d", m.sentence)]
    if specific:
        return judge("expert", f"{ev.cite(specific[0])} names a specific moment", specific[:2],
                      praise=f"you name an uncomfortable moment honestly ({ev.cite(specific[0], 70)})")
    if named:
        return judge("intermediate", f"{ev.cite(named[0])} names discomfort in general terms", named[:1],
                      advice=advice_list(ev.advise("partial", named[0])))
    return judge("novice", "the learning is told as smooth progress: nothing hard named",
                  advice=advice_list(ev.advise("missing")))


def rate_output(ev: StoryEvidence) -> Judgement:
    """Output: something shipped, fixed or taught (intermediate), with a measured result (expert)."""
    lint = ev.found("learning-without-output")
    outputs = ev.signal("learning_output")
    numbers = ev.signal("result_number")
    if lint or not outputs:
        reason = "no output: topics studied, nothing shipped, fixed or taught"
        return judge("novice", reason, lint, advice=advice_list(ev.advise("learning-without-output")))
    praise = f"the learning produced something ({ev.cite(outputs[0], 70)})"
    if numbers:
        return judge("expert", f"{ev.cite(outputs[0], 60)}; measured: {ev.cite(numbers[0], 50)}",
                      [outputs[0], numbers[0]], praise=praise)
    return judge("intermediate", f"{ev.cite(outputs[0])}, but its effect is not measured", outputs[:1],
                  praise=praise, advice=advice_list(ev.advise("partial", outputs[0])))


def rate_method(ev: StoryEvidence) -> Judgement:
    """Method: deliberate learning moves (pairing, read-then-apply, review); two or more is expert."""
    moves = ev.signal("learning_method")
    if len(moves) >= 2:
        return judge("expert", f"{ev.cite(moves[0])}{more_note(moves, 'move')}", moves[:3],
                      praise=f"you say how you learned, not just what ({ev.cite(moves[0], 70)})")
    if moves:
        return judge("intermediate", f"{ev.cite(moves[0])} is the one deliberate move", moves,
                      advice=advice_list(ev.advise("partial", moves[0])))
    return judge("novice", "no account of how it was learned beyond reading or watching",
                  advice=advice_list(ev.advise("missing")))


def rate_practice(ev: StoryEvidence) -> Judgement:
    """Practice: a recurring learning practice with a cadence (expert); a trigger only (intermediate)."""
    recurring = ev.signal("recurring_practice", ("lesson", "tie_in"))
    during = ev.signal("recurring_practice", ("action",))
    trigger = ev.signal("practice_trigger")
    if recurring:
        return judge("expert", f"{ev.cite(recurring[0])} is a recurring practice", recurring[:2],
                      praise=f"you have a recurring learning practice ({ev.cite(recurring[0], 70)})")
    if trigger or during:
        anchor = first_of(trigger, during)
        what = "a habit with a trigger but no cadence" if trigger else "a routine during this push, not kept after it"
        return judge("intermediate", f"{ev.cite(anchor)} is {what}", [anchor],
                      advice=advice_list(ev.advise("partial", anchor)))
    return judge("novice", "a one-off: no recurring practice the learning fits into",
                  advice=advice_list(ev.advise("missing")))


def rate_direction(ev: StoryEvidence) -> Judgement:
    """Direction: the learning tied to team or org direction; rated from senior up."""
    spec = ev.spec()
    if spec.applies_from and not at_least(ev.level, spec.applies_from):
        return Judgement(None, f"a link to team or org direction is a senior signal; not rated at "
                         f"{level_name(ev.level)}")
    links = ev.signal("direction_link")
    acted = ev.signal("direction_act")
    if acted:
        return judge("expert", f"{ev.cite(acted[0])} ties the learning to where things are heading", acted[:2],
                      praise=f"you tie the learning to the team's direction ({ev.cite(acted[0], 70)})")
    if links:
        return judge("intermediate", f"{ev.cite(links[0])} mentions the direction without tying the learning to it",
                      links[:1], advice=advice_list(ev.advise("partial", links[0])))
    return judge("novice", "personal development only: no link to the team's or company's direction",
                  advice=advice_list(ev.advise("missing")))


# Rating function per dimension; a (rubric, dimension) key wins over a bare dimension.
