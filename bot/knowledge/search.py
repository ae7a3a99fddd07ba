"""Find the knowledge entries that best answer a question, from its topics and its words."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.knowledge.model import Knowledge
from bot.knowledge.schema import Entry, Situation

# Words that tell us which situation a question is about (never asked, only noticed).
SITUATION_WORDS: dict[Situation, tuple[str, ...]] = {
    Situation.expecting: ("pregnant", "expecting", "due date", "baby due", "bump", "midwife", "scan"),
    Situation.father: ("dad", "father", "daddy", "girlfriend", "partner is pregnant", "baby mum"),
    Situation.child_removed: ("removed", "taken away", "took my", "taken into care", "got taken",
                              "adopted", "adoption", "in care now"),
    Situation.care_proceedings: ("court", "proceedings", "cafcass", "guardian"),
    Situation.child_has_social_worker: ("social worker", "child protection", "assessment"),
    Situation.living_apart: ("living apart", "lives with", "see my", "contact", "letterbox"),
    Situation.thinking_about_parenthood: ("thinking about", "trying for", "want a baby", "ready to"),
}
STOPWORDS = frozenset(
    "what when where which with your youre have this that they them there their about from will "
    "would could should does just like into been being more some help need want know get can".split()
)
# An entry's own words (how parents ask about it in particular) tell entries of the same topic apart: each
# phrase found counts as much as a topic noticed in the words, up to two phrases (3 in all, against 4-5 for
# the topic asked about), so they settle ties and close calls, and rarely bring in an entry of another topic.
ENTRY_WORD = 1.5
ENTRY_WORDS_COUNTED = 2


@dataclass(frozen=True)
class Question:
    text: str = ""
    topics: tuple[str, ...] = ()  # strongest first: the intent's topic, then entity topics
    runner_up: str | None = None  # a topic the NLU found nearly as likely: its best entry is shown too


@dataclass(frozen=True)
class Match:
    entry: Entry
    score: float


def normalise(text: str) -> str:
    """Lower case, punctuation to spaces, padded so phrases match on word boundaries."""
    return " " + " ".join(re.sub(r"[^a-z0-9&']+", " ", text.lower()).split()) + " "


def topics_in_text(knowledge: Knowledge, text: str) -> list[str]:
    padded = normalise(text)
    return [t.id for t in knowledge.topics if any(f" {w} " in padded for w in t.words)]


def situations_in_text(text: str) -> set[Situation]:
    padded = normalise(text)
    return {s for s, words in SITUATION_WORDS.items() if any(f" {w}" in padded for w in words)}


def _content_words(text: str) -> set[str]:
    return {w for w in normalise(text).split() if len(w) > 3 and w not in STOPWORDS}


def search(knowledge: Knowledge, question: Question, limit: int = 3) -> list[Match]:
    """The best entries, best first; empty when nothing in the knowledge base fits."""
    asked = list(dict.fromkeys(question.topics))
    noticed = [t for t in topics_in_text(knowledge, question.text) if t not in asked]
    situations = situations_in_text(question.text)
    words = _content_words(question.text)
    padded = normalise(question.text)
    order = {d.id: i for i, d in enumerate(knowledge.documents)}
    scored = []
    for position, entry in enumerate(knowledge.entries):
        score = 0.0
        for rank, topic in enumerate(asked):
            if topic in entry.topics:
                score += (4.0 if rank == 0 else 2.0) + (1.0 if entry.topics[0] == topic else 0.0)
        score += sum(1.5 for t in noticed if t in entry.topics)
        score += len(situations & set(entry.applies_when))
        overlap = words & _content_words(f"{entry.title} {entry.summary}")
        score += min(len(overlap), 4) * 0.5
        asked_as = sum(f" {w} " in padded for w in entry.words)
        score += min(asked_as, ENTRY_WORDS_COUNTED) * ENTRY_WORD
        if score >= 1.5:
            scored.append((-score, order.get(entry.source.document, 99), position, entry))
    scored.sort(key=lambda item: item[:3])
    return [Match(entry, -neg) for neg, _, _, entry in scored[:limit]]
