"""Actions for "what am I entitled to?" and "tell me more"."""

from __future__ import annotations

import asyncio
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.reading import latest_text, slot_strings
from actions.replies import send
from bot import dialogue_names as names
from bot.config import get_settings
from bot.entitlements import answer_question, more_details
from bot.knowledge import Knowledge, Question, current_knowledge
from bot.knowledge.search import topics_in_text


def question_from(tracker: Tracker, knowledge: Knowledge) -> Question:
    """The intent's topic first, then the topics of the words the spaCy entity ruler found."""
    message = tracker.latest_message or {}
    intent = (message.get("intent") or {}).get("name")
    topics = [names.TOPIC_OF_INTENT[intent]] if intent in names.TOPIC_OF_INTENT else []
    for entity in message.get("entities") or []:
        if entity.get("entity") == names.ENTITY_TOPIC:
            topics += topics_in_text(knowledge, str(entity.get("value", "")))
    return Question(text=latest_text(tracker), topics=tuple(dict.fromkeys(topics)))


class ActionAnswerEntitlement(Action):
    def name(self) -> str:
        return names.ACTION_ANSWER_ENTITLEMENT

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        knowledge = await asyncio.to_thread(current_knowledge)
        question = question_from(tracker, knowledge)
        short = tracker.get_latest_input_channel() == names.SMS_CHANNEL
        answer = answer_question(knowledge, question, get_settings().support_age_limit, short=short)
        send(dispatcher, answer, said=question.text)
        return [SlotSet(names.SLOT_LAST_ENTRIES, answer.entry_ids or None)]


class ActionMoreDetails(Action):
    def name(self) -> str:
        return names.ACTION_MORE_DETAILS

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        knowledge = await asyncio.to_thread(current_knowledge)
        short = tracker.get_latest_input_channel() == names.SMS_CHANNEL
        answer = more_details(knowledge, slot_strings(tracker, names.SLOT_LAST_ENTRIES), short=short)
        send(dispatcher, answer, said=latest_text(tracker))
        return []
