"""Parents ask over the REST channel; the real Rasa and action servers answer with cited sources."""

from __future__ import annotations

import sqlite3

import pytest

pytestmark = pytest.mark.e2e


def texts(messages: list[dict]) -> str:
    return "\n".join(m.get("text", "") for m in messages)


def test_what_am_i_entitled_to_gets_a_cited_answer_and_topics(stack, sender):
    messages = stack.say(sender, "what am I entitled to")
    reply = texts(messages)
    assert "(Barnet Parenting Pledge, commitment" in reply
    assert "Next step:" in reply
    buttons = [b["payload"] for m in messages for b in m.get("buttons", [])]
    assert "/ask_housing" in buttons and "/ask_money" in buttons


def test_housing_question_cites_the_source(stack, sender):
    reply = texts(stack.say(sender, "can i get a bigger flat now the baby is here"))
    assert "commitment" in reply or "Corporate Parenting Strategy" in reply
    assert any(word in reply.lower() for word in ("home", "housing", "bedroom", "place to live"))


def test_a_mental_health_question_gets_999_and_samaritans_first_then_its_answer(stack, sender):
    from bot.safety import SAFETY_LINE

    messages = stack.say(sender, "ive been feeling really low since she was born, can i get counselling")
    assert messages[0]["text"] == SAFETY_LINE
    assert [m["text"] for m in messages].count(SAFETY_LINE) == 1
    assert "therap" in texts(messages[1:]).lower()  # therapy or therapeutic support, after the line
    housing = stack.say(f"{sender}-housing", "can i get a bigger flat now the baby is here")
    assert housing[0]["text"] != SAFETY_LINE


def test_money_question_cites_the_source(stack, sender):
    reply = texts(stack.say(sender, "im skint can i get any grants for baby stuff"))
    assert "(Barnet Parenting Pledge, commitment" in reply or "charter" in reply
    assert any(word in reply.lower() for word in ("benefit", "grant", "money", "essential"))


def test_out_of_scope_gets_an_honest_no_and_what_the_bot_can_do(stack, sender):
    reply = texts(stack.say(sender, "who won the darts last night"))
    assert "can't help with that" in reply
    assert "116 123" in reply  # someone to talk to now, even when the bot didn't understand
    assert "entitled to" in reply
    assert "999" in reply


# Vague questions a parent might send; the model is unsure about some of them (which ones depends on the
# training), and those get the labelled best guess instead of "I can't help".
VAGUE = ("cud u tell me about the things", "the thing my PA said about the panel", "stuff for me n the baby?",
         "wat about the other thing", "hmm so what is there", "and the other bit, for dads?",
         "that thing about the flat and money", "wat about the panel", "so about the promises",
         "that thing with the promises", "idk about the promises", "the thing my PA said about support stuff",
         "and the bit about the hub", "wat about the strategy", "so about the plan")
HEDGE = "I'm not sure I understood, so this is my best guess"


def test_an_unsure_answer_is_a_labelled_best_guess_with_a_source_and_more_details(stack, sender):
    guessed = []
    for number, text in enumerate(VAGUE):
        conversation = f"{sender}-{number}"
        messages = stack.say(conversation, text)
        if messages and messages[0]["text"].startswith(HEDGE):
            guessed.append((conversation, messages))
    assert guessed, "none of the vague questions was answered with a best guess"
    for conversation, messages in guessed:
        assert "999" in messages[0]["text"] and "116 123" in messages[0]["text"]
        reply = texts(messages[1:])
        assert "(Barnet Parenting Pledge, commitment" in reply or "charter" in reply \
            or "Corporate Parenting Strategy" in reply
        more = texts(stack.say(conversation, "tell me more"))
        assert "Next step:" in more and "I haven't told you about anything yet" not in more


def test_tell_me_more_gives_the_details_of_the_last_answer(stack, sender):
    first = texts(stack.say(sender, "can i get help with childcare if i go back to college"))
    more = texts(stack.say(sender, "tell me more"))
    assert "Next step:" in more
    assert more != first


def test_conversation_is_kept_in_the_sqlite_tracker_store(stack, sender):
    stack.say(sender, "hi")
    with sqlite3.connect(stack.tracker_db) as db:
        count = db.execute("select count(*) from events where sender_id = ?", (sender,)).fetchone()[0]
    assert count > 0


def test_an_editors_change_is_answered_at_once_without_retraining(stack, sender):
    charter = stack.run_dir / "knowledge" / "parents_charter.yml"
    original = charter.read_text()
    said, edited = "so you have the things you need", "so you have everything you and your baby need"
    assert said in texts(stack.say(sender, "what am I entitled to"))
    try:
        charter.write_text(original.replace(said, edited, 1))
        assert edited in texts(stack.say(sender, "what am I entitled to"))
        charter.write_text(original.replace("document: parents_charter", "document: missing", 1))
        reply = texts(stack.say(sender, "what am I entitled to"))  # a broken edit: the last good version
        assert edited in reply and "(charter “Supporting parents in and leaving care”" in reply
    finally:
        charter.write_text(original)
    assert said in texts(stack.say(sender, "what am I entitled to"))
