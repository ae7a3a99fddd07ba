"""Comparing second-opinion models (bench.crisis_models): the threshold each is judged at, averaging."""

from __future__ import annotations

import numpy as np

from bench.crisis_models import Average, threshold_for


def test_the_threshold_lets_through_at_most_the_share_of_everyday_messages():
    scores = np.linspace(0.0, 0.995, 400)  # 400 everyday messages: 2 may be flagged at 1 in 200
    threshold = threshold_for(scores)
    assert (scores >= threshold).sum() == 2
    assert threshold_for(np.zeros(400)) == 0.5  # never below the caution threshold


def test_averaged_models_give_the_mean_probability():
    class Fixed:
        def __init__(self, p: float) -> None:
            self.p = p

        def fit(self, texts, labels):
            return self

        def predict_proba(self, texts):
            return np.array([[1 - self.p, self.p]] * len(texts))

    model = Average([lambda: Fixed(0.2), lambda: Fixed(0.6)]).fit(["a"], np.array([True]))
    assert np.allclose(model.predict_proba(["x", "y"])[:, 1], [0.4, 0.4])
