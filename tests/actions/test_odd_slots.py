"""Actions given slots and texts of the wrong type (as the fuzz tests send) answer instead of crashing."""

from __future__ import annotations

import pytest

from actions.entitlements import ActionAnswerEntitlement, ActionMoreDetails
from actions.handoff import ActionExplainHandoff, ValidateHandoffForm
from actions.services import ActionLocalServices, ActionWhoToCall
from bot import dialogue_names as names
from tests.actions.test_handoff import database  # noqa: F401  (the database fixture)
from tests.trackers import make_tracker, run_action

ODD = [5, 1.5, True, ["a", 1], {"x": 1}]


@pytest.mark.parametrize("value", ODD)
def test_more_details_with_an_odd_last_entries_slot_says_nothing_was_told_yet(value):
    _, messages = run_action(ActionMoreDetails(), make_tracker(slots={names.SLOT_LAST_ENTRIES: value}))
    assert messages[0]["text"].startswith("I haven't told you about anything yet")


@pytest.mark.parametrize("action", [ActionAnswerEntitlement(), ActionWhoToCall(), ActionExplainHandoff()])
@pytest.mark.parametrize("text", [1, ["housing"], {"a": 1}])
def test_a_message_text_that_isnt_a_string_still_gets_an_answer(action, text):
    tracker = make_tracker(intent="ask_housing")
    tracker.latest_message["text"] = text
    _, messages = run_action(action, tracker)
    assert messages


@pytest.mark.parametrize("value", ODD)
def test_local_services_with_an_odd_council_slot_offers_to_ask_later(value):
    events, _ = run_action(ActionLocalServices(), make_tracker(slots={names.SLOT_COUNCIL: value}))
    assert events == [{"event": "slot", "timestamp": None, "name": names.SLOT_COUNCIL,
                       "value": names.COUNCIL_UNKNOWN}]


@pytest.mark.parametrize("value", [["call_me"], {"x": 1}])
def test_an_unhashable_contact_preference_is_read_as_words(value):
    import asyncio

    from rasa_sdk.executor import CollectingDispatcher

    result = asyncio.run(ValidateHandoffForm().validate_contact_preference(
        value, CollectingDispatcher(), make_tracker(), {}))
    assert set(result) == {names.SLOT_CONTACT_PREFERENCE}


@pytest.mark.parametrize("value", [5, ["self_harm"], "not-a-kind"])
def test_an_odd_crisis_kind_is_still_flagged_for_a_worker(database, value):  # noqa: F811
    from actions.safety import ActionFlagCrisis
    from bot.store import crisis_flags

    run_action(ActionFlagCrisis(), make_tracker(slots={names.SLOT_CRISIS_KIND: value}, sender="parent-odd"))
    [flag] = crisis_flags("parent-odd")
    assert flag.kind == "danger"


def test_odd_handoff_slots_still_create_the_request(database):  # noqa: F811
    from actions.handoff import ActionCreateHandoff
    from bot.handoff.requests import active_handoff

    tracker = make_tracker(slots={names.SLOT_HANDOFF_REASON: ["x"], names.SLOT_HANDOFF_CONSENT: "yes",
                                  names.SLOT_CONTACT_PREFERENCE: {"x": 1}}, sender="parent-odd")
    tracker.events = [{"event": "user", "text": 7}, {"event": "bot", "text": "hello"}]
    events, messages = run_action(ActionCreateHandoff(), tracker)
    handoff = active_handoff("parent-odd")
    assert (handoff.reason, handoff.contact_preference) == ("human", "reply_here")
    assert handoff.reference in messages[0]["text"] and events == [{"event": "pause", "timestamp": None}]
