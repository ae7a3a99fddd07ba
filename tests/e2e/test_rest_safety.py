"""End to end over REST: a crisis message gets 999 and the right helpline in the first reply, in any state."""

from __future__ import annotations

import re
import sqlite3

import pytest

pytestmark = pytest.mark.e2e
# How each utter_crisis variant begins (domain.yml).
CRISIS_OPENINGS = ("If you or your child are in danger", "If your baby isn't breathing",
                   "I'm really glad you told me", "If your baby is hurt", "If you're bleeding heavily")


def first_text(messages: list[dict]) -> str:
    assert messages, "the bot said nothing"
    return messages[0]["text"]


@pytest.mark.parametrize("text, first_words, helpline", [
    ("i cant do this anymore i want to end my life", "call 999", "116 123"),
    ("my baby has gone floppy and wont wake up", "call 999 now", "NHS 111"),
    ("my boyfriend is hitting me again", "call 999", "0808 2000 247"),
    ("im 33 weeks and the baby hasnt moved since yesterday", "call 999", "call your maternity unit now"),
])
def test_crisis_gets_999_first_then_the_right_line_in_two_messages_at_most(stack, sender, text, first_words,
                                                                          helpline):
    messages = stack.say(sender, text)
    assert first_words in first_text(messages)
    assert helpline in " ".join(m["text"] for m in messages)
    assert len(messages) <= 2


def test_crisis_in_the_middle_of_a_conversation_is_answered_first(stack, sender):
    stack.say(sender, "can i get help with housing")
    stack.say(sender, "yes tell me more")
    reply = first_text(stack.say(sender, "theres someone trying to break in"))
    assert reply.startswith("If you or your child are in danger right now, call 999.")


def test_a_question_asked_with_a_crisis_is_answered_after_the_numbers(stack, sender):
    messages = stack.say(sender, "my partner hit me last night and i need to get out. can i get emergency "
                                 "housing for me and my baby")
    texts = [m["text"] for m in messages]
    assert texts[0].startswith("If you or your child are in danger now, call 999.")
    assert any("0808 2000 247" in t for t in texts[:2])
    [after] = [i for i, t in enumerate(texts) if t.startswith("About what you asked: ")]
    assert after >= 1
    source = re.search(r"\(([^()]+)\)\s*$", texts[after].split("\n\n")[0])
    assert source, texts[after]  # the answer names its source
    more = " ".join(m["text"] for m in stack.say(sender, "tell me more"))
    assert source.group(1) in more  # "tell me more" gives the details of that answer


def test_passing_mention_of_hurt_is_not_a_crisis(stack, sender):
    text = " ".join(m["text"] for m in stack.say(sender, "my back hurts from carrying the car seat"))
    assert not text.startswith(CRISIS_OPENINGS)


def test_a_crisis_is_flagged_for_a_worker_in_the_project_database(stack, sender):
    stack.say(sender, "i took too many tablets")
    with sqlite3.connect(stack.run_dir / "village.db") as db:
        kinds = [row[0] for row in db.execute("select kind from crisis_flags where conversation_id = ?",
                                              (sender,))]
    assert kinds == ["self_harm"]


def test_every_crisis_phrasing_gets_999_first_through_the_whole_bot(stack):
    from tests.bot.safety.test_detector import CRISIS

    missed = [text for text, _ in CRISIS
              if "999" not in first_text(stack.say(f"table-{abs(hash(text))}", text))]
    assert missed == []


def test_no_ordinary_message_takes_the_crisis_path_through_the_whole_bot(stack):
    from tests.bot.safety.test_detector import ORDINARY

    wrong = [text for text in ORDINARY
             if any(m.get("text", "").startswith(CRISIS_OPENINGS)
                    for m in stack.say(f"table-{abs(hash(text))}", text))]
    assert wrong == []


def test_a_goodbye_with_a_danger_word_gets_999_first_and_a_plain_bye_does_not(stack, sender):
    from bot.safety import SAFETY_LINE

    messages = [m["text"] for m in stack.say(sender, "goodbye")]
    assert messages[0] == SAFETY_LINE
    assert messages[1].startswith("Take care.")
    assert [m["text"] for m in stack.say(f"{sender}-bye", "bye")] == [messages[1]]
