"""The crisis flag action records the conversation for a worker and says nothing; the action after it answers
an entitlement question the crisis message also asked; the caution before small talk says 999 first only when
the message needs it."""

from __future__ import annotations

import pytest

from actions.safety import ActionAnswerAfterCrisis, ActionCaution, ActionFlagCrisis
from bot import dialogue_names as names
from bot.config import get_settings
from bot.safety import SAFETY_LINE
from bot.store import crisis_flags
from tests.trackers import make_tracker, run_action


def test_crisis_is_flagged_for_a_worker_without_another_message(db_url, monkeypatch):
    monkeypatch.setenv("VILLAGE_DATABASE_URL", db_url)
    get_settings.cache_clear()
    try:
        tracker = make_tracker(intent=names.CRISIS, slots={names.SLOT_CRISIS_KIND: "baby_emergency"},
                               sender="parent-7")
        events, messages = run_action(ActionFlagCrisis(), tracker)
        assert (events, messages) == ([], [])
        [flag] = crisis_flags("parent-7")
        assert flag.kind == "baby_emergency"
    finally:
        get_settings.cache_clear()


def test_a_question_asked_with_the_crisis_is_answered_after_the_numbers_and_remembered():
    ranking = [{"name": names.CRISIS, "confidence": 1.0}, {"name": "ask_money", "confidence": 0.7}]
    tracker = make_tracker(intent=names.CRISIS, text="my ex is outside shouting, can i get a grant for a cot",
                           ranking=ranking)
    events, messages = run_action(ActionAnswerAfterCrisis(), tracker)
    assert messages[0]["text"].startswith("About what you asked: ")
    assert "999" not in messages[0]["text"]  # the crisis numbers were the reply before this one
    [slot] = events
    assert slot["name"] == names.SLOT_LAST_ENTRIES and slot["value"]


def test_a_crisis_with_nothing_else_asked_gets_no_more_messages():
    ranking = [{"name": names.CRISIS, "confidence": 1.0}, {"name": "ask_money", "confidence": 0.05}]
    tracker = make_tracker(intent=names.CRISIS, text="i want to end it", ranking=ranking)
    assert run_action(ActionAnswerAfterCrisis(), tracker) == ([], [])


def test_after_a_medical_emergency_a_message_that_asks_nothing_gets_no_answer_after_the_numbers():
    ranking = [{"name": names.CRISIS, "confidence": 1.0}, {"name": "ask_housing", "confidence": 0.7}]
    still = make_tracker(intent=names.CRISIS, text="34 weeks and baby hasnt moved all day", ranking=ranking,
                         slots={names.SLOT_CRISIS_KIND: "maternal_emergency"})
    assert run_action(ActionAnswerAfterCrisis(), still) == ([], [])
    asks = make_tracker(intent=names.CRISIS, text="34 weeks and baby hasnt moved, can i get moved nearer mum",
                        ranking=ranking, slots={names.SLOT_CRISIS_KIND: "maternal_emergency"})
    assert run_action(ActionAnswerAfterCrisis(), asks)[1][0]["text"].startswith("About what you asked: ")


@pytest.mark.parametrize("intent, text", [
    (names.GOODBYE, "goodbye everyone, thanks for trying"),  # a danger word the rules alone leave alone
    ("thanks", "thanks for listening. the tablets are on the side"),
])
def test_small_talk_with_a_danger_word_gets_999_first(intent, text):
    events, messages = run_action(ActionCaution(), make_tracker(intent=intent, text=text))
    assert (events, [m["text"] for m in messages]) == ([], [SAFETY_LINE])


@pytest.mark.parametrize("intent, text", [(names.GOODBYE, "bye x"), ("thanks", "thank u"),
                                          (names.GREET, "hiya"), ("deny", "no thats all")])
def test_ordinary_small_talk_gets_nothing_before_the_usual_reply(intent, text):
    assert run_action(ActionCaution(), make_tracker(intent=intent, text=text)) == ([], [])


def test_small_talk_keeps_the_higher_caution_threshold_of_the_two(monkeypatch):
    """A "bye" scored where an answer to a topic question would get the line still gets nothing."""
    from bot.safety import learned

    class Unsure:
        def probability(self, text):
            return learned.QUESTION_CAUTION_THRESHOLD

    assert learned.QUESTION_CAUTION_THRESHOLD < learned.CAUTION_THRESHOLD
    monkeypatch.setattr(learned, "classifier", lambda: Unsure())
    assert run_action(ActionCaution(), make_tracker(intent=names.GOODBYE, text="bye x")) == ([], [])
    monkeypatch.setattr(Unsure, "probability", lambda self, text: learned.CAUTION_THRESHOLD)
    assert run_action(ActionCaution(), make_tracker(intent=names.GOODBYE, text="bye x"))[1]
