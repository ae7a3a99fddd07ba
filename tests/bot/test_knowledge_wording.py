"""How a parent's words are compared with an entry's: stems, little words, gaps and clause breaks."""

from __future__ import annotations

import pytest

from bot.knowledge.wording import BREAK, find, phrase_stems, stem, stems, tokens


@pytest.mark.parametrize("words", [
    ("bill", "bills"), ("stay", "staying", "stayed", "stays"), ("remove", "removed", "removing"),
    ("baby", "babies"), ("stop", "stopped"), ("carer", "carers"), ("judge", "judged", "judges"),
    ("live", "lives", "living"),
])
def test_word_endings_compare_equal(words):
    assert len({stem(w) for w in words}) == 1


@pytest.mark.parametrize("a, b", [("bus", "but"), ("less", "let"), ("pass", "past"), ("home", "hole")])
def test_different_words_stay_different(a, b):
    assert stem(a) != stem(b)


def test_tokens_split_on_punctuation_and_mark_clause_breaks():
    assert tokens("She's 2. Bills, rent!") == ["shes", "2", BREAK, "bills", BREAK, "rent", BREAK]
    assert tokens("") == [] and tokens("😀😀") == []


@pytest.mark.parametrize("phrase, message", [
    ("stay with my foster carer", "can i stay on at my foster carers after 18"),
    ("missed bills", "missed my gas bill again"),
    ("not coming home", "court said shes not coming home"),
    ("benefits changed", "my benefits all changed when he went into care"),
    ("me time", "i never get any me time"),
    ("im a dad", "Im a dad of 2"),
])
def test_a_phrase_is_found_said_another_way(phrase, message):
    assert find(stems(message), phrase_stems(phrase))


@pytest.mark.parametrize("phrase, message", [
    # two words that say something may have others between them, but not too many or across a clause break
    ("missed bills", "i missed the bus to the office about the bills"),
    ("get ready", "where can i get contraception, not ready for a baby yet"),
    # a phrase with one word that says something is looked for as it is
    ("me time", "i work full time"),
    ("my health", "whats the number for health stuff"),
    ("im a dad", "my dad never bothered"),
    ("whats on", "whats the number"),
    # words in another order are another phrase
    ("not coming home", "home is not where hes coming"),
])
def test_a_phrase_is_not_found_in_words_that_only_share_its_parts(phrase, message):
    assert find(stems(message), phrase_stems(phrase)) == ()


def test_find_gives_the_positions_of_the_words_it_matched():
    message = stems("i missed my gas bill")
    assert find(message, phrase_stems("missed bills")) == (1, 4)
    assert find(message, phrase_stems("")) == ()
