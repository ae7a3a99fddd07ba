"""End to end over REST: a parent asks for a person, the handoff is stored, the bot goes quiet but safe."""

from __future__ import annotations

import re
import sqlite3

import pytest

pytestmark = pytest.mark.e2e


def texts(messages: list[dict]) -> str:
    return "\n".join(m.get("text", "") for m in messages)


def rows(stack, sql: str, *args) -> list[tuple]:
    with sqlite3.connect(stack.run_dir / "village.db") as db:
        return db.execute(sql, args).fetchall()


def hand_off(stack, sender: str) -> str:
    """Ask for an advocate, agree to share, choose a reply here; the reference the bot gave."""
    explained = texts(stack.say(sender, "can someone be my advocate at the meeting on friday"))
    assert "an advocate" in explained and "today at 9am" in explained  # the pinned clock says 2am
    assert "116 123" in explained
    assert "share this conversation" in explained
    assert "get back to you" in texts(stack.say(sender, "yes"))
    confirmed = texts(stack.say(sender, "reply here"))
    return re.search(r"reference is (V-[A-Z0-9]{6})", confirmed).group(1)


def test_a_request_is_stored_with_the_shared_conversation_and_the_bot_goes_quiet(stack, sender):
    reference = hand_off(stack, sender)
    [(state, consent, reason, channel)] = rows(
        stack, "select state, consent, reason, channel from handoffs where reference = ?", reference)
    assert (state, consent, reason, channel) == ("open", 1, "advocacy", "rest")
    assert stack.say(sender, "hello are you there") == []  # the bot stays quiet for the worker
    thread = [text for (text,) in rows(stack, "select m.text from handoff_messages m join handoffs h "
                                              "on h.id = m.handoff_id where h.reference = ?", reference)]
    assert thread[0] == "can someone be my advocate at the meeting on friday"
    assert thread[-1] == "hello are you there"


def test_a_crisis_while_handed_off_still_gets_999_and_goes_to_the_top_of_the_queue(stack, sender):
    reference = hand_off(stack, sender)
    reply = stack.say(sender, "i want to kill myself")
    assert "999" in reply[0]["text"] and "116 123" in texts(reply)
    assert rows(stack, "select urgent from handoffs where reference = ?", reference) == [(1,)]


def test_cancel_withdraws_the_request_and_the_bot_answers_again(stack, sender):
    reference = hand_off(stack, sender)
    assert f"withdrawn your request ({reference})" in texts(stack.say(sender, "never mind"))
    assert rows(stack, "select state from handoffs where reference = ?", reference) == [("cancelled",)]
    assert "(Barnet Parenting Pledge, commitment" in texts(stack.say(sender, "what am i entitled to"))
