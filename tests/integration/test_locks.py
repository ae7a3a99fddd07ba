"""The atomic Redis lock store on a real Redis: unique tickets, and turns never overlap across processes."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest
from rasa.utils.endpoints import EndpointConfig

from bot.store.locks import AtomicRedisLockStore

pytestmark = pytest.mark.integration


def store(redis) -> AtomicRedisLockStore:
    # Built the way Rasa builds it from endpoints.yml; each store has its own connection, like a process.
    return AtomicRedisLockStore(endpoint_config=EndpointConfig(url="127.0.0.1", port=redis.port, db=2,
                                                               type="bot.store.locks.AtomicRedisLockStore"))


def in_threads(count: int, work) -> None:
    threads = [threading.Thread(target=work, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)


def test_tickets_issued_at_the_same_moment_by_many_processes_are_all_different(redis):
    stores = [store(redis) for _ in range(8)]
    tickets: list[int] = []
    start = threading.Barrier(8)

    def issue(n: int) -> None:
        start.wait()
        for _ in range(25):
            tickets.append(stores[n].issue_ticket("same-conversation"))

    in_threads(8, issue)
    assert len(tickets) == 200 and len(set(tickets)) == 200


def test_turns_of_one_conversation_never_overlap(redis):
    stores = [store(redis) for _ in range(4)]
    shared = {"value": 0, "inside": 0, "overlaps": 0}

    async def turn(lock_store: AtomicRedisLockStore) -> None:
        async with lock_store.lock("busy-conversation", wait_time_in_seconds=0.01):
            shared["inside"] += 1
            shared["overlaps"] += shared["inside"] > 1
            value = shared["value"]  # read, wait, write: loses updates unless turns are one at a time
            time.sleep(0.005)
            shared["value"] = value + 1
            shared["inside"] -= 1

    def work(n: int) -> None:
        async def turns() -> None:
            for _ in range(10):
                await turn(stores[n])

        asyncio.run(turns())

    in_threads(4, work)
    assert shared == {"value": 40, "inside": 0, "overlaps": 0}
    assert stores[0].get_lock("busy-conversation") is None  # cleaned up when nobody waits
