"""The widget's rate limits on a fake clock (over socket.io: tests/e2e/test_widget_limits.py): messages per
session with one notice a pause and a crisis still answered, and the address a new session counts against."""

from __future__ import annotations

import asyncio
import dataclasses
import logging

import pytest

from bot.channels.widget import WidgetLimits, mask_address
from bot.config import get_settings
from tests.bot.test_limits import Clock


class Request:
    ip = "198.51.100.9"


def limits_for(clock: Clock, **changes: object) -> WidgetLimits:
    settings = dataclasses.replace(get_settings(), widget_limits=((2, 60),), widget_new_sessions=((2, 3600),),
                                   **changes)
    return WidgetLimits(settings, lambda kind: [f"crisis answer ({kind})"], clock)


def refused(limits: WidgetLimits, text: str, session: str = "session-one") -> list[str] | None:
    return asyncio.run(limits.refused(session, text))


@pytest.fixture
def limits(db_url, monkeypatch) -> WidgetLimits:
    monkeypatch.setenv("VILLAGE_DATABASE_URL", db_url)  # a crisis over the limit is flagged
    get_settings.cache_clear()
    yield limits_for(Clock())
    get_settings.cache_clear()


def test_over_the_limit_a_session_is_told_once_and_the_bot_hears_nothing(limits, caplog):
    caplog.set_level(logging.INFO)
    assert refused(limits, "hi") is None and refused(limits, "hi") is None
    [notice] = refused(limits, "my private worry")
    assert "pausing until" in notice and "999" in notice and "116 123" in notice
    assert refused(limits, "hello?") == [] and refused(limits, "anyone?") == []
    assert refused(limits, "hi", session="session-two") is None
    assert "(2 per 1m)" in caplog.text and "private" not in caplog.text and "session-one" not in caplog.text


def test_a_crisis_over_the_limit_gets_its_answer_once_a_pause(limits):
    refused(limits, "hi"), refused(limits, "hi")
    first = refused(limits, "my baby is not breathing")
    assert first[0] == "crisis answer (baby_emergency)" and "pausing until" in first[1]
    assert refused(limits, "my baby is not breathing") == []


def test_new_sessions_count_against_the_connections_address():
    limits = limits_for(Clock())
    environ = {"sanic.request": Request(), "HTTP_X_FORWARDED_FOR": "203.0.113.7"}
    assert limits.address(environ) == "198.51.100.9"  # no proxy trusted: a made-up header changes nothing
    assert [limits.new_session("198.51.100.9").allowed for _ in range(3)] == [True, True, False]
    assert limits.new_session("198.51.100.10").allowed


@pytest.mark.parametrize(("proxies", "header", "address"), [
    (1, "203.0.113.7", "203.0.113.7"),
    (1, "6.6.6.6, 203.0.113.7", "203.0.113.7"),  # the client's own header is to the left of what nginx added
    (2, "6.6.6.6, 203.0.113.7, 10.0.0.2", "203.0.113.7"),
    (1, "", "198.51.100.9"),
])
def test_x_forwarded_for_is_believed_only_as_far_as_our_proxies(proxies, header, address):
    limits = limits_for(Clock(), trusted_proxies=proxies)
    assert limits.address({"sanic.request": Request(), "HTTP_X_FORWARDED_FOR": header}) == address


def test_addresses_are_masked_in_logs():
    assert mask_address("203.0.113.7") == "203.0.113.x"
    assert mask_address("2001:db8:1234:5678::1") == "2001:db8:1234::/48"
    assert mask_address("not an address") == "unknown"
