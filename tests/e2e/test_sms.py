"""End to end over SMS: requests signed with the real twilio library go to the real running Rasa server;
its texts go out through the real twilio client to a fake Twilio API on loopback, which records them."""

from __future__ import annotations

import itertools
import os
import random
import re
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import pytest
from twilio.request_validator import RequestValidator

from bot.sms.keywords import HELP_REPLY, STARTED_REPLY, STOPPED_REPLY
from bot.sms.segments import MORE_HINT
from bot.sms.turns import EMPTY_REPLY, MEDIA_ONLY_REPLY
from bot.stack import Stack, free_port
from tests.e2e.conftest import TWILIO
from tests.e2e.test_desk import Browser, worker  # noqa: F401  (the worker fixture)

pytestmark = pytest.mark.e2e
PUBLIC_WEBHOOK = TWILIO["VILLAGE_PUBLIC_URL"] + "/webhooks/twilio/webhook"
_numbers = itertools.count(random.randrange(100, 500))


@pytest.fixture
def number() -> str:
    """A phone number no other test uses (Ofcom's range for drama: never a real phone)."""
    return f"+447700900{next(_numbers):03d}"


@pytest.fixture
def conversation_of(monkeypatch):
    """The conversation id Rasa knows a number by, computed with the server's key."""
    from bot.config import get_settings
    from bot.sms.numbers import conversation_id

    monkeypatch.setenv("VILLAGE_NUMBER_KEY", TWILIO["VILLAGE_NUMBER_KEY"])
    get_settings.cache_clear()
    yield conversation_id
    get_settings.cache_clear()


def text(stack, number: str, body: str | None, *, token: str = TWILIO["TWILIO_AUTH_TOKEN"],
         signed_url: str = PUBLIC_WEBHOOK, signature: str | None = None, tamper: dict | None = None,
         **extra: str) -> tuple[int, str]:
    """POST what Twilio posts for an incoming text; the status and body of the answer."""
    params = {"MessageSid": "SM" + uuid.uuid4().hex, "AccountSid": TWILIO["TWILIO_ACCOUNT_SID"],
              "From": number, "To": TWILIO["TWILIO_FROM_NUMBER"], "NumMedia": "0", "NumSegments": "1",
              "SmsStatus": "received", "ApiVersion": "2010-04-01", **extra}
    if body is not None:
        params["Body"] = body
    params = {k: v for k, v in params.items() if v is not None}
    headers = {}
    if signature != "":
        made = RequestValidator(token).compute_signature(signed_url, params)
        headers["X-Twilio-Signature"] = signature or made
    data = urllib.parse.urlencode({**params, **(tamper or {})}).encode()
    request = urllib.request.Request(stack.sms_url, data=data, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def sent_since(api, number: str, before: int) -> list[str]:
    return api.to(number)[before:]


def say(stack, api, number: str, body: str, **extra: str) -> list[str]:
    """One text from the parent; the texts Village sent back."""
    before = len(api.to(number))
    status, _ = text(stack, number, body, **extra)
    assert status == 200
    return sent_since(api, number, before)


def tracker_senders(stack) -> set[str]:
    with sqlite3.connect(stack.tracker_db) as db:
        return {sender for (sender,) in db.execute("select distinct sender_id from events")}


def rows(stack, sql: str, *args) -> list[tuple]:
    with sqlite3.connect(stack.database_url.removeprefix("sqlite:///")) as db:
        return db.execute(sql, args).fetchall()


def test_a_question_by_text_gets_a_cited_answer_in_at_most_three_texts(stack, twilio_api, number,
                                                                      conversation_of):
    status, answer = text(stack, number, "what help with housing do i get when my baby is born")
    assert status == 200 and "<Response></Response>" in answer
    replies = twilio_api.to(number)
    assert 1 <= len(replies) <= 3 and all(len(r) <= 160 for r in replies)
    assert re.match(r"From the (Barnet|charter)", replies[0]), replies
    sent = [m for m in twilio_api.sent if m.get("To") == number]
    assert {m["From"] for m in sent} == {TWILIO["TWILIO_FROM_NUMBER"]}
    api_path = f"/2010-04-01/Accounts/{TWILIO['TWILIO_ACCOUNT_SID']}/Messages.json"
    assert all(m["path"] == api_path for m in sent)
    # Rasa knows the parent by a keyed hash, never by the number.
    senders = tracker_senders(stack)
    assert conversation_of(number) in senders
    assert not any(number[-9:] in sender for sender in senders)


@pytest.mark.parametrize("forgery", ["unsigned", "wrong token", "signed for another URL",
                                     "changed after signing", "garbage signature"])
def test_forged_requests_get_403_and_reach_nobody(stack, twilio_api, number, conversation_of, forgery):
    kwargs = {"unsigned": {"signature": ""}, "wrong token": {"token": "not-the-token"},
              "signed for another URL": {"signed_url": stack.sms_url},
              "changed after signing": {"tamper": {"Body": "send me everything"}},
              "garbage signature": {"signature": "bm90IGEgc2lnbmF0dXJl"}}[forgery]
    status, answer = text(stack, number, "what am i entitled to", **kwargs)
    assert status == 403 and "X-Twilio-Signature" in answer
    assert twilio_api.to(number) == []
    assert conversation_of(number) not in tracker_senders(stack)


def test_a_retried_message_sid_is_answered_once(stack, twilio_api, number):
    sid = "SM" + uuid.uuid4().hex
    first = say(stack, twilio_api, number, "what is the local offer", MessageSid=sid)
    assert first
    again = say(stack, twilio_api, number, "what is the local offer", MessageSid=sid)
    assert again == []


@pytest.mark.parametrize("stop_word", ["STOP", " stop ", "StopAll", "unsubscribe", "END", "quit", "Cancel",
                                       "OPTOUT"])
def test_stop_means_nothing_more_until_start(stack, twilio_api, number, stop_word):
    assert say(stack, twilio_api, number, stop_word) == [STOPPED_REPLY]
    [(key,)] = rows(stack, "select number_key from sms_opt_outs order by id desc limit 1")
    assert number[-9:] not in key
    assert say(stack, twilio_api, number, "what am i entitled to") == []
    assert say(stack, twilio_api, number, "i want to end my life") == []  # Twilio would refuse it anyway
    assert say(stack, twilio_api, number, " Start ") == [STARTED_REPLY]
    assert say(stack, twilio_api, number, "what am i entitled to")


def test_help_gets_the_fixed_reply(stack, twilio_api, number):
    assert say(stack, twilio_api, number, "HELP") == [HELP_REPLY]
    assert "STOP" in HELP_REPLY and "999" in HELP_REPLY


@pytest.mark.parametrize(("case", "body", "extra", "expected"), [
    ("empty body", "", {}, EMPTY_REPLY),
    ("no body field", None, {}, EMPTY_REPLY),
    ("picture only", "", {"NumMedia": "1", "MediaUrl0": "https://api.twilio.com/x.jpg",
                          "MediaContentType0": "image/jpeg"}, MEDIA_ONLY_REPLY),
    ("emoji only", "🙏😭👶", {}, None),
    ("1,600 characters", ("can i get help with housing and money for my baby please " * 30)[:1600], {}, None),
    ("unknown parameters", "hi", {"FromCity": "LONDON", "Latitude": "51.5", "Longitude": "-0.1",
                                  "SomethingNew": "x" * 500}, None),
    ("no MessageSid", "hello", {"MessageSid": None}, None),
    ("odd number of media", "hi", {"NumMedia": "lots"}, None),
])
def test_awkward_texts_get_a_clear_reply_never_a_500(stack, twilio_api, number, case, body, extra, expected):
    before = len(twilio_api.to(number))
    status, _ = text(stack, number, body, **extra)
    assert status == 200, case
    replies = sent_since(twilio_api, number, before)
    assert replies, case
    if expected:
        assert replies == [expected]


def test_a_text_without_a_sender_is_a_400_not_a_500(stack):
    status, answer = text(stack, None, "hello")
    assert status == 400 and "From" in answer


def test_buttons_become_numbered_options_and_long_answers_offer_more(stack, twilio_api, number):
    greeting = " ".join(say(stack, twilio_api, number, "hi"))
    assert "Reply 1 for What am I entitled to?, 2 for Help with housing, 3 for Help with money." in greeting
    answer = say(stack, twilio_api, number, "1")
    # The cited answer, cut where "MORE" gets the rest, then the question, which is never held back.
    assert len(answer) == 3 and answer[0].startswith("From the Barnet Parenting Pledge, commitment")
    assert answer[1].endswith(MORE_HINT)
    assert answer[2].startswith("Or ask me about one of these: Reply 1 for A place to live, 2 for Money")
    assert say(stack, twilio_api, number, "more")[0].startswith("Next step: ")
    details = say(stack, twilio_api, number, "MORE")  # all was sent: MORE now means the details
    assert details and details[0].startswith("From the Barnet Parenting Pledge, commitment")
    # the details asked nothing, so the numbers of the answer's question still count: 1 is a place to live
    housing = " ".join(say(stack, twilio_api, number, "1"))
    assert housing.startswith("From ") and "best guess" not in housing
    assert "hous" in housing.lower() or "home" in housing.lower()


def test_a_crisis_by_text_gets_999_first_and_is_flagged_without_the_number(stack, twilio_api, number,
                                                                         conversation_of):
    replies = say(stack, twilio_api, number, "i want to kill myself tonight")
    assert "999" in replies[0] and "116 123" in " ".join(replies)
    flags = rows(stack, "select kind from crisis_flags where conversation_id = ?", conversation_of(number))
    assert flags == [("self_harm",)]


def test_slow_twilio_does_not_hold_up_the_server(stack, twilio_api, number):
    twilio_api.delay = 1.5
    try:
        texting = threading.Thread(target=text, args=(stack, number, "what am i entitled to"))
        texting.start()
        time.sleep(0.8)  # the turn is done; the server is now waiting on the slow fake Twilio
        with urllib.request.urlopen(f"http://127.0.0.1:{stack.rasa_port}/webhooks/twilio/", timeout=5) as r:
            assert r.status == 200
        assert texting.is_alive()  # answered while the texts were still going out
        texting.join(60)
    finally:
        twilio_api.delay = 0.0
    assert twilio_api.to(number)


def sms_hand_off(stack, api, number: str, consent: str) -> str:
    explained = say(stack, api, number, "can i talk to a real person please")
    assert len(explained) <= 3 and not any(MORE_HINT in t for t in explained)
    assert "team opens, today at 9am" in explained[0] and "116 123" in " ".join(explained)  # it's 2am
    assert explained[-1] == ("Can I share this chat with the worker, so you don't have to explain again? "
                             "Only they will see it. Reply 1 for Yes, share it, 2 for No, keep it private.")
    asked = " ".join(say(stack, api, number, consent))
    assert "get back to you" in asked and "Reply 1 for Text me, 2 for Call me on this number." in asked
    confirmed = " ".join(say(stack, api, number, "1"))
    return re.search(r"reference is (V-[A-Z0-9]{6})", confirmed).group(1)


def test_a_worker_sees_the_number_with_consent_and_their_replies_reach_the_phone(
        stack, twilio_api, number, worker, conversation_of):  # noqa: F811
    reference = sms_hand_off(stack, twilio_api, number, "1")
    [(conversation, channel, preference, sealed)] = rows(
        stack, "select conversation_id, channel, contact_preference, sealed_number from handoffs "
               "where reference = ?", reference)
    assert (conversation, channel, preference) == (conversation_of(number), "twilio", "text_me")
    assert sealed and number[-9:] not in sealed

    browser = Browser(stack)
    status, queue = browser.login(worker)
    handoff_id = re.search(rf'href="/desk/handoffs/(\d+)">{reference}<', queue).group(1)
    page = f"/desk/handoffs/{handoff_id}"
    before_claim = browser.open(page)[1]
    assert number not in before_claim and "Claim the request to see their number" in before_claim
    browser.open(f"{page}/claim", {"csrf": browser.csrf(page)})
    assert number in browser.open(page)[1]

    words = "Hi, it's your leaving care worker. I'll text you at 10."
    status, _ = browser.open(f"{page}/reply", {"csrf": browser.csrf(page), "text": words})
    assert status == 200
    assert twilio_api.to(number)[-1] == words

    assert say(stack, twilio_api, number, "thank you, that's fine") == []  # to the worker, not the bot
    assert "thank you, that&#39;s fine" in browser.open(page)[1]
    crisis = say(stack, twilio_api, number, "my baby has stopped breathing")  # safety still answers
    assert crisis and "999" in crisis[0]
    assert rows(stack, "select urgent from handoffs where reference = ?", reference) == [(1,)]

    browser.open(f"{page}/close", {"csrf": browser.csrf(page), "outcome": "texted the parent"})
    assert "closed your request" in twilio_api.to(number)[-1]
    assert say(stack, twilio_api, number, "what am i entitled to")  # the bot is back


def test_without_consent_the_number_stays_hidden_but_replies_still_go(stack, twilio_api, number,
                                                                     worker):  # noqa: F811
    reference = sms_hand_off(stack, twilio_api, number, "2")
    browser = Browser(stack)
    queue = browser.login(worker)[1]
    handoff_id = re.search(rf'href="/desk/handoffs/(\d+)">{reference}<', queue).group(1)
    page = f"/desk/handoffs/{handoff_id}"
    browser.open(f"{page}/claim", {"csrf": browser.csrf(page)})
    shown = browser.open(page)[1]
    assert number not in shown and number[-6:] not in shown and "Their number is hidden" in shown
    browser.open(f"{page}/reply", {"csrf": browser.csrf(page), "text": "Hello from the team."})
    assert twilio_api.to(number)[-1] == "Hello from the team."


def test_production_refuses_to_start_with_signature_checks_off(stack, tmp_path):
    env = {**os.environ, **TWILIO, "RASA_TELEMETRY_ENABLED": "false", "VILLAGE_ENV": "production",
           "TWILIO_VALIDATE": "false", "VILLAGE_DATABASE_URL": stack.database_url}
    result = subprocess.run(
        [str(Path(sys.executable).parent / "rasa"), "run", "--model", str(stack.model), "--credentials",
         "credentials.yml", "--interface", "127.0.0.1", "--port", str(free_port())],
        env=env, capture_output=True, text=True, timeout=180, cwd=Path(__file__).resolve().parents[2])
    assert result.returncode != 0
    assert "TWILIO_VALIDATE=false is for local development only" in result.stdout + result.stderr


@pytest.fixture(scope="module")
def local_rasa(stack, tmp_path_factory):
    """A second Rasa server as `make run` starts it with no Twilio account: texts go to the outbox."""
    run_dir = tmp_path_factory.mktemp("local-sms")
    outbox = run_dir / "outbox.jsonl"
    local = Stack(rasa_port=free_port(), action_port=stack.action_port, run_dir=run_dir,
                  tracker_db=run_dir / "tracker.db", database_url=stack.database_url,
                  log=(run_dir / "rasa.log").open("w"),
                  rasa_env={"TWILIO_ACCOUNT_SID": "", "TWILIO_AUTH_TOKEN": "", "TWILIO_FROM_NUMBER": "",
                            "VILLAGE_PUBLIC_URL": "", "VILLAGE_SMS_OUTBOX": str(outbox)})
    local.start_rasa()
    try:
        local.wait_ready(300)
        yield local, outbox
    finally:
        local.stop()
        local.log.close()


def test_village_sms_plays_a_phone_without_a_twilio_account(local_rasa, number):
    local, outbox = local_rasa
    env = {**os.environ, "VILLAGE_SMS_OUTBOX": str(outbox), "TWILIO_AUTH_TOKEN": "", "VILLAGE_PUBLIC_URL": ""}
    result = subprocess.run(
        [str(Path(sys.executable).parent / "village"), "sms", "--server", f"http://127.0.0.1:{local.rasa_port}",
         "--from", number, "--send", "hi", "--send", "2", "--send", "stop", "--send", "hello?"],
        env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "village> Hi, I'm Village." in out
    assert "Reply 1 for What am I entitled to?" in out
    after_2 = out.split("you> 2\n", 1)[1].split("you> stop", 1)[0]
    assert after_2.startswith("village> From the ") and "home" in after_2, out
    assert f"you> stop\nvillage> {STOPPED_REPLY}\nyou> hello?" in out and out.rstrip().endswith("you> hello?")
    assert number not in outbox.read_text()
