"""When part of Village is down, a parent still gets an answer with the 24/7 numbers, and nothing is hidden.

Rasa 3.6 wraps every tracker store in a `FailSafeTrackerStore`: if the database fails, a conversation is
silently read as empty and saved to memory, where it is lost at the next restart and invisible to the other
Rasa process. Village refuses that: the error reaches the channel, which tells the parent it is having
trouble and gives the 24/7 numbers (`bot.channels.guard`). A server whose tracker store is in memory (a
missing or misspelt `tracker_store` in the endpoints file) refuses to start, and so does a production server
without the atomic shared lock store (`bot.store.locks`). Database connections are checked before use
(`pool_pre_ping`), so the first turn after a database restart works. If the action server is down or fails,
the parent gets the trouble reply instead of silence.

Installed by each of Village's channels as Rasa builds them (bot.channels.protections), never at import.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from sanic import Blueprint

from bot.safety.answers import TROUBLE_REPLY

logger = logging.getLogger(__name__)

REFUSED_EXIT_CODE = 78  # EX_CONFIG: the configuration is wrong, restarting won't help


class TrackerStoreUnavailable(RuntimeError):
    """The tracker store failed; the turn stops here instead of carrying on in memory."""


_installed = False


def install() -> None:
    """Idempotent: refuse Rasa's in-memory fallback, ping pooled connections, answer when actions fail."""
    global _installed
    if _installed:
        return
    import rasa.core.tracker_store as tracker_stores
    from rasa.core.actions.action import ActionExecutionRejection, RemoteAction
    from rasa.shared.core.events import BotUttered

    def refuse(self: Any, error: Exception) -> None:
        store = type(self._tracker_store).__name__
        logger.error("The tracker store (%s) failed: %s; not falling back to memory.", store,
                     type(error).__name__)
        raise TrackerStoreUnavailable(f"{store} failed: {type(error).__name__}") from error

    tracker_stores.FailSafeTrackerStore.on_tracker_store_error = refuse
    tracker_stores.FailSafeTrackerStore.on_tracker_store_retrieve_error = refuse

    engine_kwargs = tracker_stores.create_engine_kwargs

    def create_engine_kwargs(url: Any) -> dict[str, Any]:
        return {**engine_kwargs(url), "pool_pre_ping": True}

    tracker_stores.create_engine_kwargs = create_engine_kwargs

    run_remote = RemoteAction.run

    async def run(self: RemoteAction, output_channel: Any, nlg: Any, tracker: Any, domain: Any) -> list:
        try:
            return await run_remote(self, output_channel, nlg, tracker, domain)
        except ActionExecutionRejection:
            raise  # a form's "not this slot": Rasa's normal flow
        except Exception as error:  # the action server is down, timed out or failed
            logger.error("Custom action %s failed (%s): answering with the trouble reply.",
                         self.name(), type(error).__name__)
            return [BotUttered(TROUBLE_REPLY, metadata={"author": "bot", "trouble": True})]

    RemoteAction.run = run
    _installed = True


def watch(blueprint: Blueprint) -> None:
    """Check the loaded agent's stores once the server has started; stop the process if they are unsafe."""

    @blueprint.listener("after_server_start")
    async def check_stores(app: Any, _loop: Any) -> None:
        if getattr(app.ctx, "village_stores_checked", False):
            return
        app.ctx.village_stores_checked = True
        problem = store_problem(getattr(app.ctx, "agent", None))
        if problem:
            logger.critical("Refusing to run: %s", problem)
            for handler in logging.getLogger().handlers:
                handler.flush()
            os._exit(REFUSED_EXIT_CODE)


def store_problem(agent: Any) -> str | None:
    """Why this agent's stores are unsafe to serve parents with, or None."""
    from rasa.core.tracker_store import AwaitableTrackerStore, InMemoryTrackerStore

    from bot.config import get_settings
    from bot.store.locks import AtomicRedisLockStore

    if agent is None:
        return None  # no model loaded: Rasa says so itself
    store = agent.tracker_store
    store = getattr(store, "_tracker_store", store)  # FailSafeTrackerStore
    if isinstance(store, AwaitableTrackerStore):
        store = store._tracker_store
    if isinstance(store, InMemoryTrackerStore):
        return ("the tracker store is in memory, so conversations would be lost at restart. Set "
                "`tracker_store` in the endpoints file (type: SQL); see .env.example.")
    if get_settings().production and not isinstance(agent.lock_store, AtomicRedisLockStore):
        return (f"VILLAGE_ENV=production needs the shared lock store bot.store.locks.AtomicRedisLockStore "
                f"(not {type(agent.lock_store).__name__}), so two Rasa processes never answer one "
                "conversation at once; see deploy/endpoints.yml.")
    return None
