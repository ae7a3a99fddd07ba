"""The intent classifier on its own: it ranks, it saves as arrays and loads the same, it refuses bad data."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline

from bot.nlp.intent_model import ARRAYS, VOCABULARY, IntentModel

EXAMPLES = {
    "greet": ["hi", "hello", "hiya", "hey there", "good morning", "evening"],
    "ask_housing": ["can i get help with my rent", "i need somewhere to live", "housing help",
                    "am i entitled to a flat", "we are homeless", "my landlord wants me out"],
    "request_human": ["can i talk to a person", "i want a real human", "put me through to a worker",
                      "talk to someone please", "is there a person i can speak to", "real person"],
}


def training() -> tuple[list[str], list[str]]:
    pairs = [(text, intent) for intent, texts in EXAMPLES.items() for text in texts]
    return [t for t, _ in pairs], [i for _, i in pairs]


def test_it_ranks_every_intent_likeliest_first_with_probabilities_that_add_up():
    model = IntentModel.fit(*training())
    ranking = model.rank("is there help with rent for my flat")
    assert ranking[0][0] == "ask_housing"
    assert sorted(name for name, _ in ranking) == sorted(EXAMPLES)
    confidences = [c for _, c in ranking]
    assert confidences == sorted(confidences, reverse=True)
    assert sum(confidences) == pytest.approx(1.0)
    assert model.rank("can i speak to a real person")[0][0] == "request_human"


def test_it_gives_the_same_probabilities_as_scikit_learn():
    texts, intents = training()
    model = IntentModel.fit(texts, intents, c=100.0)
    words, chars = model.vectorisers
    assert isinstance(words, TfidfVectorizer) and chars.analyzer == "char_wb"
    from sklearn.pipeline import make_union

    reference = make_pipeline(
        make_union(TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True),
                   TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)),
        LogisticRegression(C=100.0, max_iter=5000)).fit(texts, intents)
    for text in ("hello there", "my landlord", "a person please", "🙂", ""):
        expected = dict(zip(reference.classes_, reference.predict_proba([text])[0], strict=True))
        assert dict(model.rank(text)) == pytest.approx(expected, abs=1e-6)


def test_a_saved_model_loads_as_arrays_and_ranks_exactly_the_same(tmp_path):
    model = IntentModel.fit(*training())
    model.save(tmp_path / "model")
    assert sorted(p.name for p in (tmp_path / "model").iterdir()) == sorted([ARRAYS, VOCABULARY])
    with np.load(tmp_path / "model" / ARRAYS, allow_pickle=False) as arrays:  # nothing pickled in it
        assert arrays["coef"].shape[0] == len(EXAMPLES)
    loaded = IntentModel.load(tmp_path / "model")
    for text in ("hiya", "help with rent", "talk to someone", "x" * 5000, "👶🏽 help"):
        assert loaded.rank(text) == model.rank(text)


def test_two_intents_are_enough_and_match_a_binary_regression():
    texts, intents = training()
    keep = [n for n, i in enumerate(intents) if i != "request_human"]
    model = IntentModel.fit([texts[n] for n in keep], [intents[n] for n in keep])
    ranking = dict(model.rank("good morning"))
    assert set(ranking) == {"greet", "ask_housing"}
    assert ranking["greet"] > 0.5
    assert sum(ranking.values()) == pytest.approx(1.0)


def test_one_intent_is_not_enough():
    with pytest.raises(ValueError, match="at least two intents"):
        IntentModel.fit(["hi", "hello"], ["greet", "greet"])
