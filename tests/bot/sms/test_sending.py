"""Sending texts: through the real twilio client to a fake Twilio API, or to the local outbox; never to a
number that said STOP; a failure is logged with the number masked."""

from __future__ import annotations

import asyncio
import dataclasses
import json
import logging

from bot.sms.numbers import conversation_id, seal
from bot.sms.sending import OutboxSender, TwilioSender, deliver, get_sender, text_handoff_parent
from bot.store.sms import opt_out
from tests.fakes.twilio_api import FakeTwilioApi

NUMBER = "+447700900123"


class Recorder:
    def __init__(self, fail_after: int | None = None):
        self.sent: list[tuple[str, str]] = []
        self.fail_after = fail_after

    def send(self, number: str, body: str) -> None:
        if self.fail_after is not None and len(self.sent) >= self.fail_after:
            raise ConnectionError("Twilio is down")
        self.sent.append((number, body))


def test_without_a_twilio_account_texts_go_to_the_outbox_with_the_number_masked(sms_env):
    sender = get_sender()
    assert isinstance(sender, OutboxSender)
    asyncio.run(deliver(sender, NUMBER, ["one", "two"]))
    lines = [json.loads(line) for line in sms_env.sms_outbox_file.read_text().splitlines()]
    assert [line["body"] for line in lines] == ["one", "two"]
    assert lines[0]["conversation"] == conversation_id(NUMBER) and lines[0]["to"] == "+44*******123"
    assert "7700900" not in sms_env.sms_outbox_file.read_text()


def test_with_a_twilio_account_texts_go_through_the_real_client(sms_env):
    with FakeTwilioApi() as api:
        settings = dataclasses.replace(sms_env, twilio_account_sid="AC" + "1" * 32, twilio_auth_token="t",
                                       twilio_from_number="+447700900000", twilio_api_base_url=api.url)
        sender = get_sender(settings)
        assert isinstance(sender, TwilioSender)
        assert asyncio.run(deliver(sender, NUMBER, ["hello"])) == 1
    assert [(m["To"], m["From"], m["Body"]) for m in api.sent] == [(NUMBER, "+447700900000", "hello")]


def test_nothing_goes_to_a_number_that_said_stop(sms_env):
    opt_out(NUMBER)
    recorder = Recorder()
    assert asyncio.run(deliver(recorder, NUMBER, ["hello"])) == 0 and recorder.sent == []
    assert asyncio.run(deliver(recorder, NUMBER, ["stopped"], even_if_opted_out=True)) == 1


def test_a_failed_send_stops_the_rest_and_logs_only_a_masked_number(sms_env, caplog):
    recorder = Recorder(fail_after=1)
    with caplog.at_level(logging.WARNING):
        assert asyncio.run(deliver(recorder, NUMBER, ["one", "two", "three"])) == 1
    assert "+44*******123" in caplog.text and "7700900" not in caplog.text


def test_a_workers_reply_is_sent_whole_in_segments(sms_env):
    recorder = Recorder()
    text = "Hi, it's Sam from the leaving care team. " * 10
    assert asyncio.run(text_handoff_parent(seal(NUMBER), text, recorder)) is None
    assert len(recorder.sent) >= 3 and all(len(body) <= 160 for _, body in recorder.sent)
    assert " ".join(body for _, body in recorder.sent) == text.strip()


def test_a_workers_reply_says_why_it_could_not_go(sms_env):
    assert "no number" in asyncio.run(text_handoff_parent(None, "hi", Recorder()))
    assert "only 0 of 1" in asyncio.run(text_handoff_parent(seal(NUMBER), "hi", Recorder(fail_after=0)))
    opt_out(NUMBER)
    assert "STOP" in asyncio.run(text_handoff_parent(seal(NUMBER), "hi", Recorder()))
