"""Fuzz tests over the real servers: random, odd, huge and malformed input to the REST channel, the SMS
webhook, the action server and the widget never gets a 5xx, and nothing a channel accepts is lost.

Reproducible: derandomize=True picks the same examples on every run (and no example database is written);
a failure prints the falsifying example and the server's answer (`note`), so it can be replayed by hand.
What "nothing lost" means per channel:
- REST: a message is accepted (200, the bot's replies) and its text is in the tracker, or refused with a 4xx
  that says why (400: wrong shape; 413: over bot.channels.rest.MAX_MESSAGE characters, recorded nowhere).
- SMS: every text Twilio signed gets 200 and at least one text back; forged ones get 403 and reach nobody.
- Action server: every action in domain.yml answers 200 with a response Rasa accepts, whatever the slots hold.
"""

from __future__ import annotations

import itertools
import json
import re
import sqlite3
import threading
import urllib.error
import urllib.parse
import urllib.request
import uuid

import pytest
import yaml
from hypothesis import HealthCheck, example, given, note, settings
from hypothesis import strategies as st

from bot.channels.rest import MAX_MESSAGE
from bot.config import PROJECT_ROOT
from tests.e2e.test_sms import text as sms

pytestmark = pytest.mark.e2e


def fuzz(examples: int):
    return settings(max_examples=examples, deadline=None, derandomize=True, database=None, print_blob=True,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                           HealthCheck.data_too_large, HealthCheck.large_base_example])


# What parents, phones and broken clients send: emoji with skin tones and joiners, right-to-left text and the
# override, zero-width characters, control characters, Rasa's /intent syntax, crisis words, injections.
ODD = ["👶🏽", "👨‍👩‍👧", "مرحبا، أحتاج مساعدة", "שלום", "\u202eevil", "\u200b", "\u200d", "\ufeff",
       "\x00", "\x07", "\x1b[31m", "\r\n", "\t", "\u2028", "%s%n", "{{ x }}", "<script>alert(1)</script>",
       "'; drop table events;--", "/", "/ask_more", "/affirm", '/inform{"council": ', "/nlu_fallback",
       "/restart", "¡", "STOP", "HELP", "MORE", "1", "housing", "tonight", "Barnet", "EN5 1AA",
       "I want to hurt myself", "call me", "never mind"]
SURROGATE = st.integers(0xD800, 0xDFFF).map(chr)  # lone halves, sent as JSON "\ud800" escapes
words = st.one_of(st.sampled_from(ODD), st.text(max_size=12),
                  st.text(st.characters(codec="ascii"), max_size=12))
texts = st.lists(words, max_size=8).map(" ".join) | st.text(max_size=200)
unicode_texts = st.lists(words | SURROGATE, max_size=8).map("".join)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6)
_unique = itertools.count()


def fresh(prefix: str) -> str:
    """A sender no other example used (random-looking senders share conversations otherwise)."""
    return f"{prefix[:40]}-fuzz-{next(_unique)}-{uuid.uuid4().hex[:8]}"


def post(url: str, data: bytes, content_type: str | None = "application/json",
         headers: dict | None = None) -> tuple[int, str]:
    headers = {**(headers or {}), **({"Content-Type": content_type} if content_type else {})}
    request = urllib.request.Request(url, data=data, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            status, body = response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        status, body = error.code, error.read().decode()
    note(f"-> {status} {body[:300]}")
    return status, body


def user_texts(stack, sender: str) -> list[str]:
    with sqlite3.connect(stack.tracker_db) as db:
        rows = db.execute("select data from events where sender_id = ? and type_name = 'user' order by id",
                          (sender,)).fetchall()
    return [json.loads(data).get("text") for (data,) in rows]


def as_rasa_keeps_it(text: str) -> str:
    return re.sub("[\ud800-\udfff]", "\ufffd", text).strip()


# --- REST channel -------------------------------------------------------------------------------------------

@fuzz(25)
@given(prefix=st.text(max_size=12), text=texts | unicode_texts)
@example(prefix="", text="")
@example(prefix="surrogates", text="help \ud800 with housing \udfff")
@example(prefix="longest", text=("housing help tonight 👶🏽 مرحبا " * 80)[:MAX_MESSAGE])
def test_rest_any_text_is_answered_and_recorded(stack, prefix, text):
    sender = fresh(prefix)
    status, body = post(stack.rest_url, json.dumps({"sender": sender, "message": text}).encode())
    assert status == 200
    replies = json.loads(body)
    assert isinstance(replies, list) and all(r.get("recipient_id") == sender for r in replies)
    if not text.strip().startswith("/"):  # "/restart" and friends are Rasa commands that may say nothing
        assert replies, "a message in a new conversation always gets an answer"
    assert user_texts(stack, sender) == [as_rasa_keeps_it(text)]


def test_a_message_the_policies_cant_place_still_gets_an_answer(stack):
    said = " ".join(m.get("text", "") for m in stack.say(fresh("fallback"), "/choose_contact"))
    assert "didn't understand" in said and "999" in said and "116 123" in said


@fuzz(6)
@given(piece=st.text(min_size=1, max_size=20), size=st.integers(MAX_MESSAGE + 1, 100_000))
@example(piece="a", size=100_000)
def test_rest_huge_text_is_a_clear_413_and_recorded_nowhere(stack, piece, size):
    sender = fresh("huge")
    text = (piece * (size // len(piece) + 1))[:size]
    status, body = post(stack.rest_url, json.dumps({"sender": sender, "message": text}).encode())
    assert status == 413 and f"at most {MAX_MESSAGE}" in body
    assert user_texts(stack, sender) == []


def rest_would_accept(body: object) -> bool:
    """The contract of bot.channels.rest: what it answers with 200; everything else is a 4xx."""
    if not isinstance(body, dict) or not isinstance(body.get("message"), str) \
            or len(body["message"]) > MAX_MESSAGE:
        return False
    sender = body.get("sender")
    sender_ok = sender is None or (isinstance(sender, int) and not isinstance(sender, bool)) or (
        isinstance(sender, str) and sender.strip() and len(sender) <= 255 and not re.search("[\ud800-\udfff]",
                                                                                            sender))
    return bool(sender_ok) and isinstance(body.get("metadata"), (dict, type(None))) \
        and isinstance(body.get("input_channel"), (str, type(None)))


rest_bodies = st.fixed_dictionaries({}, optional={
    "sender": json_values | st.builds(fresh, st.text(max_size=8)), "message": json_values | texts,
    "metadata": json_values, "input_channel": json_values | st.sampled_from(["rest", "twilio", "socketio"]),
    "extra": json_values})
content_types = st.sampled_from([None, "application/json", "text/plain", "application/x-www-form-urlencoded",
                                 "multipart/form-data; boundary=x", "application/json; charset=latin-1"])


@fuzz(30)
@given(body=rest_bodies | json_values, content_type=content_types)
@example(body=[], content_type="application/json")
@example(body=None, content_type="application/json")
@example(body={"sender": "x", "message": 1}, content_type="application/json")
def test_rest_any_json_is_answered_or_refused_with_a_4xx(stack, body, content_type):
    if isinstance(body, dict) and isinstance(body.get("sender"), str) and rest_would_accept(body):
        body["sender"] = fresh(body["sender"])  # a fresh conversation, so its one user event is this one
    status, answer = post(stack.rest_url, json.dumps(body).encode(), content_type)
    if rest_would_accept(body):
        assert status == 200 and isinstance(json.loads(answer), list)
        if isinstance(body.get("sender"), str):
            assert user_texts(stack, body["sender"]) == [as_rasa_keeps_it(body["message"])]
    else:
        assert 400 <= status < 500


@fuzz(25)
@given(data=st.binary(max_size=300) | texts.map(str.encode), content_type=content_types)
@example(data=b"", content_type="application/json")
@example(data=b'{"sender": "x", "message": "hi"', content_type="application/json")
@example(data=b'{"sender": "x", "message": "\xff\xfe"}', content_type="application/json")
def test_rest_malformed_bytes_never_get_a_5xx(stack, data, content_type):
    status, answer = post(stack.rest_url, data, content_type)
    assert status < 500
    if status == 200:
        assert isinstance(json.loads(answer), list)


# --- SMS webhook --------------------------------------------------------------------------------------------

_numbers = itertools.count(900)  # +447700900900..999: Ofcom's drama range, above the numbers test_sms uses


@pytest.fixture
def new_number():
    def make() -> str:
        return f"+447700900{next(_numbers) % 1000:03d}"
    return make


# No lone surrogates: a phone can't send one, and Twilio signs UTF-8.
sms_bodies = st.lists(words, max_size=8).map(" ".join) | st.text(max_size=300)
extra_fields = st.dictionaries(st.sampled_from(["MediaUrl0", "MediaContentType0", "FromCity", "FromCountry",
                                                "SmsMessageSid", "Weird\u00e9Field", "Body2", "ToZip"]),
                               st.text(max_size=30), max_size=3)
odd_media = st.sampled_from(["0", "1", "3", "-1", "", "abc", "1.5", " 2 ", "99999999999999999999", "٣"])


@fuzz(20)
@given(body=sms_bodies, extra=extra_fields, num_media=odd_media,
       drop=st.sets(st.sampled_from(["MessageSid", "AccountSid", "To", "NumSegments", "Body"])))
@example(body="", extra={}, num_media="1", drop=set())
@example(body="x" * 1600, extra={}, num_media="0", drop=set())
def test_sms_any_signed_text_gets_200_and_an_answer(stack, twilio_api, new_number, body, extra, num_media,
                                                    drop):
    number = new_number()
    before = len(twilio_api.to(number))
    fields = {**extra, "NumMedia": num_media, **{name: None for name in drop}}
    status, answer = sms(stack, number, None if "Body" in drop else body, **fields)
    note(f"-> {status} {answer[:200]}; texts: {twilio_api.to(number)[before:]}")
    assert status == 200 and "<Response></Response>" in answer
    if not re.match(r"\s*/", body or ""):  # "/restart" and friends may say nothing
        assert twilio_api.to(number)[before:], "every text gets at least one text back"


@fuzz(15)
@given(number=st.text(max_size=20), body=sms_bodies)
@example(number="", body="hi")
@example(number="   ", body="hi")
@example(number="anonymous", body="hi")
def test_sms_any_from_field_is_answered_or_a_400(stack, number, body):
    status, answer = sms(stack, number, body)
    if any(ch.isdigit() for ch in number):
        assert status == 200 and "<Response></Response>" in answer
    else:  # no number at all: every such sender would otherwise share one conversation and one STOP
        assert status == 400


latin1_text = st.text(st.characters(min_codepoint=0x20, max_codepoint=0xFF), max_size=60)


@fuzz(25)
@given(forgery=st.sampled_from(["signature", "wrong token", "signed for another URL"]),
       signature=st.just("") | latin1_text | st.binary(min_size=20, max_size=32).map(lambda b: b.hex()),
       body=sms_bodies)
def test_sms_forged_signatures_get_403_and_reach_nobody(stack, twilio_api, new_number, forgery, signature,
                                                        body):
    number = new_number()
    how = {"signature": {"signature": signature}, "wrong token": {"token": "wrong-token"},
           "signed for another URL": {"signed_url": stack.sms_url}}[forgery]
    status, _ = sms(stack, number, body, **how)
    assert status == 403
    assert twilio_api.to(number) == []


@fuzz(15)
@given(data=st.binary(max_size=300), signature=latin1_text)
@example(data=b"Body=%FF%FE&From=%2B447700900999", signature="")
def test_sms_garbage_bytes_get_403_never_a_5xx(stack, data, signature):
    status, _ = post(stack.sms_url, data, "application/x-www-form-urlencoded",
                     {"X-Twilio-Signature": signature} if signature else None)
    assert status == 403


# --- Action server ------------------------------------------------------------------------------------------

DOMAIN = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text())
FORM_OF = {"validate_local_area_form": "local_area_form", "validate_handoff_form": "handoff_form"}


def action_url(stack) -> str:
    return f"http://127.0.0.1:{stack.action_port}/webhook"


def action_call(action: str, sender: str, text: object, intent: str, entities: list, channel: object,
                slots: dict, candidate: object) -> dict:
    """A call shaped as Rasa 3.6 makes it; only the values are random."""
    user = {"event": "user", "timestamp": 1.0, "text": text, "input_channel": channel,
            "parse_data": {"intent": {"name": intent, "confidence": 0.9}, "entities": entities}}
    events = [{"event": "action", "timestamp": 0.5, "name": "action_listen"}, user,
              {"event": "bot", "timestamp": 1.5, "text": "hi"}]
    loop = FORM_OF.get(action)
    if loop:  # a form's slot candidate, as Rasa's form action appends it for the validation action
        required = DOMAIN["forms"][loop]["required_slots"]
        events.append({"event": "slot", "timestamp": 2.0, "name": required[-1], "value": candidate})
        slots = {**slots, "requested_slot": required[-1]}
    tracker = {"sender_id": sender, "slots": slots, "latest_message": {**user["parse_data"], "text": text},
               "events": events, "paused": False, "followup_action": None,
               "active_loop": {"name": loop} if loop else {}, "latest_action_name": "action_listen",
               "latest_input_channel": channel}
    return {"next_action": action, "sender_id": sender, "tracker": tracker, "domain": DOMAIN,
            "version": "3.6.21"}


def response_is_valid(result: dict) -> bool:
    from jsonschema import validate
    from rasa.core.actions.action import RemoteAction

    validate(result, RemoteAction.action_response_format_spec())
    return True


@fuzz(40)
@given(action=st.sampled_from(DOMAIN["actions"]), text=texts | json_values,
       intent=st.sampled_from(DOMAIN["intents"]) | st.text(max_size=10),
       entities=st.lists(st.fixed_dictionaries({"entity": st.sampled_from(DOMAIN["entities"]),
                                                "value": json_values | texts}), max_size=3),
       channel=st.sampled_from(["rest", "twilio", "socketio", None, 7, "x"]),
       slots=st.fixed_dictionaries({}, optional={name: json_values | texts for name in DOMAIN["slots"]}),
       candidate=json_values | texts)
def test_every_action_answers_whatever_the_slots_and_message_hold(stack, action, text, intent, entities,
                                                                  channel, slots, candidate):
    sender = fresh("action")
    call = action_call(action, sender, text, intent, entities, channel, slots, candidate)
    status, body = post(action_url(stack), json.dumps(call).encode())
    assert status == 200, body
    assert response_is_valid(json.loads(body))


@fuzz(20)
@given(body=json_values | st.fixed_dictionaries({}, optional={
    "next_action": st.text(max_size=20) | json_values, "tracker": json_values, "domain": json_values,
    "version": json_values}))
def test_action_server_survives_malformed_calls(stack, body):
    status, _ = post(action_url(stack), json.dumps(body).encode())
    # Rasa SDK's own endpoint answers 500 to calls Rasa never makes (a body that isn't an object, no tracker,
    # a tracker of the wrong shape): not our code. What matters is that it keeps serving the next call.
    assert status in (200, 400, 404, 500)
    ok, answer = post(action_url(stack), json.dumps(action_call("action_more_details", fresh("after"), "more",
                                                                "ask_more", [], "rest", {}, None)).encode())
    assert ok == 200 and json.loads(answer)["responses"]


@fuzz(10)
@given(data=st.binary(max_size=200))
def test_action_server_garbage_bytes_are_a_4xx(stack, data):
    status, _ = post(action_url(stack), data)
    try:
        parsed = json.loads(data)
    except ValueError:
        parsed = {}
    if isinstance(parsed, dict):  # JSON that isn't an object is the Rasa SDK 500 above
        assert status < 500


# --- Widget (socket.io) -------------------------------------------------------------------------------------

@pytest.fixture
def widget(stack):
    import socketio

    client = socketio.Client(reconnection=False)
    said: list[dict] = []
    confirmed = threading.Event()
    heard = threading.Condition()
    client.on("session_confirm", lambda _sid: confirmed.set())

    def bot_uttered(message: dict) -> None:
        with heard:
            said.append(message)
            heard.notify_all()

    client.on("bot_uttered", bot_uttered)
    client.connect(f"http://127.0.0.1:{stack.rasa_port}", socketio_path="/socket.io")
    client.emit("session_request", {"session_id": None})
    assert confirmed.wait(30)

    def say(payload: object, expect_reply: bool, timeout: float = 60) -> list[dict]:
        with heard:
            before = len(said)
            client.emit("user_uttered", payload)
            if expect_reply:
                heard.wait_for(lambda: len(said) > before, timeout)
            return said[before:]

    yield say
    client.disconnect()


def widget_reads(payload: object) -> bool:
    return isinstance(payload, dict) and isinstance(payload.get("message"), str) \
        and bool(payload["message"].strip())


@fuzz(25)
@given(payload=json_values | st.fixed_dictionaries(
    {"message": texts | json_values}, optional={"session_id": json_values, "extra": json_values}))
@example(payload={"message": "housing " * 1000})
@example(payload={"message": "👶🏽 مرحبا \u200b\x00 help"})
def test_widget_any_payload_never_breaks_it_and_messages_get_answers(widget, payload):
    replies = widget(payload, expect_reply=widget_reads(payload))
    if widget_reads(payload):
        assert replies, "a message the widget reads gets an answer"
    assert widget({"message": "hello"}, expect_reply=True), "the widget still answers after that"


def test_widget_a_lone_surrogate_still_gets_an_answer(widget):
    assert widget({"message": "help with housing \ud800"}, expect_reply=True, timeout=20)
