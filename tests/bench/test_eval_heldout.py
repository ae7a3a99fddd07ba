"""The quality harness counts what it claims: F1, crisis recall, false alarms and answer accuracy."""

from __future__ import annotations

from bench.eval_heldout import Case, scores


def test_scores_on_a_small_known_case():
    cases = [Case("hi", "greet", []), Case("help me", "crisis", []), Case("baby blue", "crisis", []),
             Case("flat?", "ask_housing", ["pledge-07"]), Case("grant?", "ask_money", ["pledge-03"])]
    predicted = ["greet", "crisis", "greet", "ask_housing", "crisis"]
    answered = [[], [], [], ["offer-two-bedroom", "pledge-07"], []]
    result = scores(cases, predicted, answered)
    assert result["crisis_recall"] == 0.5 and result["crisis_missed"] == ["baby blue"]
    assert result["crisis_false_alarms"] == 1
    assert result["answer_accuracy"] == 0.5 and result["answer_cases"] == 2
    assert result["accuracy"] == 0.6
    assert result["per_intent"]["greet"] == {"precision": 0.5, "recall": 1.0, "f1": 0.667, "support": 1}
    missed = {"true": "crisis", "predicted": "greet", "count": 1, "examples": ["baby blue"]}
    assert missed in result["confusion"]
