"""One message's n-gram features from fitted TF-IDF vectorisers, without sklearn's per-call overhead.

Both classifiers a turn runs (the intent model and the safety check's second opinion) weight a message's
TF-IDF n-grams. sklearn's `transform` builds sparse matrices, re-checks the fitted state and re-sums the IDF
diagonal for every message, and a FeatureUnion adds a joblib call: together more than half of the time the
classifiers took on a turn. This computes the same numbers (counts, sublinear tf, IDF, L2 norm per
vectoriser) straight from the vectorisers' own analysers and vocabularies, as (indices, values) into the
concatenated feature space, ready to be multiplied by a weight matrix's rows.

A fitted linear model over such features is saved as plain arrays (`save_linear`) and a JSON vocabulary,
never pickled, so loading one can't run code.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
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


def save_linear(arrays: Path, vocabulary: Path, vectorisers: Sequence[Any], coef: np.ndarray,
                intercept: np.ndarray, meta: dict) -> None:
    """A linear model over the vectorisers' features: its (classes, features) coefficients, intercepts and the
    vectorisers' IDF in `arrays` (.npz), their vocabularies and `meta` in `vocabulary` (.json)."""
    np.savez_compressed(arrays, coef=coef, intercept=intercept,
                        **{f"idf{n}": v.idf_ for n, v in enumerate(vectorisers)})
    vocabularies = [{term: int(index) for term, index in v.vocabulary_.items()} for v in vectorisers]
    vocabulary.write_text(json.dumps({**meta, "vocabularies": vocabularies}), encoding="utf-8")


def load_linear(arrays: Path, vocabulary: Path,
                vectorisers: Sequence[Any]) -> tuple[np.ndarray, np.ndarray, dict]:
    """(coef, intercept, meta) saved by `save_linear`; the unfitted vectorisers, built with the settings they
    were fitted with, are given their vocabularies and IDF."""
    meta = json.loads(vocabulary.read_text(encoding="utf-8"))
    vocabularies = meta.pop("vocabularies")
    if len(vocabularies) != len(vectorisers):
        raise ValueError(f"{vocabulary.name}: {len(vocabularies)} vocabularies, {len(vectorisers)} expected")
    with np.load(arrays, allow_pickle=False) as saved:
        for n, (vectoriser, terms) in enumerate(zip(vectorisers, vocabularies, strict=True)):
            vectoriser.vocabulary_ = terms
            vectoriser.idf_ = saved[f"idf{n}"]
        return saved["coef"], saved["intercept"], meta
