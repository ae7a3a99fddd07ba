"""After the crisis numbers are sent: flag the conversation for a worker (the handoff desk shows it)."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.reading import slot_text
from bot import dialogue_names as names
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
