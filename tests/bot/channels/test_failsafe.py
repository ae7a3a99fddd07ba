"""Rasa's silent in-memory fallback is refused; a failed action still answers; unsafe stores are named."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace

import pytest
import sqlalchemy.exc
from rasa.core.actions.action import RemoteAction
from rasa.core.channels.channel import CollectingOutputChannel
from rasa.core.lock_store import InMemoryLockStore
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.core.tracker_store import FailSafeTrackerStore, InMemoryTrackerStore, SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from bot.channels import failsafe
from bot.config import get_settings
from bot.safety.answers import TROUBLE_REPLY
from bot.stack import free_port


class BrokenStore(InMemoryTrackerStore):
    """A database that has gone away."""

    async def retrieve(self, sender_id):
        raise sqlalchemy.exc.OperationalError("select", {}, Exception("server closed the connection"))

    async def save(self, tracker):
        raise sqlalchemy.exc.OperationalError("insert", {"text": "secret words"}, Exception("gone"))


def test_a_failing_tracker_store_raises_instead_of_switching_to_memory():
    failsafe.install()
    failsafe.install()  # twice is harmless
    store = FailSafeTrackerStore(BrokenStore(Domain.empty()))
    tracker = DialogueStateTracker("parent", [])
    with pytest.raises(failsafe.TrackerStoreUnavailable, match="OperationalError"):
        asyncio.run(store.retrieve("parent"))
    with pytest.raises(failsafe.TrackerStoreUnavailable):
        asyncio.run(store.save(tracker))
    assert store._fallback_tracker_store is None  # nothing was kept in memory


def test_database_connections_are_checked_before_use(tmp_path):
    failsafe.install()
    store = SQLTrackerStore(Domain.empty(), db=str(tmp_path / "tracker.db"))
    assert store.engine.pool._pre_ping


def test_an_action_server_that_is_down_gives_the_trouble_reply_not_silence():
    failsafe.install()
    action = RemoteAction("action_answer_entitlement",
                          EndpointConfig(f"http://127.0.0.1:{free_port()}/webhook"))  # nothing listens
    domain = Domain.empty()
    events = asyncio.run(action.run(CollectingOutputChannel(), TemplatedNaturalLanguageGenerator({}),
                                    DialogueStateTracker("parent", []), domain))
    assert events == [BotUttered(TROUBLE_REPLY, metadata={"author": "bot", "trouble": True})]
    assert "999" in TROUBLE_REPLY and "116 123" in TROUBLE_REPLY


def agent(store, lock_store=None):
    return SimpleNamespace(tracker_store=FailSafeTrackerStore(store),
                           lock_store=lock_store or InMemoryLockStore())


def test_an_in_memory_tracker_store_is_named_as_the_problem(tmp_path, monkeypatch):
    assert "tracker store is in memory" in failsafe.store_problem(agent(InMemoryTrackerStore(Domain.empty())))
    sql = SQLTrackerStore(Domain.empty(), db=str(tmp_path / "tracker.db"))
    assert failsafe.store_problem(agent(sql)) is None
    assert failsafe.store_problem(None) is None  # no model: Rasa says so itself
    monkeypatch.setenv("VILLAGE_ENV", "production")
    get_settings.cache_clear()
    try:
        assert "AtomicRedisLockStore (not InMemoryLockStore)" in failsafe.store_problem(agent(sql))
    finally:
        monkeypatch.delenv("VILLAGE_ENV")
        get_settings.cache_clear()
