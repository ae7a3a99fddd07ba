"""Detect a crisis in a message: spaCy's Matcher over rule patterns, then a small learned second opinion."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

import spacy
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from bot.safety import patterns


class CrisisKind(str, Enum):
    # The order is the priority when one message matches several kinds.
    baby_emergency = "baby_emergency"
    maternal_emergency = "maternal_emergency"
    danger = "danger"
    domestic_abuse = "domestic_abuse"
    harm_to_baby = "harm_to_baby"
    self_harm = "self_harm"


@dataclass(frozen=True)
class Crisis:
    kind: CrisisKind
    matched: str


PATTERNS = {
    CrisisKind.baby_emergency: patterns.BABY_EMERGENCY,
    CrisisKind.maternal_emergency: patterns.MATERNAL_EMERGENCY,
    CrisisKind.danger: patterns.DANGER,
    CrisisKind.domestic_abuse: patterns.DOMESTIC_ABUSE,
    CrisisKind.harm_to_baby: patterns.HARM_TO_BABY,
    CrisisKind.self_harm: patterns.SELF_HARM,
}
# Clues: a kind of crisis when every group of a clue matches somewhere in the message (patterns.*_CLUES).
CLUES = ([(CrisisKind.maternal_emergency, clue) for clue in patterns.MATERNAL_CLUES]
         + [(CrisisKind.self_harm, clue) for clue in patterns.SELF_HARM_CLUES]
         + [(CrisisKind.domestic_abuse, clue) for clue in patterns.DOMESTIC_ABUSE_CLUES])
NOT_CRISIS = "not_crisis"


def compile_pattern(text: str) -> list[dict]:
    tokens: list[dict] = []
    for part in text.split():
        if part == "*":
            tokens.append({"OP": "?"})
            tokens.extend({"OP": "?"} for _ in range(3))
            continue
        optional = part.endswith("?")
        words = part.rstrip("?").split("|")
        token: dict = {"LOWER": {"IN": words}} if len(words) > 1 else {"LOWER": words[0]}
        if optional:
            token["OP"] = "?"
        tokens.append(token)
    return tokens


# A number run into its unit ("34wks", "2yo") is two words, so patterns of weeks and ages match it.
NUMBER_AND_UNIT = re.compile(r"\b(\d+)(wks?|weeks?|yo|yrs?|years?|mths?|mnths?|months?|days?|hrs?|hours?"
                             r"|mins?)\b")


def normalise(text: str) -> str:
    """Lower case, curly quotes straightened, apostrophes dropped, repeated letters kept to two, a number
    and its unit apart."""
    text = text.lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"(?<=[a-z])'(?=[a-z])", "", text)
    text = re.sub(r"([a-z])\1{2,}", r"\1\1", text)
    text = NUMBER_AND_UNIT.sub(r"\1 \2", text)
    return re.sub(r"[^a-z0-9\s]+", " ", text.replace("'", ""))


@lru_cache(maxsize=1)
def _matcher() -> tuple[spacy.language.Language, Matcher]:
    nlp = spacy.blank("en")
    matcher = Matcher(nlp.vocab)
    for kind, texts in PATTERNS.items():
        matcher.add(kind.value, [compile_pattern(t) for t in texts], greedy="LONGEST")
    for number, (_, groups) in enumerate(CLUES):
        for part, texts in enumerate(groups):
            matcher.add(_clue_label(number, part), [compile_pattern(t) for t in texts], greedy="LONGEST")
    matcher.add(NOT_CRISIS, [compile_pattern(t) for t in patterns.NOT_CRISIS], greedy="LONGEST")
    return nlp, matcher


def _clue_label(number: int, part: int) -> str:
    return f"clue {number} {part}"


def _scan(text: str) -> tuple[list[tuple[int, str, CrisisKind]], str | None]:
    """Crisis hits not explained by an idiom, and, if any idiom matched, the message without its idioms."""
    words = normalise(text)[:2000].split()
    if not words:
        return [], None
    nlp, matcher = _matcher()
    # Whitespace tokens, not spaCy's English exceptions, which would split "dont" into "do" + "nt".
    doc = Doc(nlp.vocab, words=words)
    found = [(nlp.vocab.strings[m], doc[s:e]) for m, s, e in matcher(doc)]
    idioms = [span for label, span in found if label == NOT_CRISIS]
    found = [(label, span) for label, span in found if label != NOT_CRISIS and not _explained(span, idioms)]
    hits = [(_rank(CrisisKind(label)), span.text, CrisisKind(label)) for label, span in found
            if not label.startswith("clue ")]
    for number, (kind, groups) in enumerate(CLUES):
        spans = [next((span.text for label, span in found if label == _clue_label(number, part)), None)
                 for part in range(len(groups))]
        if all(spans):
            hits.append((_rank(kind), " ... ".join(spans), kind))
    if not idioms:
        return hits, None
    inside = {i for span in idioms for i in range(span.start, span.end)}
    return hits, " ".join(word for i, word in enumerate(words) if i not in inside)


def _explained(span: Span, idioms: list[Span]) -> bool:
    """An idiom as long as the span or longer overlaps it ("hasnt stopped kicking": "stopped kicking")."""
    return any(span.start < i.end and i.start < span.end and (i.end - i.start) >= (span.end - span.start)
               for i in idioms)


def _rank(kind: CrisisKind) -> int:
    return list(CrisisKind).index(kind)


def rules_and_reading(text: str) -> tuple[list[tuple[int, str, CrisisKind]], str]:
    """The rules' hits, and what the learned classifier reads: the message (its first 2,000 characters)
    without the idioms the rules know."""
    hits, rest = _scan(text)
    return hits, text[:2000] if rest is None else rest


def detect_crisis(text: str, learned: bool = True) -> Crisis | None:
    """The most urgent crisis a message describes, or None. Err on the side of answering.

    The rules first; if they find nothing, the learned classifier's second opinion (`bot.safety.learned`),
    unless `learned` is False. An idiom we know is taken out of what the classifier reads: "could kill for a
    pizza" is nothing, but "the fire alarm is going" does not hide the smoke under the door beside it.
    """
    hits, text = rules_and_reading(text)
    if hits:
        _, matched, kind = min(hits)
        return Crisis(kind, matched)
    if not learned or not text.strip():
        return None
    from bot.safety.learned import classifier

    guess = classifier().guess(text)
    return Crisis(CrisisKind(guess.kind), f"(classifier {guess.probability:.2f})") if guess else None


def only_an_idiom(text: str) -> bool:
    """True when the message's alarming words are an idiom we know ("could kill for a pizza") and nothing
    else in it is a crisis: then a classifier's guess of "crisis" is overruled."""
    hits, rest = _scan(text)
    return rest is not None and not hits
