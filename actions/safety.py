"""After the crisis numbers are sent: flag the conversation for a worker (the handoff desk shows it), then
answer any entitlement question the same message asked. Before a small-talk reply (hello, thanks, bye, no):
999 and Samaritans first when the message has a danger word or the classifier is worried."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.reading import by_sms, intent_ranking, latest_text, slot_text, topic_words
from actions.replies import send
from bot import dialogue_names as names
from bot.config import get_settings
from bot.entitlements import answer_beside_crisis
from bot.knowledge import current_knowledge
from bot.replies import Answer
from bot.safety.detector import CrisisKind
from bot.store import flag_crisis

log = logging.getLogger(__name__)


class ActionFlagCrisis(Action):
    def name(self) -> str:
        return names.ACTION_FLAG_CRISIS

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        # An unknown kind still flags the conversation: a worker must follow up whatever the slot says.
        kind = slot_text(tracker, names.SLOT_CRISIS_KIND, tuple(k.value for k in CrisisKind)) or "danger"
        flag_id = await asyncio.to_thread(flag_crisis, tracker.sender_id, kind)
        log.info("crisis flag %s recorded (%s)", flag_id, kind)  # never the message text
        return []


class ActionAnswerAfterCrisis(Action):
    def name(self) -> str:
        return names.ACTION_ANSWER_AFTER_CRISIS

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        knowledge = await asyncio.to_thread(current_knowledge)
        answer = answer_beside_crisis(knowledge, latest_text(tracker), intent_ranking(tracker),
                                      topic_words(tracker), get_settings().support_age_limit,
                                      short=by_sms(tracker), kind=tracker.get_slot(names.SLOT_CRISIS_KIND))
        if answer is None:
            return []
        send(dispatcher, answer)
        return [SlotSet(names.SLOT_LAST_ENTRIES, answer.entry_ids)]


class ActionCaution(Action):
    """The safety net under the small-talk replies, which are the domain's responses: a danger message the
    rules missed and the intents read as "bye" or "thanks" still gets 999 first. Says nothing otherwise."""

    def name(self) -> str:
        return names.ACTION_CAUTION

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        send(dispatcher, Answer([]), said=latest_text(tracker))
        return []
