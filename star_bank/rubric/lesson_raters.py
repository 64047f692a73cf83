"""Concrete lesson and pattern awareness, read from lesson statements told anywhere.

Few people write a Lesson heading: the change is told at the end of the
Result, in a closing paragraph, or as "since then I ...". Both dimensions read
the lesson statements the linter's lesson rules read (star_bank/nlp/lessons.py):

- concrete lesson: expert for a mechanism a colleague could observe (a
  checklist, a gate, a habit with a trigger) that was adopted, not imagined;
  at staff it must also show it held (told in the present tense, "since then",
  applied to a later project); intermediate for a change in behaviour with no
  mechanism (made, or planned: "if it came up again I would ask for sample data
  first"), or a mechanism only promised ("next time I would"); novice for a
  platitude ("the value of teamwork", "don't be afraid to speak up") or no
  lesson at all;
- pattern awareness: a safeguard for a whole class of situations ("every
  schema change", "before any estimate") and a lesson stated as a general rule:
  a rule framed for a kind of case ("for anything that is hard to undo, I ...",
  "any change to how we key requests, I ..."), a habit for a kind of situation
  ("when the load balancer errors and the app logs are clean, I ..."), the class
  this case belongs to ("a choice like that"), the lesson carried into a later
  case ("in my first internship I ...") or a link to earlier failures: both is
  expert, one is intermediate; below staff, a mechanism put in place that names
  no class of cases is intermediate too (the next case like this one meets it).
"""

from __future__ import annotations

from star_bank.model.story import SectionKind
from star_bank.nlp.analysis import subject_of
from star_bank.nlp.lesson_changes import changed_practice_cue
from star_bank.nlp.lesson_cues import adopted_practice
from star_bank.nlp.lesson_habits import for_every, habit_trigger, is_speaker, wish_or_vague
from star_bank.nlp.lesson_vocabulary import compiled, load_vocabulary
from star_bank.nlp.lessons import LessonStatement
from star_bank.nlp.lexicon import find_phrases
from star_bank.rubric.evidence import Judgement, StoryEvidence, advice_list, judge
from star_bank.rubric.generic_claims import SITUATION_MARKS, generic_claims
from star_bank.rubric.levels import at_least, level_name
from star_bank.rubric.signals import Mark

# Words that give a safeguard a whole class of situations to cover.
_CLASS_WORDS = frozenset({"every", "any", "all", "each", "whenever", "anything", "everything", "always", "never", "if", "unless",
                          "anyone", "anybody", "nobody", "everyone", "everybody"})
# What "a choice like ..." compares with: the case the story told.
_THIS_ONE = frozenset({"this", "that", "these", "those", "it", "ours", "mine"})
# Verbs that state an intention, not a change made.
_INTENTIONS = frozenset({"need", "want", "hope", "plan", "intend", "aim", "have", "wish", "will"})
# "I am thankful to my lead to sit with me through ...": gratitude for what others did.
_THANKS = frozenset({"grateful", "thankful", "glad", "lucky", "fortunate"})
# Words of a lesson's cue that place it in a later case.
_LATER = frozenset({"next", "later", "following", "since", "afterwards", "subsequent"})
# A lesson is told after the events: one found in the scene-setting parts is a discovery.
_SCENE = frozenset({SectionKind.situation, SectionKind.task})
# Present-tense or perfect verbs tell a habit still in place.
_IN_PLACE_TAGS = frozenset({"VBZ", "VBP"})


def rate_concrete_lesson(ev: StoryEvidence) -> Judgement:
    """Concrete lesson: an observable mechanism adopted (and held, from senior up)."""
    lessons = told_lessons(ev)
    adopted = [lesson for lesson in lessons if lesson.observable and _adopted(ev, lesson)]
    if adopted:
        mark = ev.lesson_mark(adopted[0])
        praise = f"your lesson is a mechanism a colleague could see ({ev.cite(mark, 70)})"
        held = _held(ev, adopted, strict=ev.level == "staff")
        if held is not None or not at_least(ev.level, "staff"):
            note = f", strong at {level_name(ev.level)}" if not at_least(ev.level, "senior") else ""
            note += "" if held is None else f"; it held: {ev.cite(held, 50)}"
            return judge("expert", f"{ev.cite(mark, 70)} names a mechanism ({adopted[0].mechanism!r}){note}",
                         [mark, held], praise=praise)
        return judge("intermediate", f"{ev.cite(mark)} names a mechanism, but not whether it held up since "
                     f"(expected at {level_name(ev.level)})", [mark], praise=praise,
                     advice=advice_list(ev.advise("in_place", mark)))
    # A named act, done or planned for next time, is a change in behaviour without a mechanism.
    specific = [lesson for lesson in lessons if _behaviour(ev, lesson)]
    promised = [lesson for lesson in lessons if lesson.mechanism and lesson.hypothetical]
    promised += [lesson for lesson in lessons if lesson.observable and _nobody_owns(lesson)]
    if specific or promised:
        lesson = (specific or promised)[0]
        mark = ev.lesson_mark(lesson)
        what = "a mechanism only promised for next time" if lesson.hypothetical and lesson.mechanism else (
            "a change, but no habit, checklist or metric a colleague could see")
        return judge("intermediate", f"{ev.cite(mark)} names {what}", [mark],
                     advice=advice_list(ev.advise("no-observable-change", mark), ev.advise("missing")))
    vague = [lesson for lesson in lessons if lesson.vague]
    if vague:
        mark = ev.lesson_mark(vague[0])
        return judge("novice", f"{ev.cite(mark)} states a value ({vague[0].abstraction!r}), not a behaviour",
                     [mark], advice=advice_list(ev.advise("vague-lesson", mark)))
    if lessons:
        mark = ev.lesson_mark(lessons[0])
        return judge("novice", f"{ev.cite(mark)} names no habit, checklist, review or metric", [mark],
                     advice=advice_list(ev.advise("missing")))
    return judge("novice", "no lesson is told anywhere in the story: nothing changed that anyone could observe",
                 advice=advice_list(ev.advise("missing-section"), ev.advise("missing")))


def rate_pattern_awareness(ev: StoryEvidence) -> Judgement:
    """Pattern awareness: a class-level safeguard and a general rule (or earlier failures) for expert."""
    repeated = ev.signal("repeated_failure")
    spec = ev.spec()
    if spec.shown_only_below and not at_least(ev.level, spec.shown_only_below) and not repeated:
        return Judgement(None, f"not expected at {level_name(ev.level)} unless the story shows a pattern; "
                         "it does not")
    lessons = told_lessons(ev)
    adopted = [lesson for lesson in lessons if lesson.observable and _adopted(ev, lesson)]
    safeguards = [ev.lesson_mark(lesson) for lesson in adopted if _class_wide(lesson)]
    general = [ev.lesson_mark(lesson) for lesson in lessons if _general_rule(ev, lesson)]
    general += ev.signal("pattern_response")
    # A claim about how things usually go, apart from the rules the speaker put in place.
    rules = {ev.lesson_mark(lesson).start for lesson in adopted}
    general += [m for m in generic_claims(ev.story) if m.start > (ev.failure_start or -1)
                and not any(m.start <= r < m.end for r in rules)]
    general += [ev.lesson_mark(lesson) for lesson in lessons if _applied_later(lesson)]
    general += [ev.lesson_mark(lesson) for lesson in lessons if lesson.observable and _kind_of_situation(lesson)]
    general += [ev.lesson_mark(lesson) for lesson in lessons if _cases_like_this(lesson)]
    general += [ev.lesson_mark(lesson) for lesson in lessons if _rule_for_a_situation(lesson)]
    # "If I did it again I'd ask for two days and come back with a range": a plan for every
    # later case like this one generalises the lesson, though nothing was put in place.
    general += [ev.lesson_mark(lesson) for lesson in lessons if lesson.hypothetical and _behaviour(ev, lesson)]
    link = repeated[:1] or general[:1]
    if ev.level == "staff" and not repeated:
        link = []  # at staff the pattern has to run across failures, not one lesson stated generally
    if safeguards and link:
        return judge("expert", f"a safeguard for the whole class: {ev.cite(safeguards[0], 60)}; the pattern: "
                     f"{ev.cite(link[0], 50)}", [safeguards[0], link[0]],
                     praise=f"you turn the lesson into a rule for every case like it ({ev.cite(safeguards[0], 70)})")
    staff = " (staff needs a pattern across failures)" if ev.level == "staff" else ""
    if safeguards:
        return judge("intermediate", f"{ev.cite(safeguards[0])} guards the whole class of cases, but the story "
                     f"names no broader pattern behind it{staff}", safeguards[:1],
                     advice=advice_list(ev.advise("partial", safeguards[0])))
    general_only = general[:1] if staff else link
    if general_only:
        return judge("intermediate", f"{ev.cite(general_only[0])} generalises the lesson, with no safeguard for the "
                     f"whole class of cases{staff}", general_only[:1],
                     advice=advice_list(ev.advise("partial", general_only[0])))
    # A mechanism put in place guards the next case like this one, though the story names no
    # class of cases: of 93 labelled stories with one, the annotators rated one novice here.
    if adopted and not staff:
        mark = ev.lesson_mark(adopted[0])
        return judge("intermediate", f"{ev.cite(mark)} puts a mechanism in place, but names no class of cases "
                     "or pattern behind it", [mark], advice=advice_list(ev.advise("partial", mark)))
    note = "; staff stories are expected to connect several failures" if ev.level == "staff" else ""
    return judge("novice", f"the failure is told as a one-off: no general rule, no safeguard for similar cases{note}",
                 advice=advice_list(ev.advise("missing")))


def _held(ev: StoryEvidence, adopted: list[LessonStatement], strict: bool = False) -> Mark | None:
    """A sign the mechanism held: a present-tense habit, or the lesson applied or in place since
    (`strict`, at staff: only proof it held, "it has caught two since")."""
    for lesson in [] if strict else adopted:
        if any(t.tag_ in _IN_PLACE_TAGS and t.pos_ in ("VERB", "AUX") and t.dep_ in ("ROOT", "conj")
               for t in lesson.sentence):
            return ev.lesson_mark(lesson)
    in_place = ev.signal("lesson_in_place")
    return in_place[0] if in_place else None


def _class_wide(lesson: LessonStatement) -> bool:
    """The safeguard covers a kind of case: a class word ("every schema change"), a generic
    plural ("schema changes on big tables now go through ...", "a check that flags migrations
    touching large tables"), or a habit's trigger in the present ("when I disagree with a plan, I ...")."""
    return any(t.lower_ in _CLASS_WORDS or _generic_plural(t) for t in lesson.sentence) or (
        habit_trigger(lesson.sentence) is not None)


def _generic_plural(noun) -> bool:
    """A plural noun with no article, possessive or number, narrowed by what follows it: a
    class of things, as subject of the rule or as what a check looks at."""
    if noun.tag_ != "NNS" or noun.dep_ not in ("nsubj", "dobj"):
        return False
    if any(c.dep_ in ("det", "poss", "nummod") for c in noun.children):
        return False
    following = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    narrowed = (any(c.dep_ in ("prep", "relcl", "acl") for c in noun.children)
                or any(c.dep_ == "amod" and c.tag_ == "VBG" for c in noun.children)  # "migrations touching ..."
                or (following is not None and following.dep_ == "amod"))
    # As a subject, the rule must be in force now ("... go through"); as an object, a check looks at it.
    return narrowed and ((noun.dep_ == "nsubj" and noun.head.tag_ in _IN_PLACE_TAGS) or noun.dep_ == "dobj")


def _kind_of_situation(lesson: LessonStatement) -> bool:
    """'For anything that's hard to reverse, I write ...', 'any change to how we key requests, I
    add a counter ...': the rule is framed for a kind of situation, described by a clause, not
    for this case alone. A class inside the habit's own check ("before pushing anything that
    touches shared code") is the safeguard, not the frame."""
    for word in lesson.sentence:
        if word.lower_ not in _CLASS_WORDS:
            continue
        described = word.head if word.dep_ == "det" else word
        if described.dep_ == "pobj" and described.head.head.pos_ not in ("VERB", "AUX"):
            continue
        if _inside_a_check(described):
            continue
        clauses = [c for c in described.children if c.dep_ in ("relcl", "acl") and c.pos_ in ("VERB", "AUX")]
        # "any change to how we key requests", "any order to a supplier I haven't used"
        clauses += [g for c in described.children if c.dep_ == "prep"
                    for g in c.children if g.dep_ == "pcomp" and g.pos_ in ("VERB", "AUX")]
        clauses += [r for c in described.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"
                    for r in g.children if r.dep_ in ("relcl", "acl") and r.pos_ in ("VERB", "AUX")]
        # "on any project where I'm learning the stack, ...": a prepositional frame over the verb.
        if clauses and (described.dep_ == "pobj" or _frames_an_act(lesson, described)):
            return True
    return False


def _frames_an_act(lesson: LessonStatement, frame) -> bool:
    """An act of the speaker's stands outside the frame and outside the habit's check ("any
    change to how we key requests, I add a counter"); a class that is only the subject of a
    rule ("any result that feeds a launch gets a second reviewer") frames nothing."""
    inside = {t.i for t in frame.subtree}
    return any(t.i not in inside and t.dep_ != "advcl" and _speakers(t) and not _inside_a_check(t)
               for t in lesson.sentence)


def _inside_a_check(noun) -> bool:
    """Whether the noun sits in a clause or phrase that times the act ('before sending any
    order ...', 'when any build that ... fails'): the check's own object, not a frame."""
    node = noun
    for _ in range(8):
        if node.head.i == node.i:
            return False
        if node.dep_ == "advcl" or (node.dep_ == "prep" and node.lower_ in ("before", "after", "until")):
            return True
        if node.dep_ == "pcomp" and node.head.lower_ in ("before", "after", "until"):
            return True
        node = node.head
    return False


def _rule_for_a_situation(lesson: LessonStatement) -> bool:
    """'When the load balancer throws errors and the app logs are clean, I go to the nodes': a
    habit of the speaker's, in force now, for a kind of situation told by a clause about the
    world (not the speaker's own next step, 'before I deploy'): the lesson reaches every case
    of that kind."""
    sentence = lesson.sentence
    if lesson.hypothetical or lesson.vague or not any(
            t.dep_ in ("ROOT", "conj") and t.tag_ == "VBP" and _speakers(t) and t.lemma_.lower() not in _INTENTIONS
            and not wish_or_vague(t) for t in sentence):
        return False  # "I need to manage my time better when deadlines loom" is a wish, not a habit
    for clause in sentence:
        if clause.dep_ != "advcl" or not any(c.lower_ in SITUATION_MARKS for c in clause.children):
            continue
        if not _speakers(clause.head):
            continue  # "a check that blocks the deploy if the timeout is low": the gate's condition
        subject = subject_of(clause)
        if subject is not None and not is_speaker(subject) and subject.lower_ not in _THIS_ONE:
            return True
    return False


def _speakers(verb) -> bool:
    """The speaker's act: 'I'/'we' as subject (a verb in '-s' has another subject, whatever
    the parse says: "I added a check that ... and fails the build")."""
    subject = subject_of(verb)
    return verb.pos_ == "VERB" and verb.tag_ != "VBZ" and subject is not None and is_speaker(subject)



def _cases_like_this(lesson: LessonStatement) -> bool:
    """'how reversible a choice like that is', 'for projects like this one': the lesson names the
    class of cases this one belongs to, so it reaches past this failure (even as a plan for next
    time: generalising is the point here, not having done it)."""
    return any(
        word.lower_ == "like" and word.dep_ == "prep" and word.head.pos_ in ("NOUN", "PRON")
        and any(c.dep_ == "pobj" and c.lower_ in _THIS_ONE for c in word.children)
        for word in lesson.sentence
    )


def _adopted(ev: StoryEvidence, lesson: LessonStatement) -> bool:
    """A mechanism put in place, not an intention ("I need to", "you have to") or a state
    of mind ("I am more skeptical now"): an act heads the sentence or one of its clauses
    ("I learned to timebox spikes", "Make a priority list")."""
    root = lesson.sentence.root
    # "have" states an intention only as "have to" ("our template has a size field" is a fact).
    intention = root.lemma_.lower() in _INTENTIONS and (
        root.lemma_.lower() != "have" or any(c.dep_ == "xcomp" for c in root.children))
    if intention or _nobody_owns(lesson):
        return False
    if _rule_for_a_class(root) or _kept_in_place(root, lesson) or any(adopted_practice(t) for t in lesson.sentence):
        return True  # "the spike became our standard for ...": a practice the team took up
    quiet = {*ev.book.ownership.state_verbs, *ev.book.ownership.soft_verbs, *_INTENTIONS}
    return any(
        t.pos_ == "VERB" and t.lemma_.lower() not in quiet and (t.dep_ in ("ROOT", "conj", "xcomp") or _inverted(t)
                                                                 or _own_clause(t))
        for t in lesson.sentence
    )


def _kept_in_place(root, lesson: LessonStatement) -> bool:
    """'I've kept the same log and Friday slot on both projects since': keeping is a soft verb,
    but keeping a thing, in a sentence that names a mechanism, says the practice is still in place."""
    return lesson.mechanism is not None and root.lemma_.lower() in ("keep", "maintain") and any(
        c.dep_ == "dobj" for c in root.children)


def _own_clause(verb) -> bool:
    """'I now open a draft PR on day one; our template has a size field': the parser may hang the
    speaker's clause under the other one (or make it the subject of a later "is"), but with its
    own "I" it is still the speaker's act."""
    return verb.dep_ in ("ccomp", "csubj", "parataxis") and any(c.dep_ == "nsubj" and is_speaker(c) for c in verb.children)


def _rule_for_a_class(root) -> bool:
    """'Any result that feeds a launch gets a second reviewer', 'schema changes on big tables now
    go through the online tool': a rule in force now, binding a whole class of cases."""
    if root.tag_ not in _IN_PLACE_TAGS or any(c.dep_ == "aux" and c.tag_ == "MD" for c in root.children):
        return False
    return any(c.dep_ == "nsubj" and (_generic_plural(c) or for_every(c)) for c in root.children)


def _inverted(verb) -> bool:
    """'I add a section to every template, so new stores get mapped': the parser often makes
    the act a complement of its 'so' consequence; the act is still the sentence's claim."""
    head = verb.head
    return verb.dep_ in ("ccomp", "advcl") and head.dep_ == "ROOT" and head.i > verb.i and any(
        c.lower_ == "so" and c.dep_ in ("advmod", "mark", "cc") for c in head.children
    )


def _nobody_owns(lesson: LessonStatement) -> bool:
    """'It was decided that alerts would go to the pager': the change is told with no one
    doing it, so it shows a mechanism but not that the speaker put it in place."""
    cue = [t for t in lesson.sentence if t.text == lesson.cue and t.pos_ == "VERB"]
    return bool(cue) and all(
        any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in t.children)
        and not any(c.dep_ == "agent" for c in t.children)
        for t in cue
    )


def _applied_later(lesson: LessonStatement) -> bool:
    """The lesson at work in a later case ("in my next project I spiked it first"): it
    generalised beyond the failure it came from."""
    if not lesson.observable:
        return False
    # A later case named in the sentence ("in my first internship", "the following summer"); a
    # marker that the change lasted ("still use", "to this day") names no other case.
    cases = [lesson.sentence.doc[first.i : last.i + 1] for first, last, _ in
             find_phrases(list(lesson.sentence), compiled(load_vocabulary()).later)]
    named = any(t.pos_ == "NOUN" and t.lower_ != "day" for span in cases for t in span)
    return named or any(w in lesson.cue.lower().split() for w in _LATER)


def told_lessons(ev: StoryEvidence) -> list[LessonStatement]:
    """The lesson statements of the story. In the Situation and Task only an observable change
    counts: a story with one label ('Context:') holds everything in its first part, while a
    plain 'we discovered' there is part of the scene."""
    return [
        lesson for lesson in ev.lessons
        if lesson.text.strip() and (lesson.section.kind not in _SCENE or lesson.observable)
    ]


def _general_rule(ev: StoryEvidence, lesson: LessonStatement) -> bool:
    """A lesson stated as a rule for more than this case: not a platitude, not a plan for next time."""
    return not lesson.hypothetical and not lesson.observable and _behaviour(ev, lesson)


def _behaviour(ev: StoryEvidence, lesson: LessonStatement) -> bool:
    """A lesson that names something done, not a platitude: not vague, and a verb of action
    in it (not a verb of state or a soft one such as 'communicate', 'try', 'be afraid')."""
    if lesson.vague:
        return False
    quiet = {*ev.book.ownership.state_verbs, *ev.book.ownership.soft_verbs}
    return any(
        t.pos_ == "VERB" and t.lemma_.lower() not in quiet and t.dep_ in ("ROOT", "xcomp", "conj", "ccomp", "advcl")
        and not any(c.dep_ == "neg" for c in t.children)
        and t.head.lemma_.lower() not in _INTENTIONS and not _thanks_for(t) and _by_speaker(t)
        for t in lesson.sentence
    ) and changed_practice_cue(lesson.sentence) is None  # "I changed what I do" only leads in to the change


def _thanks_for(verb) -> bool:
    """'I am thankful to my lead to sit with me through ...': the verb hangs on the speaker's
    gratitude and tells what someone else did, not what the speaker does now."""
    head = verb.head
    return head.lemma_.lower() in _THANKS or any(c.dep_ == "acomp" and c.lemma_.lower() in _THANKS
                                                 for c in head.children)


def _by_speaker(verb) -> bool:
    """The speaker does it, or nobody is named (an imperative rule: "Make a priority list")."""
    subject = subject_of(verb)
    return subject is None or subject.lower_ in ("i", "we")
