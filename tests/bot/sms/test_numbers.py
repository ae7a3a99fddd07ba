"""Phone numbers: masked in logs and hashed with a key for the opt-out list."""

from __future__ import annotations

from bot.sms.numbers import mask, number_key


def test_mask_keeps_only_the_ends():
    assert mask("+447700900123") == "+44*******123"
    assert "7700900" not in mask("+447700900123")
    assert mask("12345") == "*****" and mask(None) == ""


def test_number_key_is_stable_and_hides_the_number():
    assert number_key("+447700900123") == number_key("+44 7700 900123")
    assert number_key("+447700900123") != number_key("+447700900124")
    assert "7700900123" not in number_key("+447700900123")
