"""How a parent's words are compared with the knowledge base's: word endings and little words set aside.

"can i stay on at my foster carers" should find an entry that lists "stay with my foster carer", and "missed
my gas bill" one that lists "missed bills". A phrase of two or more words that say something is found when
those words, by their stems, come in order in the message with at most GAP other words between each, within
one sentence or clause. A shorter phrase ("me time", "my health", "im a dad") must be said as it is, by its
stems: without its little words it would be one common word ("time", "health", "dad").
"""

from __future__ import annotations

import re
from functools import lru_cache

# Words that join a phrase but do not say what it is about; a phrase made only of them keeps them all.
LITTLE_WORDS = frozenset("a an the my me i im to of at on in for with your and or is it its".split())
GAP = 3  # other words allowed between two words of a phrase ("stay on at my foster carer")
BREAK = "|"  # where a sentence or clause ends: a phrase's words are not looked for across it


def tokens(text: str) -> list[str]:
    """Lower-case words and numbers; apostrophes dropped ("she's" -> "shes"); a sentence or clause break
    (. , ; : ! ? or a new line) is the token BREAK; other punctuation only splits words."""
    text = text.lower().replace("'", "").replace("\u2019", "")
    return re.sub(r"[^a-z0-9&|]+", " ", re.sub(r"[.,;:!?\n|]+", f" {BREAK} ", text)).split()


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """A light stem, so that bill/bills, stay/staying/stayed and remove/removed compare equal. Light means it
    sometimes joins two words (care and car, news and new): rare among the words parents use about these
    topics, and a smaller cost than missing "bills" for "bill"."""
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("ing") and len(word) > 5:
        word = word[:-3]
    elif len(word) > 4 and (word.endswith("ed") or (word.endswith("es") and word[-3] in "sxz")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz":
        word = word[:-1]  # stopped -> stopp -> stop
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    return word


def stems(text: str) -> tuple[str, ...]:
    return tuple(stem(t) for t in tokens(text))


@lru_cache(maxsize=8192)
def phrase_stems(phrase: str) -> tuple[tuple[str, ...], int]:
    """The stems a phrase is looked for by, and how many other words may come between two of them."""
    words = [w for w in tokens(phrase) if w != BREAK]
    kept = [w for w in words if w not in LITTLE_WORDS]
    if len(kept) >= 2:
        return tuple(stem(w) for w in kept), GAP
    return tuple(stem(w) for w in words), 0


def find(message: tuple[str, ...], phrase: tuple[tuple[str, ...], int]) -> tuple[int, ...]:
    """Where the phrase's stems come in order in the message's, at most its gap apart, in one clause: the
    positions of the first such match, or () if there is none."""
    wanted_stems, gap = phrase
    if not wanted_stems or wanted_stems[0] not in message:
        return ()
    for start, word in enumerate(message):
        if word != wanted_stems[0]:
            continue
        at = [start]
        for wanted in wanted_stems[1:]:
            window = message[at[-1] + 1: at[-1] + 2 + gap]
            if BREAK in window:
                window = window[:window.index(BREAK)]
            if wanted not in window:
                break
            at.append(at[-1] + 1 + window.index(wanted))
        if len(at) == len(wanted_stems):
            return tuple(at)
    return ()
