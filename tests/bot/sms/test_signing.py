"""Webhook signatures: made and checked with the real twilio library, blank fields included."""

from __future__ import annotations

import dataclasses
import urllib.parse

import pytest

from bot.config import get_settings
from bot.sms.signing import LOCAL_AUTH_TOKEN, Form, auth_token, is_signed, public_url, sign

URL = "https://village.example.org/webhooks/twilio/webhook"
PARAMS = {"From": "+447700900123", "Body": "", "NumMedia": "1", "MessageSid": "SM" + "a" * 32}


def test_a_picture_only_message_keeps_its_blank_body_in_the_signature():
    form = Form.parse(urllib.parse.urlencode(PARAMS).encode())
    assert form.first("Body") == "" and form.first("Missing") is None
    assert is_signed("token", URL, form, sign("token", URL, PARAMS))


@pytest.mark.parametrize("change", [
    {"token": "other"}, {"url": URL.replace("https", "http")}, {"body": "Body=hello"}, {"signature": ""},
    {"signature": None}])
def test_anything_changed_or_missing_fails(change):
    signature = sign(change.get("token", "token"), change.get("url", URL), PARAMS)
    signature = change.get("signature", signature)
    body = urllib.parse.urlencode(PARAMS) + ("&" + change["body"] if "body" in change else "")
    assert not is_signed("token", URL, Form.parse(body.encode()), signature)


def test_the_public_url_replaces_what_the_server_saw_behind_a_proxy():
    settings = dataclasses.replace(get_settings(), public_url="https://village.example.org")
    seen = "http://10.0.0.5:5005/webhooks/twilio/webhook?x=1"
    assert public_url(settings, "/webhooks/twilio/webhook?x=1", seen) == \
        "https://village.example.org/webhooks/twilio/webhook?x=1"
    direct = dataclasses.replace(settings, public_url=None)
    assert public_url(direct, "/p", "http://127.0.0.1:5005/p") == "http://127.0.0.1:5005/p"


def test_no_development_token_in_production():
    settings = dataclasses.replace(get_settings(), twilio_auth_token=None)
    assert auth_token(settings) == LOCAL_AUTH_TOKEN
    with pytest.raises(RuntimeError, match="TWILIO_AUTH_TOKEN"):
        auth_token(dataclasses.replace(settings, production=True))
