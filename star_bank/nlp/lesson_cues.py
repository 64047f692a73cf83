"""What makes a sentence a lesson statement or a post-event change (see star_bank.nlp.lessons)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from star_bank.model.story import SectionKind
from star_bank.nlp.analysis import is_first_person_singular, subject_of
from star_bank.nlp.lesson_vocabulary import (
    SPEAKER_OBJECTS,
    SPEAKER_SUBJECTS,
    LessonVocabulary,
    PhraseLists,
    cue_text,
    improved,
    load_vocabulary,
)
from star_bank.nlp.lesson_changes import changed_practice_cue, present_habit_cue, resolution_cue
from star_bank.nlp.clause_shape import labels_what_follows, notes_fragment, past_narration, speaker_in
from star_bank.nlp.lesson_habits import habit_trigger, is_speaker
from star_bank.nlp.lesson_values import grown_trait, reminder_that, value_shown
from star_bank.nlp.lexicon import find_phrases

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan, Token


def lesson_cue(sentence: "SpacySpan", vocabulary: LessonVocabulary, lists: PhraseLists,
               kind: SectionKind = SectionKind.other) -> str | None:
    """The words that make `sentence` a lesson statement, or None."""
    tokens = list(sentence)
    for token in tokens:
        cue = (
            _learning_cue(token, vocabulary, kind)
            or _teaching_cue(token, vocabulary)
            or value_shown(token, vocabulary)
            or reminder_that(token)
            or _noun_cue(token, vocabulary)
            or _gaining_cue(token, vocabulary)
            or _adoption_cue(token, vocabulary)
            or _rule_of_my_own(token, vocabulary)
            or _cleft_cue(token, vocabulary)
            or _growth_cue(token, vocabulary)
            or _since_cue(token, vocabulary)
        )
        if cue:
            return cue
    cue = (present_habit_cue(sentence, vocabulary, lists, kind) or resolution_cue(sentence, vocabulary, lists)
           or changed_practice_cue(sentence))
    if cue:
        return cue
    if not speaker_in(tokens) and _safeguard_at_work(sentence, vocabulary):
        later = next(find_phrases(tokens, lists.later), None)
        if later is not None:  # "The following year the checklist caught four more deals"
            return sentence.doc[later[0].i : later[1].i + 1].text
    if speaker_in(tokens) or notes_fragment(sentence):
        for first, last, _ in find_phrases(tokens, lists.later):
            if not _verb_use(first):
                return sentence.doc[first.i : last.i + 1].text
        reflection = next(find_phrases(tokens, lists.reflection), None)
        if reflection is not None:
            return sentence.doc[reflection[0].i : reflection[1].i + 1].text
        marker = next(find_phrases(tokens, lists.markers), None)
        if marker is not None and not past_narration(sentence.root) and not _describes_or_recalls(marker[0]):
            return sentence.doc[marker[0].i : marker[1].i + 1].text
    if kind not in (SectionKind.situation, SectionKind.task):
        principle = _principle_cue(sentence, vocabulary)
        if principle:
            return principle
        if sentence.root.tag_ in ("VBP", "VBZ"):
            habit = habit_trigger(sentence)  # "When I estimate now, I add ...": a habit told in the present
            if habit:
                return habit
    return _recurrence_cue(tokens, vocabulary, lists) or _redo_cue(sentence)


def _describes_or_recalls(marker: "Token") -> bool:
    """'a meeting I still remember', 'the tool we now call X': the marker's verb describes a
    thing in the story, or recalls it; neither is a practice of the speaker's."""
    verb = marker if marker.pos_ in ("VERB", "AUX") else marker.head
    return verb.dep_ in ("relcl", "acl") or verb.lemma_.lower() in ("remember", "recall")


def _redo_cue(sentence: "SpacySpan") -> str | None:
    """'If I faced this again, I would ...', 'if this came up again I'd ...': what the speaker would do another time (a hypothetical lesson)."""
    for token in sentence:
        if token.lower_ != "if" or token.dep_ != "mark":
            continue
        clause = token.head
        again = any(t.lower_ == "again" for t in clause.subtree)
        would = any(c.tag_ == "MD" for c in clause.head.children) if clause.dep_ == "advcl" else False
        # "If I faced this again" or "if this happened again": either way the speaker says what
        # they would do, so the speaker is the subject of one of the two clauses.
        subjects = [subject_of(clause), subject_of(clause.head) if clause.dep_ == "advcl" else None]
        if again and would and any(s is not None and is_speaker(s) for s in subjects):
            return sentence.doc[token.i : max(t.i for t in clause.subtree) + 1].text
    return None


def _verb_use(first: "Token") -> bool:
    """'moving forward with the migration' uses the marker's words as a verb phrase."""
    return first.pos_ == "VERB" and any(c.dep_ in ("prep", "dobj") and c.lower_ != "forward" for c in first.children)


def _gaining_cue(token: "Token", vocabulary: LessonVocabulary) -> str | None:
    """'I gained a better understanding of ...', 'we developed a real appreciation for ...'."""
    away = any(c.lower_ in ("away", "out") and c.dep_ in ("advmod", "prt") for c in token.children)
    if token.pos_ != "VERB" or not (token.lemma_.lower() in vocabulary.gaining_verbs or away):
        return None
    subject = subject_of(token)
    if subject is None or subject.lower_ not in SPEAKER_SUBJECTS:
        return None
    # "gained an appreciation", "came away with a better understanding of ..."
    objects = [c for c in token.children if c.dep_ == "dobj"] + [
        g for c in token.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children if g.dep_ == "pobj"
    ]
    obj = next((c for c in objects if c.lemma_.lower() in vocabulary.insight_nouns), None)
    return cue_text(token, obj) if obj is not None else None


def _cleft_cue(token: "Token", vocabulary: LessonVocabulary) -> str | None:
    """'What I took from it is that ...', 'The thing I learned was to ...': the speaker's
    learning as the subject of 'be', whatever the verb of taking away."""
    lemma = token.lemma_.lower()
    if lemma == "change" and token.pos_ == "VERB" and labels_what_follows(token, changed=True):
        return token.doc[token.left_edge.i : token.i + 1].text  # "What I changed after: ...", "What changed:"
    if token.dep_ == "relcl" and token.head.lemma_.lower() == "change" and labels_what_follows(token):
        return token.doc[token.head.left_edge.i : token.i + 1].text  # "The changes I made: ..."
    if token.pos_ != "VERB" or lemma not in (*vocabulary.learning_verbs, *vocabulary.takeaway_verbs):
        return None
    if lemma == "keep" and any(c.dep_ == "xcomp" for c in token.children):
        return None  # "the one I keep coming back to is ...": keeping on doing, not keeping a lesson
    if token.dep_ == "csubj":
        be = token.head
    elif token.dep_ == "relcl" and token.head.dep_ == "nsubj":
        be = token.head.head
    elif labels_what_follows(token):
        return token.doc[token.left_edge.i : token.i + 1].text  # "What I took from it: ..."
    else:
        return None
    subject = subject_of(token)
    speaker = subject is not None and (subject.lower_ in SPEAKER_SUBJECTS or is_first_person_singular(subject))
    if lemma == "stick":  # "what stuck with me was ..."
        speaker = any(t.lower_ in SPEAKER_OBJECTS for t in token.subtree)
    if not speaker or be.lemma_ != "be":
        return None
    return token.doc[token.left_edge.i : token.i + 1].text


def _growth_cue(token: "Token", vocabulary: LessonVocabulary) -> str | None:
    """'I grew a lot as a developer', 'I matured as an engineer': growth claimed, not shown."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in ("grow", "mature", "evolve"):
        return None
    subject = subject_of(token)
    if subject is None or not (subject.lower_ in SPEAKER_SUBJECTS or is_first_person_singular(subject)):
        return None
    for child in token.children:
        if child.lemma_.lower() in vocabulary.vague_amounts:
            return cue_text(token, child)
        if child.dep_ == "prep" and child.lower_ == "as" and any(
            g.lemma_.lower() in vocabulary.person_nouns for g in child.children
        ):
            return token.text
    return None


def _adoption_cue(token: "Token", vocabulary: LessonVocabulary) -> str | None:
    """'The spike became our standard for ...': a practice the team adopted after the event."""
    if token.lemma_.lower() not in ("become", "remain") or token.pos_ not in ("VERB", "AUX"):
        return None
    attr = next((c for c in token.children if c.dep_ in ("attr", "acomp")), None)
    if attr is None or attr.lemma_.lower() not in vocabulary.adoption_nouns:
        return None
    if not any(c.dep_ == "poss" for c in attr.children):
        return None  # "the design became a template for other teams" is the deliverable reused, not a practice
    return cue_text(token, attr)


def _rule_of_my_own(token: "Token", vocabulary: LessonVocabulary) -> str | None:
    """'I made it a rule to ...', 'I've made a habit of ...': a practice the speaker adopted."""
    if token.lemma_.lower() != "make" or token.pos_ != "VERB":
        return None
    subject = subject_of(token)
    if subject is None or not (subject.lower_ in SPEAKER_SUBJECTS or is_first_person_singular(subject)):
        return None
    for node in token.doc[token.i + 1 : min(token.i + 5, token.sent.end)]:
        if node.pos_ == "NOUN" and node.lemma_.lower() in vocabulary.adoption_nouns:
            return cue_text(token, node)
    return None


def adopted_practice(verb: "Token") -> bool:
    """Whether 'X became our standard' or 'I made it a rule to ...' names a practice
    (read with the shipped vocabulary)."""
    vocabulary = load_vocabulary()
    return _adoption_cue(verb, vocabulary) is not None or _rule_of_my_own(verb, vocabulary) is not None


def _principle_cue(sentence: "SpacySpan", vocabulary: LessonVocabulary) -> str | None:
    """'It is important to ...', 'it's key to ...', 'planning is everything': a principle the
    speaker states in the present (not past narration), about a thing in general."""
    for token in sentence:
        if token.lemma_.lower() not in vocabulary.evaluations or token.dep_ not in ("acomp", "attr"):
            continue
        verb = token.head
        if verb.lemma_ != "be" or verb.tag_ not in ("VBZ", "VBP"):
            continue
        if any(_bare_noun(c) for c in verb.children if c.dep_ == "nsubj"):
            return sentence.doc[verb.i : token.i + 1].text  # "Communication is so important": a maxim
        complements = [c for c in [*verb.children, *token.children] if c.dep_ in ("xcomp", "ccomp")]
        if any(c.lower_ == "it" and c.dep_ in ("nsubj", "expl") for c in verb.children) and any(
            c.lemma_.lower() not in vocabulary.discourse_verbs for c in complements
        ):
            return sentence.doc[verb.i : token.i + 1].text
    return None


def _bare_noun(noun: "Token") -> bool:
    """A noun with no article, possessive or number: a thing in general ('trust', 'deadlines'),
    not one in the story ('the deploy', 'our cache')."""
    return noun.pos_ == "NOUN" and not any(c.dep_ in ("det", "poss", "nummod", "compound") for c in noun.children)


def _learning_cue(token: "Token", vocabulary: LessonVocabulary, kind: SectionKind) -> str | None:
    """'I learned to ...', 'we realised that X needs ...' (not 'I realised the cache was stale')."""
    if token.pos_ not in ("VERB", "AUX") or token.lemma_.lower() not in vocabulary.learning_verbs:
        return None
    subject = subject_of(token)
    # "Learned to double-check the limits.": a note that drops the writer's "I".
    unsaid = subject is None and token.dep_ == "ROOT" and notes_fragment(token.sent)
    if not unsaid and (subject is None or subject.lower_ not in SPEAKER_SUBJECTS) or _purpose(token):
        return None
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in token.children)
    for child in token.children:
        infinitive = child.dep_ == "xcomp" and (
            any(c.tag_ == "TO" for c in child.children)
            or any(t.lower_ == "to" for t in token.doc[min(token.i, child.i) : max(token.i, child.i)])
        )
        if infinitive or (child.dep_ in ("ccomp", "advcl") and _general(child)):
            if kind in (SectionKind.situation, SectionKind.task) and not perfect:
                return None  # "I had to learn to ..." sets the scene
            return cue_text(token, child)
        if child.dep_ in ("dobj", "attr") and (
            child.lemma_.lower() in (*vocabulary.abstract_nouns, *vocabulary.lesson_nouns, "lot", "thing", "much")
            or any(c.dep_ == "relcl" for c in child.children)
        ):
            return cue_text(token, child)
    if perfect and kind not in (SectionKind.situation, SectionKind.task):
        return token.text
    return None


def _purpose(verb: "Token") -> bool:
    """'We met the team to understand the problem', 'I wanted to learn how it worked': learning
    as the aim of an act in the story, not a lesson ('I came to realise that ...' is one)."""
    if not any(c.tag_ == "TO" for c in verb.children) or verb.dep_ not in ("advcl", "xcomp", "acl"):
        return False
    return verb.head.lemma_.lower() not in ("come", "begin", "start", "grow", "get", *load_vocabulary().teaching_verbs)


def _general(verb: "Token") -> bool:
    """A complement stated as a general claim: present tense, a modal, or 'how to'."""
    if verb.tag_ in ("VBZ", "VBP") or (verb.tag_ == "VB" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)):
        return True
    return any(c.tag_ == "MD" or (c.dep_ == "aux" and c.tag_ in ("VBZ", "VBP")) for c in verb.children)


def _teaching_cue(token: "Token", vocabulary: LessonVocabulary) -> str | None:
    """'it taught me ...', 'the outage showed us ...', 'made me realise ...', 'made me a better engineer'."""
    lemma = token.lemma_.lower()
    if token.pos_ not in ("VERB", "AUX") or lemma not in vocabulary.teaching_verbs:
        return None
    speaker = next((c for c in token.subtree if c.lower_ in SPEAKER_OBJECTS and c.head.i in (token.i, *[x.i for x in token.children])), None)
    if speaker is None:
        return None
    if lemma == "teach":
        return cue_text(token, speaker)
    if lemma in ("show", "remind", "reinforce"):
        # "showed me the value of ...", "reminded us that tests are cheap", "reinforced for me how
        # important it is to ..." teach; "the graph showed us that latency spiked" reports what was seen.
        for child in token.children:
            if child.dep_ in ("dobj", "attr") and child.lemma_.lower() in (*vocabulary.abstract_nouns, *vocabulary.lesson_nouns):
                return cue_text(token, speaker)
            if child.dep_ in ("ccomp", "xcomp") and _general(child):
                return cue_text(token, speaker)
        return None
    # Weaker verbs teach only with a learning complement, 'a better <person>' or a trait that grew
    # ("it made me more careful").
    if lemma == "make" and any(grown_trait(c) for c in token.children):
        return cue_text(token, speaker)
    for node in token.subtree:
        if node.i != token.i and node.lemma_.lower() in vocabulary.learning_verbs:
            return cue_text(token, node)
        if node.lemma_.lower() in vocabulary.person_nouns and improved(node):
            return cue_text(token, node)
    return None


def _since_cue(token: "Token", vocabulary: LessonVocabulary) -> str | None:
    """'Since that project I send ...', 'ever since, we run ...': a habit dated from the event
    (a present or present-perfect act of the speaker's; 'since' meaning 'because' takes a clause).
    A mechanism at work since the event counts too: 'the alert has fired twice since then'."""
    if token.lower_ != "since" or token.dep_ not in ("prep", "advmod"):
        return None
    # "the gate has caught three since": a bare "since" closing the clause means "since then".
    then = any(c.dep_ in ("pcomp", "pobj", "advmod") and c.lower_ == "then" for c in token.children) or (
        token.i > token.head.i and not any(c.dep_ in ("pobj", "pcomp", "advmod") for c in token.children))
    if token.dep_ == "prep" and not then and not any(c.dep_ == "pobj" for c in token.children):
        return None
    verb = token.head
    present = verb.tag_ in ("VBP", "VBZ") or any(c.dep_ == "aux" and c.tag_ in ("VBP", "VBZ") for c in verb.children)
    subject = subject_of(verb) if verb.pos_ in ("VERB", "AUX") else None
    # "Since the incident, any change needs two sign-offs": a rule dated from the event, whoever it binds.
    dated = token.dep_ == "prep" and any(
        c.dep_ == "pobj" and any(d.lower_ in ("the", "that", "this") for d in c.children) for c in token.children
    )
    # "The alert has fired once since then": something set up in the story, still at work.
    # A state is how things stayed, not the safeguard doing anything: "the test has been green since".
    # Notes drop the article: "CI gate has caught ..." names the gate as surely as "our gate".
    dated = dated or (then and subject is not None and subject.lemma_.lower() in vocabulary.mechanisms
                      and any(d.dep_ in ("det", "poss", "compound") for d in subject.children) and verb.lemma_ != "be")
    if not present or subject is None or not (is_speaker(subject) or dated):
        return None
    last = max([token, *(t for t in token.subtree if not t.is_punct)], key=lambda t: t.i)
    return token.doc[min(t.i for t in token.subtree) : last.i + 1].text


def _noun_cue(token: "Token", vocabulary: LessonVocabulary) -> str | None:
    """'The lesson was ...', 'my biggest takeaway is ...', 'my rule now: ...'."""
    if token.pos_ == "NOUN" and token.lemma_.lower() in vocabulary.adoption_nouns and _stated_as_mine(token):
        return token.doc[token.i - 1 : token.i + 1].text  # a rule of the speaker's own, told as such
    if token.pos_ == "NOUN" and token.lemma_.lower() in {*vocabulary.lesson_nouns, *vocabulary.adoption_nouns}:
        taken = next((c for c in token.children if _taken_from_it(c, vocabulary)), None)
        if taken is not None:  # "the habit I took from it: ...", "the rule I learned there"
            return token.doc[token.i : taken.i + 1].text
    if token.pos_ != "NOUN" or token.lemma_.lower() not in vocabulary.lesson_nouns:
        return None
    if token.dep_ == "compound" and token.head.dep_ == "attr" and token.head.head.lemma_ == "be":
        return token.doc[token.i : token.head.i + 1].text  # "it was a real learning experience"
    if any(c.dep_ == "compound" for c in token.children):
        return None  # "machine learning"
    if token.dep_ in ("nsubj", "ROOT") or (token.dep_ == "attr" and token.head.lemma_ == "be"):
        return token.text
    # "I think the big lesson for me, and I say this often, is ...": an aside can make the parser
    # hang the noun anywhere, but a lesson "for me" is still the speaker's.
    if any(c.dep_ == "prep" and c.lower_ == "for" and any(g.lower_ in ("me", "us") for g in c.children)
           for c in token.children):
        return token.text
    return None


def _stated_as_mine(noun: "Token") -> bool:
    """'My rule now: ...', 'our default is a dry run': a rule of the speaker's own, heading a
    note or said to be something now ('our CSV template felt like homework' tells the story)."""
    if not any(c.dep_ == "poss" and c.lower_ in ("my", "our") for c in noun.children):
        return False
    return noun.dep_ == "ROOT" or (noun.dep_ == "nsubj" and noun.head.lemma_ == "be" and noun.head.tag_ in ("VBZ", "VBP"))


def _taken_from_it(clause: "Token", vocabulary: LessonVocabulary) -> bool:
    """A relative clause saying the speaker took the thing away from the event: 'I took from
    it', 'I learned', 'we kept'."""
    if clause.dep_ != "relcl" or clause.lemma_.lower() not in {*vocabulary.takeaway_verbs, "learn", "draw"}:
        return False
    subject = subject_of(clause)
    return subject is not None and is_speaker(subject)


def _recurrence_cue(tokens: list["Token"], vocabulary: LessonVocabulary, lists: PhraseLists) -> str | None:
    """'To avoid this happening again, I ...', 'so that it never happens again, we ...'."""
    guard = next(
        (
            t for t in tokens
            if t.lemma_.lower() in vocabulary.recurrence_verbs and t.pos_ == "VERB"
            and (any(c.tag_ == "TO" for c in t.children) or t.head.dep_ == "prep" or t.dep_ == "pcomp")
        ),
        None,
    )  # "to avoid a repeat", "for preventing it": a purpose, not an event
    if guard is None or next(find_phrases(tokens, lists.recurrence), None) is None:
        return None
    if not speaker_in(tokens):
        return None
    return guard.text


def _safeguard_at_work(sentence: "SpacySpan", vocabulary: LessonVocabulary) -> bool:
    """The sentence's subject is a mechanism set up in the story ('the checklist', 'our alert'),
    doing something: told in a later period, the safeguard outlived the event."""
    for subject in sentence:
        if subject.dep_ == "nsubj" and subject.head.pos_ == "VERB" and subject.lemma_.lower() in vocabulary.mechanisms \
                and any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "our", "my") for c in subject.children):
            return True
    return False

