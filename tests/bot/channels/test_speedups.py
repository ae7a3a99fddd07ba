"""With the speedups, Rasa checks and stores exactly what it did before: action responses, tracker events."""

from __future__ import annotations

import asyncio
import json

import pytest
import sqlalchemy as sa
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, SessionStarted, UserUttered
from sqlalchemy.pool import QueuePool

from bot.channels import speedups


def test_valid_responses_pass_and_invalid_ones_fail_with_rasas_message():
    speedups.install()
    speedups.install()  # twice is harmless
    action = RemoteAction("action_answer_entitlement", None)
    assert action._validate_action_result({"events": [], "responses": [{"text": "hi"}]})
    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        action._validate_action_result({"events": "not a list"})


def _store(tmp_path):
    speedups.install()
    store = SQLTrackerStore(Domain.empty(), db=str(tmp_path / "tracker.db"))
    statements: list[str] = []
    sa.event.listen(store.engine, "before_cursor_execute",
                    lambda _conn, _cursor, statement, *_: statements.append(statement.lower()))
    return store, statements


def _stored(store, sender):
    with store.session_scope() as session:
        rows = session.query(store.SQLEvent).filter(store.SQLEvent.sender_id == sender).order_by(
            store.SQLEvent.id).all()
        return [json.loads(row.data)["event"] + ":" + str(json.loads(row.data).get("text")) for row in rows]


def test_sqlite_connections_are_pooled_and_write_ahead_logged(tmp_path):
    store, _ = _store(tmp_path)
    assert isinstance(store.engine.pool, QueuePool)
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_a_turn_stores_exactly_its_new_events_without_counting_them_again(tmp_path):
    store, statements = _store(tmp_path)

    async def turns():
        tracker = await store.get_or_create_tracker("parent")  # new: Rasa counts (nothing stored yet)
        tracker.update(SessionStarted())
        tracker.update(UserUttered("hello"))
        await store.save(tracker)
        tracker.update(BotUttered("hi there"))
        await store.save(tracker)  # the same tracker again: only the new event
        statements.clear()
        tracker = await store.retrieve("parent")  # the next turn reads it
        tracker.update(UserUttered("what am i entitled to"))
        tracker.update(BotUttered("the pledge says"))
        await store.save(tracker)

    asyncio.run(turns())
    assert not [s for s in statements if "count(" in s]
    assert _stored(store, "parent") == ["action:None", "session_started:None", "user:hello", "bot:hi there",
                                        "user:what am i entitled to", "bot:the pledge says"]


def test_a_tracker_read_another_way_is_counted_in_the_database(tmp_path):
    store, statements = _store(tmp_path)

    async def turns():
        tracker = await store.get_or_create_tracker("parent")
        tracker.update(UserUttered("hello"))
        await store.save(tracker)
        statements.clear()
        full = await store.retrieve_full_tracker("parent")  # all sessions: no count is kept
        full.update(BotUttered("hi there"))
        await store.save(full)
        copy = (await store.retrieve("parent")).copy()  # a copy has none either
        copy.update(BotUttered("anything else?"))
        await store.save(copy)

    asyncio.run(turns())
    assert len([s for s in statements if "count(" in s]) == 2
    assert _stored(store, "parent") == ["action:None", "user:hello", "bot:hi there", "bot:anything else?"]
