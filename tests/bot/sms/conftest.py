"""SMS unit tests run against a real, temporary database and outbox, chosen through the environment."""

from __future__ import annotations

import pytest

from bot.config import get_settings


@pytest.fixture
def sms_env(db_url, monkeypatch, tmp_path):
    monkeypatch.setenv("VILLAGE_DATABASE_URL", db_url)
    monkeypatch.setenv("VILLAGE_SMS_OUTBOX", str(tmp_path / "outbox.jsonl"))
    monkeypatch.setenv("VILLAGE_NUMBER_KEY", "unit-test-key")
    get_settings.cache_clear()
    yield get_settings()
    get_settings.cache_clear()
