"""The caution words: whole words, any case or punctuation; ordinary questions have none."""

from __future__ import annotations

import pytest

from bot.safety import needs_caution


@pytest.mark.parametrize("text", ["got the Blade out", "took my sertraline", "hes DRUNK again",
                                  "the kettle!"])
def test_danger_words_need_caution(text):
    assert needs_caution(text)


@pytest.mark.parametrize("text", ["what am i entitled to", "can i get a grant for a cot", "bladeless fan",
                                  "who can i ring tonight", ""])
def test_ordinary_questions_do_not(text):
    assert not needs_caution(text)
