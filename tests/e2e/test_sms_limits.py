"""Rate limits by text on the real server (3 texts an hour per number here, see LIMITS in conftest.py): one
notice, nothing more sent, the tracker not fed; STOP still works; a crisis over the limit still gets 999."""

from __future__ import annotations

import sqlite3

import pytest

from bot.sms.keywords import STARTED_REPLY, STOPPED_REPLY
from tests.e2e import test_sms
from tests.e2e.test_sms import say

pytestmark = pytest.mark.e2e
number, conversation_of = test_sms.number, test_sms.conversation_of  # the fixtures, shared


def user_texts(stack, conversation: str) -> list[str]:
    with sqlite3.connect(stack.tracker_db) as db:
        rows = db.execute("select data from events where sender_id = ? and type_name = 'user'",
                          (conversation,))
        return [data for (data,) in rows]


def over_the_limit(stack, api, number: str) -> None:
    for question in ["hi", "what am i entitled to", "help with housing"]:
        assert say(stack, api, number, question)


def test_over_the_limit_one_notice_then_nothing_and_the_bot_is_not_fed(limited_stack, twilio_api, number,
                                                                       conversation_of):
    over_the_limit(limited_stack, twilio_api, number)
    heard = user_texts(limited_stack, conversation_of(number))
    assert len(heard) == 3
    [notice] = say(limited_stack, twilio_api, number, "can i get help with money")
    assert notice.startswith("You've sent a lot of messages, so I'm pausing until ")
    assert "999" in notice and "116 123" in notice and len(notice) <= 160
    for words in ["hello?", "are you there", "money please"]:
        assert say(limited_stack, twilio_api, number, words) == []
    assert user_texts(limited_stack, conversation_of(number)) == heard


def test_stop_over_the_limit_still_works_and_start_is_recorded(limited_stack, twilio_api, number):
    over_the_limit(limited_stack, twilio_api, number)
    say(limited_stack, twilio_api, number, "one more")
    assert say(limited_stack, twilio_api, number, "STOP") == [STOPPED_REPLY]
    assert say(limited_stack, twilio_api, number, "i want to end my life") == []  # opted out, as before
    assert say(limited_stack, twilio_api, number, "START") == [STARTED_REPLY]


def test_a_crisis_over_the_limit_still_gets_999_once(limited_stack, twilio_api, number,
                                                    conversation_of):
    over_the_limit(limited_stack, twilio_api, number)
    heard = user_texts(limited_stack, conversation_of(number))
    replies = say(limited_stack, twilio_api, number, "i want to kill myself tonight")
    assert "999" in replies[0] and "116 123" in " ".join(replies[:-1])
    assert replies[-1].startswith("You've sent a lot of messages")
    assert say(limited_stack, twilio_api, number, "i want to kill myself tonight") == []  # once a pause
    assert user_texts(limited_stack, conversation_of(number)) == heard
