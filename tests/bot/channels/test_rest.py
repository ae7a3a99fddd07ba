"""The REST channel refuses what Rasa's would have answered with a 500 or silently dropped."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace

import pytest
from sanic.exceptions import InvalidUsage, PayloadTooLarge

from bot.channels.rest import MAX_MESSAGE, GuardedRestInput

channel = GuardedRestInput()


def request(body):
    return SimpleNamespace(json=body)


def parts(body):
    req = request(body)
    return (asyncio.run(channel._extract_sender(req)), channel._extract_message(req),
            channel._extract_input_channel(req), channel.get_metadata(req))


def test_a_plain_message_passes_as_rasa_reads_it():
    assert parts({"sender": "me", "message": "hi"}) == ("me", "hi", "rest", None)
    assert parts({"sender": 42, "message": "", "input_channel": "twilio", "metadata": {"a": 1}}) == (
        "42", "", "twilio", {"a": 1})


def test_no_sender_is_rasas_default_conversation_as_before():
    assert parts({"message": "hi"})[0] is None


@pytest.mark.parametrize("body", [None, [], "hi", 1, True])
def test_a_body_that_is_not_a_json_object_is_a_400_not_a_500(body):
    with pytest.raises(InvalidUsage, match="must be a JSON object"):
        parts(body)


@pytest.mark.parametrize("body", [
    {"sender": "me"}, {"sender": "me", "message": None}, {"sender": "me", "message": 1},
    {"sender": "me", "message": ["hi"]}, {"sender": {"x": 1}, "message": "hi"},
    {"sender": True, "message": "hi"}, {"sender": " ", "message": "hi"},
    {"sender": "x" * 256, "message": "hi"}, {"sender": "\ud800", "message": "hi"},
    {"sender": "me", "message": "hi", "metadata": "x"}, {"sender": "me", "message": "hi", "input_channel": 5},
])
def test_a_message_rasa_would_drop_is_a_400_saying_which_field(body):
    with pytest.raises(InvalidUsage, match=r'"(sender|message|metadata|input_channel)" must be'):
        parts(body)


def test_a_message_longer_than_the_widget_reads_is_a_413():
    assert parts({"sender": "me", "message": "a" * MAX_MESSAGE})[1] == "a" * MAX_MESSAGE
    with pytest.raises(PayloadTooLarge, match=f"at most {MAX_MESSAGE}"):
        parts({"sender": "me", "message": "a" * (MAX_MESSAGE + 1)})


def test_a_lone_surrogate_becomes_a_replacement_character_and_the_rest_is_kept():
    assert parts({"sender": "me", "message": "help \ud800 housing \udfff"})[1] == "help \ufffd housing \ufffd"
    assert parts({"sender": "me", "message": "👶🏽"})[1] == "👶🏽"


def test_production_refuses_the_rest_channel_before_it_opens(monkeypatch):
    from bot.channels.rest import RestRefused
    from bot.config import get_settings

    async def on_new_message(message):
        return None

    monkeypatch.setenv("VILLAGE_ENV", "production")
    get_settings.cache_clear()
    try:
        with pytest.raises(RestRefused, match="no authentication"):
            GuardedRestInput().blueprint(on_new_message)
    finally:
        monkeypatch.delenv("VILLAGE_ENV")
        get_settings.cache_clear()
    assert GuardedRestInput().blueprint(on_new_message) is not None  # outside production it opens
