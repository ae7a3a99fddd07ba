"""What a message is asking: word and character n-grams into a logistic regression.

It replaced DIET (TensorFlow) as the bot's intent classifier: on the blind held-out sets it was more accurate
(docs/performance.md), it trains in seconds instead of minutes and scores a message in about 2 ms without
TensorFlow. The fitted model is saved as plain arrays and a JSON vocabulary, never pickled, so loading a
model can't run code.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np

from bot.nlp.ngrams import NgramFeatures

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
        np.savez_compressed(directory / ARRAYS, coef=self.weights.T, intercept=self.intercept,
                            **{f"idf{n}": v.idf_ for n, v in enumerate(self.vectorisers)})
        vocabularies = [{term: int(index) for term, index in v.vocabulary_.items()} for v in self.vectorisers]
        meta = {"classes": self.classes, "vocabularies": vocabularies}
        (directory / VOCABULARY).write_text(json.dumps(meta), encoding="utf-8")

    @classmethod
    def load(cls, directory: Path) -> IntentModel:
        meta = json.loads((directory / VOCABULARY).read_text(encoding="utf-8"))
        with np.load(directory / ARRAYS, allow_pickle=False) as arrays:
            vectorisers = _vectorisers()
            for n, (vectoriser, vocabulary) in enumerate(zip(vectorisers, meta["vocabularies"], strict=True)):
                vectoriser.vocabulary_ = vocabulary
                vectoriser.idf_ = arrays[f"idf{n}"]
            weights = np.ascontiguousarray(arrays["coef"].T)
            return cls(vectorisers, list(meta["classes"]), weights, arrays["intercept"])
