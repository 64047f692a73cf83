"""One story as the few bullets of the interview sheet, read from its parse.

Not sentences copied whole: each bullet is a gist (star_bank/nlp/gist.py) of
one part of the story, in at most `MAX_WORDS` words with its label, cut by
whole phrases so that it still reads as English:

    Situation: about 1 in 40 patients received the same SMS reminder
    Owned: owned the reminder service
    Did: pulled the message IDs; read the batch-claim code; reproduced it
    Result: duplicate sends fell from 2.5% of reminders to zero
    Rule: now ask for a fencing token
    AI tie-in: pull the traces for the failing runs

A part whose gist cannot be said that way has no bullet.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from star_bank.model.sheet import SheetBullet
from star_bank.model.story import SectionKind
from star_bank.nlp.actors import distinct_actions, main_act, speaker_actions
from star_bank.nlp.analysis import AnalysedStory, SectionText
from star_bank.nlp.gist import act_gist, clause_of, gist
from star_bank.nlp.numbers import QUANTITY_SIGNS, quantity_tokens

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# A bullet, label included, is read at a glance.
MAX_WORDS = 15
# The Action's things the sheet recalls.
MAX_ACTIONS = 4
MIN_ACTIONS = 2
# Words that mark the sentence of a lesson stating a new habit.
_HABIT_WORDS = frozenset({"now", "every", "always", "whenever", "before", "each", "never", "since"})


def story_bullets(story: AnalysedStory) -> tuple[list[SheetBullet], str | None]:
    """The story's bullets (situation, owned, actions, result, rule, tie-in: each
    when the story has it) and the number its result states."""
    bullets: list[SheetBullet] = []
    # The first sentence of the Situation that reads in a few words (the second when the first is long).
    situation = next((text for s in _sentences(story, SectionKind.situation)[:2]
                      if len((text := gist(s, max_words=10)).split()) >= 3), "")
    if situation:
        bullets.append(_bullet("situation", "Situation", situation))
    owned = _owned(_sentences(story, SectionKind.task))
    if owned:
        bullets.append(_bullet("owned", "Owned", owned))
    actions = _actions(story.section(SectionKind.action))
    if actions:
        bullets.append(_bullet("actions", "Did", "; ".join(actions)))
    result, number = _result(_sentences(story, SectionKind.result))
    if result:
        bullets.append(_bullet("result", "Result", result))
    rule = _habit(_sentences(story, SectionKind.lesson))
    if rule:
        bullets.append(_bullet("lesson", "Rule", rule))
    tie_in = story.section(SectionKind.tie_in)
    if tie_in is not None and tie_in.doc is not None and list(tie_in.doc.sents):
        bullets.append(_bullet("tie_in", _tie_in_label(tie_in.label), gist(next(iter(tie_in.doc.sents)), max_words=11)))
    return [b for b in bullets if b.text], number


def _bullet(part: str, label: str, text: str) -> SheetBullet:
    if len(text.split()) > MAX_WORDS - len(label.split()):
        text = ""  # cut mid-phrase it would not read: the bullet is left out
    return SheetBullet(part=part, label=label, text=text)  # type: ignore[arg-type]


def _sentences(story: AnalysedStory, kind: SectionKind) -> list["Span"]:
    section = story.section(kind)
    if section is None or section.doc is None:
        return []
    return [s for s in section.doc.sents if any(t.is_alpha for t in s)]


def _owned(sentences: list["Span"]) -> str:
    """The first thing the speaker took on, with its object: 'owned the reminder
    service', never a bare 'disagreed'."""
    for sentence in sentences:
        for action in speaker_actions(sentence):
            text = gist(sentence, focus=main_act(action), subject=False, max_words=12)
            if len(text.split()) >= 2:
                return text
    return ""


def _actions(section: SectionText | None) -> list[str]:
    """Verb + object for the first few distinct things the speaker did, to fit one bullet."""
    if section is None or section.doc is None:
        return []
    room = MAX_WORDS - 1
    found: list[str] = []
    seen: set[str] = set()
    taken: set[int] = set()
    for verb in distinct_actions(section.doc):
        act = main_act(verb)
        if act.lemma_ in seen or any(a.i in taken for a in act.ancestors):
            continue  # "coached her to split the work": the split is in the coaching
        used = sum(len(a.split()) for a in found)
        text = act_gist(act, min(6, room - used))
        if len(text.split()) < 2:  # a bare verb ("disagreed") recalls nothing
            if used + 2 > room and len(found) >= MIN_ACTIONS:
                break
            continue
        seen.add(act.lemma_)
        taken.add(act.i)
        found.append(text)
        if len(found) == MAX_ACTIONS:
            break
    return found


def _result(sentences: list["Span"]) -> tuple[str, str | None]:
    """The gist around the result's strongest quantity (a change, a share, digits), and the quantity."""
    scored = [
        (_strength(token), -n, sentence, token)
        for n, sentence in enumerate(sentences)
        for token in quantity_tokens(sentence)
    ]
    if not scored:
        return (gist(sentences[0], max_words=MAX_WORDS - 1), None) if sentences else ("", None)
    # The strongest quantity whose clause reads as a bullet that keeps it.
    for _, _, sentence, quantity in sorted(scored, key=lambda item: item[:2], reverse=True):
        text = gist(sentence, focus=quantity, max_words=MAX_WORDS - 1)
        if (quantity.text in text.split() or _quantity_text(quantity) in text) and len(text.split()) >= 3:
            return text, _quantity_text(quantity)
    return "", None


# Verbs of a measured change: the clause a result's headline number sits in.
_CHANGE_VERBS = frozenset({
    "fall", "drop", "rise", "grow", "cut", "reduce", "increase", "decrease", "reach", "halve", "double",
    "triple", "improve", "climb", "shrink", "save", "raise", "lower", "go",
})


def _strength(token: "Token") -> int:
    """How much a quantity says about the outcome: digits, a share, inside a change."""
    strength = 0
    if any(ch.isdigit() for ch in token.text):
        strength += 2
    if token.i + 1 < len(token.doc) and token.nbor(1).text == "%":
        strength += 1
    if clause_of(token).lemma_.lower() in _CHANGE_VERBS:
        strength += 3
    return strength


def _quantity_text(token: "Token") -> str:
    """The quantity with its sign or unit glued on: '41', '0.5%', '$310,000'."""
    doc = token.doc
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if token.text in QUANTITY_SIGNS and following is not None and following.like_num:
        return token.text + following.text
    if following is not None and following.text in ("%", "x", "ms") and not token.whitespace_:
        return token.text + following.text
    return token.text


def _habit(sentences: list["Span"]) -> str:
    """The gist of the lesson's habit: the speaker's act that 'now', 'every'... qualifies."""
    for sentence in sentences:
        for act in speaker_actions(sentence):
            # A conjunct shares its head's "now": "I now pull the p99 and set the value".
            if act.dep_ == "advcl":
                continue  # "Before I change a timeout, I now pull...": the habit is the main clause
            near = {t.lower_ for t in act.children}
            if act.dep_ == "conj":
                near |= {t.lower_ for t in act.head.children}
            if _HABIT_WORDS & near and (text := gist(sentence, focus=main_act(act), subject=False, max_words=12)):
                return text
    # No habit word: the first act of a main clause ("Before I merge..." only sets the scene).
    for sentence in sentences:
        main = [a for a in speaker_actions(sentence) if a.dep_ in ("ROOT", "conj")]
        if main and (text := gist(sentence, focus=main_act(main[0]), subject=False, max_words=12)):
            return text
    return gist(sentences[0], max_words=12) if sentences else ""


def _tie_in_label(label: str) -> str:
    lower = label.lower()
    if "ai" in lower.split() or lower.startswith("ai"):
        return "AI tie-in"
    if "lead" in lower:
        return "Lead tie-in"
    return "Tie-in"
