"""Desk session cookies: round trip, and forged, tampered or expired cookies are refused."""

from __future__ import annotations

import time

from bot.desk import sessions


def test_a_session_survives_the_round_trip():
    session = sessions.new_session(7)
    assert sessions.decode(sessions.encode(session)) == session


def test_tampered_forged_and_broken_cookies_are_refused():
    value = sessions.encode(sessions.new_session(7))
    payload, signature = value.split(".")
    other = sessions.encode(sessions.new_session(8)).split(".")[0]
    for bad in (f"{other}.{signature}", f"{payload}.x{signature[1:]}", "", None, "no-dot", "a.b.c", "😀.😀"):
        assert sessions.decode(bad) is None


def test_an_expired_session_is_refused():
    session = sessions.new_session(7)
    assert sessions.decode(sessions.encode(session), now=time.time() + sessions.LIFETIME_S + 1) is None


def test_tokens_compare_safely():
    assert sessions.same_token("abc", "abc")
    assert not sessions.same_token("abc", "abd")
    assert not sessions.same_token(None, None)
    assert not sessions.same_token("é", "abc")
