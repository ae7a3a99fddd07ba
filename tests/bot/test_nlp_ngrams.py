"""The shared n-gram features: exactly what the fitted sklearn vectorisers give, without their overhead."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer

from bot.nlp.ngrams import NgramFeatures
from bot.safety.detector import normalise

TRAINING = ["can i get help with my rent", "my baby wont stop crying", "who can i call tonight",
            "im 17 and pregnant what am i entitled to", "Help!! he's outside the door", "hiya",
            "rent rent rent"]
MESSAGES = ["help with rent", "HELP with RENT!!", "baby crying tonight tonight tonight", "🙂", "", "   ",
            "words the vocabulary never saw", "👶🏽 can i get help", "x" * 3000, "he's outside, call who?"]


def vectorisers(**changes) -> list[TfidfVectorizer]:
    settings = {"sublinear_tf": True, **changes}
    return [TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), preprocessor=normalise, **settings),
            TfidfVectorizer(analyzer="word", ngram_range=(1, 2), token_pattern=r"[a-z0-9]+", **settings)]


def dense(indices: np.ndarray, values: np.ndarray, size: int) -> np.ndarray:
    row = np.zeros(size)
    np.add.at(row, indices, values)
    return row


@pytest.mark.parametrize("changes", [{}, {"sublinear_tf": False}, {"norm": None}])
def test_features_are_the_vectorisers_own_numbers(changes):
    fitted = [v.fit(TRAINING) for v in vectorisers(**changes)]
    features = NgramFeatures(fitted)
    assert features.size == sum(len(v.vocabulary_) for v in fitted)
    for text in MESSAGES:
        expected = hstack([v.transform([text]) for v in fitted]).toarray()[0]
        indices, values = features(text)
        assert len(set(indices.tolist())) == len(indices)  # each feature once
        assert dense(indices, values, features.size) == pytest.approx(expected, abs=1e-12)


def test_a_message_with_no_known_ngram_has_no_features():
    features = NgramFeatures([v.fit(TRAINING) for v in vectorisers()])
    indices, values = features("")
    assert indices.size == 0 and values.size == 0


def test_other_norms_are_refused_rather_than_computed_wrongly():
    with pytest.raises(ValueError, match="L2"):
        NgramFeatures([TfidfVectorizer(norm="l1").fit(TRAINING)])
