"""`make bench`: start the real stack on loopback and measure it, writing var/bench/performance.json.

- cold start to first answer: from starting both servers (model already trained) to the first reply of a
  turn that runs a custom action;
- p50/p95/p99 of a REST turn with a custom action at 1, 10 and 50 concurrent conversations;
- turns per second sustained over a longer run at 10 concurrent conversations, with the error count;
- the same 10 conversations at a person's pace (PACE_S: a fast reader and typist), p50/p95/p99;
- resident memory of each process after the load;
- training time, with --train (a forced `rasa train` into a temporary folder: minutes on 2 cores).

Targets on a 2-core machine: p95 <= 150 ms at 10 concurrent, >= 25 turns/s sustained with no errors, first
answer <= 30 s. The figures and how to reproduce them are in docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.error
from pathlib import Path

from bench.load import run
from bot.config import PROJECT_ROOT
from bot.stack import Stack, free_port, post_json

# Mean seconds between a reply and a person's next message in the paced run: reading a reply and typing a
# few words takes most people longer, so this is a hard pace. The unpaced levels send at once.
PACE_S = 2.0


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024)
    return float("nan")


def first_answer(stack: Stack, started: float, timeout: float = 300) -> float:
    """Seconds from `started` until a turn with a custom action answers."""
    deadline = started + timeout
    while time.perf_counter() < deadline:
        try:
            if post_json(stack.rest_url, {"sender": "bench-first", "message": "what am i entitled to"}, 10):
                return time.perf_counter() - started
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.1)
    raise TimeoutError("no answer")


def training_seconds() -> float:
    with tempfile.TemporaryDirectory() as out:
        started = time.perf_counter()
        rasa = str(Path(sys.executable).parent / "rasa")
        subprocess.run([rasa, "train", "--force", "--quiet", "--out", out], cwd=PROJECT_ROOT, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return round(time.perf_counter() - started, 1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--levels", type=int, nargs="+", default=[1, 10, 50])
    parser.add_argument("--seconds", type=float, default=20, help="per level")
    parser.add_argument("--sustain", type=float, default=60, help="seconds of the sustained run at 10")
    parser.add_argument("--train", action="store_true", help="also time a full training run")
    parser.add_argument("--out", type=Path, default=PROJECT_ROOT / "var" / "bench" / "performance.json")
    args = parser.parse_args()
    result: dict = {"cores": os.cpu_count()}
    with tempfile.TemporaryDirectory() as tmp:
        log = (Path(tmp) / "servers.log").open("w")
        stack = Stack(rasa_port=free_port(), action_port=free_port(), run_dir=Path(tmp),
                      tracker_db=Path(tmp) / "tracker.db", log=log,
                      database_url=f"sqlite:///{Path(tmp) / 'village.db'}")
        started = time.perf_counter()
        try:
            stack.start(timeout=300)
            result["ready_s"] = round(time.perf_counter() - started, 1)
            result["first_answer_s"] = round(first_answer(stack, started), 1)
            result["levels"] = run(stack.rest_url, args.levels, args.seconds)
            [sustained] = run(stack.rest_url, [10], args.sustain)
            result["sustained"] = sustained
            [paced] = run(stack.rest_url, [10], args.seconds * 2, think=PACE_S)
            result["paced"] = paced
            action_pid, rasa_pid = (p.pid for p in stack.processes)
            result["rss_mib"] = {"rasa": rss_mib(rasa_pid), "action_server": rss_mib(action_pid)}
        finally:
            stack.stop()
            log.close()
    if args.train:
        result["training_s"] = training_seconds()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
