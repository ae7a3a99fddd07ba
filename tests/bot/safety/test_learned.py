"""The learned second opinion: examples are checked like knowledge files, and it only ever adds crises."""

from __future__ import annotations

import pytest

from bot.safety import detector, learned
from bot.safety.detector import CrisisKind, detect_crisis


def test_the_shipped_examples_load_with_every_kind_and_as_many_safe_messages():
    messages = learned.load_examples()
    kinds = {m.get("kind") for m in messages if m["crisis"]}
    assert kinds == set(learned.KINDS)
    dangers = sum(m["crisis"] for m in messages)
    assert dangers >= 400 and len(messages) - dangers >= 400


@pytest.mark.parametrize("entry, problem", [
    ('{text: "", crisis: true, kind: self_harm}', "message 2: text: must be a non-empty string"),
    ('{text: "help", crisis: maybe}', "message 2: crisis: must be true or false"),
    ('{text: "help", crisis: true, kind: sad}', "message 2: kind: must be one of"),
    ('{text: "hello", crisis: false, kind: danger}', "message 2: kind: only a crisis has a kind"),
])
def test_a_broken_examples_file_names_file_entry_and_field(tmp_path, entry, problem):
    (tmp_path / "mine.yml").write_text(f'messages:\n  - {{text: "fine", crisis: false}}\n  - {entry}\n')
    with pytest.raises(learned.ExamplesError, match=f"mine.yml: {problem}"):
        learned.load_examples(tmp_path)


TINY = ([{"text": t, "crisis": True, "kind": "self_harm"} for t in
         ["i want to end it all tonight", "ive got the pills ready to end it",
          "i dont want to wake up tomorrow", "this is goodbye i cant go on", "going to end my life tonight",
          "nobody will miss me when im gone"]]
        + [{"text": t, "crisis": True, "kind": "baby_emergency"} for t in
           ["baby not breathing properly", "my baby has gone blue", "baby is floppy and wont wake",
            "baby having a fit now", "baby swallowed a battery", "babys lips are blue and grey"]]
        + [{"text": t, "crisis": False} for t in
           ["how do i apply for housing", "can i get help with childcare", "what grants can i get",
            "when does the leaving care team open", "can i get a bus pass", "help with college fees",
            "where is the family hub", "can i get a cot", "how much is universal credit",
            "can i stay with my foster carer", "who is my personal adviser", "help with council tax"]])


def test_a_classifier_learns_crisis_and_kind_from_examples():
    model = learned.CrisisClassifier.fit(TINY, threshold=0.5)
    assert model.guess("end it all, pills ready, goodbye").kind == "self_harm"
    assert model.guess("baby has gone blue not breathing").kind == "baby_emergency"
    assert model.guess("how do i apply for a grant for college") is None
    assert model.guess("   ") is None


ODD = ("end it all, pills ready", "can i get a cot", "BABY NOT BREATHING!!", "🙂", "", "x" * 3000,
       "help with college fees and he's outside with a knife", "baby blue", "goodbye pills")


def test_a_message_is_scored_exactly_as_the_fitted_pipelines_would():
    crisis, kind = learned.train_models(TINY)
    model = learned.CrisisClassifier(learned.of_pipeline(crisis), learned.of_pipeline(kind), 0.5)
    for text in ODD:
        expected = crisis.predict_proba([text])[0][list(crisis.classes_).index(True)]
        assert model.probability(text) == pytest.approx(expected, abs=1e-12)
        assert model.kind.predict(text) == kind.predict([text])[0]


def test_a_saved_classifier_reads_back_the_same_and_never_as_a_pickle(tmp_path):
    model = learned.CrisisClassifier.fit(TINY, threshold=0.5)
    model.save(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["crisis.json", "crisis.npz", "kind.json",
                                                         "kind.npz"]
    again = learned.CrisisClassifier.load(tmp_path, threshold=0.5)
    for text in ODD:
        assert again.probability(text) == model.probability(text)
        assert again.guess(text) == model.guess(text)


@pytest.fixture
def tiny_training(monkeypatch):
    """prepared() trains on TINY, under a fingerprint the test sets, and counts its trainings."""
    trained = []
    fit = learned.CrisisClassifier.fit
    monkeypatch.setattr(learned, "training_messages", lambda: TINY)
    monkeypatch.setattr(learned.CrisisClassifier, "fit", classmethod(
        lambda cls, messages, threshold=learned.THRESHOLD: trained.append(1) or fit(messages, threshold)))
    monkeypatch.setattr(learned, "fingerprint", lambda: "a" * 64)
    return trained


def test_the_first_process_trains_and_saves_and_the_next_reads_it(tmp_path, monkeypatch, tiny_training):
    first = learned.prepared(tmp_path)
    assert len(tiny_training) == 1 and sorted(p.name for p in tmp_path.iterdir()) == ["a" * 64]
    second = learned.prepared(tmp_path)
    assert len(tiny_training) == 1  # read, not trained
    assert second.probability("baby blue") == first.probability("baby blue")
    monkeypatch.setattr(learned, "fingerprint", lambda: "b" * 64)  # an example was edited
    learned.prepared(tmp_path)
    assert len(tiny_training) == 2 and sorted(p.name for p in tmp_path.iterdir()) == ["b" * 64]


def test_a_broken_saved_model_is_trained_again_with_a_warning(tmp_path, tiny_training, caplog):
    learned.prepared(tmp_path)
    (tmp_path / ("a" * 64) / "kind.json").write_text("{not json")
    (tmp_path / ("a" * 64) / "crisis.npz").unlink()
    model = learned.prepared(tmp_path)
    assert len(tiny_training) == 2 and model.guess("baby has gone blue not breathing") is not None
    assert "could not be read" in caplog.text
    learned.prepared(tmp_path)
    assert len(tiny_training) == 2  # the broken one was replaced by a good one


def test_a_disk_that_cannot_be_written_only_costs_the_training(tmp_path, tiny_training, caplog):
    blocked = tmp_path / "file"
    blocked.write_text("a file where the cache directory should be")
    model = learned.prepared(blocked)
    assert model.guess("end it all, pills ready, goodbye").kind == "self_harm"
    assert "could not be saved" in caplog.text


def test_the_fingerprint_changes_with_any_training_file(tmp_path):
    examples, nlu = tmp_path / "examples", tmp_path / "nlu"
    examples.mkdir(), nlu.mkdir()
    (examples / "a.yml").write_text("messages: []\n")
    (nlu / "n.yml").write_text("nlu: []\n")
    before = learned.fingerprint(examples, nlu)
    assert learned.fingerprint(examples, nlu) == before
    (examples / "a.yml").write_text("messages: [{text: hi, crisis: false}]\n")
    assert learned.fingerprint(examples, nlu) != before
    (examples / "a.yml").write_text("messages: []\n")
    (nlu / "m.yml").write_text("nlu: []\n")
    assert learned.fingerprint(examples, nlu) != before


class Always:
    def guess(self, text):
        return learned.Guess("danger", 0.99)


class AlarmedByWords:
    """A classifier that says danger whenever it reads "kill" or "smoke", and records what it read."""

    def __init__(self):
        self.read = []

    def guess(self, text):
        self.read.append(text)
        return learned.Guess("danger", 0.99) if {"kill", "smoke"} & set(text.split()) else None


def test_the_rules_come_first_and_a_known_idiom_is_never_turned_into_a_crisis(monkeypatch):
    monkeypatch.setattr(learned, "classifier", lambda: Always())
    assert detect_crisis("i want to kill myself").kind == CrisisKind.self_harm  # the rules' answer
    assert detect_crisis("a message the rules have never seen").kind == CrisisKind.danger
    assert detect_crisis("a message the rules have never seen", learned=False) is None
    assert detector.detect_crisis(" \n") is None  # nothing to judge
    assert detect_crisis("dying to know lol") is not None  # "lol" is left to read: the classifier decides
    assert detect_crisis("could kill for") is None  # nothing but an idiom: nothing left to read


def test_the_classifier_reads_a_message_without_its_idioms(monkeypatch):
    model = AlarmedByWords()
    monkeypatch.setattr(learned, "classifier", lambda: model)
    assert detect_crisis("i could kill for a pizza") is None  # the idiom's "kill" is not read
    assert model.read == ["i a pizza"]
    crisis = detect_crisis("theres smoke under the door opposite and the fire alarm is going")
    assert crisis.kind == CrisisKind.danger  # the idiom "fire alarm" does not hide the smoke beside it
    assert model.read[-1] == "theres smoke under the door opposite and the is going"


def test_a_worrying_message_the_classifier_is_unsure_of_gets_the_safety_line_first(monkeypatch):
    from bot.safety import caution

    class Unsure:
        def probability(self, text):
            return learned.CAUTION_THRESHOLD

    monkeypatch.setattr(learned, "classifier", lambda: Unsure())
    assert caution.needs_caution("a message with no caution word")
    monkeypatch.setattr(Unsure, "probability", lambda self, text: learned.CAUTION_THRESHOLD - 0.01)
    assert not caution.needs_caution("a message with no caution word")
    assert not caution.needs_caution("   ")
