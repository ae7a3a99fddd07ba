"""How sure the intent classifier must be before the bot answers without saying it is guessing.

Below the FallbackClassifier's threshold (config.yml), a message goes to `action_best_guess`: the reply
says it is a best guess, gives 999 and Samaritans, and offers a person. Above it, the bot answers plainly,
so a wrong intent there is an unlabelled wrong answer. This script cross-validates the intent classifier on
the training examples only (data/nlu; never the held-out or blind sets) and, for each threshold, reports the
share of messages answered rightly, answered wrongly without the label, and given the labelled guess. The
rule: the lowest threshold at which at most MAX_WRONG of the out-of-fold messages are answered wrongly
without it.

Usage: .venv/bin/python -m bench.intent_threshold   (about a minute on two cores)
"""

from __future__ import annotations

import sys

import numpy as np

from bench.baseline_tfidf import training_examples
from bot.nlp.intent_model import IntentModel

MAX_WRONG = 0.10
THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6)


def out_of_fold(texts: list[str], intents: list[str], folds: int = 5) -> list[tuple[str, float]]:
    """The top intent and its confidence for every example, from a model that never saw it."""
    from sklearn.model_selection import StratifiedKFold

    top: list[tuple[str, float]] = [("", 0.0)] * len(texts)
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=1)
    for train, test in splitter.split(texts, intents):
        model = IntentModel.fit([texts[i] for i in train], [intents[i] for i in train])
        for i in test:
            top[i] = model.rank(texts[i])[0]
    return top


def table(intents: list[str], top: list[tuple[str, float]]) -> list[dict]:
    gold, names = np.array(intents), np.array([name for name, _ in top])
    confidence = np.array([c for _, c in top])
    rows = []
    for threshold in THRESHOLDS:
        sure = confidence >= threshold
        rows.append({"threshold": threshold, "right": float(np.mean(sure & (names == gold))),
                     "wrong_unlabelled": float(np.mean(sure & (names != gold))),
                     "best_guess": float(np.mean(~sure))})
    return rows


def choose(rows: list[dict], max_wrong: float = MAX_WRONG) -> float:
    return min(r["threshold"] for r in rows if r["wrong_unlabelled"] <= max_wrong)


def main() -> int:
    texts, intents = training_examples()
    rows = table(intents, out_of_fold(texts, intents))
    print(f"{len(texts)} training examples, 5-fold cross-validation\n")
    print("| threshold | answered rightly | answered wrongly, unlabelled | labelled best guess |")
    print("|---|---|---|---|")
    for r in rows:
        print(f"| {r['threshold']} | {r['right']:.3f} | {r['wrong_unlabelled']:.3f} "
              f"| {r['best_guess']:.3f} |")
    print(f"\nLowest threshold with at most {MAX_WRONG:.0%} unlabelled wrong answers: {choose(rows)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
