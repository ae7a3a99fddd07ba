"""Crisis flags: committed at once, listed per conversation, and no message text is kept."""

from __future__ import annotations

import sqlite3

from sqlalchemy import inspect

from bot.store import crisis_flags, flag_crisis, get_engine


def test_a_crisis_flag_is_committed_before_the_call_returns(db_url):
    flag_id = flag_crisis("parent-42", "self_harm", db_url)
    # Read it back through a separate, plain connection: it must already be on disk.
    with sqlite3.connect(db_url.removeprefix("sqlite:///")) as db:
        row = db.execute("select id, conversation_id, kind from crisis_flags").fetchone()
    assert row == (flag_id, "parent-42", "self_harm")


def test_flags_are_listed_per_conversation_in_order(db_url):
    flag_crisis("a", "danger", db_url)
    flag_crisis("b", "baby_emergency", db_url)
    flag_crisis("a", "domestic_abuse", db_url)
    assert [f.kind for f in crisis_flags("a", db_url)] == ["danger", "domestic_abuse"]
    assert len(crisis_flags(url=db_url)) == 3


def test_no_message_text_is_stored(db_url):
    columns = {column["name"] for column in inspect(get_engine(db_url)).get_columns("crisis_flags")}
    assert columns == {"id", "conversation_id", "kind", "created_at"}
