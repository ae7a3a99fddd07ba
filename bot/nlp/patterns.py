"""Entity-ruler patterns: councils, UK postcodes, topic words and times, from the knowledge base."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from bot.dialogue_names import ENTITY_COUNCIL, ENTITY_POSTCODE, ENTITY_TIME, ENTITY_TOPIC
from bot.knowledge import Knowledge

# A UK postcode's outward code ("N12", "HR4", "SW1A") and inward code ("8NP").
OUTWARD = r"^(?i:[a-z]{1,2}[0-9][a-z0-9]?)$"
INWARD = r"^(?i:[0-9][a-z]{2})$"
TIME_PHRASES = (
    "tonight", "right now", "now", "at the moment", "middle of the night", "in the night", "overnight",
    "at night", "this evening", "today", "tomorrow", "at the weekend", "this weekend", "weekend",
    "on sunday", "on saturday", "bank holiday", "out of hours",
)
TIME_REGEX = r"^(?i:[0-9]{1,2}(?::[0-9]{2})?(?:am|pm))$"
# spaCy's English tokenizer splits "2am" into "2" + "am" but keeps "10:30pm" whole.
CLOCK_HOUR = r"^[0-9]{1,2}(?::[0-9]{2})?$"

Tokenise = Callable[[str], Iterable[str]]


def phrase(tokenise: Tokenise, text: str) -> list[dict]:
    return [{"LOWER": token.lower()} for token in tokenise(text)]


def build_patterns(knowledge: Knowledge, tokenise: Tokenise) -> list[dict]:
    """Token patterns for spaCy's entity ruler; `tokenise` must be the pipeline's own tokenizer."""
    patterns: list[dict] = []
    for council in knowledge.council_names:
        for form in (council, f"{council} council", f"london borough of {council}", f"{council} borough"):
            patterns.append({"label": ENTITY_COUNCIL, "pattern": phrase(tokenise, form), "id": council})
    patterns.append({"label": ENTITY_POSTCODE, "pattern": [{"TEXT": {"REGEX": OUTWARD}},
                                                           {"TEXT": {"REGEX": INWARD}}]})
    patterns.append({"label": ENTITY_POSTCODE, "pattern": [{"TEXT": {"REGEX": OUTWARD}}]})
    for topic in knowledge.topics:
        for word in topic.words:
            patterns.append({"label": ENTITY_TOPIC, "pattern": phrase(tokenise, word), "id": topic.id})
    for text in TIME_PHRASES:
        patterns.append({"label": ENTITY_TIME, "pattern": phrase(tokenise, text)})
    patterns.append({"label": ENTITY_TIME, "pattern": [{"TEXT": {"REGEX": TIME_REGEX}}]})
    patterns.append({"label": ENTITY_TIME, "pattern": [{"TEXT": {"REGEX": CLOCK_HOUR}},
                                                       {"LOWER": {"IN": ["am", "pm"]}}]})
    return patterns
