"""What kind of answer a question asks for, before any archetype is considered.

Two signals, both plain patterns over the lower-cased question:

- a *story frame* ("tell me about a time", "describe a situation", "have you
  ever", "what's the worst ... you've ..."): the interviewer wants a story, so a
  faint archetype match is still worth offering;
- an *out-of-bank topic*: questions about the candidate rather than an episode
  (motivation, strengths, weaknesses, pay, goals), logistics, preferences, and
  knowledge or hypothetical design questions ("How does a hash map work?",
  "How would you scale a URL shortener?") that borrow archetype words but ask
  for knowledge, not a story. Each topic names an entry of `unmatched` in
  `archetypes.yaml`, which holds the advice.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field

from star_bank.data.loader import load_yaml_model
from star_bank.data.paths import data_path
from star_bank.retrieve.text_match import words

INTENTS_FILE = "question_intents.yaml"


@dataclass(frozen=True)
class TopicPattern:
    topic: str  # an `unmatched` topic of archetypes.yaml
    pattern: re.Pattern[str]
    # True when the topic wins even inside a story frame ("tell me about your weakness").
    beats_story_frame: bool = False
    # True when, asked as a story, the question wants one of the candidate's stories.
    wants_story: bool = False


class IntentEntry(BaseModel):
    """One intent of `question_intents.yaml`."""

    model_config = ConfigDict(extra="forbid")
    topic: str
    beats_story_frame: bool = False
    wants_story: bool = False
    story_words: list[str] = Field(default_factory=list)
    patterns: list[str] = Field(min_length=1)


class IntentFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    version: int = 1
    intents: list[IntentEntry]


class IntentDataError(ValueError):
    """`question_intents.yaml` cannot be read or a pattern does not compile (one line)."""


@dataclass(frozen=True)
class QuestionIntent:
    story_frame: str | None  # the words that ask for a story, if any
    topic: str | None  # the out-of-bank topic, if one matched
    topic_evidence: str | None  # the words that matched it
    wants_story: bool = False  # the topic, asked as a story, still wants one of your stories


def _p(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


# Practices an archetype story shows: asked about as experience, they want the story.
_PRACTICE = (
    r"(manag\w*|lead\w*|team|teams|crisis|crises|incidents?|outages?|people|stakeholders?|"
    r"customers?|clients?|users?|mentor\w*|coach\w*|conflicts?|cross[- ]functional|product|sales|"
    r"scal\w*|production|on[- ]call|debugg\w*|delegat\w*|hand\w* (off|over)|handovers?|handoffs?|"
    r"ownership|succession|knowledge (transfer|sharing)|migrations?|launch\w*|rollouts?|ambigu\w*|"
    r"disagree\w*|pushback|push back|negotiat\w*)"
)

_STORY_FRAMES = [
    _p(r"\btell (me|us) about (a|an|the|one|some|your|someone|somebody|something|how|when|what)\b"),
    _p(r"\b(describe|share|recall|recount) (a|an|the|one|some|your|how|when|what)\b"),
    # "Describe working with ...", "describe taking an idea to production": an episode by its act.
    _p(r"\b(describe|recall|recount) (?!(yourself|your)\b)\w+ing\b"),
    # "Tell me a goal you missed", "tell me of a time": the frame without "about".
    _p(r"\btell (me|us) (of |about )?(a|an|one|the) (\w+ )?(time|situation|moment|occasion|example|goal|project|decision|mistake|story)\b"),
    _p(r"\btell (me|us) (how|when) you\b"),
    _p(r"\bgive (me |us )?(a|an|one|some) (\w+ )?(example|instance|story|time|situation)"),
    _p(r"\b(walk|talk|take) (me|us) through (a|an|the|one|how|what|when|your)\b"),
    _p(r"\bhave you ever\b"),
    # "What is your experience with crisis management?": the practice is told through stories.
    _p(r"\b(your|you have|you had|do you have) (\w+ ){0,2}experiences? (with|in|of|handling|managing|leading|dealing)\b"
       r"(?=.*\b" + _PRACTICE + r"\b)"),
    _p(r"\bwhat (\w+ )?experience (do|did) you have\b(?=.*\b" + _PRACTICE + r"\b)"),
    _p(r"\bwhen (was|is) the last time\b"),
    _p(r"\bwhen have you\b"),
    _p(r"\b(a|one) (time|situation|moment|occasion) (when |where |that )?(you|your)\b"),
    _p(r"\bhow did you\b"),
    _p(r"\bwhat did you (do|learn|change)\b"),
    _p(r"\bif you could (redo|go back|do over|start over|change)\b"),
    # "What's the most expensive mistake you've made?" / "What's a lesson you learned ...?"
    _p(r"^(what|which) (is|was) (the|a|an|one|something|some) (\w+ ){0,5}(you|your) "
       r"(have |had |would |ever )*(\w+ed|made|built|led|took|saw|seen|done|did|learn\w*|fix\w*|ship\w*|own\w*|handle\w*)\b"),
]

# Asking how the candidate behaves in a situation ("What do you do when you think your boss is
# wrong?") is answered with a story too, but it does not override an out-of-bank topic
# ("What do you do when you're stressed?").
_SOFT_STORY_FRAMES = [
    _p(r"^what do you do (right )?(when|if|after|once) (you|your|someone|somebody|one of)\b"),
]

# A hypothetical "how would you ..." is a design or knowledge question unless it is about people.
_PEOPLE_WORDS = (
    r"(yourself|your team|team|people|person|engineers?|junior|juniors|teammates?|colleagues?|coworkers?|"
    r"stakeholders?|relationships?|manager|boss|reports?|hire|hires|intern|mentee|conflict|disagreement|"
    r"feedback|product manager|pm|sales|leadership|someone|somebody|others)"
)
_HYPOTHETICAL_DESIGN = r"^how (would|should|could|will|might) (you|one|we) (?!.*\b" + _PEOPLE_WORDS + r"\b)"

# A question that names a technology and asks no story is about knowledge.
_NAMED_TECHNOLOGY = (
    r"^(how|what|which|why|when|is|are|do|does|can) (?!.*\b(time|ever|last)\b).*\b(java|python|golang|rust|c|"
    r"javascript|typescript|kubernetes|k8s|docker|sql|nosql|postgres|postgresql|mysql|mongodb|redis|kafka|"
    r"linux|aws|gcp|azure|react|http|https|tcp|udp|dns|rest|graphql|grpc|hash map|hashmap|hash table|"
    r"linked list|binary tree|big o|mutex|semaphore|garbage collection|segfault|jvm|sharding|cap theorem|"
    r"microservices?|monolith)\b"
)

# Words that place a question in the past, about an episode ("What's a decision that didn't
# age well?"), so it is not a knowledge question even without "you" in it.
_NO_EPISODE = r"(?!.*\b(did|was|were|had|went|turned out|ended up|aged?|in hindsight|looking back)\b)"

# "Experience with" a tool is a knowledge question; experience with a practice that an
# archetype story shows ("crisis management", "cross-functional teams") wants the story.
_NOT_A_PRACTICE = r"(?!.*\b" + _PRACTICE + r"\b)"

# How someone defines or recognises a good engineer or team is an opinion, not a story.
_OPINION_OF_GOOD = (
    r"^how (do|would) you define\b|\bwhat makes (a|an|the|someone) (\w+ ){0,2}(good|great|strong|successful)\b|"
    r"\bmost important (quality|qualities|trait|traits|skill|skills)\b"
)

_TOPICS = [
    # About the candidate: these win even inside a story frame.
    TopicPattern(
        "tell me about yourself",
        _p(r"\b(tell|talk) (me |us )?about yourself\b|\bintroduce yourself\b|\bwalk (me |us )?through "
           r"(your|my) (resume|cv|background|career|experience)\b|\b(your|my) (resume|cv)\b"),
        beats_story_frame=True,
    ),
    TopicPattern(
        "greatest weakness",
        _p(r"\bweakness|\bweak (spot|point)s?\b|\bareas? (of|for) (improvement|development|growth)\b|"
           r"\bwhere do you (still )?(have|see) gaps\b|\byou need to (improve|work on)\b"),
        beats_story_frame=True,
    ),
    TopicPattern(
        "strengths",
        _p(r"\b(your|my) (\w+ ){0,2}strengths?\b|\bstrengths? (and|or) weakness|^(what|which) (is|are) (\w+ ){0,2}strengths?\b|\bwhy should (we|i) hire you\b|\bwhat makes you (a |the )?(good|great|right|"
           r"unique|different|stand out|qualified)|\bwhat (are|is) you (best|good|great) at\b|"
           r"\bwhat would (\w+ ){1,3}say you (are|is) (best|good|great) at\b"),
        beats_story_frame=True,
    ),
    TopicPattern(
        "salary expectations",
        _p(r"\bsalary|\bcompensation|\b(what|which) (pay|rate|package)\b|\bpay (are|do) you\b|\bexpect(ed)? to (be paid|earn|make)\b|\bpay (range|expectation|band)|\bequity\b|\bhow much do you "
           r"(want|expect|earn|make)\b|\bcurrent (pay|package|comp)\b"),
        beats_story_frame=True,
    ),
    TopicPattern(
        "motivation / why this company",
        _p(r"\bwhy (do|would) you want\b|\bwhy (are|did|do) you (want|leav|look|apply|interest|consider)|"
           r"\bwhy (this|our) (company|team|role|job|position|industry)\b|\bwhy (us|here)\b|"
           r"\bwhat (draws|attracts|excites|interests|brings) you\b|\bwhat motivates you\b|"
           r"\bwhat (drives|energi[sz]es) you\b|\bwhat are you looking for\b|"
           r"\bwhat do you know about (us|our|the company|this company)\b|\bwhich of our\b|"
           r"\bexpectations (for|of|from) (this|the) (role|job|position|team)\b|"
           r"\bmake you (leave|quit|stay)\b|\b(leave|quit) (a|your) (job|company|team)\b|"
           r"\bwhat would you change about your (current|last|previous) (team|company|job|role|employer)\b|"
           r"\b(have|did) you (use|used|tried|try) (any of )?our\b|\bour (product|products|mission|company)\b|"
           r"\b(accept|turn down|decline|take) (an |the |our |this )?(job )?offer\b"),
        beats_story_frame=True,
    ),
    TopicPattern(
        "career goals",
        _p(r"\b(five|5|ten|10|three|3) years( from now)?\b(?!.*\byou (built|led|made|shipped))|"
           r"\bcareer (goal|goals|plan|plans|aspiration)|\blong[- ]term (goal|goals|plan|plans)|"
           r"\bwhere do you see yourself\b|\bwhat do you want to (learn|do|become) next\b|"
           r"\bnext (step|steps) in your career\b|\bwhere do you want (your career|to be)\b|"
           r"\bcareer (to go|direction)\b|\bwho (is|are) your (role models?|heroes|hero|inspiration)\b"),
        beats_story_frame=True,
    ),
    TopicPattern(
        "questions for us",
        _p(r"\bquestions? (do you have )?for (us|me|the team)\b|\bdo you have (any )?questions\b|"
           r"\bwhat questions do you have\b|\bwhat would you like to know\b|\banything you want to ask\b"),
        beats_story_frame=True,
    ),
    # Logistics, preferences and opinions: a story frame can override them.
    TopicPattern(
        "strengths",
        _p(r"\bwhat are you (most )?proud of\b|\bproudest (moment|accomplishment|achievement)\b|\b(greatest|biggest|proudest) "
           r"(accomplishment|achievement)s?\b|\bwhat would (\w+ ){1,3}say about you\b"),
    ),
    TopicPattern(
        "logistics",
        _p(r"\bnotice period\b|\bstart date\b|\bwhen (can|could) you start\b|\breloca|\bvisa\b|"
           r"\bsponsorship\b|\bcommute\b|\binterviewing (anywhere|elsewhere|with)\b|"
           r"\bother (offers|interviews|companies)\b|\b(in the office|on[- ]site) (\w+ )?days?\b|"
           r"^(are|would|will|could|can|is) you (be )?(open|willing|comfortable|able|available|ok|okay|"
           r"fine|happy|interested|currently|legally|allowed)\b|"
           r"\bdo you (mind|need) (\w+ ){0,3}(travel|travell?ing|relocat\w*|on call|weekends?)\b|"
           r"\bhow many hours\b|\bhours (a|per) week\b|\bworking hours\b|\bovertime\b|"
           r"\bwork(ing)? (\w+ ){0,2}weekends?\b|\bavailab(le|ility) (for|to) (a |an |the )?(\w+ )?"
           r"(interview|call|chat|meeting|conversation)\b|\b(follow[- ]up|next|final|onsite) (interview|round)s?\b"),
    ),
    TopicPattern(
        "work style / preferences",
        _p(r"\bhow do you (like|prefer) to\b|\bwhat kind of (manager|team|environment|culture|company|"
           r"work|role|leader)\b|\b(work|do) (your )?best work\b|\bwork best\b|\bdo you prefer\b|"
           r"\bprefer (working|to work)\b|\bideal (manager|team|job|role|environment|day)\b|"
           r"\bdescribe your (work|working|management|leadership|communication) style\b|"
           r"\bwhat is your (work|working|management|leadership|communication) style\b|"
           r"\bhow do you (prioriti[sz]e|organi[sz]e|plan|manage|structure) your (own )?(work|time|day|week|tasks)\b|"
           r"\bhow do you (handle|deal with|cope with|manage) (stress|pressure)\b|"
           r"\b(a |your )?typical (work ?)?(day|week)\b|"
           r"\b(when|if) you (are |feel |get )?(stressed|overwhelmed|burn(ed|t)? out)\b"),
    ),
    TopicPattern(
        "hobbies / outside interests",
        _p(r"\boutside (of )?work\b|\bhobb(y|ies)\b|\bspare time\b|\bfree time\b|\bfor fun\b|"
           r"\bstay (current|up to date|on top)|\bkeep (up|current) with\b|\bkeep (your )?skills\b|"
           r"\blearning lately\b|^how do you (learn|pick up|get up to speed (on|with)) (a )?new "
           r"(technology|language|framework|tool|skill|codebase)\b|\bbooks? (are you|have you been) reading\b|\bfavou?rite book\b"),
    ),
    TopicPattern(
        "opinions and technical knowledge",
        _p(r"\bfavou?rite (programming |coding )?(language|tool|framework|editor|technology|stack|library|"
           r"design pattern|pattern|database|ide)\b|"
           r"\bwhat is your (\w+ ){0,2}(philosophy|opinion|take|view|stance|stack)\b|"
           r"\bwhat do you think (about|of)\b|"
           r"\bdifference between\b|\bcompare and contrast\b|"
           r"\bhow (does|do|would) (?!you\b)(a|an|the)? ?(\w+ ){1,3}work\b|"
           r"^(can you |could you )?explain\b(?!.*\b(you|your)\b)|"
           r"\bexplain (the |a )?(concept|idea|difference|meaning) of\b|"
           r"\b(trade ?offs?|pros and cons|advantages|disadvantages) (between|of)\b(?!.*\b(you|your)\b)|"
           r"\bwhat (tools|technologies|languages|frameworks|libraries) do you (use|like|prefer)\b|"
           r"^(what|which) (is|are) (a|an|the) (?!.*\b(you|your|yours|yourself)\b)" + _NO_EPISODE + "|"
           r"^what (is|are) (?!.*\b(you|your|yours|yourself|i|my)\b)" + _NO_EPISODE + "|"
           r"\b(what is|what are) your (experience|familiarity) with\b" + _NOT_A_PRACTICE + "|"
           r"\bhow (familiar|comfortable|experienced) are you with\b" + _NOT_A_PRACTICE + "|"
           r"\bhow much experience\b" + _NOT_A_PRACTICE + "|\bhave you (used|worked with)\b(?!.*\b(time|when)\b)|"
           r"\bdo you have (any |much )?(experience|familiarity) (with|in)\b" + _NOT_A_PRACTICE + "|" + _OPINION_OF_GOOD + "|"
           + _HYPOTHETICAL_DESIGN + "|" + _NAMED_TECHNOLOGY),
    ),
]


@functools.lru_cache(maxsize=1)
def _intent_file() -> IntentFile:
    return load_yaml_model(data_path(INTENTS_FILE), IntentFile, IntentDataError)


def topic_story_words(topic: str | None) -> list[str]:
    """The words that mark a story as telling `topic` (empty for most topics)."""
    entry = next((e for e in _intent_file().intents if e.topic == topic), None)
    return list(entry.story_words) if entry is not None else []


@functools.lru_cache(maxsize=1)
def _data_topics() -> tuple[TopicPattern, ...]:
    """The intents of `question_intents.yaml`, one TopicPattern per pattern."""
    path = data_path(INTENTS_FILE)
    topics = []
    for entry in _intent_file().intents:
        for pattern in entry.patterns:
            try:
                compiled = re.compile(pattern)
            except re.error as exc:
                raise IntentDataError(f"{path}: {entry.topic}: bad pattern {pattern!r}: {exc}") from None
            topics.append(TopicPattern(entry.topic, compiled, entry.beats_story_frame, entry.wants_story))
    return tuple(topics)


def _all_topics() -> list[TopicPattern]:
    """About the candidate first, then the data's intents, then the ones a story frame overrides."""
    first = [t for t in _TOPICS if t.beats_story_frame]
    rest = [t for t in _TOPICS if not t.beats_story_frame]
    return first + list(_data_topics()) + rest


def story_frame(question: str) -> str | None:
    """The words of `question` that ask for a story ("tell me a goal you ..."), if any."""
    text = " ".join(words(question))
    return next((m.group(0) for p in _STORY_FRAMES if (m := p.search(text))), None)


def question_intent(question: str) -> QuestionIntent:
    """The story frame and the out-of-bank topic of `question`, each None when absent."""
    text = " ".join(words(question))
    frame = story_frame(question)
    soft = next((m.group(0) for p in _SOFT_STORY_FRAMES if (m := p.search(text))), None)
    for topic in _all_topics():
        match = topic.pattern.search(text)
        if match and (frame is None or topic.beats_story_frame):
            return QuestionIntent(frame or soft, topic.topic, match.group(0).strip(), topic.wants_story)
    return QuestionIntent(frame or soft, None, None)


def intent_topics() -> list[str]:
    """Every topic the patterns can name (each must exist under `unmatched`)."""
    return list(dict.fromkeys(t.topic for t in _all_topics()))
