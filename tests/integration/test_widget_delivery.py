"""A worker's reply reaches a widget parent live, whichever Rasa process the parent's browser is on."""

from __future__ import annotations

import re
import threading

import pytest

from bot.handoff.workers import add_worker
from tests.e2e.test_desk import PASSWORD, Browser

pytestmark = pytest.mark.integration


class Parent:
    """A browser's socket.io connection to one Rasa process."""

    def __init__(self, port: int):
        import socketio

        self.client = socketio.Client(reconnection=False)
        self.said: list[dict] = []
        self.heard = threading.Condition()
        confirmed = threading.Event()
        self.client.on("session_confirm", lambda _session: confirmed.set())
        self.client.on("bot_uttered", self._hear)
        self.client.connect(f"http://127.0.0.1:{port}", socketio_path="/socket.io")
        self.client.emit("session_request", {"session_id": None})
        assert confirmed.wait(30)

    def _hear(self, message: dict) -> None:
        with self.heard:
            self.said.append(message)
            self.heard.notify_all()

    def wait_for(self, words: str, timeout: float = 60) -> dict:
        def found() -> dict | None:
            return next((m for m in self.said if words in m.get("text", "")), None)

        with self.heard:
            assert self.heard.wait_for(found, timeout), f"never heard {words!r}: {self.said}"
            return found()

    def say(self, text: str, expect: str) -> dict:
        self.client.emit("user_uttered", {"message": text})
        return self.wait_for(expect)


def test_a_worker_reply_made_on_one_process_reaches_a_parent_connected_to_the_other(cluster):
    parent = Parent(cluster.extra_rasa_ports[0])
    try:
        parent.say("can someone be my advocate at the meeting", "share this conversation")
        parent.say("yes", "get back to you")
        confirmed = parent.say("reply here", "reference is")["text"]
        reference = re.search(r"reference is (V-[A-Z0-9]{6})", confirmed)
        add_worker("widget-desk", "Widget Desk", PASSWORD, cluster.database_url)
        desk = Browser(cluster)  # the desk on the other process
        queue = desk.login("widget-desk")[1]
        handoff_id = re.search(rf'href="/desk/handoffs/(\d+)">{reference.group(1)}<', queue).group(1)
        page = f"/desk/handoffs/{handoff_id}"
        desk.open(page + "/claim", {"csrf": desk.csrf(page)})
        reply = "Hello, it's Sam from the leaving care team."
        desk.open(page + "/reply", {"csrf": desk.csrf(page), "text": reply})
        heard = parent.wait_for("it's Sam from the leaving care team", timeout=30)
        assert heard.get("from") == "worker"
    finally:
        parent.client.disconnect()
