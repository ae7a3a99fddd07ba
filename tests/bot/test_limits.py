"""Rate limits per key on a fake clock: counts, pauses, one notice per pause, claims, bounded memory."""

from __future__ import annotations

import datetime as dt
import threading

import pytest

from bot.limits import Limiter, describe, parse_rules, pause_notice


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


def test_a_key_may_send_the_count_then_waits_until_the_window_closes(clock):
    limiter = Limiter([(3, 60)], clock)
    assert [limiter.check("a").allowed for _ in range(3)] == [True] * 3
    clock.now += 20
    refused = limiter.check("a")
    assert not refused.allowed and refused.retry_after == 40 and refused.limit == "3 per 1m"
    assert limiter.check("b").allowed  # other keys are not held up
    clock.now += 40
    assert limiter.check("a").allowed


def test_the_sender_is_told_once_per_pause_not_once_per_message(clock):
    limiter = Limiter([(2, 300)], clock)
    limiter.check("a"), limiter.check("a")
    firsts = [limiter.check("a").first_refusal for _ in range(5)]
    assert firsts == [True, False, False, False, False]
    clock.now += 300
    limiter.check("a"), limiter.check("a")
    assert limiter.check("a").first_refusal  # a new pause: told again


def test_refused_messages_do_not_count_or_extend_the_pause(clock):
    limiter = Limiter([(2, 60), (5, 3600)], clock)
    limiter.check("a"), limiter.check("a")
    for _ in range(50):
        clock.now += 1
        assert not limiter.check("a").allowed
    clock.now += 10  # 60 s after the first message
    assert limiter.check("a").allowed


def test_the_longer_rule_holds_when_the_short_one_has_room(clock):
    limiter = Limiter([(15, 300), (20, 86400)], clock)
    allowed = 0
    for _ in range(100):
        allowed += limiter.check("a").allowed
        clock.now += 30
    assert allowed == 20
    refused = limiter.check("a")
    assert refused.limit == "20 per 1d" and refused.retry_after == pytest.approx(86400 - 100 * 30)


def test_a_claim_is_granted_once_per_pause(clock):
    limiter = Limiter([(1, 60)], clock)
    assert limiter.claim("a", "crisis")  # not paused: nothing to ration
    limiter.check("a")
    limiter.check("a")
    assert limiter.claim("a", "crisis") and limiter.claim("a", "stop")
    assert not limiter.claim("a", "crisis")
    clock.now += 60
    limiter.check("a")
    limiter.check("a")  # the next pause
    assert limiter.claim("a", "crisis")


def test_idle_keys_are_forgotten_and_memory_is_bounded(clock):
    limiter = Limiter([(5, 60)], clock, max_keys=100)
    for i in range(50):
        limiter.check(f"k{i}")
    clock.now += 61
    limiter.check("new")
    assert limiter.remembered() == 1
    for i in range(1000):
        limiter.check(f"flood{i}")
    assert limiter.remembered() <= 100


def test_no_rules_means_no_limit(clock):
    limiter = Limiter(parse_rules("off"), clock)
    assert all(limiter.check("a").allowed for _ in range(1000)) and limiter.remembered() == 0


def test_threads_never_let_more_than_the_count_through():
    limiter = Limiter([(500, 3600)])
    allowed: list[bool] = []

    def send() -> None:
        allowed.extend(limiter.check("a").allowed for _ in range(200))

    threads = [threading.Thread(target=send) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(allowed) == 500


@pytest.mark.parametrize(("text", "rules"), [("15/5m,100/1d", ((15, 300.0), (100, 86400.0))),
                                             (" 20 / 1h ", ((20, 3600.0),)), ("3/90s", ((3, 90.0),)),
                                             ("OFF", ())])
def test_rules_read_from_settings(text, rules):
    assert parse_rules(text) == rules


@pytest.mark.parametrize("text", ["15", "15/5", "0/1m", "15/0m", "fifteen/5m", "15/5w", ""])
def test_a_mistyped_rule_is_an_error_not_no_limit(text):
    with pytest.raises(ValueError, match="reads like 15/5m"):
        parse_rules(text)


def test_rules_are_described_for_logs():
    described = [describe(rule) for rule in parse_rules("15/5m,100/1d,3/90s")]
    assert described == ["15 per 5m", "100 per 1d", "3 per 90s"]


@pytest.mark.parametrize(("wait", "when"), [(280, "until 2:05am."), (36000, "until 12:00pm."),
                                            (86000, "until 1:54am tomorrow.")])
def test_the_notice_says_when_to_write_again_and_who_to_call_in_one_text(wait, when):
    notice = pause_notice(wait, dt.datetime(2026, 11, 24, 2, 0))
    assert when in notice and "999" in notice and "116 123" in notice
    assert len(notice) <= 160 and notice.isascii()
