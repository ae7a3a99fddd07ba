"""The intent threshold script counts right, unlabelled wrong and labelled guesses, and applies its rule."""

from __future__ import annotations

import pytest

from bench.intent_threshold import choose, out_of_fold, table
from tests.bot.test_nlp_intent_model import EXAMPLES


def test_table_counts_each_kind_of_outcome_at_each_threshold():
    intents = ["greet", "greet", "ask_housing", "ask_housing"]
    top = [("greet", 0.9), ("ask_housing", 0.45), ("ask_housing", 0.3), ("ask_housing", 0.8)]
    rows = {r["threshold"]: r for r in table(intents, top)}
    assert rows[0.25] == {"threshold": 0.25, "right": 0.75, "wrong_unlabelled": 0.25, "best_guess": 0.0}
    assert rows[0.4] == {"threshold": 0.4, "right": 0.5, "wrong_unlabelled": 0.25, "best_guess": 0.25}
    assert rows[0.5] == {"threshold": 0.5, "right": 0.5, "wrong_unlabelled": 0.0, "best_guess": 0.5}


def test_the_rule_is_the_lowest_threshold_within_the_wrong_answer_limit():
    rows = [{"threshold": 0.3, "wrong_unlabelled": 0.2}, {"threshold": 0.4, "wrong_unlabelled": 0.09},
            {"threshold": 0.5, "wrong_unlabelled": 0.05}]
    assert choose(rows) == 0.4
    assert choose(rows, max_wrong=0.06) == 0.5


def test_out_of_fold_predictions_come_from_models_that_never_saw_the_message():
    texts = [t for ts in EXAMPLES.values() for t in ts]
    intents = [i for i, ts in EXAMPLES.items() for _ in ts]
    top = out_of_fold(texts, intents, folds=3)
    assert len(top) == len(texts)
    assert all(name in EXAMPLES and 0 < confidence <= 1 for name, confidence in top)
    # a model that had seen "hello" would be near certain of it; out of fold it can't be
    assert dict(zip(texts, top, strict=True))["hello"][1] < 0.99
    with pytest.raises(ValueError):
        out_of_fold(texts[:2], intents[:2], folds=3)
