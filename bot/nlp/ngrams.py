"""One message's n-gram features from fitted TF-IDF vectorisers, without sklearn's per-call overhead.

Both classifiers a turn runs (the intent model and the safety check's second opinion) weight a message's
TF-IDF n-grams. sklearn's `transform` builds sparse matrices, re-checks the fitted state and re-sums the IDF
diagonal for every message, and a FeatureUnion adds a joblib call: together more than half of the time the
classifiers took on a turn. This computes the same numbers (counts, sublinear tf, IDF, L2 norm per
vectoriser) straight from the vectorisers' own analysers and vocabularies, as (indices, values) into the
concatenated feature space, ready to be multiplied by a weight matrix's rows.

A fitted linear model over such features (`LinearModel`) is saved as plain arrays and a JSON vocabulary,
never pickled, so loading one can't run code.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np


class NgramFeatures:
    def __init__(self, vectorisers: Sequence[Any]) -> None:
        self._parts = []
        offset = 0
        for vectoriser in vectorisers:
            if vectoriser.norm not in ("l2", None) or not vectoriser.use_idf:
                raise ValueError("only L2-normed TF-IDF vectorisers are supported")
            idf = np.asarray(vectoriser.idf_, dtype=np.float64)
            self._parts.append((vectoriser.build_analyzer(), vectoriser.vocabulary_, idf, offset,
                                bool(vectoriser.sublinear_tf), vectoriser.norm == "l2"))
            offset += len(idf)
        self.size = offset

    def __call__(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """(feature indices, values) of the message's non-zero features, as `hstack(v.transform([text]))`."""
        indices: list[np.ndarray] = []
        values: list[np.ndarray] = []
        for analyse, vocabulary, idf, offset, sublinear, l2 in self._parts:
            counts = Counter(index for index in map(vocabulary.get, analyse(text)) if index is not None)
            if not counts:
                continue
            found = np.fromiter(counts.keys(), dtype=np.intp, count=len(counts))
            tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
            weights = (np.log(tf) + 1.0 if sublinear else tf) * idf[found]
            if l2:
                weights /= np.sqrt(np.dot(weights, weights))
            indices.append(found + offset)
            values.append(weights)
        if not indices:
            return np.zeros(0, dtype=np.intp), np.zeros(0, dtype=np.float64)
        return np.concatenate(indices), np.concatenate(values)


@dataclass
class LinearModel:
    """A fitted linear model over the vectorisers' n-grams, scoring one message at a time without sklearn's
    overhead, and saved as plain arrays: the intent model and the safety check's second opinion are each
    one."""

    vectorisers: list[Any]
    classes: list[str]
    # (features, rows) in C order: a sparse row times it only reads the message's rows. Multiplying by a
    # transposed view of the regression's (rows, features) instead made scipy copy every weight each time.
    weights: np.ndarray
    intercept: np.ndarray  # (rows,); a binary regression keeps one row, for the second class

    @classmethod
    def of(cls, vectorisers: Sequence[Any], regression: Any) -> LinearModel:
        """From fitted vectorisers and the logistic regression fitted on their concatenated features."""
        return cls(list(vectorisers), [str(c) for c in regression.classes_],
                   np.ascontiguousarray(regression.coef_.T),
                   np.asarray(regression.intercept_, dtype=np.float64))

    @cached_property
    def features(self) -> NgramFeatures:
        return NgramFeatures(self.vectorisers)

    def scores(self, text: str) -> np.ndarray:
        indices, values = self.features(text)
        return values @ self.weights[indices] + self.intercept

    def predict(self, text: str) -> str:
        """The likeliest class, as the regression's predict would say."""
        scores = self.scores(text)
        if len(scores) == 1:
            return self.classes[int(scores[0] > 0)]
        return self.classes[int(np.argmax(scores))]

    def save_arrays(self, arrays: Path, vocabulary: Path) -> None:
        """The coefficients, intercepts and the vectorisers' IDF in `arrays` (.npz), their vocabularies and
        the classes in `vocabulary` (.json)."""
        np.savez_compressed(arrays, coef=self.weights.T, intercept=self.intercept,
                            **{f"idf{n}": v.idf_ for n, v in enumerate(self.vectorisers)})
        vocabularies = [{term: int(index) for term, index in v.vocabulary_.items()} for v in self.vectorisers]
        vocabulary.write_text(json.dumps({"classes": self.classes, "vocabularies": vocabularies}),
                              encoding="utf-8")

    @classmethod
    def load_arrays(cls, arrays: Path, vocabulary: Path, vectorisers: Sequence[Any]) -> Any:
        """What `save_arrays` wrote; the unfitted vectorisers, built with the settings they were fitted with,
        are given their vocabularies and IDF. A ValueError if the files do not fit them or each other."""
        meta = json.loads(vocabulary.read_text(encoding="utf-8"))
        vocabularies = meta["vocabularies"]
        if len(vocabularies) != len(vectorisers):
            raise ValueError(f"{vocabulary.name}: {len(vocabularies)} vocabularies, not {len(vectorisers)}")
        with np.load(arrays, allow_pickle=False) as saved:
            for n, (vectoriser, terms) in enumerate(zip(vectorisers, vocabularies, strict=True)):
                vectoriser.vocabulary_ = terms
                vectoriser.idf_ = saved[f"idf{n}"]
            coef, intercept = saved["coef"], saved["intercept"]
        if coef.shape[1] != sum(len(v.idf_) for v in vectorisers) or len(intercept) != coef.shape[0]:
            raise ValueError(f"{arrays.name}: the saved arrays do not fit together")
        return cls(list(vectorisers), [str(c) for c in meta["classes"]], np.ascontiguousarray(coef.T),
                   intercept)
