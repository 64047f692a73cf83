"""A sentence cut down to its gist, from the parse: who, the verb, what, and the number.

The interview sheet shows bullets, not sentences: "she merged 41 pull
requests", "fell from 8 days to 1 day". A gist keeps one clause (the one
around a chosen token, else the main one): its subject unless it is the
speaker, the verb with its negation and particle, and its complements.

Words are only ever dropped as whole constituents (a relative clause, an
aside, a trailing prepositional phrase, a modifier), never one by one, so
what is left still reads as English: "about 1 in 40 patients" keeps its
number's noun, "asked to shadow two technicians" keeps its "to", and a
coordinated clause with a subject of its own is never glued on. When a
required part cannot fit, the gist is empty: no bullet beats a broken one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from star_bank.nlp.actors import STATIVE
from star_bank.nlp.analysis import is_first_person_singular

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Children that add detail, not meaning: always left out, whole.
_ASIDES = frozenset({"relcl", "acl", "appos", "punct", "cc", "conj", "advcl", "parataxis",
                     "meta", "dep", "discourse", "intj", "preconj"})
# Dependents a phrase may lose, whole, to fit its limit. Never a modifier before
# its noun: "an idempotency key" cut to "an key", "feature-store cache" to "-store cache".
_OPTIONAL = frozenset({"prep", "advmod", "npadvmod"})
# Complements a verb cannot lose without changing what it says.
_REQUIRED = ("dobj", "dative", "attr", "acomp", "oprd", "xcomp", "ccomp", "agent", "pcomp")
# Complements that only add detail: kept when they fit.
_DETAIL = ("prep", "npadvmod", "advmod")
# Children without which their head does not read: "of" needs its object, "whether" its clause.
_NEEDED = frozenset({"pobj", "pcomp", "dobj", "case", "nummod", "mark", "auxpass", "neg", "prt"})
# Words a fragment never ends on.
_DANGLING_POS = frozenset({"DET", "ADP", "CCONJ", "SCONJ", "PART", "AUX"})
# Nouns that name a part or an amount of what their "of" phrase names.
_PARTITIVES = frozenset({"piece", "part", "lot", "kind", "sort", "type", "set", "number", "bit", "share", "half",
                         "third", "quarter", "rest", "couple", "series", "pair", "group", "most", "some", "all"})
_SIGNS = frozenset({"%", "$", "€", "£", "x"})


def phrase(token: "Token", limit: int = 6, focus: "Token | None" = None) -> list["Token"]:
    """The words of `token`'s phrase, asides dropped, at most `limit` words.

    Over the limit, whole optional dependents go, the last trailing phrase
    first; the branch holding `focus`, a number's own noun and a verb's
    prepositional argument stay. When the phrase still does not fit, it is empty.
    """
    kept = set(_trimmed(token))
    while width(kept) > limit:
        cut = _next_cut(token, kept, focus)
        if cut is None:
            return []
        kept -= set(cut.subtree)
    return sorted(kept, key=lambda t: t.i)


def _next_cut(head: "Token", kept: set["Token"], focus: "Token | None") -> "Token | None":
    candidates = [
        t for t in kept
        if t.i != head.i and t.dep_ in _OPTIONAL and t.head in kept
        and (focus is None or focus not in set(t.subtree))
        and not (t.dep_ == "prep" and t.i == t.head.i + 1 and (_is_quantity(t.head) or t.head.pos_ in ("DET", "PRON", "ADJ")))
        # "1 in 40 patients", "each of her next ones", "most of the pipeline": the tail is the noun
        and not (t.dep_ == "prep" and t.head.pos_ == "VERB")  # "came from two pods", not "came"
        and not (t.lower_ == "of" and t.head.lemma_.lower() in _PARTITIVES)  # "a piece of work", not "a piece"
    ]
    if not candidates:
        return None
    return max(candidates, key=lambda t: t.left_edge.i)  # the phrase that starts last goes first


def width(tokens: Iterable["Token"]) -> int:
    """How many words the tokens print as: '30-minute' is one word of three tokens."""
    ordered = sorted(tokens, key=lambda t: t.i)
    return sum(1 for n, t in enumerate(ordered)
               if n == 0 or ordered[n - 1].i != t.i - 1 or ordered[n - 1].whitespace_)


def _is_quantity(token: "Token") -> bool:
    return token.like_num or token.text in _SIGNS


def _trimmed(token: "Token") -> Iterable["Token"]:
    yield token
    for child in token.children:
        if child.dep_ == "punct" and child.text in ("-", "/") and not child.whitespace_:
            yield child  # "30-minute", "draft/merge": the word needs its joint
            continue
        if child.dep_ == "acl" and child.i == token.i + 1 and not list(child.children):
            yield child  # "a fencing token" read as noun + clause: still one noun
            continue
        if child.dep_ in _ASIDES:
            continue
        yield from _trimmed(child)


def clause_of(token: "Token") -> "Token":
    """The verb whose clause holds `token` (the token itself when it is one)."""
    node = token
    # Compare positions: spaCy makes a new Token object at every `.head`.
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
    return node


def gist(sentence: "Span", focus: "Token | None" = None, max_words: int = 12, subject: bool = True) -> str:
    """The sentence in at most `max_words` words: the clause around `focus`
    (else the main clause), with its subject (left out when it is the speaker
    or `subject` is False), verb group and complements; empty when that
    cannot be said in so few words."""
    verb = clause_of(focus) if focus is not None else sentence.root
    if verb.dep_ == "ccomp" and verb.head.pos_ not in ("VERB", "AUX"):
        return ""  # "Compute cost per thousand predictions fell": a clause under a noun is a misparse
    if verb.pos_ not in ("VERB", "AUX"):  # a verbless line: its main phrase
        return tidy(_checked(phrase(verb, max_words, focus)))
    return tidy(_checked(clause_words(verb, max_words, focus=focus, subject=subject)))


def act_gist(verb: "Token", max_words: int) -> str:
    """What the speaker did, as verb and complements ('asked to shadow two
    technicians'), no subject and no detail; empty when it does not fit or
    the verb keeps nothing it acts on ('had answered')."""
    words = clause_words(verb, max_words, subject=False, details=False)
    if not words or not has_complement(verb, words):
        return ""
    if words[0].dep_ not in ("aux", "auxpass", "neg") and words[0].i != verb.i:
        return ""  # "what had changed": a question or a clause, not an act
    if verb.tag_ == "VBG" and not any(c.dep_ == "aux" for c in words):
        return ""  # "Comparing them, I saw...": the scene of an act, not the act
    return tidy(_checked(words))


def clause_words(verb: "Token", max_words: int, focus: "Token | None" = None,
                 subject: bool = True, details: bool = True) -> list["Token"]:
    """The words of `verb`'s clause that fit in `max_words`, or none when a
    required part (the object, the clause a verb introduces) cannot fit."""
    who = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    keep_subject = subject and who is not None and not is_first_person_singular(who)
    if subject and who is None and verb.dep_ == "conj" and not _speaker_subject(verb.head):
        return []  # "and fell by 28%": whose figure fell is in a clause the parser lost
    words = [c for c in verb.children if c.dep_ in ("neg", "auxpass", "prt")
             or (c.dep_ == "aux" and c.tag_ != "TO")]
    words.append(verb)
    words += _adverbs_of_time(verb)
    holds_focus = [c for c in verb.children if focus is not None and focus in set(c.subtree)]
    parts = holds_focus + _complements(verb, holds_focus) + ([who] if keep_subject else [])
    inner = [focus if part in holds_focus else None for part in parts]
    # Each part leaves room for the shortest form of the parts after it.
    shortest = [_shortest(part, f) for part, f in zip(parts, inner)]
    for n, part in enumerate(parts):
        room = max_words - width(words) - sum(shortest[n + 1:])
        found = phrase(part, min(room, 5) if keep_subject and part.i == who.i else room, inner[n])
        if not found:
            return []
        words += found
    if details:
        for part in sorted((c for c in verb.children if c.dep_ in _DETAIL and c.tag_ != "WRB"
                            and c not in holds_focus and c not in words), key=lambda c: c.i):
            # A phrase before the speaker brings the "I" back: "Last year I decided...", not "Last year decided".
            speaker = [who] if who is not None and not keep_subject and part.i < who.i < verb.i else []
            found = phrase(part, max_words - width(words) - len(speaker)) if max_words - width(words) >= 2 else []
            words += found + (speaker if found else [])
    words += _shared_acts(verb, max_words - width(words))
    words = sorted(set(words), key=lambda t: t.i)
    return words if width(words) <= max_words else []  # the verb group alone can be over a tiny limit


def _shortest(token: "Token", focus: "Token | None") -> int:
    """The fewest words `token`'s phrase can be cut to."""
    return next((n for n in range(1, 16) if phrase(token, n, focus)), 16)


def _complements(verb: "Token", taken: list["Token"]) -> list["Token"]:
    """The verb's required complements, one of each kind. A clause with its own
    subject before the verb, or a second object, is another clause the parser
    hung here ("The bank signed..., SAML went live"): left out."""
    found: list[Token] = []
    for child in verb.children:
        if child.dep_ not in _REQUIRED or child in taken or any(c.dep_ == child.dep_ for c in found + taken):
            continue
        if child.dep_ in ("ccomp", "xcomp") and child.i < verb.i:
            continue
        if child.dep_ == "ccomp" and any(c.dep_ == "dobj" for c in verb.children):
            continue  # "wrote twelve docs, one per stage, each with the failure modes": no clause object
        found.append(child)
    return found


def _speaker_subject(verb: "Token") -> bool:
    who = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return who is None or is_first_person_singular(who)


def _adverbs_of_time(verb: "Token") -> list["Token"]:
    """'now', 'always', 'never': the single words that make an act a habit."""
    return [c for c in verb.children if c.dep_ == "advmod" and c.lower_ in ("now", "always", "never", "still", "only")]


def _shared_acts(verb: "Token", room: int) -> list["Token"]:
    """Acts coordinated under the same subject ('confirmed the cause and rolled it back'), while they fit.
    A conjunct with a subject of its own is another clause, and is left out."""
    words: list[Token] = []
    for conj in (c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"):
        if conj.lemma_.lower() in STATIVE or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in conj.children):
            break
        joint = [c for c in verb.children if c.dep_ == "cc" and c.i < conj.i][-1:]
        extra = clause_words(conj, room - width(words) - len(joint), subject=False, details=False)
        if not extra or not joint or not has_complement(conj, extra):
            break  # "stopped pairing with her and moved": a bare second verb says nothing
        words += joint + extra
    return words


def has_complement(verb: "Token", words: list["Token"]) -> bool:
    """Whether the kept words give `verb` something it acts on or a passive voice: not a bare
    'had answered'."""
    kept = set(words)
    return any(c in kept for c in verb.children if c.dep_ not in ("aux", "neg", "advmod", "punct", "cc", "conj", "nsubj")) \
        or any(c.dep_ == "auxpass" for c in verb.children)


def _checked(words: list["Token"]) -> list["Token"]:
    """The words when they form one well-formed fragment, else none."""
    return words if well_formed(words) else []


def well_formed(words: list["Token"]) -> bool:
    """Whether the words read as one fragment: a connected piece of the parse,
    every kept word with the children it needs (a preposition its object, a
    number its sign), no word dangling at the end."""
    if not words:
        return False
    kept = set(words)
    tops = [t for t in words if t.head not in kept or t.head.i == t.i]
    if len(tops) != 1:
        return False
    for token in words:  # two objects or two subjects on one word: two clauses run together
        deps = [c.dep_ for c in token.children if c in kept and c.dep_ in ("dobj", "nsubj", "nsubjpass", "ccomp")]
        if len(deps) != len(set(deps)):
            return False
    for token in words:
        if any(c.dep_ in _NEEDED and c not in kept for c in token.children):
            return False
    for token in words:  # "co" of "co-own", "-store cache" of "feature-store cache": never half a written word
        doc = token.doc
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if after is not None and not token.whitespace_ and after not in kept and (after.is_alpha or after.text in "-/"):
            return False
        before = doc[token.i - 1] if token.i > 0 else None
        if before is not None and not before.whitespace_ and before not in kept and (before.is_alpha or before.text in "-/"):
            return False
    for token in words[1:]:  # "over the year [and] p99 latency": a lost "and" runs two things together
        before = token.doc[token.i - 1]
        if (before.pos_ == "CCONJ" or before.dep_ == "conj") and before not in kept:
            return False
    last = max(words, key=lambda t: t.i)
    return last.pos_ not in _DANGLING_POS or last.dep_ == "prt" or last.lower_ in ("now", "together")


def tidy(words: list["Token"]) -> str:
    """Tokens joined back into text, spacing as written, no dangling punctuation."""
    out = ""
    for n, token in enumerate(words):
        joined = n > 0 and words[n - 1].i == token.i - 1 and not words[n - 1].whitespace_
        out += ("" if n == 0 or joined else " ") + token.text
    return out.strip(" ,;:-–—").replace(" ,", ",")
