"""What a message is asking: word and character n-grams into a logistic regression.

It replaced DIET (TensorFlow) as the bot's intent classifier: on the blind held-out sets it was more accurate
(docs/performance.md), it trains in seconds instead of minutes and scores a message in about 2 ms without
TensorFlow. The fitted model is saved as plain arrays and a JSON vocabulary, never pickled, so loading a
model can't run code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np

from bot.nlp.ngrams import NgramFeatures, load_linear, save_linear

ARRAYS = "intent_model.npz"
VOCABULARY = "intent_vocabulary.json"


def _vectorisers() -> list[Any]:
    from sklearn.feature_extraction.text import TfidfVectorizer

    return [TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True),
            TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)]


@dataclass
class IntentModel:
    vectorisers: list[Any]
    classes: list[str]
    # (features, classes) in C order: a sparse row times it only reads the message's rows. Multiplying by a
    # transposed view of the regression's (classes, features) instead made scipy copy every weight each time.
    weights: np.ndarray
    intercept: np.ndarray  # (classes,)

    @classmethod
    def fit(cls, texts: list[str], intents: list[str], c: float = 100.0) -> IntentModel:
        from scipy.sparse import hstack
        from sklearn.linear_model import LogisticRegression

        if len(set(intents)) < 2:
            raise ValueError("the intent classifier needs examples of at least two intents")
        vectorisers = _vectorisers()
        features = hstack([v.fit_transform(texts) for v in vectorisers]).tocsr()
        regression = LogisticRegression(C=c, max_iter=5000).fit(features, intents)
        classes = [str(k) for k in regression.classes_]
        return cls(vectorisers, classes, np.ascontiguousarray(regression.coef_.T), regression.intercept_)

    @cached_property
    def features(self) -> NgramFeatures:
        return NgramFeatures(self.vectorisers)

    def rank(self, text: str) -> list[tuple[str, float]]:
        """Every intent with its probability, the likeliest first."""
        indices, values = self.features(text)
        scores = values @ self.weights[indices] + self.intercept
        if len(self.classes) == 2:  # a binary regression keeps one row of weights, for the second class
            scores = np.array([-scores[0], scores[0]]) / 2
        probabilities = np.exp(scores - scores.max())
        probabilities /= probabilities.sum()
        order = np.argsort(-probabilities, kind="stable")
        return [(self.classes[i], float(probabilities[i])) for i in order]

    def save(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        save_linear(directory / ARRAYS, directory / VOCABULARY, self.vectorisers, self.weights.T,
                    self.intercept, {"classes": self.classes})

    @classmethod
    def load(cls, directory: Path) -> IntentModel:
        vectorisers = _vectorisers()
        coef, intercept, meta = load_linear(directory / ARRAYS, directory / VOCABULARY, vectorisers)
        return cls(vectorisers, list(meta["classes"]), np.ascontiguousarray(coef.T), intercept)
