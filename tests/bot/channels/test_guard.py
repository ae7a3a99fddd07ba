"""If a turn fails, the parent is told and given the 24/7 numbers; a crisis still gets the crisis answer."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from bot.channels import guard
from bot.channels.conversations import Conversations
from bot.safety.answers import TROUBLE_REPLY

CRISIS_VARIANTS = [{"text": "Please call 999 now.\n\nSamaritans: 116 123."}]


def run_failing_turn(monkeypatch, text: str, agent_loaded: bool = True) -> list[str]:
    async def fails(message):
        raise ConnectionError("the database has gone away")

    monkeypatch.setattr(guard, "active_handoff", lambda sender: None)
    conversations = Conversations()
    if agent_loaded:
        domain = SimpleNamespace(responses={"utter_crisis": CRISIS_VARIANTS})
        conversations.app = SimpleNamespace(ctx=SimpleNamespace(agent=SimpleNamespace(domain=domain)))
    output = CollectingOutputChannel()
    asyncio.run(guard.guarded(fails, conversations)(UserMessage(text, output, "parent")))
    return [m["text"] for m in output.messages]


def test_a_failed_turn_sends_the_trouble_reply(monkeypatch, caplog):
    assert run_failing_turn(monkeypatch, "what am i entitled to") == [TROUBLE_REPLY]
    assert "ConnectionError" in caplog.text and "entitled" not in caplog.text  # never the parent's words


def test_a_crisis_in_a_failed_turn_gets_the_crisis_answer(monkeypatch):
    crisis = run_failing_turn(monkeypatch, "i want to kill myself")
    assert crisis == ["Please call 999 now.", "Samaritans: 116 123."]
    assert run_failing_turn(monkeypatch, "i want to kill myself", agent_loaded=False) == [TROUBLE_REPLY]
