"""The conversation so far, as the widget shows it, rebuilt from the tracker after a reload or a restart.

The browser keeps only its session id; the words come back from the server, so a shared phone holds no
transcript once the tab is closed or "Leave this site" is pressed.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rasa.shared.core.events import BotUttered, Event, UserUttered

LIMIT = 200  # lines; enough for any real conversation, bounded for a runaway one


def _title(payload: str, lines: list[dict[str, Any]]) -> str | None:
    """What the parent saw on the button they pressed ("/ask_housing" -> "Help with housing")."""
    for line in reversed(lines):
        for button in line.get("buttons") or []:
            if button.get("payload") == payload:
                return button.get("title")
    return None


def transcript(events: Iterable[Event], limit: int = LIMIT) -> list[dict[str, Any]]:
    lines: list[dict[str, Any]] = []
    for event in events:
        if isinstance(event, UserUttered) and event.text:
            text = _title(event.text, lines) if event.text.startswith("/") else event.text
            if text:
                lines.append({"from": "parent", "text": text})
        elif isinstance(event, BotUttered) and event.text:
            author = "worker" if (event.metadata or {}).get("author") == "worker" else "bot"
            buttons = (event.data or {}).get("buttons") or (event.data or {}).get("quick_replies") or []
            parts = [p for p in event.text.strip().split("\n\n") if p.strip()]
            for n, part in enumerate(parts):
                line: dict[str, Any] = {"from": author, "text": part}
                if buttons and n == len(parts) - 1:
                    line["buttons"] = [{"title": b.get("title"), "payload": b.get("payload")}
                                       for b in buttons]
                lines.append(line)
    return lines[-limit:]
