"""Worker accounts: argon2 hashes, no plain passwords, wrong passwords and unknown names refused alike."""

from __future__ import annotations

import sqlite3

import pytest

from bot.handoff.workers import WorkerError, add_worker, authenticate


def test_a_worker_logs_in_with_the_right_password_only(db_url):
    add_worker("Sam", "Sam Worker", "correct horse battery", db_url)
    assert authenticate("sam", "correct horse battery", db_url).display_name == "Sam Worker"
    assert authenticate("sam", "wrong horse battery!", db_url) is None
    assert authenticate("nobody", "correct horse battery", db_url) is None


def test_the_password_is_stored_as_an_argon2_hash(db_url):
    add_worker("sam", "Sam", "correct horse battery", db_url)
    with sqlite3.connect(db_url.removeprefix("sqlite:///")) as db:
        [stored] = db.execute("select password_hash from workers").fetchone()
    assert stored.startswith("$argon2id$") and "correct horse" not in stored


@pytest.mark.parametrize("username, password, message", [
    ("sam", "short", "at least 12"),
    ("", "correct horse battery", "username"),
])
def test_bad_accounts_are_refused_with_a_reason(db_url, username, password, message):
    with pytest.raises(WorkerError, match=message):
        add_worker(username, "Sam", password, db_url)


def test_the_same_username_twice_is_refused(db_url):
    add_worker("sam", "Sam", "correct horse battery", db_url)
    with pytest.raises(WorkerError, match="already"):
        add_worker("SAM", "Sam again", "correct horse battery", db_url)
