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


def test_a_conversation_id_is_stable_per_number_and_is_not_the_number():
    from bot.sms.numbers import conversation_id

    assert conversation_id("+447700900123") == conversation_id("+44 7700 900123")
    assert conversation_id("+447700900123") != conversation_id("+447700900124")
    cid = conversation_id("+447700900123")
    assert cid.startswith("sms-") and "900123" not in cid


def test_a_sealed_number_opens_only_with_the_same_key(monkeypatch):
    from bot.config import get_settings
    from bot.sms.numbers import seal, unseal

    monkeypatch.setenv("VILLAGE_NUMBER_KEY", "key-one")
    get_settings.cache_clear()
    sealed = seal("+44 7700 900123")
    assert "7700900123" not in sealed and unseal(sealed) == "+447700900123"
    monkeypatch.setenv("VILLAGE_NUMBER_KEY", "key-two")
    get_settings.cache_clear()
    assert unseal(sealed) is None and unseal(None) is None
    get_settings.cache_clear()
