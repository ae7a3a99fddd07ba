"""Would another second-opinion model catch more crises? Variants of bot.safety.learned's classifier, compared
on what may be tuned on, never the blind sets:

- out of fold (5 folds) on the safety examples and the intents' examples: of the danger examples the rules
  miss, how many the model flags, at the threshold where 1 everyday message in 200 is flagged
  (bench.crisis_threshold's rule for ORDINARY_SHARE);
- the safety and held-out sets already read (every set but the newest two safety sets and the newest held-out
  set): recall and false alarms of rules + model at that threshold, trained on everything.

Usage: .venv/bin/python -m bench.crisis_models [name-prefix ...]   (writes var/eval/crisis_models.json)
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any

import numpy as np
import yaml

from bench.crisis_threshold import ORDINARY_SHARE, rules
from bot.config import PROJECT_ROOT
from bot.safety.detector import normalise
from bot.safety.learned import intent_examples, load_examples, pipeline

EVAL = PROJECT_ROOT / "tests" / "eval"
READ_SAFETY_SETS = ["crisis_check", "crisis_final", "crisis_blind",
                    *(f"crisis_blind{n}" for n in range(2, 9))]
READ_HELDOUT_SETS = ["heldout", "heldout2", "heldout3", "heldout4", "heldout5"]


def threshold_for(scores: np.ndarray, share: float = ORDINARY_SHARE, floor: float = 0.5) -> float:
    """The lowest threshold at which at most `share` of these everyday messages' scores reach it."""
    allowed = int(len(scores) * share)
    ranked = np.sort(scores)[::-1]
    above = ranked[allowed] if len(ranked) > allowed else 0.0
    return float(max(above + 1e-9, floor))


def _logistic(c: float = 10.0, **settings: Any) -> Callable[[], Any]:
    return lambda: pipeline(c, **settings)


def _naive_bayes() -> Any:
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.naive_bayes import ComplementNB
    from sklearn.pipeline import make_pipeline

    words = CountVectorizer(ngram_range=(1, 3), preprocessor=normalise, token_pattern=r"[a-z0-9]+",
                            binary=True)
    return make_pipeline(words, ComplementNB(alpha=0.3))


class Average:
    """The mean probability of several models."""

    def __init__(self, makers: list[Callable[[], Any]]) -> None:
        self.makers = makers

    def fit(self, texts: list[str], labels: np.ndarray) -> Average:
        self.models = [make().fit(texts, labels) for make in self.makers]
        return self

    def predict_proba(self, texts: list[str]) -> np.ndarray:
        return np.mean([m.predict_proba(texts) for m in self.models], axis=0)


VARIANTS: dict[str, Callable[[], Any]] = {
    "shipped (words 1-2, chars 2-5, C=10)": _logistic(),
    "C=3": _logistic(c=3.0),
    "C=30": _logistic(c=30.0),
    "words 1-3": _logistic(words=(1, 3)),
    "chars 1-6": _logistic(chars=(1, 6)),
    "shipped + naive Bayes, averaged": lambda: Average([_logistic(), _naive_bayes]),
    "words only": _logistic(chars=None),
}


def _read_sets() -> tuple[list[str], np.ndarray]:
    texts, danger = [], []
    for name in READ_SAFETY_SETS:
        for m in yaml.safe_load((EVAL / f"{name}.yml").read_text(encoding="utf-8"))["messages"]:
            texts.append(m["text"])
            danger.append(bool(m.get("crisis")))
    for name in READ_HELDOUT_SETS:
        for m in yaml.safe_load((EVAL / f"{name}.yml").read_text(encoding="utf-8"))["messages"]:
            texts.append(m["text"])
            danger.append(m.get("intent") == "crisis")
    return texts, np.array(danger)


def _rules(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """(the rules flag it, an idiom explains it) for each text (bench.crisis_threshold.rules)."""
    flags = [rules(t) for t in texts]
    return np.array([f for f, _ in flags]), np.array([i for _, i in flags])


def compare(names: list[str]) -> list[dict]:
    from sklearn.model_selection import StratifiedKFold

    examples, intents = load_examples(), intent_examples()
    texts = [m["text"] for m in examples + intents]
    danger = np.array([m["crisis"] for m in examples + intents])
    everyday = np.array([False] * len(examples) + [not m["crisis"] for m in intents])
    flagged, explained = _rules(texts)
    read, read_danger = _read_sets()
    read_flagged, read_explained = _rules(read)
    rows = []
    for name in names:
        make = VARIANTS[name]
        out_of_fold = np.zeros(len(texts))
        for train, test in StratifiedKFold(5, shuffle=True, random_state=0).split(texts, danger):
            model = make().fit([texts[i] for i in train], danger[train])
            out_of_fold[test] = model.predict_proba([texts[i] for i in test])[:, 1]
        threshold = threshold_for(out_of_fold[everyday & ~flagged & ~explained])
        missed_by_rules = danger & ~flagged
        scores = make().fit(texts, danger).predict_proba(read)[:, 1]
        caught = read_flagged | (~read_explained & (scores >= threshold))
        rows.append({"model": name, "threshold": round(threshold, 3),
                     "recall_where_rules_miss_out_of_fold": _share(out_of_fold[missed_by_rules] >= threshold),
                     "read_sets_recall": _share(caught[read_danger]),
                     "read_sets_false_alarms": _share(caught[~read_danger])})
        print(" | ".join(str(v) for v in rows[-1].values()), flush=True)
    return rows


def _share(hits: np.ndarray) -> str:
    return f"{int(hits.sum())}/{len(hits)}"


def main() -> int:
    names = [n for n in VARIANTS if not sys.argv[1:] or any(n.startswith(p) for p in sys.argv[1:])]
    rows = compare(names)
    out = PROJECT_ROOT / "var" / "eval" / "crisis_models.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(rows, indent=2) + "\n")
    print(f"Written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
