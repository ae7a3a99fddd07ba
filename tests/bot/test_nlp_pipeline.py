"""The project's spaCy pipeline finds councils, postcodes, topics and times, and loads from disk."""

from __future__ import annotations

import pytest

from bot.knowledge import load_knowledge
from bot.nlp.pipeline import PIPELINE_NAME, load_pipeline, save_pipeline


@pytest.fixture(scope="module")
def nlp(tmp_path_factory):
    out = tmp_path_factory.mktemp("spacy") / PIPELINE_NAME
    save_pipeline(load_knowledge(), out)
    return load_pipeline(out)


def ents(nlp, text: str) -> list[tuple[str, str]]:
    return [(e.label_, e.text) for e in nlp(text).ents]


@pytest.mark.parametrize("text, expected", [
    ("i live in barnet", ("council", "barnet")),
    ("Barnet Council said no", ("council", "Barnet Council")),
    ("im in herefordshire", ("council", "herefordshire")),
    ("my postcode is N12 8NP", ("postcode", "N12 8NP")),
    ("im near hr4", ("postcode", "hr4")),
    ("sw1a 1aa", ("postcode", "sw1a 1aa")),
    ("who can i call tonight", ("time", "tonight")),
    ("is anyone open at the weekend", ("time", "at the weekend")),
    ("its 2am and i cant sleep", ("time", "2am")),
    ("still up at 10:30pm", ("time", "10:30pm")),
    ("awake since 3 am", ("time", "3 am")),
    ("need help with universal credit", ("topic", "universal credit")),
    ("can i get a 2 bed flat", ("topic", "2 bed")),
])
def test_entity_ruler_finds(nlp, text, expected):
    assert expected in ents(nlp, text)


@pytest.mark.parametrize("text", ["hello there", "thanks so much", "ok"])
def test_ordinary_words_are_not_entities(nlp, text):
    assert ents(nlp, text) == []


def test_topic_matches_carry_the_topic_id(nlp):
    [ent] = [e for e in nlp("i am skint").ents]
    assert (ent.label_, ent.ent_id_) == ("topic", "money")


def test_pipeline_is_blank_english_with_only_rules(nlp):
    assert nlp.lang == "en"
    assert nlp.pipe_names == ["entity_ruler"]
    assert nlp.meta["name"] == PIPELINE_NAME
