"""Which entry a message is most like, learned from the questions parents ask that each entry answers.

An entry's `words` find it when a parent uses them; many parents don't ("got the keys and the flat is empty,
not even a bed" asks what "essential items" means). Each entry's `asked` lists messages, written by people who
never saw the test sets, for which that entry is the best answer. With the entry's title, summary and words
they train word and character n-grams into a logistic regression over the entries (one against the rest,
fitted by stochastic gradient descent: about two seconds, where the multinomial fit took 13 s for the same
accuracy). Its probability for an entry is one more part of the search's score (`bot.knowledge.search`) for
the entries of the topic the parent asked about: it orders them, and never overrules that topic.

It is trained from the knowledge files themselves, before the action server listens and then the first time a
changed knowledge base is searched with a message (never at import); an edited `asked` list takes effect
without retraining Rasa.
Nothing is pickled or downloaded.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import numpy as np

from bot.knowledge.model import Knowledge
from bot.nlp.ngrams import NgramFeatures

DERIVED = "search.asked"
# The regression's regularisation and passes over the examples. Out of fold on the entries' own `asked`
# (five folds, 1,226 messages, 41 entries) it finds the entry first for 0.625, as the multinomial fit (C=2)
# did for 0.615 in twelve times as long; a nearest-centroid match 0.586.
ALPHA, EPOCHS = 1e-4, 30


class WithoutPlaces:
    """A message in lower case with the councils' names taken out. The model learns what is asked, not whose
    document answers it: that follows from where the parent lives. (Examples written for the Barnet Pledge's
    entries often named Barnet, and the model had learned to give every message that names no council the
    charter's twin entry instead.)"""

    def __init__(self, places: tuple[str, ...]) -> None:
        names = "|".join(re.escape(p.lower()) for p in sorted(places, key=len, reverse=True))
        self._names = re.compile(rf"\b(?:{names})(?:'?s)?\b") if names else None

    def __call__(self, text: str) -> str:
        text = text.lower()
        return self._names.sub(" ", text) if self._names else text


class AskedModel:
    def __init__(self, examples: tuple[tuple[str, tuple[str, ...]], ...],
                 places: tuple[str, ...] = ()) -> None:
        from scipy.sparse import hstack
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import SGDClassifier

        texts = [text for _, asked in examples for text in asked]
        labels = [entry_id for entry_id, asked in examples for _ in asked]
        self.entries = sorted(set(labels))
        if len(self.entries) < 2:  # nothing to tell apart: every entry is as likely
            self._features = None
            return
        without = WithoutPlaces(places)
        vectorisers = [TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True,
                                       preprocessor=without),
                       TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2,
                                       preprocessor=without)]
        features = hstack([v.fit_transform(texts) for v in vectorisers]).tocsr()
        regression = SGDClassifier(loss="log_loss", alpha=ALPHA, max_iter=EPOCHS, tol=None, random_state=0)
        regression.fit(features, labels)
        # classes_ are the sorted labels, as self.entries; a binary regression keeps one row, for the second
        weights, intercept = regression.coef_, regression.intercept_
        if len(self.entries) == 2:
            weights, intercept = np.vstack([-weights[0], weights[0]]), np.array([-intercept[0], intercept[0]])
        self._weights = np.ascontiguousarray(weights.T)
        self._intercept = intercept
        self._features = NgramFeatures(vectorisers)

    def probabilities(self, text: str) -> dict[str, float]:
        """Each entry's probability of being the one this message asks about (they sum to 1)."""
        if self._features is None:
            return {e: 1.0 / len(self.entries) for e in self.entries} if self.entries else {}
        indices, values = self._features(text)
        scores = values @ self._weights[indices] + self._intercept
        each = 1.0 / (1.0 + np.exp(-scores))  # one against the rest, shared out as sklearn's predict_proba
        each /= each.sum()
        return {entry_id: float(p) for entry_id, p in zip(self.entries, each, strict=True)}


def examples(knowledge: Knowledge) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Per entry: what parents asked, and its own title, summary and words (so a new entry counts too)."""
    return tuple((e.id, (*e.asked, e.title, " ".join(e.summary.split()), *e.words))
                 for e in knowledge.entries)


@lru_cache(maxsize=2)
def _trained(key: tuple[tuple[str, tuple[str, ...]], ...], places: tuple[str, ...]) -> AskedModel:
    return AskedModel(key, places)


def asked_model(knowledge: Knowledge) -> AskedModel:
    """The model for this knowledge base: trained once per version of its entries, shared by equal ones."""
    model: Any = knowledge.derived.get(DERIVED)
    if model is None:
        model = knowledge.derived[DERIVED] = _trained(examples(knowledge), tuple(knowledge.council_names))
    return model
