"""Crisis recall, 999-first and false alarms of the trained model on safety sets, without the rest of
`make eval` (which also runs them).

Usage: .venv/bin/python -m bench.eval_crisis [tests/eval/crisis_blind2.yml ...]   (default: every set)
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path

import yaml

from bench.eval_heldout import CRISIS_SETS, crisis_set, parse_all
from bot.config import PROJECT_ROOT


def measure(model: Path, path: Path) -> dict:
    texts = yaml.safe_load(path.read_text(encoding="utf-8"))["messages"]
    parsed = asyncio.run(parse_all(model, [m["text"] for m in texts]))
    return crisis_set(path, [p["intent"]["name"] for p in parsed], texts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", type=Path, nargs="*", default=CRISIS_SETS)
    parser.add_argument("--model", type=Path, default=PROJECT_ROOT / "models" / "village.tar.gz")
    parser.add_argument("--out", type=Path, default=PROJECT_ROOT / "var" / "eval" / "crisis.json")
    args = parser.parse_args()
    results = [measure(args.model, path) for path in args.sets]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    for r in results:
        print(f"{r['set']}: crisis recall {r['recall']:.3f}, 999 first {r['numbers_first']:.3f}, "
              f"false alarms {len(r['false_alarms'])}/{r['near_misses']}, by kind {r['by_kind']}")
    print(f"Missed messages and false alarms: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
