"""End to end over REST at 2am: "who can I call?" gets open numbers first, then local help, asked once."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.e2e


def texts(messages: list[dict]) -> list[str]:
    return [m.get("text", "") for m in messages]


def test_at_2am_the_first_reply_has_numbers_open_now_then_asks_where_once(stack, sender):
    replies = texts(stack.say(sender, "who could i ring tonight"))
    assert replies[0].startswith("Open right now (2am):")
    assert "116 123" in replies[0] and "85258" in replies[0] and "999" in replies[0]
    assert "council or postcode" in replies[-1]
    # what the Pledge promises and its next step, after the numbers and before the question
    assert replies[-3].endswith("(Barnet Parenting Pledge, commitment 5)")
    assert replies[-2].startswith("Next step: Ask your Personal Adviser (PA) for the out-of-hours numbers")

    local = " ".join(texts(stack.say(sender, "N12 0QF")))
    assert "N12 looks like it's in Barnet" in local
    assert "Barnet leaving care team" in local and "should open again today at 9am" in local
    assert "check this with your leaving care team" in local

    again = texts(stack.say(sender, "who can i ring now"))
    assert again[0].startswith("Open right now (2am):")
    assert not any("council or postcode" in text for text in again)  # remembered, not asked again
    assert any("Barnet leaving care team" in text for text in again)


def test_a_parent_who_would_rather_not_say_still_has_the_numbers(stack, sender):
    first = texts(stack.say(sender, "is there anyone i can ring right now"))
    assert "116 123" in first[0]
    after = " ".join(texts(stack.say(sender, "rather not")))
    assert "just tell me your council or postcode" in after


def test_a_crisis_while_asked_where_they_live_gets_999_and_no_more_questions(stack, sender):
    stack.say(sender, "who can i call its late")
    replies = texts(stack.say(sender, "i want to kill myself"))
    assert "999" in replies[0] and "116 123" in " ".join(replies)
    assert not any("council or postcode" in text for text in replies)


def test_a_parent_who_ignores_the_area_question_and_asks_something_else_gets_an_answer(stack, sender):
    stack.say(sender, "who do i ring on saturday")
    reply = " ".join(texts(stack.say(sender, "can i get help with housing")))
    assert "(Barnet Parenting Pledge, commitment" in reply or "Corporate Parenting Strategy" in reply


def test_tell_me_more_after_the_numbers_gives_the_details_of_what_is_promised(stack, sender):
    stack.say(sender, "is there a number for weekends")
    more = " ".join(texts(stack.say(sender, "tell me more")))
    assert "The Pledge says parenting can be rewarding but also challenging" in more
    assert "(Barnet Parenting Pledge, commitment 5)" in more
