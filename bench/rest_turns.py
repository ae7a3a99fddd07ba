"""Measure the real stack: model load time, REST turn latency (p50/p95) with a custom action, memory.

Usage: .venv/bin/python bench/rest_turns.py --turns 200   (or `make bench`)
Starts its own action server and Rasa server on free loopback ports and a temporary SQLite tracker store.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

from bot.stack import Stack, free_port

QUESTIONS = [
    "what am i entitled to",
    "can i get help with housing",
    "im skint can i get a grant for baby stuff",
    "can i get childcare if i go back to college",
    "i feel really low is there counselling",
    "my baby was taken into care what support do i get",
    "im a dad what help is there for me",
    "can i still get help at 24",
]


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--turns", type=int, default=200)
    parser.add_argument("--out", type=Path, default=Path("var/bench/rest_turns.json"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        log = (Path(tmp) / "servers.log").open("w")
        stack = Stack(rasa_port=free_port(), action_port=free_port(), run_dir=Path(tmp),
                      tracker_db=Path(tmp) / "tracker.db", log=log,
                      database_url=f"sqlite:///{Path(tmp) / 'village.db'}")
        started = time.perf_counter()
        try:
            stack.start(timeout=300)
            ready = time.perf_counter() - started
            first = time.perf_counter()
            stack.say("warm-up", "hi")
            first_turn = time.perf_counter() - first
            timings = []
            sender = ""
            for turn in range(args.turns):
                if turn % 4 == 0:  # a new conversation every four turns
                    sender = f"bench-{uuid.uuid4().hex[:8]}"
                t0 = time.perf_counter()
                messages = stack.say(sender, QUESTIONS[turn % len(QUESTIONS)])
                timings.append((time.perf_counter() - t0) * 1000)
                if not messages:
                    raise RuntimeError(f"turn {turn}: no reply")
            action_pid, rasa_pid = (p.pid for p in stack.processes)
            result = {
                "turns": args.turns,
                "start_to_ready_s": round(ready, 1),
                "first_turn_ms": round(first_turn * 1000, 1),
                "p50_ms": round(statistics.median(timings), 1),
                "p95_ms": round(percentile(timings, 0.95), 1),
                "max_ms": round(max(timings), 1),
                "rss_rasa_mib": round(rss_mib(rasa_pid)),
                "rss_action_server_mib": round(rss_mib(action_pid)),
            }
        finally:
            stack.stop()
            log.close()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
