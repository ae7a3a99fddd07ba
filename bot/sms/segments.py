"""Turn a turn's replies into at most three SMS-sized segments, split at sentence boundaries.

Buttons become numbered options ("Reply 1 for ..."); what does not fit is kept for "reply MORE".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.replies import Button

SEGMENT = 160  # one SMS in the GSM-7 alphabet
UNICODE_SEGMENT = 70  # one SMS once any character outside it (an emoji, a curly quote) is in the message
GSM7 = frozenset("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡"
                 "ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà")
# The knowledge files use typographic punctuation; each would make a text Unicode and cost 2-3x the parts.
PLAIN = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "…": "...",
                       "•": "-", "\u00a0": " "})
MAX_SEGMENTS = 3
MORE_HINT = "(Reply MORE for the rest.)"
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


@dataclass(frozen=True)
class Texts:
    segments: list[str]
    rest: str = ""  # what "MORE" sends next
    options: tuple[Button, ...] = ()  # what "1", "2"... mean after these segments


def plain(text: str) -> str:
    return text.translate(PLAIN)


def segment_size(text: str) -> int:
    return SEGMENT if set(text) <= GSM7 else UNICODE_SEGMENT


def numbered(options: tuple[Button, ...]) -> str:
    if not options:
        return ""
    choices = ", ".join(f"{n} for {o.title}" for n, o in enumerate(options, start=1))
    return f"Reply {choices}."


def _pieces(text: str, width: int = SEGMENT) -> list[str]:
    """Sentences, and any sentence longer than `width` cut at word boundaries."""
    pieces: list[str] = []
    for sentence in (s.strip() for s in SENTENCE_END.split(text)):
        while len(sentence) > width:
            cut = sentence.rfind(" ", 0, width)
            cut = cut if cut > 0 else width
            pieces.append(sentence[:cut].strip())
            sentence = sentence[cut:].strip()
        if sentence:
            pieces.append(sentence)
    return pieces


def _pack(pieces: list[str], limits: list[int]) -> list[list[str]]:
    """Group pieces greedily into segments; segment i holds at most limits[min(i, len - 1)] characters."""
    groups: list[list[str]] = []
    length = 0
    for piece in pieces:
        limit = limits[min(len(groups) - 1, len(limits) - 1)] if groups else 0
        if groups and length + 1 + len(piece) <= limit:
            groups[-1].append(piece)
            length += 1 + len(piece)
        else:
            groups.append([piece])
            length = len(piece)
    return groups


def every_segment(text: str) -> list[str]:
    """All of a text in sentence-boundary segments, none held back (a worker's reply is sent whole)."""
    text = plain(text)
    width = segment_size(text)
    return [" ".join(group) for group in _pack(_pieces(text, width), [width])]


def _cut(text: str, width: int, count: int) -> tuple[list[str], str]:
    """At most `count` segments of the text, the last ending with the MORE hint, and what is left."""
    last = width - len(MORE_HINT) - 1
    groups = _pack(_pieces(text, last), [width] * (count - 1) + [last, width])
    sent = [" ".join(g) for g in groups[:count]]
    sent[-1] += " " + MORE_HINT
    return sent, " ".join(piece for group in groups[count:] for piece in group)


def to_texts(replies: list[str], options: tuple[Button, ...] = ()) -> Texts:
    """The segments to send now (at most three), the rest for MORE, and the options the numbers mean.

    When a turn ends with a question (options), the question is always sent; it is what comes before it
    that waits for MORE.
    """
    replies = [r for r in replies if r and r.strip()]
    text = "\n".join(replies) + ("\n" + numbered(options) if options else "")
    text = plain(text)
    width = segment_size(text)
    groups = _pack(_pieces(text, width), [width])
    if len(groups) <= MAX_SEGMENTS:
        return Texts([" ".join(g) for g in groups], "", options)
    earlier, asked = replies[:-1], replies[-1] if replies else ""
    *lead, asked = asked.split("\n\n")  # the question is the last paragraph of the last reply
    earlier += lead
    if options and earlier:
        question = _pack(_pieces(plain(asked + "\n" + numbered(options)), width), [width])
        room = MAX_SEGMENTS - len(question)
        if room >= 1:
            before, rest = _cut(plain("\n".join(earlier)), width, room)
            return Texts(before + [" ".join(g) for g in question], rest, options)
    sent, rest = _cut(text, width, MAX_SEGMENTS)
    return Texts(sent, rest, options)
