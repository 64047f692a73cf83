"""The archetypes as weighted evidence for lexical matching.

Three kinds of evidence come out of `archetypes.yaml`:

- cue phrases (`cues`), matched on stems so "mentored" hits the cue "mentor";
  a cue that belongs to one archetype weighs more than one shared by three
  (an IDF across the ten archetypes), and a phrase weighs more than a word;
- the archetype's own words (name, probes, story shape, template, tie-in), a
  weak signal that helps with wordings no cue anticipated;
- the labelled questions (the retrieval table and the named questions), which
  act as extra examples of how an interviewer asks for each archetype.

Both the story classifier and `suggest` read text through the same index, so a
cue added to `archetypes.yaml` helps both.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from star_bank.retrieve.archetypes import ArchetypeBook
from star_bank.retrieve.text_match import AUXILIARIES, COMMON_WORDS, content_stems, is_content, stem, stems

# How much one matched word of the archetype's own description counts, next to a cue.
DESCRIPTION_WEIGHT = 0.3
# How much one shared word with a labelled question counts.
EXAMPLE_WEIGHT = 0.45
# Covering every word of a labelled question is strong evidence on its own.
FULL_EXAMPLE_BONUS = 0.8
# ... and each function word of a phrase adds this much.
STOP_WORD_BONUS = 0.15
# A lone cue that is an everyday word ("request", "decision") counts this much of a specific one.
COMMON_CUE_FACTOR = 0.6
# A phrase of n content words weighs this much more per extra word than a single word.
PHRASE_BONUS = 0.6


# Words every kind of story uses: they say nothing about which archetype it is.
GENERIC_WORDS = frozenset(
    stem(w)
    for w in """
    work company team person people engineer engineering project job role thing way problem
    day year week month help use need want try new good bad big small first last other
    someone something change build built made make take took bring give say see know think
    """.split()
)


@dataclass(frozen=True)
class Cue:
    """One cue phrase, stemmed, with the archetypes that list it."""

    text: str
    tokens: tuple[str, ...]  # stems of every word, stop words included
    core: tuple[str, ...]  # stems of the content words only
    archetypes: frozenset[int]
    weight: float
    common: bool = False  # a lone everyday word ("request", "decision")


@dataclass(frozen=True)
class CueHit:
    """A cue found in a text: which cue and which token positions it covers."""

    cue: Cue
    start: int
    end: int


@dataclass(frozen=True)
class LabelledQuestion:
    question: str
    archetypes: tuple[int, ...]
    core: frozenset[str]
    advice: str | None = None


@dataclass
class ArchetypeIndex:
    """Cues, description words and labelled questions of every archetype."""

    book: ArchetypeBook
    cues: list[Cue]
    description: dict[int, frozenset[str]]
    idf: dict[str, float]
    examples: list[LabelledQuestion]
    _by_first_token: dict[str, list[Cue]] = field(default_factory=dict)
    _by_core_token: dict[str, list[Cue]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        by_first: dict[str, list[Cue]] = defaultdict(list)
        by_core: dict[str, list[Cue]] = defaultdict(list)
        for cue in self.cues:
            by_first[cue.tokens[0]].append(cue)
            # A cue anchored on who acted ("you became the bottleneck") only matches as written.
            if len(cue.core) >= 2 and not _PRONOUNS & set(cue.tokens):
                for token in set(cue.core):
                    by_core[token].append(cue)
        self._by_core_token = dict(by_core)
        # Longest first, so a phrase claims its words before a single-word cue does.
        self._by_first_token = {
            k: sorted(v, key=lambda c: (-len(c.tokens), c.text)) for k, v in by_first.items()
        }

    def weight_of(self, word_stem: str) -> float:
        """Specificity of a word across the archetypes (0 for a word none of them uses)."""
        return self.idf.get(word_stem, 0.0)

    def find_cues(self, tokens: Sequence[str]) -> list[CueHit]:
        """Every cue in `tokens` (stems), longest matches first, none overlapping another.

        A multi-word cue also matches with stop words dropped or inserted and in
        another order, within a short window ("missed the deadline" hits "missed
        a deadline", "transferred knowledge" hits "knowledge transfer"). A cue
        anchored on who acted matches as written, give or take auxiliaries after
        the subject ("you broke" hits "you've broken").
        """
        content_positions = [i for i, t in enumerate(tokens) if is_content(t)]
        content = [tokens[i] for i in content_positions]
        candidates: list[CueHit] = []
        seen: set[tuple[str, int]] = set()
        for position, token in enumerate(tokens):
            for cue in self._by_first_token.get(token, ()):
                end = _exact_end(tokens, position, cue.tokens)
                if end is not None:
                    candidates.append(CueHit(cue, position, end))
                    seen.add((cue.text, position))
        for position, token in enumerate(content):
            for cue in self._by_core_token.get(token, ()):
                if not _core_at(content, position, cue.core, reorder=_reorderable(cue)):
                    continue
                window = content[position : position + len(cue.core) + 1]
                last = max(window.index(t) for t in cue.core)
                start = content_positions[position]
                end = content_positions[position + last] + 1
                if (cue.text, start) not in seen and end - start <= len(cue.tokens) + 3:
                    seen.add((cue.text, start))
                    candidates.append(CueHit(cue, start, end))
        candidates.sort(key=lambda h: (-len(h.cue.core), -(h.end - h.start), -h.cue.weight, h.start))
        taken: set[int] = set()
        hits: list[CueHit] = []
        for hit in candidates:
            span = set(range(hit.start, hit.end))
            # A shorter cue inside a longer one is the same evidence: count it once.
            if span & taken and not _adds_archetypes(hit, hits, span):
                continue
            taken |= span
            hits.append(hit)
        hits.sort(key=lambda h: h.start)
        return hits


def _exact_end(tokens: Sequence[str], position: int, cue: tuple[str, ...]) -> int | None:
    """Where `cue` ends when it occurs at `position`, None when it does not."""
    if tuple(tokens[position : position + len(cue)]) == cue:
        return position + len(cue)
    if cue[0] not in _SUBJECTS or len(cue) < 2:
        return None
    after = position + 1
    while after < len(tokens) and tokens[after] in _AUXILIARY_STEMS and tokens[after] != cue[1]:
        after += 1
    if after > position + 1 and tuple(tokens[after : after + len(cue) - 1]) == cue[1:]:
        return after + len(cue) - 1
    return None


def _core_at(content: Sequence[str], position: int, core: tuple[str, ...], reorder: bool = True) -> bool:
    """The cue's content words start at `position`: in order with at most one word
    between ("missed the big deadline"), or (with `reorder`) side by side in another
    order ("requirements unclear")."""
    n = len(core)
    adjacent = content[position : position + n]
    if reorder and len(adjacent) == n and sorted(adjacent) == sorted(core):
        return True
    window = content[position : position + n + 1]
    found = 0
    for token in window:
        if found < n and token == core[found]:
            found += 1
    return found == n and window[0] == core[0]


def _reorderable(cue: Cue) -> bool:
    """A compound reads the same in another order ("knowledge transfer", "brief ... one line");
    an idiom with a function word between its content words does not ("learned the hard way"
    is not "hard to learn")."""
    inner = [i for i, t in enumerate(cue.tokens) if t in cue.core]
    return all(is_content(t) for t in cue.tokens[min(inner) : max(inner) + 1]) if inner else True


def _adds_archetypes(hit: CueHit, hits: list[CueHit], span: set[int]) -> bool:
    """A nested cue still counts for archetypes the enclosing cue does not name."""
    covering = [h for h in hits if span & set(range(h.start, h.end))]
    named = set().union(*(h.cue.archetypes for h in covering)) if covering else set()
    return bool(hit.cue.archetypes - named)


_PRONOUNS = frozenset({"i", "me", "my", "myself", "you", "your", "yourself", "we", "our", "they", "them", "their"})
_SUBJECTS = frozenset({"i", "you", "we"})
_AUXILIARY_STEMS = frozenset(stem(w) for w in AUXILIARIES)

_CACHE: dict[int, tuple[ArchetypeBook, ArchetypeIndex]] = {}


def archetype_index(book: ArchetypeBook) -> ArchetypeIndex:
    """The index of `book`, built once per book object."""
    cached = _CACHE.get(id(book))
    if cached is not None and cached[0] is book:
        return cached[1]
    index = _build(book)
    if len(_CACHE) > 8:
        _CACHE.clear()
    _CACHE[id(book)] = (book, index)
    return index


def _build(book: ArchetypeBook) -> ArchetypeIndex:
    count = len(book.archetypes)
    cue_owners: dict[tuple[str, ...], set[int]] = defaultdict(set)
    cue_text: dict[tuple[str, ...], str] = {}
    for archetype in book.archetypes:
        for text in archetype.cues:
            tokens = tuple(stems(text))
            if not tokens:
                continue
            # "no spec" also reads "without a spec".
            variants = [tokens, ("without", *tokens[1:])] if tokens[0] == "no" and len(tokens) > 1 else [tokens]
            for variant in variants:
                cue_owners[variant].add(archetype.id)
                cue_text.setdefault(variant, text)

    description: dict[int, frozenset[str]] = {}
    for archetype in book.archetypes:
        template = archetype.template
        text = " ".join(
            [archetype.name, archetype.probes, archetype.shape, template.situation,
             template.task, template.action, template.result, archetype.tie_in.text]
        )
        description[archetype.id] = frozenset(content_stems(text)) - GENERIC_WORDS

    examples = [
        LabelledQuestion(row.question, tuple(row.archetypes), frozenset(content_stems(row.question)))
        for row in book.retrieval
    ] + [
        LabelledQuestion(
            row.question, tuple(row.archetypes), frozenset(content_stems(row.question)), row.advice
        )
        for row in book.named_questions
    ]

    # Document frequency of a stem over the archetypes: cues, description and examples.
    owners: dict[str, set[int]] = defaultdict(set)
    for tokens, ids in cue_owners.items():
        for token in tokens:
            if is_content(token):
                owners[token] |= ids
    for archetype_id, words in description.items():
        for word in words:
            owners[word].add(archetype_id)
    for example in examples:
        for word in example.core:
            owners[word].update(example.archetypes)
    idf = {word: _idf(len(ids), count) for word, ids in owners.items()}

    cues = []
    for tokens, ids in cue_owners.items():
        core = tuple(t for t in tokens if is_content(t)) or tokens
        specificity = _idf(len(ids), count)
        # Function words make a phrase more specific too ("did not pay off" vs "pay").
        length = 1.0 + PHRASE_BONUS * (len(core) - 1) + STOP_WORD_BONUS * (len(tokens) - len(core))
        common = len(tokens) == 1 and core[0] in _COMMON_STEMS
        if common:
            length *= COMMON_CUE_FACTOR
        weight = round(specificity * length, 4)
        cues.append(Cue(cue_text[tokens], tokens, core, frozenset(ids), weight, common))
    return ArchetypeIndex(book, cues, description, idf, examples)


_COMMON_STEMS = frozenset(stem(w) for w in COMMON_WORDS)


def _idf(owners: int, count: int) -> float:
    """1.0 for a word of one archetype, falling towards 0 for a word of all of them."""
    return math.log((count + 1) / (owners + 0.5)) / math.log((count + 1) / 1.5)
