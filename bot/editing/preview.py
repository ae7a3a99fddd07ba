"""`village knowledge preview "question"`: which entries and services the bot would use and its exact words,
straight from the knowledge files (no training, no servers).

The running bot picks a route with its trained model; the preview picks it from the words (danger words,
"call/ring/open now" words, else an entitlement question), and says which one it took.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from bot.config import PROJECT_ROOT
from bot.entitlements import answer_question
from bot.knowledge import Knowledge, Question, search
from bot.knowledge.search import topics_in_text
from bot.replies import Answer
from bot.safety import detect_crisis
from bot.safety.answers import crisis_answer
from bot.services.answer import promise, promise_question, who_to_call
from bot.services.directory import find_contacts, needs_in_text
from bot.sms.segments import to_texts

CALL_WORDS = re.compile(r"\b(call|ring|phone|talk to|speak to|number|open|tonight|right now|helpline)\b",
                        re.IGNORECASE)


@dataclass
class Preview:
    route: str
    entries: list[str] = field(default_factory=list)  # "id: title (citation) in file"
    services: list[str] = field(default_factory=list)
    replies: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)  # the same replies as SMS segments


@cache
def _crisis_variants(domain: Path = PROJECT_ROOT / "domain.yml") -> list[dict]:
    return yaml.safe_load(domain.read_text(encoding="utf-8"))["responses"]["utter_crisis"]


def preview(knowledge: Knowledge, text: str, at: dt.datetime) -> Preview:
    crisis = detect_crisis(text)
    if crisis is not None:
        result = Preview(f"safety: the crisis rules fire ({crisis.kind.value}), before anything else (the "
                         "running bot then answers an entitlement question the message also asked, if its "
                         "trained model heard one; after a baby's or a mother's medical emergency, only if "
                         "the message asks something)",
                         replies=crisis_answer(_crisis_variants(), crisis.kind.value))
    elif CALL_WORDS.search(text) or needs_in_text(text):
        contacts = find_contacts(knowledge, at, text)
        answer = who_to_call(contacts, promised=promise(knowledge, text))
        result = Preview("who to call (open now at the time given)", replies=_texts(answer),
                         entries=_entries(knowledge, answer, promise_question(text)))
        result.texts = _sms(who_to_call(contacts, promised=promise(knowledge, text, short=True)))
        result.services = [f"{li.service.id}: {li.service.name}"
                           + ("" if li.service.verified else " (unverified)") for li in contacts.open_now]
    else:
        question = Question(text=text, topics=tuple(topics_in_text(knowledge, text)))
        answer = answer_question(knowledge, question)
        result = Preview("entitlements: search the knowledge entries", replies=_texts(answer),
                         entries=_entries(knowledge, answer, question))
        result.texts = _sms(answer_question(knowledge, question, short=True))
    if not result.texts:
        result.texts = to_texts(result.replies).segments
    return result


def _entries(knowledge: Knowledge, answer: Answer, question: Question) -> list[str]:
    """Each entry the answer uses: where it is, how it is cited, and its search score for the question."""
    scores = {m.entry.id: m.score for m in search(knowledge, question)}
    lines = []
    for entry_id in answer.entry_ids:
        entry = knowledge.entry(entry_id)
        where = knowledge.files.get(entry.id, "knowledge/")
        lines.append(f"{entry.id}: {entry.title} ({knowledge.citation(entry)}) in {where}, "
                     f"score {scores.get(entry_id, 0):.2f}")
    return lines


def _sms(answer: Answer) -> list[str]:
    options = next((r.buttons for r in reversed(answer.replies) if r.buttons), ())
    return to_texts([r.text for r in answer.replies], options).segments


def _texts(answer: Answer) -> list[str]:
    lines = []
    for reply in answer.replies:
        lines += [part for part in reply.text.split("\n\n") if part.strip()]
        if reply.buttons:
            lines.append("[buttons: " + " | ".join(b.title for b in reply.buttons) + "]")
    return lines
