"""Pure-Python lexical matching: tokens, a light stemmer, stop words, phrase lookup.

`starbank suggest` must answer in well under a second, so it cannot load spaCy.
Questions are short and the vocabulary of behavioral interviews is small, so a
tokeniser, a suffix-stripping stemmer and cue phrases go a long way. The
stemmer only has to be consistent (the same stem for "mentored", "mentoring"
and "mentors"), not linguistically right: both sides of every comparison go
through it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")

# Contractions are expanded so "didn't" matches the cue "did not".
_CONTRACTIONS = {
    "n't": ("not",),
    "'ve": ("have",),
    "'re": ("are",),
    "'m": ("am",),
    "'ll": ("will",),
    "'d": ("would",),
}
_IRREGULAR_NEGATIONS = {"can't": ("can", "not"), "won't": ("will", "not"), "shan't": ("shall", "not")}
# "'s" is "is" after these words and a possessive elsewhere ("someone's" -> "someone").
_IS_BEFORE_S = {"it", "that", "what", "there", "here", "who", "where", "how", "he", "she", "let"}

# Past forms that no suffix rule can undo.
_IRREGULAR = {
    "broke": "break", "broken": "break", "took": "take", "taken": "take", "made": "make",
    "went": "go", "gone": "go", "led": "lead", "built": "build", "grew": "grow", "grown": "grow",
    "taught": "teach", "thought": "think", "chose": "choose", "chosen": "choose",
    "wrote": "write", "written": "write", "ran": "run", "brought": "bring", "told": "tell",
    "said": "say", "caught": "catch", "fought": "fight", "fell": "fall", "fallen": "fall",
    "gave": "give", "given": "give", "got": "get", "gotten": "get", "knew": "know",
    "known": "know", "saw": "see", "seen": "see", "spent": "spend", "sent": "send",
    "kept": "keep", "left": "leave", "lost": "lose", "met": "meet", "paid": "pay", "sat": "sit",
    "stood": "stand", "understood": "understand", "held": "hold", "felt": "feel",
    "found": "find", "began": "begin", "begun": "begin", "did": "do", "done": "do",
    "does": "do", "was": "be", "were": "be", "been": "be", "is": "be", "are": "be", "am": "be",
    "had": "have", "has": "have", "won": "win", "worse": "bad", "worst": "bad",
    "better": "good", "best": "good", "people": "person", "children": "child",
    "shot": "shoot", "stuck": "stick", "hit": "hit", "put": "put", "cut": "cut", "set": "set",
    "shut": "shut", "bit": "bite", "bitten": "bite", "drove": "drive", "driven": "drive",
    "rose": "rise", "risen": "rise", "hid": "hide", "hidden": "hide", "wore": "wear",
    "spoke": "speak", "spoken": "speak", "sold": "sell", "bought": "buy", "heard": "hear",
    "meant": "mean", "dealt": "deal", "slept": "sleep", "woke": "wake", "forgot": "forget",
    "forgotten": "forget", "overlooked": "overlook", "misled": "mislead", "undid": "undo",
    "data": "data", "criteria": "criterion",
    # "production" is not "product": production incidents are not product work.
    "production": "production", "productions": "production",
    # "differently" marks hindsight ("what would you do differently"); "different" does not.
    "differently": "differently",
    # Too short for the suffix rules: "used" would stay apart from "use".
    "used": "use", "using": "use", "uses": "use",
    "going": "go", "goes": "go", "doing": "do", "being": "be",
}
# Words the suffix rules would damage.
_KEEP = {
    "news", "bus", "status", "analysis", "basis", "crisis", "process", "access", "success",
    "business", "less", "across", "always", "perhaps", "this", "has", "was", "does", "yes",
    "sometimes", "series", "species", "thing", "something", "nothing", "anything",
    "everything", "during", "morning", "evening", "bring", "string", "spring", "ceiling",
    "king", "ring", "sing", "wing", "red", "bed", "need", "feed", "speed", "seed", "feedback",
    "only", "early", "family", "apply", "reply", "supply", "rely", "july", "italy", "bully",
    "ally", "belly", "fly", "holy", "ugly", "likely", "daily", "weekly", "monthly", "yearly",
    "us", "plus", "bonus", "focus", "campus", "consensus", "virus", "chaos", "ios", "kubernetes",
    # "quite" is no resignation ("quit").
    "quite",
}
_VOWEL = re.compile(r"[aeiouy]")
_DOUBLE_END = re.compile(r"([bdfgmnprt])\1$")

# Derivational endings, longest first: (ending, replacement, shortest stem left).
_DERIVATIONAL = (
    ("mentation", "ment", 4),
    ("ization", "ize", 3),
    ("isation", "ize", 3),
    ("ational", "ate", 3),
    ("ibility", "", 3),
    ("ability", "", 3),
    ("iveness", "ive", 3),
    ("fulness", "ful", 3),
    ("ousness", "ous", 3),
    ("ation", "ate", 3),
    ("tion", "t", 4),
    ("ity", "", 6),
    ("ous", "", 5),
    ("ness", "", 4),
    ("ment", "", 5),
    ("able", "", 4),
    ("ible", "", 4),
    ("ful", "", 4),
    ("ism", "", 5),
    ("ist", "", 5),
)

STOPWORDS = frozenset(
    """
    a an the and or but if then than so as of at by for with about against between into through
    to from in on off over under again further once here there when where why how all any both
    each few more most other some such no nor not only own same too very can will just should
    would could might must may shall i me my myself we our ours ourselves you your yours yourself
    yourselves he him his himself she her hers herself it its itself they them their theirs
    themselves what which who whom this that these those be have do am is are was were been
    being has had having does did doing tell give walk describe share talk example time times
    something someone somebody anything anyone ever one ones thing things like also really
    let us please kind sort way lot lots get got getting go going went make made out up down
    """.split()
)


# Words that may sit between a subject and its verb: "you had to push back", "you've broken".
AUXILIARIES = frozenset(
    {"have", "had", "has", "to", "ever", "be", "were", "was", "is", "are", "am", "do", "did",
     "would", "could", "just", "personally", "already", "actually"}
)


# Everyday workplace words: as a lone cue they are weaker evidence than a specific one
# ("managed", "request" and "decision" turn up in questions about anything).
COMMON_WORDS = frozenset(
    """
    manage managed request change decision data system team work problem issue product process
    project plan build ship release help lead improve support business design code feature
    service tool goal result impact performance quality deliver break broke wrong fail failed
    failure idea question approach option choice people person time growth grow
    grew learn new first late behind fix report leadership leader experience skill skills
    manager boss
    """.split()
)


def words(text: str) -> list[str]:
    """Lower-cased word tokens, contractions expanded ("didn't" -> "did", "not")."""
    text = text.lower().replace("’", "'").replace("‘", "'")
    tokens: list[str] = []
    for raw in _TOKEN.findall(text):
        if raw in _IRREGULAR_NEGATIONS:
            tokens.extend(_IRREGULAR_NEGATIONS[raw])
            continue
        head, apostrophe, tail = raw.partition("'")
        if not apostrophe:
            tokens.append(raw)
            continue
        suffix = "'" + tail
        if raw.endswith("n't"):
            tokens.extend((raw[:-3], "not"))
        elif suffix in _CONTRACTIONS:
            tokens.append(head)
            tokens.extend(_CONTRACTIONS[suffix])
        elif suffix == "'s":
            tokens.append(head)
            if head in _IS_BEFORE_S:
                tokens.append("is")
        else:
            tokens.append(head)
    return [t for t in tokens if t]


@functools.lru_cache(maxsize=16384)
def stem(word: str) -> str:
    """A light, consistent stem: "mentoring", "mentored", "mentors" -> "mentor"."""
    word = word.lower()
    if word in _IRREGULAR:
        # The base form goes through the same final-"e" rule: "took" and "take" share "tak".
        return _drop_final_e(_IRREGULAR[word])
    if word in _KEEP or len(word) <= 3 or not word.isalpha():
        return word
    word = _strip_inflection(word)
    for ending, replacement, shortest in _DERIVATIONAL:
        if word.endswith(ending) and len(word) - len(ending) >= shortest:
            word = word[: -len(ending)] + replacement
            break
    return _drop_final_e(word)


def _drop_final_e(word: str) -> str:
    """A final "e" comes and goes with suffixes ("scale", "scaling"): drop it everywhere."""
    if len(word) > 3 and word.endswith("e") and not word.endswith("ee"):
        return word[:-1]
    return word


def _strip_inflection(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("sses"):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        word = word[:-1]
    if word.endswith("eed") and not word.endswith("ceed"):
        return word[:-1]  # "disagreed" -> "disagree", not "disagr"
    for ending in ("ing", "ed"):
        if word.endswith(ending):
            base = word[: -len(ending)]
            if len(base) >= 3 and _VOWEL.search(base):
                if base.endswith("i") and ending == "ed":
                    base = base[:-1] + "y"  # "worried" -> "worry"
                word = _DOUBLE_END.sub(r"\1", base)
            break
    if word.endswith("ly") and len(word) > 6:
        word = word[:-2]
    return word


def stems(text: str) -> list[str]:
    """The stem of every word of `text`, stop words included (phrases need them)."""
    return [stem(w) for w in words(text)]


STOP_STEMS = frozenset(stem(w) for w in STOPWORDS)


def content_stems(text: str) -> list[str]:
    """Stems of the words of `text` that carry meaning (stop words dropped)."""
    return [s for w in words(text) if w not in STOPWORDS and (s := stem(w)) not in STOP_STEMS]


def is_content(word_stem: str) -> bool:
    return word_stem not in STOP_STEMS


def find_phrase(tokens: Sequence[str], phrase: Sequence[str]) -> list[int]:
    """Start positions where `phrase` occurs as a contiguous run of `tokens`."""
    n = len(phrase)
    if not n or n > len(tokens):
        return []
    first = phrase[0]
    return [
        i
        for i in range(len(tokens) - n + 1)
        if tokens[i] == first and tuple(tokens[i : i + n]) == tuple(phrase)
    ]


def ngrams(tokens: Sequence[str], n: int) -> Iterable[tuple[str, ...]]:
    return (tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
