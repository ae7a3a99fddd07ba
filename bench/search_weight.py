"""Choose how much the learned model of what parents asked counts in the knowledge search (search.ASKED),
or, with --constant NAMED_DOCUMENT, how much naming a document does (search.NAMED_DOCUMENT).

Answer accuracy (a reply includes one of the message's expected entries, through the bot's own intents,
entities and search) on the held-out sets that have already been read, for each weight. The rule: the
weight with the best mean accuracy over those sets, the smaller on a tie. The newest blind sets are never
used here; `bench.eval_heldout` measures them once a weight is chosen. Weights within TIE of the best mean
(about one answer in the 1,400 of the read sets) count as tied: the differences are noise, and a smaller
weight changes less of what editors have reviewed.

Usage: .venv/bin/python -m bench.search_weight [--weights 0 2 4 5 6 10] [--constant NAMED_DOCUMENT]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

from bench.eval_heldout import bot_answer_entries, load_cases, parse_all
from bot.config import PROJECT_ROOT
from bot.knowledge import load_knowledge, search

READ_SETS = [PROJECT_ROOT / "tests" / "eval" / f"heldout{n}.yml" for n in ("", *range(2, 13))]
TIE = 0.001
WEIGHTS = (0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 15.0)


def accuracy(knowledge, cases, parsed) -> float:
    with_entries = [(c, p) for c, p in zip(cases, parsed, strict=True) if c.entries]
    right = sum(bool(set(c.entries) & set(bot_answer_entries(
        knowledge, c.text, p["intent"]["name"], p.get("entities") or [], p.get("intent_ranking"))))
        for c, p in with_entries)
    return right / len(with_entries)


def choose(means: dict[float, float]) -> float:
    """The rule: the smallest weight whose mean accuracy is within TIE of the best."""
    return min(weight for weight, mean in means.items() if mean >= max(means.values()) - TIE)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=PROJECT_ROOT / "models" / "village.tar.gz")
    parser.add_argument("--weights", type=float, nargs="+", default=WEIGHTS)
    parser.add_argument("--constant", choices=("ASKED", "NAMED_DOCUMENT"), default="ASKED",
                        help="the weight to choose (the other keeps its value in bot/knowledge/search.py)")
    parser.add_argument("--anywhere", action="store_true",
                        help="let the model add to entries of any topic, not only the topic asked about")
    args = parser.parse_args()
    knowledge = load_knowledge()
    sets = []
    for path in READ_SETS:
        cases = load_cases(path)
        sets.append((path.stem, cases, asyncio.run(parse_all(args.model, [c.text for c in cases]))))
    search_module = sys.modules[search.__module__]
    search_module.ASKED_WITHIN_TOPIC = not args.anywhere
    means = {}
    print("weight | " + " | ".join(name for name, _, _ in sets) + " | mean")
    for weight in sorted(args.weights):
        setattr(search_module, args.constant, weight)
        scores = [accuracy(knowledge, cases, parsed) for _, cases, parsed in sets]
        means[weight] = sum(scores) / len(scores)
        print(f"{weight:g} | " + " | ".join(f"{s:.3f}" for s in scores) + f" | {means[weight]:.4f}")
    chosen = choose(means)
    print(f"Rule (best mean answer accuracy on the read sets, within {TIE} counted as tied, the smaller "
          f"weight on a tie): {args.constant} = {chosen:g}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
