"""SMS records: STOP is remembered (as a hash) until START; a retried delivery is processed once."""

from __future__ import annotations

import sqlite3

from bot.store.sms import first_delivery, is_opted_out, opt_in, opt_out


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
