"""What an editor should look at besides errors: what is due for review, what is unverified, and what a
change needs beyond the knowledge files (training examples for a new topic)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.dialogue_names import INTENT_OF_TOPIC, TOPICS_WITHOUT_INTENT
from bot.knowledge.model import Knowledge

REVIEW_MONTHS = 12
SOON_DAYS = 31


@dataclass(frozen=True)
class Item:
    kind: str  # entry, service or council
    id: str
    where: str  # the file it is in
    last_reviewed: dt.date


def _months_ago(today: dt.date, months: int) -> dt.date:
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    day = min(today.day, 28)
    return dt.date(year, month + 1, day)


def items(knowledge: Knowledge) -> list[Item]:
    found = [Item("entry", e.id, knowledge.files.get(e.id, "knowledge/"), e.last_reviewed)
             for e in knowledge.entries]
    found += [Item("service", s.id, "knowledge/services.yml", s.last_reviewed) for s in knowledge.services]
    found += [Item("council", c.name, "knowledge/councils.yml", c.last_reviewed) for c in knowledge.councils]
    return found


def status(item: Item, today: dt.date, months: int = REVIEW_MONTHS) -> str:
    due = _months_ago(today, months)
    if item.last_reviewed < due:
        return "overdue"
    if item.last_reviewed < due + dt.timedelta(days=SOON_DAYS):
        return "due soon"
    return "ok"


def overdue(knowledge: Knowledge, today: dt.date, months: int = REVIEW_MONTHS) -> list[Item]:
    return [item for item in items(knowledge) if status(item, today, months) == "overdue"]


def unverified(knowledge: Knowledge) -> list[str]:
    lines = [f"service {s.id}: {s.source}" for s in knowledge.services if not s.verified]
    return lines + [f"council {c.name}: {c.source}" for c in knowledge.councils if not c.verified]


def needs_training(knowledge: Knowledge) -> list[str]:
    """Topics the trained model has never seen: their entries can't be asked about directly until an
    intent with examples exists and the model is retrained."""
    return [f"topic {t.id} ({t.label}) is new: add an ask_{t.id} intent with examples in data/nlu/, "
            f"list it in domain.yml and bot/dialogue_names.py, then run `make train`"
            for t in knowledge.topics if t.id not in INTENT_OF_TOPIC and t.id not in TOPICS_WITHOUT_INTENT]
