"""`village knowledge report`: one HTML page listing every entry by source and topic, with its review status,
for a manager to read (written to var/, opened in any browser, no server needed)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from bot.knowledge.model import Knowledge
from bot.knowledge.review import REVIEW_MONTHS, Item, items, needs_training, status, unverified

TEMPLATES = Path(__file__).resolve().parent / "templates"


def render(knowledge: Knowledge, today: dt.date, months: int = REVIEW_MONTHS) -> str:
    reviewed = {(i.kind, i.id): i for i in items(knowledge)}
    by_source: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for entry in knowledge.entries:
        document = knowledge.document(entry.source.document)
        item: Item = reviewed[("entry", entry.id)]
        row = {"entry": entry, "citation": knowledge.citation(entry), "file": item.where,
               "status": status(item, today, months)}
        for topic_id in entry.topics:
            topic = knowledge.topic(topic_id)
            by_source[document.title][topic.label if topic else topic_id].append(row)
    counts = defaultdict(int)
    for item in reviewed.values():
        counts[status(item, today, months)] += 1
    services = [{"service": s, "status": status(reviewed[("service", s.id)], today, months)}
                for s in knowledge.services]
    environment = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))
    return environment.get_template("report.html").render(
        today=today, months=months, by_source={k: dict(v) for k, v in by_source.items()}, counts=counts,
        services=services, unverified=unverified(knowledge), training=needs_training(knowledge),
        entries=len(knowledge.entries))


def write(knowledge: Knowledge, out: Path, today: dt.date, months: int = REVIEW_MONTHS) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render(knowledge, today, months), encoding="utf-8")
    return out
