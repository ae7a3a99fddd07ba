"""The learned model of what parents asked: it finds an entry from messages that use none of its words."""

from __future__ import annotations

import datetime as dt
import sys

import pytest

from bot.knowledge import Knowledge, Question, load_knowledge, search
from bot.knowledge.asked import AskedModel, WithoutPlaces, asked_model, examples
from bot.knowledge.schema import Document, Entry, Source, Topic

DOCUMENT = Document(id="pledge", title="Pledge", publisher="Council", cite_as="Pledge {section}",
                    file="p.txt")
HOUSING = Topic(id="housing", label="a place to live", words=["flat", "housing"])


def entry(entry_id: str, title: str, words: list[str], asked: list[str]) -> Entry:
    return Entry(id=entry_id, title=title, summary=title + ".", details=title + ".", next_step="Ask your PA.",
                 topics=["housing"], applies_when=["parent"], source=Source(document="pledge", section="1"),
                 last_reviewed=dt.date(2026, 11, 23), words=words, asked=asked)


BIGGER = entry("bigger-home", "A bigger home", ["bigger flat", "2 bed"],
               ["can we move somewhere with a room for the baby", "one bed is too small now hes here",
                "need an extra bedroom for my son"])
ESSENTIALS = entry("essentials", "Essential items", ["essential items", "essentials"],
                   ["got the keys and the place is empty, not even a bed", "no sofa no fridge nothing",
                    "moving in next week with nothing to sit on", "nothing to cook with in the new place"])


def knowledge(*entries: Entry) -> Knowledge:
    return Knowledge(documents=[DOCUMENT], topics=[HOUSING], entries=list(entries))


def test_a_message_in_other_words_is_most_like_the_entry_whose_parents_asked_it():
    model = AskedModel(examples(knowledge(BIGGER, ESSENTIALS)))
    likely = model.probabilities("the new place is totally empty, no sofa, nothing to sit on")
    assert likely["essentials"] > likely["bigger-home"]
    assert sum(likely.values()) == pytest.approx(1.0)


def test_the_search_answers_from_what_was_asked_when_the_words_point_elsewhere(monkeypatch):
    base = knowledge(BIGGER, ESSENTIALS)
    question = Question(text="got my flat but its empty, nothing to sit on and no bed", topics=("housing",))
    assert search(base, question)[0].entry.id == "essentials"
    monkeypatch.setattr(sys.modules["bot.knowledge.search"], "ASKED", 0.0)  # without it: a tie
    scores = {m.entry.id: m.score for m in search(base, question)}
    assert scores["essentials"] == scores["bigger-home"]


def test_one_entry_is_as_likely_as_itself_and_an_empty_base_as_nothing():
    assert AskedModel(examples(knowledge(BIGGER))).probabilities("anything") == {"bigger-home": 1.0}
    assert AskedModel(()).probabilities("anything") == {}


def test_trained_once_per_version_of_the_entries():
    first = knowledge(BIGGER, ESSENTIALS)
    assert asked_model(first) is asked_model(first)
    assert asked_model(knowledge(BIGGER, ESSENTIALS)) is asked_model(first)  # the same entries, reloaded
    edited = ESSENTIALS.copy(update={"asked": [*ESSENTIALS.asked, "no cot for the baby"]})
    assert asked_model(knowledge(BIGGER, edited)) is not asked_model(first)


def test_every_real_entry_is_learned_and_an_asked_message_finds_its_entry():
    real = load_knowledge()
    model = asked_model(real)
    assert set(model.entries) == {e.id for e in real.entries}
    with_asked = [e for e in real.entries if e.asked]
    assert len(with_asked) == len(real.entries), "every entry should list what parents asked"
    found = sum(max(model.probabilities(text).items(), key=lambda kv: kv[1])[0] == e.id
                for e in with_asked for text in e.asked)
    assert found / sum(len(e.asked) for e in with_asked) > 0.9  # it learned its own examples


def test_a_councils_name_says_nothing_about_which_entry_is_asked():
    """Examples for one council's document often name the council; which document applies follows from where
    the parent lives, so the model never learns the name."""
    named = entry("named", "A grant", [], ["can barnet give me a grant for a cot",
                                           "barnets grant for baby stuff", "does Barnet pay for a pram"])
    model = AskedModel(examples(knowledge(named, ESSENTIALS)), places=("Barnet",))
    in_barnet = model.probabilities("im in Barnet and theres nothing to sit on")
    assert in_barnet == model.probabilities("im in and theres nothing to sit on")
    assert WithoutPlaces(("Barnet", "Herefordshire"))("Barnet's offer in HEREFORDSHIRE") == "  offer in  "


def test_a_buttons_payload_is_searched_by_its_topic_alone(monkeypatch):
    base = knowledge(BIGGER, ESSENTIALS)
    pressed = {m.entry.id: m.score for m in search(base, Question(text="/ask_housing", topics=("housing",)))}
    monkeypatch.setattr(sys.modules["bot.knowledge.search"], "ASKED", 0.0)
    assert pressed == {m.entry.id: m.score for m in search(base, Question(text="/ask_housing",
                                                                           topics=("housing",)))}
