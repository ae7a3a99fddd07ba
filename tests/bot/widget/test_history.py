"""The conversation so far, rebuilt from tracker events for a reloaded widget."""

from __future__ import annotations

from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered

from bot.widget.history import transcript

BUTTONS = [{"title": "Help with housing", "payload": "/ask_housing"}]


def test_words_buttons_and_workers_come_back_in_order():
    events = [
        UserUttered("hi"),
        BotUttered("Hi, I'm Village.\n\nWhat would you like to know?", data={"buttons": BUTTONS}),
        ActionExecuted("action_listen"),
        UserUttered("/ask_housing"),  # a pressed button shows as its title
        SlotSet("council", "Barnet"),
        BotUttered("Hello, I'm Sam.", metadata={"author": "worker"}),
        UserUttered("/unknown_payload"),  # a payload with no button to name it is left out
    ]
    assert transcript(events) == [
        {"from": "parent", "text": "hi"},
        {"from": "bot", "text": "Hi, I'm Village."},
        {"from": "bot", "text": "What would you like to know?", "buttons": BUTTONS},
        {"from": "parent", "text": "Help with housing"},
        {"from": "worker", "text": "Hello, I'm Sam."},
    ]


def test_a_runaway_conversation_is_cut_to_the_latest_lines():
    events = [UserUttered(f"message {n}") for n in range(10)]
    assert [line["text"] for line in transcript(events, limit=3)] == ["message 7", "message 8", "message 9"]
