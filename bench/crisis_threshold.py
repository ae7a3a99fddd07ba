"""How to set bot.safety.learned.THRESHOLD: recall and false alarms of rules + classifier at each threshold.

Measured on what may be tuned on, never on the blind sets (crisis_blind*.yml):
- the examples themselves, out of fold (5-fold cross-validation: each message scored by a classifier that
  never saw it);
- the regression safety sets (crisis_check.yml, crisis_final.yml), the detector tests' table of ordinary
  messages (tests/bot/safety/test_detector.py's ORDINARY) and heldout.yml's everyday messages, all of which
  `make test` requires never to be a crisis: their near misses must stay 0 false alarms;
- every non-crisis training example of the intents (data/nlu), as ordinary messages parents send, also out
  of fold (the classifier trains on them too).

The rule for THRESHOLD: the lowest threshold at which, out of fold, at most one everyday message in 200
(ORDINARY_SHARE) is flagged and no regression near miss is. A fixed share, not "none", because with each batch
of everyday training messages "none" crept upward (one odd message in thousands decided it). A false alarm
costs the parent little since the crisis answer is followed by the answer to what they asked
(`action_answer_after_crisis`); a missed crisis gets only the caution line.

Usage: .venv/bin/python -m bench.crisis_threshold   (writes var/eval/crisis_threshold.json)
"""

from __future__ import annotations

import json
import sys

import numpy as np
import yaml

from bench.eval_heldout import HELDOUT, load_cases
from bot import dialogue_names as names
from bot.config import PROJECT_ROOT
from bot.safety.detector import rules_and_reading
from bot.safety.learned import CrisisClassifier, intent_examples, load_examples, pipeline
from tests.bot.safety.test_detector import ORDINARY

THRESHOLDS = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.96, 0.97, 0.98, 0.99]
ORDINARY_SHARE = 1 / 200
REGRESSION = [PROJECT_ROOT / "tests" / "eval" / n for n in ("crisis_check.yml", "crisis_final.yml")]


def rules(text: str) -> tuple[bool, str]:
    """(the rules flag it, what the classifier reads), as bot.safety.detector.detect_crisis sees it"""
    hits, read = rules_and_reading(text)
    return bool(hits), read


def out_of_fold(messages: list[dict], read: list[str], folds: int = 5) -> np.ndarray:
    """Each message's crisis probability by a classifier trained without it, scored on what it reads."""
    from sklearn.model_selection import StratifiedKFold

    labels = np.array([m["crisis"] for m in messages])
    scores = np.zeros(len(messages))
    for train, test in StratifiedKFold(folds, shuffle=True, random_state=7).split(messages, labels):
        crisis = pipeline().fit([messages[i]["text"] for i in train], labels[train])
        column = list(crisis.classes_).index(True)
        scores[test] = crisis.predict_proba([read[i] for i in test])[:, column]
    return scores


def rule(rows: list[dict]) -> float | None:
    """The lowest threshold meeting the rule (module docstring), or None if none does."""
    def count(text: str) -> tuple[int, int]:
        found, total = text.split("/")
        return int(found), int(total)

    for row in rows:
        ordinary, everyday = count(row["ordinary_false_alarms_out_of_fold"])
        near, _ = count(row["regression_near_miss_false_alarms"])
        if ordinary <= everyday * ORDINARY_SHARE and near == 0:
            return row["threshold"]
    return None


def share(said: list[bool], chosen: list[bool]) -> str:
    picked = [s for s, c in zip(said, chosen, strict=True) if c]
    return f"{sum(picked)}/{len(picked)}"


def measure() -> dict:
    """The table of the module docstring for the shipped examples, and the threshold its rule chooses."""
    examples, intents = load_examples(), intent_examples()
    messages = examples + intents
    from_examples = [True] * len(examples) + [False] * len(intents)
    flagged = [rules(m["text"]) for m in messages]
    oof = out_of_fold(messages, [read for _, read in flagged])
    model = CrisisClassifier.fit(messages)
    regression = [m for path in REGRESSION
                  for m in yaml.safe_load(path.read_text(encoding="utf-8"))["messages"]]
    # ... and heldout.yml's everyday messages, which tests/bot/safety/test_eval_sets.py requires never alarm
    near_misses = ([m["text"] for m in regression if not m.get("crisis")] + list(ORDINARY)
                   + [case.text for case in load_cases(HELDOUT) if case.intent != names.CRISIS])
    near = [(hit, model.probability(read) if read.strip() else 0.0)
            for hit, read in map(rules, near_misses)]
    example_crises = [e and m["crisis"] for e, m in zip(from_examples, messages, strict=True)]
    example_safe = [e and not m["crisis"] for e, m in zip(from_examples, messages, strict=True)]
    ordinary = [not e and not m["crisis"] for e, m in zip(from_examples, messages, strict=True)]
    rows = []
    for t in THRESHOLDS:
        said = [hit or (bool(read.strip()) and p >= t) for p, (hit, read) in zip(oof, flagged, strict=True)]
        rows.append({
            "threshold": t,
            "examples_recall_out_of_fold": share(said, example_crises),
            "examples_false_alarms_out_of_fold": share(said, example_safe),
            "ordinary_false_alarms_out_of_fold": share(said, ordinary),
            "regression_near_miss_false_alarms": f"{sum(h or p >= t for h, p in near)}"
                                                 f"/{len(near)}",
        })
    rules_only = share([h for h, _ in flagged], example_crises)
    return {"rules_only_recall_on_examples": rules_only, "thresholds": rows, "rule_chooses": rule(rows)}


def main() -> int:
    result = measure()
    out = PROJECT_ROOT / "var" / "eval" / "crisis_threshold.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"rules only: {result['rules_only_recall_on_examples']} of the examples' crises")
    for row in result["thresholds"]:
        print(json.dumps(row))
    print(f"the rule chooses THRESHOLD = {result['rule_chooses']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
