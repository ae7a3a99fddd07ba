"""A Redis lock store whose every change is atomic, so two Rasa processes never run one conversation at once.

Rasa 3.6's `RedisLockStore` reads a conversation's ticket lock, changes it in Python and writes it back. Two
processes issuing tickets at the same moment both get ticket 0, both run a turn on the same tracker, and the
SQL tracker store then keeps only one turn's events: a parent's message is silently lost
(`tests/integration/test_scale_out.py` caught exactly that). Here each read-change-write runs in a Redis
transaction (WATCH/MULTI/EXEC, retried if another process changed the lock meanwhile), and the lock is
deleted only if no new ticket arrived since it was read.

endpoints.yml:  lock_store: {type: bot.store.locks.AtomicRedisLockStore, url: ..., port: ..., db: 1}
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, TypeVar

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, RedisLockStore

Result = TypeVar("Result")
Change = Callable[[TicketLock | None], tuple[TicketLock | None, Result]]


class AtomicRedisLockStore(RedisLockStore):
    def __init__(self, endpoint_config: Any = None, **kwargs: Any) -> None:
        if endpoint_config is not None:  # how Rasa builds a lock store named by its module path
            kwargs = {"host": endpoint_config.url or "localhost", **endpoint_config.kwargs}
        super().__init__(**kwargs)

    def _atomically(self, conversation_id: str, change: Change) -> Result:
        """Apply `change` to the stored lock (None if there is none); it returns (lock to store, result)."""
        import redis

        key = self.key_prefix + conversation_id
        with self.red.pipeline() as pipe:
            while True:
                try:
                    pipe.watch(key)
                    raw = pipe.get(key)
                    lock = TicketLock.from_dict(json.loads(raw)) if raw else None
                    new_lock, result = change(lock)
                    pipe.multi()
                    if new_lock is not None:
                        pipe.set(key, new_lock.dumps())
                    elif raw:
                        pipe.delete(key)
                    pipe.execute()
                    return result
                except redis.WatchError:
                    continue  # another process changed this lock first: read it again

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        def issue(lock: TicketLock | None) -> tuple[TicketLock, int]:
            lock = lock or self.create_lock(conversation_id)
            return lock, lock.issue_ticket(lock_lifetime)

        try:
            return self._atomically(conversation_id, issue)
        except Exception as error:
            raise LockError(f"Error while acquiring lock. Error:\n{error}") from error

    def update_lock(self, conversation_id: str) -> None:
        def drop_expired(lock: TicketLock | None) -> tuple[TicketLock | None, None]:
            if lock is not None:
                lock.remove_expired_tickets()
            return lock, None

        self._atomically(conversation_id, drop_expired)

    def finish_serving(self, conversation_id: str, ticket_number: int) -> None:
        def finish(lock: TicketLock | None) -> tuple[TicketLock | None, None]:
            if lock is not None:
                lock.remove_ticket_for(ticket_number)
            return lock, None

        self._atomically(conversation_id, finish)

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        def finish_and_maybe_delete(lock: TicketLock | None) -> tuple[TicketLock | None, None]:
            if lock is None:
                return None, None
            lock.remove_ticket_for(ticket_number)
            return (lock if lock.is_someone_waiting() else None), None

        self._atomically(conversation_id, finish_and_maybe_delete)
