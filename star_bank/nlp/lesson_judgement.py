"""How a lesson statement is judged: hypothetical or not, which observable mechanism
it names, which abstract value it states instead of a behaviour (see star_bank.nlp.lessons)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from star_bank.nlp.analysis import subject_of
from star_bank.nlp.lesson_cues import adopted_practice
from star_bank.nlp.lesson_values import generic_necessity, grown_trait, reminder_that
from star_bank.nlp.lesson_habits import (
    class_trigger, habit_trigger, mental_act, names_a_person, speaker_acts, standing_rule,
)
from star_bank.nlp.lesson_vocabulary import (
    SPEAKER_SUBJECTS,
    LessonVocabulary,
    PhraseLists,
    improved,
    load_vocabulary,
    phrase_of,
)
from star_bank.nlp.lexicon import find_phrases
from star_bank.nlp.numbers import has_quantity

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan, Token


def is_hypothetical(sentence: "SpacySpan", vocabulary: LessonVocabulary) -> bool:
    """'I would ...', 'I should have ...', 'next time I'd ...': not a change the speaker made."""
    quoted = _quoted(sentence)
    for token in sentence:
        if token.i in quoted:
            continue  # "I ask 'what would break?'": the modal is the question asked, not the speaker's
        if token.tag_ == "MD" and token.lower_ in vocabulary.hypothetical_modals and _in_main_clause(token.head):
            subject = subject_of(token.head)
            if subject is None or subject.lower_ in SPEAKER_SUBJECTS:
                return True
    said = [t for t in sentence if t.i not in quoted]
    return any(t.lower_ == "if" and t.head.tag_ == "VBD" for t in said) and any(t.lower_ in ("would", "'d") for t in said)


def _quoted(sentence: "SpacySpan") -> set[int]:
    """Indices of the tokens inside double quotation marks."""
    inside: set[int] = set()
    open_quote = False
    for token in sentence:
        if token.text in ('"', "“", "”"):
            open_quote = (not open_quote) if token.text == '"' else token.text == "“"
        elif open_quote:
            inside.add(token.i)
    return inside


def _in_main_clause(verb: "Token") -> bool:
    """Whether a verb is the sentence's own claim (or what the speaker learned), not a
    condition or a description inside it ("... the case where I would be wrong")."""
    node = verb
    for _ in range(6):
        if node.dep_ == "relcl" and node.head.dep_ == "nsubj" and node.head.head.lemma_ == "be":
            return True  # "The thing I'd take from it is ...": the lesson's own clause
        if node.dep_ in ("relcl", "advcl", "acl", "pcomp", "pobj"):
            return False
        if node.head is node:
            return True
        node = node.head
    return True


def mechanism_of(sentence: "SpacySpan", lists: PhraseLists, topic: set["Token"] = frozenset()) -> str | None:
    """The observable mechanism, cadence or trigger the sentence names, or None.

    A cadence counts when the speaker does the recurring act ("I review it every
    Monday", not "requirements will always change"); a mechanism that is only the
    topic of an abstract lesson ("more proactive about monitoring") does not count,
    nor does a sentence that only praises a value ("the importance of testing").
    """
    tokens = list(sentence)
    for first, last, _ in find_phrases(tokens, lists.cadences):
        if _replaced(first):
            continue
        if speaker_acts(first) or _process_at_work(first):
            if last.dep_ == "det" and last.head.i > last.i:
                last = last.head  # "every" quotes as "every quarter", "before every" as "before every release"
            return sentence.doc[first.i : last.i + 1].text
    trigger = habit_trigger(sentence, imperatives=True) or standing_rule(sentence) or class_trigger(sentence)
    if trigger is not None:
        return trigger
    adopted = next((t for t in tokens if adopted_practice(t)), None)
    if adopted is not None:
        return phrase_of(adopted)
    if next(find_phrases(tokens, lists.values, max_gap=1), None) is not None:
        return None
    for first, last, _ in find_phrases(tokens, lists.mechanisms):
        if last in topic or _verb_in_disguise(first) or (last.dep_ == "attr" and last.head.lemma_ == "be") \
                or reminder_that(last) or _others_activity(last):
            continue  # "honesty is the best policy", "good reminder that ...": no artefact anyone uses
        if last.pos_ in ("NOUN", "PROPN") or last.dep_ == "compound" or first.i != last.i:
            return sentence.doc[first.i : last.i + 1].text
    return None


def _others_activity(noun: "Token") -> bool:
    """'make sure people feel comfortable asking questions': a bare plural that others do as an
    activity names no artefact; 'we hold retros monthly' is the speaker's."""
    if noun.tag_ != "NNS" or noun.dep_ != "dobj" or any(
            c.dep_ in ("det", "poss", "nummod", "amod", "compound") for c in noun.children):
        return False
    subject = subject_of(noun.head) if noun.head.pos_ == "VERB" else None
    return subject is not None and not speaker_acts(noun) and subject.pos_ in ("NOUN", "PRON") \
        and names_a_person(subject)


def _replaced(word: "Token") -> bool:
    """'invoices go out on the 2nd instead of whenever I got round to them': the cadence
    after "instead of" or "rather than" is the old way, which the change replaced."""
    doc = word.doc
    i = word.i - 1
    while i > word.sent.start and doc[i].pos_ in ("ADV", "DET", "ADP", "SCONJ", "PART"):
        if doc[i].lower_ in ("of", "than") and i > 0 and doc[i - 1].lower_ in ("instead", "rather"):
            return True
        i -= 1
    return False


def _process_at_work(word: "Token") -> bool:
    """'The nightly HIL job runs the flash sequence', 'the report goes out every Monday': a
    thing, not a person, doing the recurring act in the present is a process in force."""
    if word.dep_ == "det":
        return False  # "every schema change needs ...": a class of cases, not a recurrence
    verb = word.head if word.dep_ != "ROOT" else word
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX") or verb.tag_ not in ("VBZ", "VBP"):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and subject.pos_ in ("NOUN", "PROPN") and not names_a_person(subject)


def _verb_in_disguise(word: "Token") -> bool:
    """'to always double-check', 'I review': a mechanism word used as a verb (the parser
    often tags it a noun), which names an act but no artefact anyone could see."""
    if word.pos_ == "VERB":
        return True
    node = word.i - 1
    doc = word.doc
    # Step back over adverbs and a hyphenated first half ("double-", "re-").
    while node >= 0 and (doc[node].pos_ == "ADV" or doc[node].tag_ == "HYPH"
                         or (node + 1 < len(doc) and doc[node + 1].tag_ == "HYPH")):
        node -= 1
    if node < 0:
        return False
    before = doc[node]
    return before.tag_ in ("TO", "MD") or (before.lower_ == "to" and before.dep_ in ("aux", "prep")) or (
        before.tag_ == "PRP" and before.lower_ in ("i", "we", "you")
    )


def abstraction_of(sentence: "SpacySpan", vocabulary: LessonVocabulary) -> tuple[str, "Token"] | None:
    """The abstract value a lesson states with no number (its text and head word), or None."""
    tokens = list(sentence)
    # A number in the reason given for the lesson ("..., because the error showed once a month")
    # does not make the lesson itself concrete.
    reasons = {t.i for c in tokens if c.dep_ == "advcl" and any(
        m.dep_ == "mark" and m.lower_ in ("because", "since") for m in c.children) for t in c.subtree}
    numbered = has_quantity([t for t in tokens if t.i not in reasons])
    for token in tokens:
        lemma = token.lemma_.lower()
        # "the importance of communication when you're moving a hundred engineers": only a number
        # in the value's own phrase ("the value of a 5-minute check") makes it concrete.
        if lemma in vocabulary.abstract_nouns and token.pos_ == "NOUN" and any(
            c.dep_ == "prep" and c.lower_ in ("of", "for") for c in token.children
        ) and not has_quantity(list(token.subtree)):
            return phrase_of(token), token
        if numbered:
            continue
        if lemma in vocabulary.evaluations and token.dep_ in ("acomp", "attr") and token.head.lemma_ in ("be", "matter"):
            return phrase_of(token.head), token.head
        if lemma in vocabulary.difficulties and _bare_judgement(token):
            return phrase_of(token.head), token.head
        if _praised_experience(token, vocabulary):
            return phrase_of(token), token
        if lemma in vocabulary.person_nouns and improved(token):
            return phrase_of(token), token
        if lemma in vocabulary.insight_nouns and any(
            c.dep_ == "amod" and c.tag_ in ("JJR", "JJS") for c in token.children
        ):
            return phrase_of(token), token
        if token.pos_ == "NOUN" and token.dep_ == "dobj" and any(
            c.lower_ in ("more", "less") and c.dep_ == "amod" for c in token.children
        ) and _speaker_subject(token.head):
            return token.doc[token.head.i : token.i + 1].text, token.head
        if lemma in vocabulary.vague_amounts and token.dep_ in ("dobj", "npadvmod", "advmod") \
                and token.head.lemma_.lower() in (*vocabulary.learning_verbs, *vocabulary.teaching_verbs, "grow"):
            return token.doc[token.head.i : token.i + 1].text, token.head
        if lemma in vocabulary.evaluations and token.i > 0 and token.doc[token.i - 1].lower_ == "how":
            clause = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), token)
            return token.doc[token.i - 1 : token.i + 1].text, clause  # "how crucial testing is": all of it the topic
        # "attention to detail matters" (the parser sometimes tags this "matters" a noun); not
        # "which alerts matter", a question or a page's title.
        if lemma == "matter" and _claimed_to_matter(token):
            return phrase_of(token), token
        if _virtue(token, vocabulary):
            return phrase_of(token), token
        necessity = generic_necessity(token, vocabulary)
        if necessity is not None:
            return necessity, token
        trait = _comparative_trait(token, vocabulary) or _bare_act(token, vocabulary)
        if trait is not None:
            return trait
    return None


def _bare_judgement(adjective: "Token") -> bool:
    """'time is hard': the adjective alone after a present 'be' whose subject is a thing."""
    verb = adjective.head
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return (adjective.dep_ == "acomp" and verb.lemma_ == "be" and verb.tag_ in ("VBZ", "VBP")
            and not any(not c.is_punct for c in adjective.children)
            and subject is not None and subject.pos_ in ("NOUN", "PROPN"))


def _claimed_to_matter(verb: "Token") -> bool:
    """A thing (not a pronoun, not "which ...") said to matter."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return any(c.pos_ != "PRON" for c in subjects) and not any(
        t.tag_ in ("WDT", "WP") for c in subjects for t in (c, *c.children))


def _praised_experience(noun: "Token", vocabulary: LessonVocabulary) -> bool:
    """'It was a great learning experience', 'a valuable lesson in patience': the event judged
    as a lesson, with an adjective of praise, and no behaviour named."""
    if noun.pos_ != "NOUN" or noun.dep_ != "attr" or noun.head.lemma_ != "be":
        return False
    lesson = noun.lemma_.lower() in vocabulary.lesson_nouns or any(
        c.dep_ == "compound" and c.lemma_.lower() in vocabulary.lesson_nouns for c in noun.children
    )
    return lesson and any(c.dep_ == "amod" and c.pos_ == "ADJ" for c in noun.children)


def _virtue(noun: "Token", vocabulary: LessonVocabulary) -> bool:
    """'It taught me patience and humility', 'I learned ownership': a virtue, with no
    article, as what was learned."""
    if noun.pos_ != "NOUN" or noun.dep_ not in ("dobj", "conj", "nsubj", "pobj") or noun.tag_ == "NNS":
        return False
    # ("realize that leadership is ...": the parser often reads the complementiser as an article.)
    if any(c.dep_ in ("det", "poss", "nummod", "compound") and c.lower_ != "that" for c in noun.children):
        return False
    lemma = noun.lemma_.lower()
    virtue = lemma in vocabulary.virtue_nouns or (len(lemma) > 6 and lemma.endswith(tuple(vocabulary.virtue_suffixes)))
    if noun.dep_ == "nsubj":  # "honesty is the best policy", "leadership is about listening": a maxim
        return virtue and noun.head.lemma_ == "be" and noun.head.tag_ in ("VBZ", "VBP")
    head = noun
    while head.dep_ == "conj" and head.head is not head:
        head = head.head
    if head.dep_ == "pobj":  # "mentoring is about patience and trust": a maxim, whatever its subject
        about = head.head
        return virtue and about.lower_ == "about" and about.head.lemma_ == "be" and about.head.tag_ in ("VBZ", "VBP")
    if head.dep_ != "dobj" or head.head.lemma_.lower() not in (*vocabulary.learning_verbs, *vocabulary.teaching_verbs):
        return False
    return virtue


def _bare_act(verb: "Token", vocabulary: LessonVocabulary) -> tuple[str, "Token"] | None:
    """'The lesson was to never assume and to always communicate', 'it taught me to listen':
    what was learned is an act with no object, place, trigger or manner, a platitude."""
    if verb.pos_ != "VERB" or verb.tag_ != "VB" or verb.dep_ not in ("xcomp", "conj"):
        return None
    if not any(c.tag_ == "TO" for c in verb.children):
        return None
    # "to trust my team", "to keep an open mind": a stance, not an act, whatever its object.
    attitude = verb.lemma_.lower() in vocabulary.attitude_verbs or _held_in_mind(verb)
    if not attitude and any(c.dep_ not in ("aux", "neg", "advmod", "cc", "punct", "conj") for c in verb.children):
        return None  # an object, a clause, a place or a particle says what the act is about
    if any(c.dep_ == "advmod" and (c.tag_ == "RBR" or any(c.children)) for c in verb.children):
        return None  # "to plan more carefully": the comparative is the quotable part (see _comparative_trait)
    head = verb
    while head.dep_ == "conj" and head.head is not head:
        head = head.head
    owner = head.head
    # "The lesson was to ...", "what I took from it is to ...": a lesson named as the subject.
    lesson = owner.lemma_ == "be" and any(
        (c.dep_ == "nsubj" and c.lemma_.lower() in vocabulary.lesson_nouns)
        or (c.dep_ == "csubj" and c.lemma_.lower() in (*vocabulary.learning_verbs, *vocabulary.takeaway_verbs))
        for c in owner.children
    )
    if not lesson and owner.lemma_.lower() not in (*vocabulary.learning_verbs, *vocabulary.teaching_verbs):
        return None
    return verb.doc[min(c.i for c in verb.children if c.tag_ == "TO") : verb.i + 1].text, verb


def _held_in_mind(verb: "Token") -> bool:
    """'keep an open mind', 'bear it in mind': the act is a state of the speaker's mind."""
    return any(t.lower_ == "mind" for c in verb.children for t in (c, *c.children))


def _comparative_trait(token: "Token", vocabulary: LessonVocabulary) -> tuple[str, "Token"] | None:
    """'to be more careful', 'communicate better', 'plan more carefully', 'be proactive'.

    Any adjective counts in a resolution about the speaker ("I need to be ...",
    "don't be ..."), so a new trait needs no list entry."""
    more = any(c.lower_ in ("more", "less") and c.dep_ == "advmod" for c in token.children)
    if token.head.lemma_ == "make" and grown_trait(token):
        return token.doc[token.head.i : token.i + 1].text, token  # "it made me more careful"
    if token.pos_ == "ADJ" and token.head.lemma_ in ("be", "become", "get", "stay"):
        if _speaker_subject(token.head):
            text = token.doc[token.head.i : token.i + 1].text if token.head.i < token.i else token.text
            return text, token
    # The parser often hangs a trailing manner adverb on the object ("review changes more carefully").
    verb = token.head if token.head.dep_ != "dobj" else token.head.head
    if token.pos_ == "ADV" and verb.pos_ == "VERB" and token.dep_ == "advmod" and not _sentence_adverb(token):
        # "plan better", "flag it earlier"; on an act of the mind any comparative ("think
        # harder", "consider more deeply"): the mind working more is no act anyone sees.
        comparative = token.tag_ == "RBR" and (
            token.lower_ in ("better", "earlier", "sooner", "faster", "more")
            or (token.lower_ not in _NOT_MANNER and mental_act(verb))
        ) or more
        concrete_object = any(
            c.dep_ == "dobj" and c.pos_ != "PRON" and c.lemma_.lower() not in _VAGUE_OBJECTS for c in verb.children
        )
        # "review config changes more carefully": a manner said to grow ("more" + an -ly adverb)
        # names no new act whatever the object; "flag risks earlier" moves a concrete act in time.
        manner = more and token.lower_.endswith("ly")
        if comparative and (manner or not concrete_object):
            return token.doc[min(verb.i, token.i) : max(verb.i, token.i) + 1].text, verb
    return None


def _sentence_adverb(adverb: "Token") -> bool:
    """'More generally, I ...', 'More importantly I ...': an adverb before the subject
    comments on the sentence; it says nothing about how the speaker acts."""
    subject = subject_of(adverb.head)
    return subject is not None and adverb.i < subject.i


_NOT_MANNER = frozenset({"later", "further", "farther", "rather", "else"})
# "plan things more carefully": an object that names nothing in particular.
_VAGUE_OBJECTS = frozenset({"thing", "stuff", "everything", "work", "time", "myself", "way"})


def _speaker_subject(verb: "Token") -> bool:
    """'(I need) to be more careful', 'I should be more patient', 'you have to be flexible':
    a resolution about the speaker's traits, not a description of the story."""
    imperative = verb.dep_ == "ROOT" and verb.tag_ == "VB" and subject_of(verb) is None
    resolution = imperative or any(c.tag_ in ("TO", "MD") for c in verb.children) or verb.dep_ == "xcomp"
    if not resolution:
        return False
    subject = subject_of(verb)
    # "The lesson (for me) was to be more careful": the lesson's infinitive is the speaker's.
    return subject is None or subject.lower_ in (*SPEAKER_SUBJECTS, "you", "one") or (
        subject.lemma_.lower() in load_vocabulary().lesson_nouns
    )


