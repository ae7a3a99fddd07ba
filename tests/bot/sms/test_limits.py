"""Rate limits on texts, with a stand-in bot and a fake clock (the real server: tests/e2e/test_sms_limits.py):
one notice a pause, the bot never fed, STOP always recorded, a crisis still answered, and a global cap."""

from __future__ import annotations

import logging

import pytest

from bot.channels.sms import CappedSender, SendingCapped
from bot.limits import Limiter
from bot.sms import keywords
from bot.sms.numbers import conversation_id
from bot.sms.turns import SmsTurns
from bot.store.sms import is_opted_out
from tests.bot.sms.test_sending import Recorder
from tests.bot.sms.test_turns import NUMBER, Bot, run
from tests.bot.test_limits import Clock

CRISIS = ["If you might act on these thoughts, call 999 now.", "Samaritans: 116 123, free, day or night."]


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def turns(sms_env, clock) -> SmsTurns:
    return SmsTurns(Bot(), Recorder(), Limiter([(3, 300)], clock), lambda kind: [f"({kind})", *CRISIS])


def over_the_limit(turns: SmsTurns) -> None:
    for i in range(3):
        assert run(turns, f"question {i}")
    assert len(turns.on_new_message.heard) == 3


def test_over_the_limit_the_parent_gets_one_notice_and_the_bot_hears_nothing(turns, clock, caplog):
    over_the_limit(turns)
    caplog.set_level(logging.INFO)
    [notice] = run(turns, "my private question")
    assert notice.startswith("You've sent a lot of messages, so I'm pausing until ")
    assert "999" in notice and "116 123" in notice
    assert [run(turns, "hello?") for _ in range(5)] == [[]] * 5  # one notice a pause, not one a text
    assert len(turns.on_new_message.heard) == 3
    assert "+44*******123" in caplog.text and "3 per 5m" in caplog.text
    assert NUMBER not in caplog.text and "private" not in caplog.text
    clock.now += 300
    assert run(turns, "hello again") and len(turns.on_new_message.heard) == 4


def test_a_crisis_over_the_limit_still_gets_its_answer_once_a_pause(turns, clock, sms_env):
    over_the_limit(turns)
    replies = run(turns, "i want to kill myself")
    assert replies[:3] == ["(self_harm)", *CRISIS] and "pausing until" in replies[3]
    assert run(turns, "i want to kill myself") == []  # so it can't be used to send texts without end
    assert len(turns.on_new_message.heard) == 3
    from sqlalchemy import text

    from bot.store import session_scope
    with session_scope() as session:
        kinds = session.execute(text("select kind from crisis_flags where conversation_id = :c"),
                                {"c": conversation_id(NUMBER)}).scalars().all()
    assert kinds == ["self_harm"]
    clock.now += 300
    run(turns, "a"), run(turns, "b"), run(turns, "c")
    assert run(turns, "i want to kill myself")[0] == "(self_harm)"  # the next pause


def test_stop_over_the_limit_is_recorded_and_confirmed_once(turns):
    over_the_limit(turns)
    run(turns, "too many")
    assert run(turns, "STOP") == [keywords.STOPPED_REPLY]
    assert is_opted_out(NUMBER)
    assert run(turns, "stop") == []
    assert is_opted_out(NUMBER)


def test_start_and_help_over_the_limit_still_work_once(turns):
    run(turns, "STOP")
    run(turns, "hello"), run(turns, "hello")
    assert run(turns, "START")[0] == keywords.STARTED_REPLY  # with the notice: it was the first refusal
    assert not is_opted_out(NUMBER)
    assert " ".join(run(turns, "HELP")) == keywords.HELP_REPLY
    assert run(turns, "HELP") == [] and run(turns, "START") == []


def test_without_a_limiter_nothing_is_limited(sms_env):
    turns = SmsTurns(Bot(), Recorder())
    assert all(run(turns, "hi") for _ in range(50))


def test_the_global_cap_sends_nothing_more_and_logs_one_error(caplog, clock):
    recorder = Recorder()
    sender = CappedSender(recorder, Limiter([(5, 3600)], clock))
    for i in range(5):
        sender.send(f"+4477009001{i:02d}", "hi")
    for _ in range(3):
        with pytest.raises(SendingCapped):
            sender.send("+447700900199", "hi")
    assert len(recorder.sent) == 5
    errors = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert len(errors) == 1 and "VILLAGE_SMS_SENT_CAP" in errors[0].getMessage()
    clock.now += 3600
    sender.send("+447700900199", "hi")
    assert len(recorder.sent) == 6


def test_a_capped_text_is_logged_and_the_turn_carries_on(sms_env, clock, caplog):
    turns = SmsTurns(Bot(), CappedSender(Recorder(), Limiter([(1, 3600)], clock)))
    turns.sender.sent = turns.sender.sender.sent  # run() reads what was sent
    assert run(turns, "long") and run(turns, "hello") == []
    assert "SendingCapped" in caplog.text
