"""Preview: the route the words suggest, the entries or services used, and the exact words, web and SMS."""

from __future__ import annotations

import datetime as dt

from bot.editing.preview import preview
from bot.entitlements import answer_question
from bot.knowledge import Question, load_knowledge
from bot.knowledge.search import topics_in_text

NIGHT = dt.datetime(2026, 11, 24, 2, 0, tzinfo=dt.timezone.utc)


def test_an_entitlement_question_shows_its_entries_and_the_exact_reply():
    knowledge = load_knowledge()
    text = "can i get a bigger flat when the baby comes"
    result = preview(knowledge, text, NIGHT)
    answer = answer_question(knowledge, Question(text=text, topics=tuple(topics_in_text(knowledge, text))))
    assert result.route.startswith("entitlements")
    assert [line.split(":")[0] for line in result.entries] == answer.entry_ids
    assert "in knowledge/" in result.entries[0] and "score" in result.entries[0]
    assert result.replies[0] == answer.replies[0].text.split("\n\n")[0]
    assert 1 <= len(result.texts) <= 3 and result.texts[0].startswith("From the ")


def test_a_who_to_call_question_lists_what_is_open_at_that_time():
    result = preview(load_knowledge(), "who can i ring tonight", NIGHT)
    assert result.route.startswith("who to call")
    assert "samaritans: Samaritans" in result.services
    assert not any("leaving-care-team" in s for s in result.services)  # closed at 2am
    assert "116 123" in result.replies[0]
    assert result.entries[0].startswith("pledge-05: Knowing who to call")  # what the Pledge promises, last
    assert result.replies[-1].startswith("Next step: Ask your Personal Adviser")


def test_danger_words_take_the_safety_route_first():
    result = preview(load_knowledge(), "my baby isn't breathing", NIGHT)
    assert result.route.startswith("safety") and "999" in result.replies[0]
