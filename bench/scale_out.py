"""The production shape under load: nginx (deploy/nginx.conf) in front of two Rasa processes sharing
PostgreSQL and Redis (deploy/endpoints.yml), one action server; 50 concurrent conversations for 60 s, then a
check that every answered turn is in the tracker store.

Usage: .venv/bin/python -m bench.scale_out [--concurrency 50] [--seconds 60]   (`make bench-scale`)
Figures go to var/bench/scale_out.json and docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa

from bench.load import run
from bench.performance import rss_mib
from bot.config import PROJECT_ROOT
from tests.integration.servers import Nginx, Postgres, Redis, production_shape


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return round((int(fields[11]) + int(fields[12])) / 100, 1)  # utime + stime, in clock ticks of 1/100 s


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--out", type=Path, default=PROJECT_ROOT / "var" / "bench" / "scale_out.json")
    args = parser.parse_args()
    postgres, redis = Postgres().init(), Redis().start()
    result: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        log = (Path(tmp) / "servers.log").open("w")
        stack = production_shape(Path(tmp), postgres, redis)
        stack.log = log
        nginx = Nginx((stack.rasa_port, stack.extra_rasa_ports[0]))
        try:
            stack.start(timeout=400)
            nginx.start(PROJECT_ROOT / "deploy" / "nginx.conf")
            actions, *rasas = stack.processes
            cpu_before = [cpu_seconds(p.pid) for p in rasas]
            [level] = run(nginx.url + "/webhooks/rest/webhook", [args.concurrency], args.seconds)
            result["load"] = level
            result["rasa_cpu_s_during_load"] = [round(cpu_seconds(p.pid) - before, 1)
                                                for p, before in zip(rasas, cpu_before, strict=True)]
            result["rss_mib"] = {"rasa": [rss_mib(p.pid) for p in rasas],
                                 "action_server": rss_mib(actions.pid)}
            time.sleep(2)
            with sa.create_engine(postgres.url("village_tracker")).connect() as db:
                stored = db.execute(sa.text("select count(*), count(distinct data) from events "
                                            "where type_name = 'user' and sender_id like 'load-%'")).one()
            result["user_events_stored"] = stored[0]
            result["answered_turns"] = level["turns"]
        finally:
            nginx.stop()
            stack.stop()
            log.close()
            redis.stop()
            postgres.destroy()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))
    ok = result["load"]["errors"] == 0 and result["user_events_stored"] >= result["answered_turns"]
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
