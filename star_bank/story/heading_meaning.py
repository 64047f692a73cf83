"""The STAR part a heading names in its own words, read from its head word's meaning.

People label their parts in words no alias list foresees ("Setting the scene",
"What I owned", "My job that week", "Changed since"). The head of such a short
label still says which part it is: the verb of a "What I ..." clause (own -> task,
handle -> action, land -> result, learn -> lesson), the noun of a noun phrase
(scene -> situation, job -> task, recovery -> action), or a change verb pointed
after the event ("Changed since" -> lesson). The word classes are data
(`heading_words` in star_bank/data/section_labels.yaml). Only a short label with
nothing after its head but a pronoun, an adverb or a short modifier is read this
way: "How I fixed the checkout" names its subject, not a part, and so do titles.
"""

from __future__ import annotations

import functools
import re

from star_bank.model.story import SectionKind

# A label longer than this is a title or a sentence, not a part's name.
MAX_WORDS = 7
_WH = {"what", "how", "where", "when"}
_WH_HAS = re.compile(r"\b(what|how|where|when)'s\b")
_SUBJECTS = {"i", "we", "it", "things", "this", "that", "they", "everything", "all", "the", "team", "my", "our"}
# Words a head may carry after it in a label ("What I did wrong", "What stuck with me").
_LIGHT_TAIL = {
    "it", "this", "that", "them", "me", "us", "wrong", "right", "first", "next", "then", "up", "out", "in", "on",
    "off", "down", "about", "with", "away", "instead", "myself", "ourselves", "since",
    "now", "today", "differently", "afterwards", "after", "later", "week", "day", "month", "year", "time",
    "the", "a", "an", "again",
}
_PREPOSITIONS = {"for", "on", "at", "in", "with", "from", "to", "of", "behind", "around"}
_DETERMINERS = {"my", "our", "the", "a", "an", "your", "his", "her", "their", "some", "what", "how"}
# After the event: a change verb with one of these names the lesson ("Changed since").
_AFTER = {"since", "afterwards", "after", "now", "today", "later", "differently"}
_POSSESSIVES = {"my", "our", "their", "his", "her"}
_AUXILIARIES = {"was", "were", "had", "got", "have", "has", "did", "do", "would", "'d", "could", "ended", "really"}


def _stems(word: str) -> list[str]:
    """The word and its plain forms, enough to meet a class entry ("owned" -> "own")."""
    out = [word]
    if word.endswith("ied"):
        out.append(word[:-3] + "y")
    if word.endswith("ed"):
        out += [word[:-2], word[:-1]]
    if word.endswith("ing"):
        out += [word[:-3], word[:-3] + "e"]
    if word.endswith("s") and not word.endswith("ss"):
        out.append(word[:-1])
    if word.endswith("es"):
        out.append(word[:-2])  # "does", "fixes"
    return out


def heading_meaning(text: str, words_by_kind: dict[SectionKind, dict[str, list[str]]]) -> SectionKind | None:
    """The part a short label names by its head word, or None.

    `text` is the label lower-cased with decorations removed.
    """
    text = _WH_HAS.sub(r"\1 has", text.replace("’", "'"))  # "What's changed" is "What has changed"
    words = re.findall(r"[a-z]+(?:'[a-z]+)?", text)
    if not words or len(words) > MAX_WORDS:
        return None
    verbs, nouns = _classes(_freeze(words_by_kind))
    if words[0] in _WH:
        return _clause_head(words[1:], verbs)
    return _phrase_head(words, verbs, nouns)


def _clause_head(words: list[str], verbs: dict[str, SectionKind]) -> SectionKind | None:
    """"What I owned", "How it surfaced", "What stuck with me": the verb after the subject."""
    at = 0
    while at < len(words) and words[at] in _SUBJECTS:
        at += 1
    if 0 < at < len(words) - 1 and words[at - 1] in _POSSESSIVES and _kind(words[at], verbs) is None:
        at += 1  # "What my teams do now": the possessive's noun is the subject, whatever it is
    if at == len(words):
        return None
    while at < len(words) - 1 and words[at] in _AUXILIARIES and _kind(words[at], verbs) is None:
        at += 1
    kind = _kind(words[at], verbs)
    tail = words[at + 1 :]
    if kind is None or not (_light(tail) or _about_how(tail)):
        return None
    if kind is SectionKind.action and "change" in _stems(words[at]):
        # "What changed for me", "What I changed in how I work": what came of the story, as the
        # whole label "What I changed" is.
        return SectionKind.lesson
    return _after_event(kind, tail) if _light(tail) else None


def _phrase_head(words: list[str], verbs: dict[str, SectionKind], nouns: dict[str, SectionKind]) -> SectionKind | None:
    """"My job that week", "Setting the scene", "Changed since": a classed noun as the first
    or second word after the determiners, or a verb as the first, with only a light tail."""
    content = [w for w in words if w not in _DETERMINERS]
    if not content:
        return None
    verb = _kind(content[0], verbs)
    if verb is not None and len(content) > 1 and _light(content[1:]):
        return _after_event(verb, content[1:]) if verb is not SectionKind.action or set(content) & _AFTER else None
    heads = [at for at, word in enumerate(content) if word not in _LIGHT_TAIL][:2]  # "Laying out the backdrop"
    for at in heads:
        kind = _kind(content[at], nouns)
        if kind is not None and _light(content[at + 1 :]):
            return kind
    return None


def _light(tail: list[str]) -> bool:
    """Nothing after the head that names a subject of its own: light words, or one short
    prepositional phrase ("for the stores")."""
    if all(w in _LIGHT_TAIL for w in tail):
        return True
    return tail[0] in _PREPOSITIONS and len(tail) <= 3


def _about_how(tail: list[str]) -> bool:
    """A short 'in how I work' after the head: the label names a part of the speaker's own way."""
    return 3 <= len(tail) <= 5 and tail[0] in _PREPOSITIONS and tail[1] in _WH


def _after_event(kind: SectionKind, tail: list[str]) -> SectionKind:
    """A change told with "since" or "now" after it is the lesson, not the action."""
    if kind is SectionKind.action and set(tail) & _AFTER:
        return SectionKind.lesson
    return kind


def _kind(word: str, table: dict[str, SectionKind]) -> SectionKind | None:
    for stem in _stems(word):
        if stem in table:
            return table[stem]
    return None


def _freeze(words_by_kind: dict[SectionKind, dict[str, list[str]]]) -> tuple:
    return tuple((kind, tuple((role, tuple(ws)) for role, ws in roles.items())) for kind, roles in words_by_kind.items())


@functools.cache
def _classes(frozen: tuple) -> tuple[dict[str, SectionKind], dict[str, SectionKind]]:
    verbs: dict[str, SectionKind] = {}
    nouns: dict[str, SectionKind] = {}
    for kind, roles in frozen:
        for role, words in roles:
            table = verbs if role == "verbs" else nouns
            for word in words:
                table[word] = kind
    return verbs, nouns
