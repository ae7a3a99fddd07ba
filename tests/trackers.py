"""Build rasa-sdk trackers in code, the way Rasa would send them to the action server."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher


def make_tracker(*, intent: str | None = None, text: str = "", entities: list[dict] | None = None,
                 slots: dict[str, Any] | None = None, sender: str = "parent-1",
                 channel: str | None = None) -> Tracker:
    latest = {
        "text": text,
        "intent": {"name": intent, "confidence": 0.99} if intent else {},
        "entities": entities or [],
    }
    events = [{"event": "user", "text": text, "input_channel": channel}] if channel else []
    return Tracker(sender, slots or {}, latest, events, False, None, {}, "action_listen")


def run_action(action, tracker: Tracker) -> tuple[list[dict], list[dict]]:
    """Run an action the way the action server does; returns (events, messages)."""
    import asyncio

    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker, {}))
    return events, dispatcher.messages
