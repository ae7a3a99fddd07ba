"""What a message is asking: word and character n-grams into a logistic regression.

It replaced DIET (TensorFlow) as the bot's intent classifier: on the blind held-out sets it was more accurate
(docs/performance.md), it trains in seconds instead of minutes and scores a message in about 2 ms without
TensorFlow. The fitted model is saved as plain arrays and a JSON vocabulary, never pickled, so loading a
model can't run code.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from bot.nlp.ngrams import LinearModel

ARRAYS = "intent_model.npz"
VOCABULARY = "intent_vocabulary.json"


def _vectorisers() -> list[Any]:
    from sklearn.feature_extraction.text import TfidfVectorizer

    return [TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True),
            TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)]


class IntentModel(LinearModel):
    @classmethod
    def fit(cls, texts: list[str], intents: list[str], c: float = 100.0) -> IntentModel:
        from scipy.sparse import hstack
        from sklearn.linear_model import LogisticRegression

        if len(set(intents)) < 2:
            raise ValueError("the intent classifier needs examples of at least two intents")
        vectorisers = _vectorisers()
        features = hstack([v.fit_transform(texts) for v in vectorisers]).tocsr()
        return cls.of(vectorisers, LogisticRegression(C=c, max_iter=5000).fit(features, intents))

    def rank(self, text: str) -> list[tuple[str, float]]:
        """Every intent with its probability, the likeliest first."""
        scores = self.scores(text)
        if len(self.classes) == 2:  # a binary regression keeps one row of weights, for the second class
            scores = np.array([-scores[0], scores[0]]) / 2
        probabilities = np.exp(scores - scores.max())
        probabilities /= probabilities.sum()
        order = np.argsort(-probabilities, kind="stable")
        return [(self.classes[i], float(probabilities[i])) for i in order]

    def save(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self.save_arrays(directory / ARRAYS, directory / VOCABULARY)

    @classmethod
    def load(cls, directory: Path) -> IntentModel:
        return cls.load_arrays(directory / ARRAYS, directory / VOCABULARY, _vectorisers())
