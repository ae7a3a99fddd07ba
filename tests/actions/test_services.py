"""The "who can I call?" actions, driven with trackers built in code, at frozen times."""

from __future__ import annotations

import asyncio

from freezegun import freeze_time
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.services import ActionLocalServices, ActionWhoToCall, ValidateLocalAreaForm
from bot import dialogue_names as names
from bot.safety import SAFETY_LINE
from tests.trackers import make_tracker, run_action

TONIGHT = {"entity": "time", "value": "tonight", "extractor": "SpacyEntityExtractor"}
FORM_DOMAIN = {"forms": {names.FORM_LOCAL_AREA: {"required_slots": [names.SLOT_COUNCIL]}},
               "slots": {names.SLOT_COUNCIL: {"type": "text"}}}


def texts(messages: list[dict]) -> str:
    return "\n\n".join(m.get("text") or "" for m in messages)


@freeze_time("2026-11-24 02:14:00")  # a Tuesday, 2:14am in London (GMT)
def test_at_2am_the_first_reply_is_numbers_that_are_open_now():
    events, messages = run_action(ActionWhoToCall(), make_tracker(
        intent=names.ASK_WHO_TO_CALL, text="who can i call im so low"))
    first = messages[0]["text"]
    assert first.startswith("Open right now (2:14am):")
    assert "116 123" in first and "85258" in first
    assert "call 999" in first
    promised = texts(messages[1:])
    assert "(Barnet Parenting Pledge, commitment 5)" in promised and "out-of-hours numbers" in promised
    assert events == [{"event": "slot", "timestamp": None, "name": names.SLOT_LAST_ENTRIES,
                       "value": ["pledge-05"]}]


@freeze_time("2026-11-24 02:14:00")
def test_by_sms_the_promise_is_one_cited_next_step_after_the_numbers():
    _, messages = run_action(ActionWhoToCall(), make_tracker(
        intent=names.ASK_WHO_TO_CALL, text="is there a number for weekends", channel=names.SMS_CHANNEL))
    assert messages[0]["text"].startswith("Open right now (2:14am):")
    assert messages[-1]["text"].startswith("From the Barnet Parenting Pledge, commitment 5: Ask your")


@freeze_time("2026-07-04 12:00:00")  # a Saturday in summer: 1pm in London (BST)
def test_at_the_weekend_the_clock_is_london_summer_time():
    tracker = make_tracker(intent=names.ASK_WHO_TO_CALL, text="anyone open")
    _, messages = run_action(ActionWhoToCall(), tracker)
    assert messages[0]["text"].startswith("Open right now (1pm):")


@freeze_time("2026-11-24 15:00:00")
def test_asking_about_tonight_in_the_afternoon_lists_what_is_open_tonight():
    _, messages = run_action(ActionWhoToCall(), make_tracker(
        intent=names.ASK_WHO_TO_CALL, text="who can i call tonight", entities=[TONIGHT]))
    assert messages[0]["text"].startswith("Open tonight:")


@freeze_time("2026-11-24 02:00:00")
def test_asking_about_tonight_at_2am_lists_what_is_open_right_now():
    _, messages = run_action(ActionWhoToCall(), make_tracker(
        intent=names.ASK_WHO_TO_CALL, text="who can i call tonight", entities=[TONIGHT]))
    assert messages[0]["text"].startswith("Open right now (2am):")


@freeze_time("2026-11-24 02:00:00")
def test_a_baby_health_worry_gets_111_first():
    _, messages = run_action(ActionWhoToCall(), make_tracker(
        intent=names.ASK_WHO_TO_CALL, text="my baby has a temperature who do i ring"))
    assert messages[0]["text"].splitlines()[1].startswith("• NHS 111: call 111")


def validate(value: str) -> tuple[list[dict], list[dict]]:
    """Run the form validation the way Rasa does: the slot was just filled from the parent's answer."""
    tracker = Tracker("parent-1", {names.SLOT_COUNCIL: value, "requested_slot": names.SLOT_COUNCIL},
                      {"text": value, "intent": {"name": names.INFORM_AREA}, "entities": []},
                      [{"event": "user", "text": value},
                       {"event": "slot", "name": names.SLOT_COUNCIL, "value": value}],
                      False, None, {"name": names.FORM_LOCAL_AREA}, "action_listen")
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ValidateLocalAreaForm().run(dispatcher, tracker, FORM_DOMAIN))
    return events, dispatcher.messages


def council_set(events: list[dict]) -> str | None:
    return next(e["value"] for e in events if e.get("event") == "slot" and e["name"] == names.SLOT_COUNCIL)


def test_form_accepts_council_names_and_postcodes():
    assert council_set(validate("barnet council")[0]) == "Barnet"
    assert council_set(validate("HR4")[0]) == "Herefordshire"
    events, messages = validate("N12 8NP")
    assert council_set(events) == "Barnet"
    assert "N12 looks like it's in Barnet" in messages[0]["text"]


def test_form_asks_once_an_unknown_place_or_a_skip_is_remembered_as_unknown():
    assert council_set(validate("manchester")[0]) == names.COUNCIL_UNKNOWN
    assert council_set(validate("skip")[0]) == names.COUNCIL_UNKNOWN


@freeze_time("2026-11-28 21:00:00")  # Saturday night
def test_local_services_at_the_weekend_say_when_the_team_opens_and_that_it_is_unchecked():
    events, messages = run_action(ActionLocalServices(), make_tracker(
        intent=names.INFORM_AREA, text="barnet", slots={names.SLOT_COUNCIL: "barnet"}))
    assert "should open again on Monday at 9am" in texts(messages)
    assert "check this with your leaving care team" in texts(messages)
    assert events[0]["name"] == names.SLOT_COUNCIL and events[0]["value"] == "Barnet"


@freeze_time("2026-11-25 10:30:00")  # Wednesday morning
def test_local_services_in_office_hours_offer_the_leaving_care_team_now():
    _, messages = run_action(ActionLocalServices(), make_tracker(
        intent=names.INFORM_AREA, text="hr1", slots={names.SLOT_COUNCIL: "hr1"}))
    assert "Herefordshire leaving care team (your Personal Adviser) should be open now" in texts(messages)


def test_local_services_when_the_parent_skipped_say_so_kindly():
    events, messages = run_action(ActionLocalServices(), make_tracker(
        intent=names.DENY, slots={names.SLOT_COUNCIL: names.COUNCIL_UNKNOWN}))
    assert "just tell me your council or postcode" in texts(messages)
    assert events[0]["value"] == names.COUNCIL_UNKNOWN


@freeze_time("2026-11-25 10:30:00")
def test_naming_an_area_beside_a_danger_word_gets_999_first():
    _, messages = run_action(ActionLocalServices(), make_tracker(
        intent=names.INFORM_AREA, text="barnet, hes got a knife", slots={names.SLOT_COUNCIL: "barnet"}))
    assert messages[0]["text"] == SAFETY_LINE
    _, plain = run_action(ActionLocalServices(), make_tracker(
        intent=names.INFORM_AREA, text="barnet", slots={names.SLOT_COUNCIL: "barnet"}))
    assert SAFETY_LINE not in texts(plain)
