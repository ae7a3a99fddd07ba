"""End to end: a parent asks for an advocate over REST; a worker logs in to /desk, claims, replies, closes."""

from __future__ import annotations

import http.cookiejar
import json
import re
import sqlite3
import urllib.error
import urllib.parse
import urllib.request
import uuid

import pytest

from bot.handoff.workers import add_worker
from tests.e2e.test_rest_handoff import hand_off

pytestmark = pytest.mark.e2e
PASSWORD = "a long desk password"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """A worker's browser: keeps cookies, sends forms, reads pages."""

    def __init__(self, stack, follow_redirects: bool = True):
        self.base = f"http://127.0.0.1:{stack.rasa_port}"
        handlers = [urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())]
        if not follow_redirects:
            handlers.append(NoRedirect())
        self.opener = urllib.request.build_opener(*handlers)

    def open(self, path: str, form: dict | None = None) -> tuple[int, str]:
        data = urllib.parse.urlencode(form).encode() if form is not None else None
        try:
            with self.opener.open(self.base + path, data=data, timeout=30) as resp:
                return resp.status, resp.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def csrf(self, path: str) -> str:
        return re.search(r'name="csrf" value="([^"]+)"', self.open(path)[1]).group(1)

    def login(self, username: str, password: str = PASSWORD) -> tuple[int, str]:
        token = self.csrf("/desk/login")
        return self.open("/desk/login", {"csrf": token, "username": username, "password": password})


@pytest.fixture
def worker(stack):
    name = f"w{uuid.uuid4().hex[:8]}"
    add_worker(name, f"Worker {name}", PASSWORD, stack.database_url)
    return name


def tracker_texts(stack, sender: str) -> list[tuple[str, str]]:
    with sqlite3.connect(stack.tracker_db) as db:
        events = db.execute("select type_name, data from events where sender_id = ? order by id", (sender,))
        return [(kind, json.loads(data).get("text") or "") for kind, data in events]


def audit_actions(stack) -> set[str]:
    with sqlite3.connect(stack.run_dir / "village.db") as db:
        return {action for (action,) in db.execute("select action from audit_events")}


def test_worker_claims_replies_and_closes_and_the_bot_comes_back(stack, sender, worker):
    reference = hand_off(stack, sender)
    browser = Browser(stack)
    status, queue = browser.login(worker)
    assert status == 200 and reference in queue
    handoff_id = re.search(rf'href="/desk/handoffs/(\d+)">{reference}<', queue).group(1)
    page = f"/desk/handoffs/{handoff_id}"
    assert "can someone be my advocate at the meeting on friday" in browser.open(page)[1]

    browser.open(page + "/claim", {"csrf": browser.csrf(page)})
    browser.open(page + "/reply", {"csrf": browser.csrf(page), "text": "Hi, I'm from the leaving care team."})
    assert ("bot", "Hi, I'm from the leaving care team.") in tracker_texts(stack, sender)

    assert stack.say(sender, "thank you, friday at 10") == []  # still with the worker
    assert "thank you, friday at 10" in browser.open(page)[1]

    status, _ = browser.open(page + "/close", {"csrf": browser.csrf(page), "outcome": "advocate booked"})
    assert status == 200
    assert any("closed your request (advocate booked)" in text for _, text in tracker_texts(stack, sender))
    assert "(Barnet Parenting Pledge, commitment" in " ".join(
        m["text"] for m in stack.say(sender, "what am i entitled to"))
    assert {"login", "view_queue", "view_handoff", "claim", "reply", "close"} <= audit_actions(stack)


def test_a_second_worker_cannot_claim_a_claimed_request(stack, sender, worker):
    reference = hand_off(stack, sender)
    first, second = Browser(stack), Browser(stack)
    queue = first.login(worker)[1]
    handoff_id = re.search(rf'href="/desk/handoffs/(\d+)">{reference}<', queue).group(1)
    page = f"/desk/handoffs/{handoff_id}"
    first.open(page + "/claim", {"csrf": first.csrf(page)})
    other = f"x{uuid.uuid4().hex[:8]}"
    add_worker(other, "Other", PASSWORD, stack.database_url)
    second.login(other)
    status, body = second.open(page + "/claim", {"csrf": second.csrf(page)})
    assert status == 409 and "claimed, not open" in body


ROUTES = [("GET", "/desk/"), ("GET", "/desk/handoffs/1"), ("POST", "/desk/handoffs/1/claim"),
          ("POST", "/desk/handoffs/1/reply"), ("POST", "/desk/handoffs/1/close"), ("POST", "/desk/logout")]


@pytest.mark.parametrize("method, path", ROUTES)
def test_every_desk_route_refuses_anonymous_access(stack, method, path):
    form = {"csrf": "x"} if method == "POST" else None
    status, body = Browser(stack, follow_redirects=False).open(path, form)
    assert status == (302 if method == "GET" else 401)
    assert "Parent" not in body and "Reference" not in body


def test_wrong_password_and_forged_forms_are_refused(stack, worker):
    browser = Browser(stack)
    assert browser.login(worker, "not the password at all")[0] == 401
    assert browser.open("/desk/login", {"csrf": "forged", "username": worker, "password": PASSWORD})[0] == 403
    browser.login(worker)
    assert browser.open("/desk/logout", {"csrf": "forged"})[0] == 403
    assert "login_failed" in audit_actions(stack)
