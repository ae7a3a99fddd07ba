"""Rate limits in the widget over real socket.io (3 messages a session and 2 new sessions an address per hour
here, see LIMITS in conftest.py): the notice is a bot message, the bot is not fed, a crisis still gets 999."""

from __future__ import annotations

import itertools
import sqlite3
import threading
import time

import pytest
import socketio

pytestmark = pytest.mark.e2e
_addresses = itertools.count(1)


class Widget:
    """One browser tab: a socket.io connection from `address`, as our proxy reports it."""

    def __init__(self, stack, address: str):
        self.said: list[str] = []
        self.session: str | None = None
        self.heard = threading.Condition()
        self.client = socketio.Client(reconnection=False)
        self.client.on("bot_uttered", self._bot_uttered)
        self.client.on("session_confirm", self._confirmed)
        self.client.connect(f"http://127.0.0.1:{stack.rasa_port}", socketio_path="/socket.io",
                            transports=["polling"], headers={"X-Forwarded-For": address})

    def _bot_uttered(self, message: dict) -> None:
        with self.heard:
            self.said.append(message.get("text", ""))
            self.heard.notify_all()

    def _confirmed(self, session: str) -> None:
        with self.heard:
            self.session = session
            self.heard.notify_all()

    def start(self) -> str | None:
        with self.heard:
            self.client.emit("session_request", {})
            self.heard.wait_for(lambda: self.session or self.said, 30)
            return self.session

    def say(self, text: str, wait: float = 60) -> list[str]:
        """The bot messages within `wait` s of sending (then 1.5 s more for the rest of the turn)."""
        with self.heard:
            before = len(self.said)
            self.client.emit("user_uttered", {"message": text})
            if self.heard.wait_for(lambda: len(self.said) > before, wait):
                deadline = time.monotonic() + 1.5
                while time.monotonic() < deadline:
                    self.heard.wait(deadline - time.monotonic())
            return self.said[before:]


@pytest.fixture
def widget(limited_stack):
    tabs: list[Widget] = []
    address = f"203.0.113.{next(_addresses)}"

    def open_tab() -> Widget:
        tabs.append(Widget(limited_stack, address))
        return tabs[-1]

    yield open_tab
    for tab in tabs:
        tab.client.disconnect()


def user_messages(stack, session: str) -> int:
    with sqlite3.connect(stack.tracker_db) as db:
        query = "select count(*) from events where sender_id = ? and type_name = 'user'"
        return db.execute(query, (session,)).fetchone()[0]


def test_over_the_limit_the_widget_says_so_once_and_the_bot_is_not_fed(limited_stack, widget):
    tab = widget()
    session = tab.start()
    for question in ["hi", "what am i entitled to", "help with housing"]:
        assert tab.say(question)
    assert user_messages(limited_stack, session) == 3
    [notice] = tab.say("help with money")
    assert notice.startswith("You've sent a lot of messages, so I'm pausing until ")
    assert "999" in notice and "116 123" in notice
    assert tab.say("hello?", wait=3) == []
    assert user_messages(limited_stack, session) == 3


def test_a_crisis_over_the_limit_still_gets_999(limited_stack, widget):
    tab = widget()
    session = tab.start()
    for question in ["hi", "what am i entitled to", "help with housing"]:
        tab.say(question)
    replies = tab.say("my baby is not breathing")
    assert "999" in replies[0] and replies[-1].startswith("You've sent a lot of messages")
    assert tab.say("my baby is not breathing", wait=3) == []
    assert user_messages(limited_stack, session) == 3


def test_too_many_new_sessions_from_one_address_are_refused_with_the_notice(widget):
    assert widget().start() and widget().start()
    third = widget()
    assert third.start() is None
    assert third.said and third.said[0].startswith("You've sent a lot of messages") and "999" in third.said[0]
