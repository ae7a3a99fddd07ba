"""Concurrent conversations against the real stack, on loopback: p50/p95/p99 of a REST turn with a custom
action, turns per second sustained, and errors, at several levels of concurrency.

With --think, each conversation waits about that many seconds (half to one and a half times it) after
each reply before it sends the next message, as a person reads and types; without it, it sends at once.

Usage: .venv/bin/python -m bench.load --url http://127.0.0.1:5005 --levels 1 10 50 --seconds 20 [--think 2]
(`make bench` starts its own stack and calls this; see docs/performance.md.)
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import time
import uuid
from dataclasses import dataclass, field

import aiohttp

# Each needs the action server (entitlements or who to call): the turns measured are never canned replies.
QUESTIONS = [
    "what am i entitled to",
    "can i get help with housing",
    "im skint can i get a grant for baby stuff",
    "can i get childcare if i go back to college",
    "who can i call tonight",
    "i feel really low is there counselling",
    "im a dad what help is there for me",
    "can i still get help at 24",
]
TURNS_PER_CONVERSATION = 4


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))] if ordered else float("nan")


@dataclass
class Level:
    concurrency: int
    seconds: float
    think_s: float = 0.0
    latencies_ms: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    elapsed_s: float = 0.0

    def summary(self) -> dict:
        done = len(self.latencies_ms)
        return {"concurrency": self.concurrency, "think_s": self.think_s, "turns": done,
                "errors": len(self.errors),
                "first_errors": self.errors[:3], "seconds": round(self.elapsed_s, 1),
                "turns_per_s": round(done / self.elapsed_s, 1) if self.elapsed_s else 0.0,
                "p50_ms": round(percentile(self.latencies_ms, 0.50), 1),
                "p95_ms": round(percentile(self.latencies_ms, 0.95), 1),
                "p99_ms": round(percentile(self.latencies_ms, 0.99), 1),
                "max_ms": round(max(self.latencies_ms, default=float("nan")), 1)}


async def _conversations(session: aiohttp.ClientSession, url: str, level: Level, deadline: float,
                         worker: int) -> None:
    turn = worker  # workers start at different questions
    while time.perf_counter() < deadline:
        sender = f"load-{uuid.uuid4().hex[:12]}"
        for _ in range(TURNS_PER_CONVERSATION):
            if time.perf_counter() >= deadline:
                return
            started = time.perf_counter()
            try:
                async with session.post(url, json={"sender": sender,
                                                   "message": QUESTIONS[turn % len(QUESTIONS)]}) as reply:
                    body = await reply.json(content_type=None)
                    if reply.status != 200 or not body:
                        level.errors.append(f"HTTP {reply.status}: {str(body)[:80]}")
                        continue
            except (aiohttp.ClientError, asyncio.TimeoutError) as error:
                level.errors.append(f"{type(error).__name__}: {error}")
                continue
            level.latencies_ms.append((time.perf_counter() - started) * 1000)
            turn += 1
            if level.think_s:
                await asyncio.sleep(level.think_s * random.uniform(0.5, 1.5))


async def run_level(url: str, concurrency: int, seconds: float, think: float = 0.0) -> Level:
    level = Level(concurrency, seconds, think)
    timeout = aiohttp.ClientTimeout(total=30)
    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(timeout=timeout, connector=connector) as session:
        started = time.perf_counter()
        deadline = started + seconds
        await asyncio.gather(*(_conversations(session, url, level, deadline, n) for n in range(concurrency)))
        level.elapsed_s = time.perf_counter() - started
    return level


def run(url: str, levels: list[int], seconds: float, think: float = 0.0) -> list[dict]:
    return [asyncio.run(run_level(url, n, seconds, think)).summary() for n in levels]


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:5005")
    parser.add_argument("--levels", type=int, nargs="+", default=[1, 10, 50])
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--think", type=float, default=0.0, help="mean seconds between a reply and the next")
    args = parser.parse_args()
    rest = args.url.rstrip("/") + "/webhooks/rest/webhook"
    print(json.dumps(run(rest, args.levels, args.seconds, args.think), indent=2))
