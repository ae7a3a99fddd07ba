"""Send the domain code's replies through rasa-sdk's dispatcher."""

from __future__ import annotations

from rasa_sdk.executor import CollectingDispatcher

from bot.replies import Answer
from bot.safety import SAFETY_LINE, needs_caution


def send(dispatcher: CollectingDispatcher, answer: Answer, said: str = "", question: bool = False) -> None:
    """The answer's replies, after 999 and Samaritans if the answer asks for them (a mental health answer) or
    what the parent said may be danger (`bot.safety.needs_caution`; `question`: it asked about a topic)."""
    if answer.safety_first or needs_caution(said, question=question):
        dispatcher.utter_message(text=SAFETY_LINE)
    for reply in answer.replies:
        buttons = [{"title": b.title, "payload": b.payload} for b in reply.buttons]
        dispatcher.utter_message(text=reply.text, buttons=buttons or None)
