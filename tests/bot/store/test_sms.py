"""SMS records: STOP is remembered (as a hash) until START; a retried delivery is processed once."""

from __future__ import annotations

import sqlite3

from bot.replies import Button
from bot.store.sms import (
    Pending,
    first_delivery,
    forget_delivery,
    is_opted_out,
    opt_in,
    opt_out,
    pending,
    remember,
)


def test_stop_is_remembered_until_start_and_the_number_is_not_stored(db_url):
    opt_out("+447700900123", db_url)
    opt_out("+447700900123", db_url)  # twice is fine
    assert is_opted_out("+447700900123", db_url) and not is_opted_out("+447700900999", db_url)
    with sqlite3.connect(db_url.removeprefix("sqlite:///")) as db:
        [(stored,)] = db.execute("select number_key from sms_opt_outs").fetchall()
    assert "7700900123" not in stored
    opt_in("+447700900123", db_url)
    assert not is_opted_out("+447700900123", db_url)


def test_the_same_message_sid_is_processed_once(db_url):
    assert first_delivery("SM" + "1" * 32, db_url)
    assert not first_delivery("SM" + "1" * 32, db_url)
    assert first_delivery("SM" + "2" * 32, db_url)


def test_a_failed_delivery_can_be_forgotten_so_the_retry_is_handled(db_url):
    assert first_delivery("SM" + "3" * 32, db_url)
    forget_delivery("SM" + "3" * 32, db_url)
    assert first_delivery("SM" + "3" * 32, db_url)


def test_only_the_last_turns_more_and_options_are_kept(db_url):
    options = (Button("Yes, share it", "/affirm"), Button("No", "/deny"))
    assert pending("sms-1", db_url) == Pending()
    remember("sms-1", Pending("the rest", options), db_url)
    assert pending("sms-1", db_url) == Pending("the rest", options)
    remember("sms-1", Pending("", options), db_url)
    assert pending("sms-1", db_url) == Pending("", options)
    remember("sms-1", Pending(), db_url)
    with sqlite3.connect(db_url.removeprefix("sqlite:///")) as db:
        assert db.execute("select count(*) from sms_pending").fetchone() == (0,)
