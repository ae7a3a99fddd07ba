"""Render the desk's pages from templates, escaped; the words workers see for codes."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

TEMPLATES = Path(__file__).resolve().parent / "templates"
REASONS = {"advocacy": "Advocacy", "legal_advice": "Legal advice", "human": "Wants a person",
           "complaint": "Complaint"}
CONTACTS = {"reply_here": "Reply in the chat", "call_me": "Call them", "text_me": "Text them"}
CHANNELS = {"twilio": "SMS", "rest": "Web (REST)", "socketio": "Web chat"}
AUTHORS = {"history_parent": "Parent (before the request)", "history_bot": "Village (before the request)",
           "parent": "Parent", "worker": "Worker", "bot": "Village"}


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))


def render(name: str, **context: Any) -> str:
    return _environment().get_template(name).render(reasons=REASONS, contacts=CONTACTS, authors=AUTHORS,
                                                    channels=CHANNELS, **context)
