"""The SMS channel refuses to start in production with development shortcuts or missing settings."""

from __future__ import annotations

import dataclasses

import pytest

from bot.channels.sms import check
from bot.config import get_settings

PRODUCTION = dataclasses.replace(
    get_settings(), production=True, twilio_account_sid="AC" + "1" * 32, twilio_auth_token="token",
    twilio_from_number="+447700900000", number_key="a-long-random-key", public_url="https://village.example.org")


def test_a_complete_production_setting_starts():
    check(PRODUCTION)


def test_turning_signature_checks_off_is_refused_in_production():
    with pytest.raises(RuntimeError, match="TWILIO_VALIDATE=false is for local development only"):
        check(dataclasses.replace(PRODUCTION, twilio_validate=False))


def test_turning_signature_checks_off_is_allowed_outside_production(caplog):
    check(dataclasses.replace(PRODUCTION, production=False, twilio_validate=False))
    assert "NOT checked" in caplog.text


@pytest.mark.parametrize("missing", ["twilio_auth_token", "twilio_account_sid", "twilio_from_number",
                                     "number_key", "public_url"])
def test_production_needs_every_sms_setting(missing):
    with pytest.raises(RuntimeError, match="SMS in production needs"):
        check(dataclasses.replace(PRODUCTION, **{missing: None}))
