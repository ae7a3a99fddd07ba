"""Read the tracker Rasa sent without trusting its types: a slot or a message text that isn't what the domain
says (a number, a list, null) reads as missing instead of crashing the action with a 500."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker

from bot.dialogue_names import ENTITY_TOPIC, SMS_CHANNEL


def latest_text(tracker: Tracker) -> str:
    text = (tracker.latest_message or {}).get("text")
    return text if isinstance(text, str) else ""


def slot_text(tracker: Tracker, name: str, allowed: tuple[str, ...] = ()) -> str | None:
    """The slot if it is a string (one of `allowed`, when given), else None."""
    value: Any = tracker.get_slot(name)
    if not isinstance(value, str) or (allowed and value not in allowed):
        return None
    return value


def slot_strings(tracker: Tracker, name: str) -> list[str]:
    value: Any = tracker.get_slot(name)
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def by_sms(tracker: Tracker) -> bool:
    """The latest message came by text message, so the answer is the short one."""
    return tracker.get_latest_input_channel() == SMS_CHANNEL


def intent_ranking(tracker: Tracker) -> list[dict] | None:
    """The latest message's intent ranking, or None if Rasa sent none (or not a list)."""
    ranking = (tracker.latest_message or {}).get("intent_ranking")
    return ranking if isinstance(ranking, list) else None


def topic_words(tracker: Tracker) -> list[str]:
    """The topic words the project's spaCy ruler found in the latest message ("universal credit")."""
    entities = (tracker.latest_message or {}).get("entities")
    return [str(e.get("value", "")) for e in entities or []
            if isinstance(e, dict) and e.get("entity") == ENTITY_TOPIC]
