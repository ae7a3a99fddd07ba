"""Actions that hand a conversation to a worker: explain, ask consent and contact, create, then go quiet."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import ConversationPaused, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.reading import by_sms, latest_text, slot_text
from actions.replies import send
from bot import dialogue_names as names
from bot.clock import now
from bot.handoff import messages
from bot.handoff.requests import CONTACT_PREFERENCES, REASONS, Line, create_handoff
from bot.knowledge import current_knowledge
from bot.notify import get_notifier

log = logging.getLogger(__name__)
HISTORY_TURNS = 20


def conversation_so_far(tracker: Tracker) -> list[Line]:
    """The last turns of the conversation, as the parent and the bot wrote them."""
    lines = [Line("parent" if e["event"] == "user" else "bot", e["text"]) for e in tracker.events
             if e.get("event") in ("user", "bot") and isinstance(e.get("text"), str) and e["text"]]
    return lines[-HISTORY_TURNS:]


class ActionExplainHandoff(Action):
    def name(self) -> str:
        return names.ACTION_EXPLAIN_HANDOFF

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        intent = ((tracker.latest_message or {}).get("intent") or {}).get("name")
        reason = names.REASON_OF_INTENT.get(intent, "human")
        knowledge = await asyncio.to_thread(current_knowledge)
        short = by_sms(tracker)
        said = latest_text(tracker)
        send(dispatcher, messages.explain(knowledge, reason, now(), short=short), said=said)
        return [SlotSet(names.SLOT_HANDOFF_REASON, reason), SlotSet(names.SLOT_HANDOFF_CONSENT, None),
                SlotSet(names.SLOT_CONTACT_PREFERENCE, None)]


class ValidateHandoffForm(FormValidationAction):
    def name(self) -> str:
        return names.ACTION_VALIDATE_HANDOFF

    async def validate_contact_preference(self, value: Any, dispatcher: CollectingDispatcher,
                                          tracker: Tracker, domain: dict[str, Any]) -> dict[str, Any]:
        if not value:  # reset when the request began; nothing to check yet
            return {names.SLOT_CONTACT_PREFERENCE: None}
        text = str(value)
        known = isinstance(value, str) and value in messages.CONTACT_WORDS
        preference = value if known else messages.contact_preference(text)
        if preference is None:
            dispatcher.utter_message(text=messages.ASK_AGAIN)
            return {names.SLOT_CONTACT_PREFERENCE: None}
        if preference != "reply_here" and not by_sms(tracker):
            dispatcher.utter_message(text=messages.NO_NUMBER_HERE)
            preference = "reply_here"
        return {names.SLOT_CONTACT_PREFERENCE: preference}


class ActionCreateHandoff(Action):
    def name(self) -> str:
        return names.ACTION_CREATE_HANDOFF

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        reason = slot_text(tracker, names.SLOT_HANDOFF_REASON, REASONS) or "human"
        consent = bool(tracker.get_slot(names.SLOT_HANDOFF_CONSENT))
        preference = slot_text(tracker, names.SLOT_CONTACT_PREFERENCE, CONTACT_PREFERENCES) or "reply_here"
        channel = tracker.get_latest_input_channel() or "rest"
        # Committed before the parent is told it exists: nothing is lost if a process dies after this.
        handoff = await asyncio.to_thread(create_handoff, tracker.sender_id, channel, reason, consent,
                                          preference, conversation_so_far(tracker))
        log.info("handoff %s created (%s, urgent=%s)", handoff.reference, reason, handoff.urgent)
        await asyncio.to_thread(get_notifier().new_handoff, handoff.reference, reason, handoff.urgent)
        send(dispatcher, messages.confirmation(handoff.reference, preference))
        return [ConversationPaused()]
