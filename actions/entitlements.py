"""Actions for "what am I entitled to?" and "tell me more"."""

from __future__ import annotations

import asyncio
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.reading import by_sms, intent_ranking, latest_text, slot_strings, topic_words
from actions.replies import send
from bot import dialogue_names as names
from bot.config import get_settings
from bot.entitlements import answer_question, best_guess, more_details, question_for
from bot.knowledge import Knowledge, Question, current_knowledge


def question_from(tracker: Tracker, knowledge: Knowledge) -> Question:
    """The question of the latest message, as `bot.entitlements.question_for` builds it."""
    intent = ((tracker.latest_message or {}).get("intent") or {}).get("name")
    return question_for(knowledge, latest_text(tracker), intent, topic_words(tracker),
                        intent_ranking(tracker))


class ActionAnswerEntitlement(Action):
    def name(self) -> str:
        return names.ACTION_ANSWER_ENTITLEMENT

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        knowledge = await asyncio.to_thread(current_knowledge)
        question = question_from(tracker, knowledge)
        short = by_sms(tracker)
        answer = answer_question(knowledge, question, get_settings().support_age_limit, short=short)
        send(dispatcher, answer, said=question.text, question=True)
        return [SlotSet(names.SLOT_LAST_ENTRIES, answer.entry_ids or None)]


class ActionMoreDetails(Action):
    def name(self) -> str:
        return names.ACTION_MORE_DETAILS

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        knowledge = await asyncio.to_thread(current_knowledge)
        short = by_sms(tracker)
        answer = more_details(knowledge, slot_strings(tracker, names.SLOT_LAST_ENTRIES), short=short)
        send(dispatcher, answer, said=latest_text(tracker))
        return []


class ActionBestGuess(Action):
    """When the NLU is unsure: a labelled best guess from the knowledge, or the honest "I can't help"."""

    def name(self) -> str:
        return names.ACTION_BEST_GUESS

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        knowledge = await asyncio.to_thread(current_knowledge)
        short = by_sms(tracker)
        answer = best_guess(knowledge, latest_text(tracker), intent_ranking(tracker) or [],
                            get_settings().support_age_limit, short=short)
        if answer is None:
            dispatcher.utter_message(response=names.UTTER_CANNOT_HELP)
            return []
        send(dispatcher, answer)
        return [SlotSet(names.SLOT_LAST_ENTRIES, answer.entry_ids)]
