"""Actions for "who can I call?": open numbers first, then the parent's area, asked once, then local help."""

from __future__ import annotations

import asyncio
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.reading import by_sms, latest_text, slot_text
from actions.replies import send
from bot import dialogue_names as names
from bot.clock import now
from bot.knowledge import current_knowledge
from bot.places import find_place
from bot.replies import Answer, Reply
from bot.services.answer import local_help, promise, who_to_call
from bot.services.directory import find_contacts
from bot.services.hours import night_ahead

NIGHT_WORDS = ("tonight", "night", "overnight", "evening")


def asks_about_tonight(tracker: Tracker) -> bool:
    message = tracker.latest_message or {}
    times = [str(e.get("value", "")).lower() for e in message.get("entities") or []
             if e.get("entity") == names.ENTITY_TIME]
    return any(word in value for value in times for word in NIGHT_WORDS)


class ActionWhoToCall(Action):
    def name(self) -> str:
        return names.ACTION_WHO_TO_CALL

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        knowledge = await asyncio.to_thread(current_knowledge)
        text = latest_text(tracker)
        at = now()
        later_tonight = asks_about_tonight(tracker) and night_ahead(at)
        contacts = find_contacts(knowledge, at, text, tonight=later_tonight)
        short = by_sms(tracker)
        answer = who_to_call(contacts, tonight=later_tonight, promised=promise(knowledge, text, short))
        send(dispatcher, answer)
        return [SlotSet(names.SLOT_LAST_ENTRIES, answer.entry_ids or None)]


class ValidateLocalAreaForm(FormValidationAction):
    def name(self) -> str:
        return names.ACTION_VALIDATE_LOCAL_AREA

    async def validate_council(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                               domain: dict[str, Any]) -> dict[str, Any]:
        """Whatever the answer, the question is asked once: a council we know, or "unknown"."""
        knowledge = await asyncio.to_thread(current_knowledge)
        place = find_place(knowledge, str(value or ""))
        if place is None:
            return {names.SLOT_COUNCIL: names.COUNCIL_UNKNOWN}
        if place.from_postcode:
            dispatcher.utter_message(text=f"{place.from_postcode} looks like it's in {place.council}. "
                                          "If that's wrong, just tell me your council.")
        return {names.SLOT_COUNCIL: place.council}


class ActionLocalServices(Action):
    def name(self) -> str:
        return names.ACTION_LOCAL_SERVICES

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        knowledge = await asyncio.to_thread(current_knowledge)
        raw = slot_text(tracker, names.SLOT_COUNCIL)
        place = find_place(knowledge, str(raw)) if raw and raw != names.COUNCIL_UNKNOWN else None
        text = latest_text(tracker)
        if place is None:
            send(dispatcher, Answer([Reply("OK. If you'd like local help later, just tell me your council or "
                                           "postcode. The numbers above are there for everyone.")]),
                 said=text)
            return [SlotSet(names.SLOT_COUNCIL, names.COUNCIL_UNKNOWN)]
        contacts = find_contacts(knowledge, now(), text, council=place.council)
        send(dispatcher, local_help(contacts), said=text)
        return [SlotSet(names.SLOT_COUNCIL, place.council)]
