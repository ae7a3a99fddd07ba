"""Send the domain code's replies through rasa-sdk's dispatcher."""

from __future__ import annotations

from rasa_sdk.executor import CollectingDispatcher

from bot.replies import Answer


def send(dispatcher: CollectingDispatcher, answer: Answer) -> None:
    for reply in answer.replies:
        buttons = [{"title": b.title, "payload": b.payload} for b in reply.buttons]
        dispatcher.utter_message(text=reply.text, buttons=buttons or None)
