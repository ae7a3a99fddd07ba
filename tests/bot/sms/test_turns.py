"""One text start to finish, with a stand-in for the bot's turn (the real bot is in tests/e2e/test_sms.py):
keywords first, then MORE and numbered replies, then the bot, then segments."""

from __future__ import annotations

import asyncio

import pytest

from bot.sms import keywords
from bot.sms.numbers import conversation_id
from bot.sms.segments import MORE_HINT
from bot.sms.turns import EMPTY_REPLY, MEDIA_ONLY_REPLY, MEDIA_TOO, TROUBLE_REPLY, SmsTurns
from bot.store.sms import is_opted_out
from tests.bot.sms.test_sending import Recorder

NUMBER = "+447700900123"
LONG = "This is a sentence about your rights as a parent who has been in care. " * 8


class Bot:
    """Answers like the bot would, and remembers what it was asked."""

    def __init__(self, fail: bool = False):
        self.heard: list[tuple[str, str, str]] = []
        self.fail = fail

    async def __call__(self, message) -> None:
        if self.fail:
            raise RuntimeError("the action server is down")
        self.heard.append((message.text, message.sender_id, message.input_channel))
        out = message.output_channel
        if message.text == "long":
            await out.send_text_message(message.sender_id, LONG)
        else:
            await out.send_text_with_buttons(message.sender_id, f"You said {message.text}.",
                                             [{"title": "Housing", "payload": "/ask_housing"},
                                              {"title": "Money", "payload": "/ask_money"}])


def run(turns: SmsTurns, text: str, media: int = 0) -> list[str]:
    before = len(turns.sender.sent)
    asyncio.run(turns.handle_safely(NUMBER, text, media))
    return [body for _, body in turns.sender.sent[before:]]


@pytest.fixture
def turns(sms_env) -> SmsTurns:
    return SmsTurns(Bot(), Recorder())


def test_the_bot_hears_the_text_under_a_conversation_id_that_is_not_the_number(turns):
    assert run(turns, "hello") == ["You said hello. Reply 1 for Housing, 2 for Money."]
    assert turns.on_new_message.heard == [("hello", conversation_id(NUMBER), "twilio")]


def test_a_numbered_reply_sends_the_options_payload(turns):
    run(turns, "hello")
    run(turns, " 2 ")
    assert turns.on_new_message.heard[-1][0] == "/ask_money"
    run(turns, "7")  # not an option now: the words go to the bot as they are
    assert turns.on_new_message.heard[-1][0] == "7"


def test_a_long_answer_is_three_segments_then_more(turns):
    first = run(turns, "long")
    assert len(first) == 3 and first[-1].endswith(MORE_HINT)
    rest = run(turns, "more")
    assert rest and not rest[-1].endswith(MORE_HINT)
    sent = " ".join(first + rest).replace(" " + MORE_HINT, "")
    assert sent == LONG.strip()  # nothing lost
    run(turns, "MORE")  # all of it was sent: MORE now asks the bot for the details
    assert turns.on_new_message.heard[-1][0] == "/ask_more"


@pytest.mark.parametrize(("text", "media", "reply"), [("", 0, EMPTY_REPLY), ("   ", 0, EMPTY_REPLY),
                                                      ("", 1, MEDIA_ONLY_REPLY)])
def test_no_words_get_a_clear_reply_and_never_reach_the_bot(turns, text, media, reply):
    assert run(turns, text, media) == [reply]
    assert turns.on_new_message.heard == []


def test_words_with_a_picture_are_answered_and_the_picture_mentioned(turns):
    [reply] = run(turns, "is this rash ok", media=1)
    assert reply.startswith(MEDIA_TOO) and "You said is this rash ok." in reply


def test_stop_start_and_help(turns):
    assert run(turns, " Stop ") == [keywords.STOPPED_REPLY]
    assert is_opted_out(NUMBER)
    assert run(turns, "hello?") == [] and run(turns, "HELP") == []
    assert turns.on_new_message.heard == []
    assert run(turns, "START") == [keywords.STARTED_REPLY] and not is_opted_out(NUMBER)
    assert run(turns, "help") == [keywords.HELP_REPLY]
    assert run(turns, "hello") == ["You said hello. Reply 1 for Housing, 2 for Money."]


def test_when_the_bot_fails_the_parent_still_gets_the_emergency_numbers(sms_env):
    turns = SmsTurns(Bot(fail=True), Recorder())
    [reply] = run(turns, "hello")
    assert reply == TROUBLE_REPLY and "999" in reply and "116 123" in reply


def test_when_the_database_is_gone_the_parent_still_gets_the_emergency_numbers(sms_env, monkeypatch):
    monkeypatch.setenv("VILLAGE_DATABASE_URL", "sqlite:////nonexistent/folder/village.db")
    from bot.config import get_settings

    get_settings.cache_clear()
    turns = SmsTurns(Bot(), Recorder())
    assert run(turns, "hello") == [TROUBLE_REPLY]
