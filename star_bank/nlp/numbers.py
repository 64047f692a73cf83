"""Quantities in parsed prose: what counts as a metric and what only looks like one.

A metric is a count, amount, share, duration or multiplier: digits ("840 ms",
"12%"), number words ("two weeks", "a dozen"), "once", "twice", "halved",
"doubled". Ordinals ("first", "3rd"), names that carry digits ("E2E", "S3",
"Web3", "Python 3"), version numbers ("2.4.1", "v2") and calendar years are not:
they name or order things without measuring them. Shared by the linter's
result-without-metric rule and the rubric.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterable, Iterator

if TYPE_CHECKING:
    from spacy.tokens import Token

# Words (lower case or lemma) that state a quantity without digits.
QUANTITY_WORDS = frozenset({
    "half", "halve", "halved", "double", "doubled", "triple", "tripled", "quadruple",
    "quadrupled", "twice", "thrice", "once", "dozen", "dozens", "hundreds", "thousands",
    "millions", "billions", "zero", "percent", "tenfold", "twofold", "threefold", "fivefold",
    "quarter", "third",
})
# Words that make "quarter" a period of the calendar ("that quarter") rather than a share.
_PERIOD_POINTERS = frozenset({"that", "this", "next", "last", "previous", "following", "each", "every", "same",
                              "later", "earlier", "coming"})
# Quantity words that also prefix a verb: "double check", "triple booked".
_VERB_PREFIXES = frozenset({"double", "triple", "half"})
# Signs that make the number next to them a quantity.
QUANTITY_SIGNS = frozenset({"%", "$", "€", "£", "¥"})
ORDINAL_WORDS = frozenset({
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "twentieth", "hundredth", "last",
})
# Ordinal words that also name a share ("a fifth of the cost"); "first" and "second" do not.
_SHARES = ORDINAL_WORDS - {"first", "second", "last"}
# Words after which a number names a version or an item, not an amount.
NAMING_WORDS = frozenset({"version", "v", "release", "phase", "step", "stage", "level", "sprint",
                          "round", "chapter", "section", "page", "line", "room", "floor", "tier",
                          "grade", "year", "week", "day", "number", "no", "#", "q", "p", "patch", "build"})

_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$", re.I)
_VERSION = re.compile(r"^v?\d+(?:\.\d+){2,}$|^v\d+(?:\.\d+)*$", re.I)
# A number with a unit or a multiplier glued on: "840ms", "3x", "10k", "2h", "$40", "12%".
_MEASURE = re.compile(
    r"^[$€£~<>≈+-]?\d[\d.,]*(?:k|m|bn|b|x|×|ms|s|sec|secs|h|hr|hrs|min|mins|d|w|gb|mb|tb|kb|pp|%)?\+?$",
    re.I,
)
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_YEAR_BEFORE = frozenset({"in", "since", "by", "until", "during", "early", "late", "mid", "of", "from", "to", "spring",
                          "summer", "autumn", "fall", "winter"})
# "one" as a pronoun or an article-like word ("one of the", "no one", "one day") is not a count.
_ONE_NOT_COUNT_NEXT = frozenset({"of", "another", "thing", "way", "point"})
# "one" before these is an indefinite ("one example", "one day", "on one hand"), not a count.
_ONE_INDEFINITE_HEADS = frozenset({
    "example", "thing", "way", "reason", "option", "idea", "case", "aspect", "part", "side", "hand",
    "day", "morning", "evening", "night", "afternoon", "point", "moment", "member", "lesson",
})


def quantity_tokens(tokens: Iterable["Token"], extra_words: Iterable[str] = ()) -> Iterator["Token"]:
    """The tokens that state a quantity, in order (see the module docstring)."""
    words = QUANTITY_WORDS | {w.lower() for w in extra_words}
    for token in tokens:
        if is_quantity(token, words):
            yield token


def has_quantity(tokens: Iterable["Token"], extra_words: Iterable[str] = ()) -> bool:
    """Whether any token states a quantity."""
    return next(quantity_tokens(tokens, extra_words), None) is not None


def is_quantity(token: "Token", words: frozenset[str] = QUANTITY_WORDS) -> bool:
    text = token.text
    lower = token.lower_
    if text in QUANTITY_SIGNS or lower in words or token.lemma_.lower() in words:
        # "third" and "quarter" are amounts only as nouns ("a third of the tickets").
        if lower in ("third", "quarter") and token.pos_ != "NOUN" and not _fraction(token):
            return _ranked(token)
        before = token.doc[token.i - 1] if token.i > 0 else None
        if lower == "quarter" and before is not None and (before.lower_ in _PERIOD_POINTERS or _calendar_ordinal(before)):
            return False  # "that quarter", "the second quarter": a period of the calendar, not a share
        # "double-check", "half-finished": the first half of a compound word measures nothing,
        # nor does one written apart before its verb ("double check everything").
        if lower == "once" and token.dep_ == "mark":
            return False  # "once it was clear ...": when, not how many times
        following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        if following is not None and lower in _VERB_PREFIXES and (
                following.pos_ == "VERB" or following.lower_.endswith("ing")):
            return False  # "double check", "double checking" (often tagged a noun)
        return not (following is not None and following.tag_ == "HYPH" and not token.whitespace_)
    has_digit = any(ch.isdigit() for ch in text)
    if not has_digit and not token.like_num:
        return _one_unit_of_time(token)
    if lower in ORDINAL_WORDS or _ORDINAL.match(text) or token.ent_type_ == "ORDINAL":
        # "a fifth of the cost", "two tenths": an ordinal word after a count is a share.
        return _ranked(token) or (token.lemma_.lower() in _SHARES and _fraction(token))
    if has_digit:
        return _digits_measure(token)
    return _number_word_counts(token)


_TIME_UNITS = frozenset({"second", "minute", "hour", "day", "week", "fortnight", "month", "year"})
_DURATION_WORDS = frozenset({"within", "under", "than", "for", "in", "after", "over", "per"})
# "about a week", "nearly an hour": a word of approximation makes "a" an estimate of an amount.
_APPROXIMATIONS = frozenset({"about", "around", "roughly", "nearly", "almost", "approximately", "barely"})
# "lost a week", "saved a day", "took an hour": time spent, saved or lost is an amount.
_SPENDING_VERBS = frozenset({"lose", "save", "take", "spend", "cost", "waste", "shave", "gain", "cut"})


# "ranked 2nd", "finished third", "placed 1st": a place in a ranking is a measured outcome.
_RANKING_VERBS = frozenset({"rank", "place", "finish", "come"})


def _ranked(token: "Token") -> bool:
    if token.lower_ == "last":
        return False
    verb = token.head if token.dep_ in ("advmod", "npadvmod", "dobj", "attr", "oprd", "acomp") else None
    if token.dep_ == "pobj":  # "came in 3rd"
        verb = token.head.head
    # "placed the order first", "finished the migration first": an order of acts, not a ranking.
    return verb is not None and verb.lemma_.lower() in _RANKING_VERBS and not any(
        c.dep_ == "dobj" and c.i != token.i for c in verb.children
    )


def _one_unit_of_time(token: "Token") -> bool:
    """'within a fortnight', 'in under an hour', 'for a week', 'about a week', 'lost a day':
    'a' is a count of one there."""
    if token.lemma_.lower() not in _TIME_UNITS or token.i < 2:
        return False
    article, before = token.doc[token.i - 1], token.doc[token.i - 2]
    if article.lower_ not in ("a", "an"):
        return False
    if before.lower_ in _DURATION_WORDS or before.lower_ in _APPROXIMATIONS:
        return True
    return token.dep_ in ("dobj", "npadvmod") and token.head.lemma_.lower() in _SPENDING_VERBS


def _calendar_ordinal(word: "Token") -> bool:
    """'the second (quarter)': a quarter of the year; 'his second quarter' counts his time in the job."""
    ordinal = word.lower_ in ORDINAL_WORDS or bool(_ORDINAL.match(word.text))
    return ordinal and word.i > 0 and word.doc[word.i - 1].lower_ == "the"


def _fraction(token: "Token") -> bool:
    """'cut by a third', 'a quarter of them': a share, not 'a third attempt'."""
    doc = token.doc
    before = doc[token.i - 1].lower_ if token.i > 0 else ""
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return before in ("a", "one", "two", "three") and (after is None or after.pos_ not in ("NOUN", "PROPN", "ADJ"))


def _digits_measure(token: "Token") -> bool:
    text = token.text
    if _VERSION.match(text):
        return False
    if not _MEASURE.match(text):
        return False  # letters and digits mixed: a name ("E2E", "S3", "Web3")
    previous = token.nbor(-1) if token.i > 0 else None
    if previous is not None and previous.lower_ in NAMING_WORDS:
        return False
    if previous is not None and previous.pos_ == "PROPN" and token.dep_ in ("compound", "nummod", "appos", "npadvmod") \
            and token.head.i <= token.i:
        return False  # "Python 3", "iOS 17"
    if _YEAR.match(text) and (token.ent_type_ == "DATE" or (previous is not None and previous.lower_ in _YEAR_BEFORE)):
        return False
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if text.isdigit() and 1 <= int(text) <= 31 and following is not None and following.lower_.rstrip(".") in MONTHS:
        return False  # "closed out on 2 October": a day of the month, not an amount
    if text.isdigit() and following is not None and following.lower_.replace(".", "") in ("am", "pm"):
        return False  # "a 1 p.m. cut-off": a time of day
    return not _release_name(token)


# The months, written out and shortened.
MONTHS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
})


_DECIMAL = re.compile(r"^\d+\.\d+$")
# Verbs a "by" amount follows ("grew by 2.5", "cut it by 0.5"): there the number measures.
_CHANGE_VERBS = frozenset({"grow", "rise", "fall", "drop", "cut", "reduce", "increase", "decrease", "improve",
                           "shrink", "climb", "jump", "lower", "raise", "beat", "miss", "exceed", "slip"})
_WHEN_PREPOSITIONS = frozenset({"by", "since", "until", "till", "before", "after", "in", "through", "with"})


def _release_name(token: "Token") -> bool:
    """'4.18 and 4.19 went out', 'by 5.0 I was off the rota', 'from 6.12 onward': a bare
    decimal that acts as a thing or a point in time names a release. An amount has a unit
    or a noun beside it, or follows a verb of change ("fell from 4.2 to 1.1", "grew by 2.5")."""
    if not _DECIMAL.match(token.text) or any(c.dep_ in ("compound", "amod", "det") for c in token.children):
        return False
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if following is not None and following.lower_ in ("onward", "onwards"):
        return True  # "from 6.12 onward": a point in a series of releases
    if following is not None and (following.pos_ in ("NOUN", "PROPN") or following.text in QUANTITY_SIGNS):
        return False
    role = token
    while role.dep_ == "conj" and role.head is not role:
        role = role.head
    if role.dep_ in ("nsubj", "nsubjpass"):
        return True
    preposition = role.head if role.dep_ == "pobj" else None
    return (preposition is not None and preposition.lower_ in _WHEN_PREPOSITIONS
            and preposition.head.lemma_.lower() not in _CHANGE_VERBS)


# "the two teams", "our three leads": a number word after these points back at things
# already named; it counts nothing new.
_POINTING_BACK = frozenset({"the", "these", "those", "our", "their", "both"})


def _number_word_counts(token: "Token") -> bool:
    preceding_word = token.nbor(-1).lower_ if token.i > 0 else ""
    named = token.nbor(-2).lower_ if preceding_word == "-" and token.i > 1 else preceding_word
    if named in NAMING_WORDS:
        return False  # "week three", "the week-three board", "phase two": an item named, not a count
    if (preceding_word in _POINTING_BACK and token.dep_ == "nummod"
            and token.head.lemma_.lower() not in _TIME_UNITS):
        return False
    if token.lower_ != "one":
        return True
    following = token.nbor(1).lower_ if token.i + 1 < len(token.doc) else ""
    preceding = token.nbor(-1).lower_ if token.i > 0 else ""
    if following in _ONE_NOT_COUNT_NEXT or preceding in ("no", "the", "every", "any", "each", "this", "that"):
        return False
    head = token.head.lemma_.lower()
    return token.dep_ == "nummod" and (head not in _ONE_INDEFINITE_HEADS or following == "more")
