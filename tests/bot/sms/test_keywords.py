"""SMS keywords: STOP/START/HELP/MORE in any case or spacing, and numbered replies."""

from __future__ import annotations

import pytest

from bot.replies import Button
from bot.sms.keywords import chosen, is_help, is_more, is_start, is_stop


@pytest.mark.parametrize("text", ["STOP", "stop", " Stop ", "STOPALL", "unsubscribe", "End", "QUIT", "cancel",
                                  "OPTOUT", "stop."])
def test_opt_out_words(text):
    assert is_stop(text)


@pytest.mark.parametrize("text", ["please stop texting", "stop it now", "", None, "😀", "x" * 1600])
def test_a_sentence_with_stop_in_it_is_not_an_opt_out(text):
    assert not is_stop(text)


def test_start_help_more():
    assert is_start(" start ") and is_start("UNSTOP") and not is_start("yes")
    assert is_help("HELP") and is_help("info") and not is_help("help me with housing")
    assert is_more("MORE") and is_more("more.") and not is_more("tell me more")


def test_numbered_replies_pick_an_option():
    options = (Button("Housing", "/ask_housing"), Button("Money", "/ask_money"))
    assert chosen("2", options) == options[1]
    assert chosen(" 1. ", options) == options[0]
    assert chosen("3", options) is None and chosen("0", options) is None and chosen("two", options) is None
