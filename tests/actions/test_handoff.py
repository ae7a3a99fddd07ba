"""The handoff actions, with trackers built in code: explain, validate the contact, create and pause."""

from __future__ import annotations

import asyncio
import json

import pytest
from freezegun import freeze_time
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.handoff import ActionCreateHandoff, ActionExplainHandoff, ValidateHandoffForm
from bot import dialogue_names as names
from bot.config import get_settings
from bot.handoff.requests import active_handoff
from bot.replies import Button
from bot.store.database import session_scope
from bot.store.models import HandoffMessage
from tests.trackers import make_tracker, run_action


@pytest.fixture
def database(db_url, monkeypatch, tmp_path):
    monkeypatch.setenv("VILLAGE_DATABASE_URL", db_url)
    monkeypatch.setenv("VILLAGE_NOTIFICATIONS_FILE", str(tmp_path / "var" / "notifications.log"))
    get_settings.cache_clear()
    yield db_url
    get_settings.cache_clear()


def texts(messages: list[dict]) -> str:
    return "\n\n".join(m.get("text") or "" for m in messages)


@freeze_time("2026-11-24 23:00:00")  # Tuesday night
def test_out_of_hours_the_explanation_says_when_and_gives_open_numbers():
    events, messages = run_action(ActionExplainHandoff(), make_tracker(intent="request_advocacy"))
    text = texts(messages)
    assert "an advocate" in text and "outside office hours" in text and "tomorrow at 9am" in text
    assert "116 123" in text and "call 999" in text
    assert "Shout: text SHOUT to 85258" in text
    assert events[0] == {"event": "slot", "timestamp": None, "name": names.SLOT_HANDOFF_REASON,
                         "value": "advocacy"}


@freeze_time("2026-11-25 11:00:00")  # Wednesday morning
def test_in_office_hours_the_explanation_is_one_message():
    _, messages = run_action(ActionExplainHandoff(), make_tracker(intent="request_human"))
    assert len(messages) == 1 and "a worker should see it today" in messages[0]["text"]


def validate_contact(value: str, channel: str = "rest") -> tuple[list[dict], list[dict]]:
    events = [{"event": "user", "text": value, "input_channel": channel},
              {"event": "slot", "name": names.SLOT_CONTACT_PREFERENCE, "value": value}]
    slots = {names.SLOT_CONTACT_PREFERENCE: value, "requested_slot": names.SLOT_CONTACT_PREFERENCE}
    tracker = Tracker("parent-1", slots,
                      {"text": value, "intent": {"name": names.CHOOSE_CONTACT}, "entities": []}, events,
                      False, None, {"name": names.FORM_HANDOFF}, "action_listen")
    dispatcher = CollectingDispatcher()
    domain = {"forms": {names.FORM_HANDOFF: {"required_slots": [names.SLOT_HANDOFF_CONSENT,
                                                                names.SLOT_CONTACT_PREFERENCE]}},
              "slots": {names.SLOT_CONTACT_PREFERENCE: {"type": "categorical"}}}
    result = asyncio.run(ValidateHandoffForm().run(dispatcher, tracker, domain))
    return result, dispatcher.messages


def preference_set(events: list[dict]) -> str | None:
    return next(e["value"] for e in events if e.get("name") == names.SLOT_CONTACT_PREFERENCE)


@pytest.mark.parametrize("said, channel, expected", [
    ("just reply here", "rest", "reply_here"),
    ("ring me pls", "twilio", "call_me"),
    ("text me", "twilio", "text_me"),
    ("call me", "rest", "reply_here"),  # no number on the web chat: the worker replies here
])
def test_contact_preference_in_the_parents_words(said, channel, expected):
    events, _ = validate_contact(said, channel)
    assert preference_set(events) == expected


def test_an_unclear_contact_answer_is_asked_again_kindly():
    events, messages = validate_contact("whatever")
    assert preference_set(events) is None
    assert "reply here, call me or text me" in messages[0]["text"]


def history_tracker(consent: bool) -> Tracker:
    tracker = make_tracker(slots={names.SLOT_HANDOFF_REASON: "advocacy", names.SLOT_HANDOFF_CONSENT: consent,
                                  names.SLOT_CONTACT_PREFERENCE: "reply_here"}, sender="parent-9")
    tracker.events = [{"event": "user", "text": "i need an advocate", "input_channel": "rest"},
                      {"event": "bot", "text": "I can ask a worker..."}]
    return tracker


def test_create_commits_the_handoff_pauses_the_bot_and_gives_a_reference(database, tmp_path):
    events, messages = run_action(ActionCreateHandoff(), history_tracker(consent=True))
    handoff = active_handoff("parent-9")
    assert events == [{"event": "pause", "timestamp": None}]
    assert handoff.reference in messages[0]["text"] and "say never mind" in messages[0]["text"]
    with session_scope() as session:
        thread = [m.text for m in session.query(HandoffMessage).filter_by(handoff_id=handoff.id)]
    assert thread == ["i need an advocate", "I can ask a worker..."]
    [note] = (tmp_path / "var" / "notifications.log").read_text().splitlines()
    assert json.loads(note) | {"at": None} == {"at": None, "event": "new_handoff",
                                               "reference": handoff.reference, "reason": "advocacy",
                                               "urgent": False}


def test_without_consent_the_worker_sees_no_conversation(database):
    run_action(ActionCreateHandoff(), history_tracker(consent=False))
    handoff = active_handoff("parent-9")
    with session_scope() as session:
        assert session.query(HandoffMessage).filter_by(handoff_id=handoff.id).count() == 0


@freeze_time("2026-11-24 23:00:00")  # Tuesday night
def test_legal_requests_also_get_the_free_advice_lines_with_when_they_open_and_a_check_label():
    _, messages = run_action(ActionExplainHandoff(), make_tracker(intent="request_legal_advice"))
    legal = messages[-1]["text"]
    assert legal.startswith("Free legal advice lines you can also try:")
    cla, frg = legal.splitlines()[1:]
    assert "0345 345 4345" in cla and "(opens tomorrow at 9am)" in cla
    assert "0808 801 0366" in frg and "(opens tomorrow at 9:30am)" in frg
    assert legal.count("check this with your leaving care team") == 2


@freeze_time("2026-11-24 23:00:00")
def test_advocacy_requests_do_not_get_the_legal_lines():
    _, messages = run_action(ActionExplainHandoff(), make_tracker(intent="request_advocacy"))
    assert "legal advice lines" not in texts(messages)


@freeze_time("2026-11-24 23:00:00")
@pytest.mark.parametrize("intent", ["request_human", "request_legal_advice"])
def test_by_text_the_explanation_keeps_the_facts_in_fewer_characters(intent):
    from bot.sms.segments import to_texts

    _, messages = run_action(ActionExplainHandoff(), make_tracker(intent=intent, channel="twilio"))
    first = messages[0]["text"]
    assert len(first) <= 320  # two texts
    assert "tomorrow at 9am" in first and "116 123" in first and "call 999" in first
    if intent == "request_legal_advice":
        assert "0345 345 4345" in messages[1]["text"] and "check this with your leaving care team" in \
            messages[1]["text"]
    sent = to_texts([m["text"] for m in messages] + ["Can I share this chat with the worker?"],
                    (Button("Yes", "/affirm"), Button("No", "/deny")))
    assert sent.segments[-1].startswith("Can I share this chat")
