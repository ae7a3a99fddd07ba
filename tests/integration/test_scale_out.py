"""Two Rasa processes behind one address share PostgreSQL (trackers, project database) and Redis (locks)."""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from bot.handoff.workers import add_worker
from bot.stack import post_json
from tests.e2e.test_desk import PASSWORD, Browser
from tests.integration.conftest import admin_token

pytestmark = pytest.mark.integration


def say(port: int, sender: str, text: str) -> list[dict]:
    return post_json(f"http://127.0.0.1:{port}/webhooks/rest/webhook", {"sender": sender, "message": text},
                     timeout=120)  # type: ignore[return-value]


def texts(messages: list[dict]) -> str:
    return "\n".join(m.get("text", "") for m in messages)


def api(port: int, path: str, token: str | None = None) -> tuple[int, dict]:
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


def tracker_events(port: int, sender: str) -> list[dict]:
    status, tracker = api(port, f"/conversations/{sender}/tracker?include_events=ALL", admin_token())
    assert status == 200, tracker
    return tracker["events"]


def test_interleaved_turns_through_both_processes_keep_one_tracker(cluster, sender):
    ports = [cluster.rasa_port, *cluster.extra_rasa_ports]
    said = ["hello", "what am i entitled to", "help with money", "thanks"]
    for number, text in enumerate(said):  # one after another, alternating processes
        assert say(ports[number % 2], sender, text), text
    # then ten at once, five through each process, for the same conversation
    burst = [f"what help is there with housing {n}" for n in range(10)]
    with ThreadPoolExecutor(10) as pool:
        replies = list(pool.map(lambda n: say(ports[n % 2], sender, burst[n]), range(10)))
    assert all(replies)

    events = tracker_events(ports[0], sender)
    assert events == tracker_events(ports[1], sender)  # the same tracker whichever process is asked
    users = [e["text"] for e in events if e["event"] == "user"]
    assert sorted(users) == sorted(said + burst)  # nothing lost, nothing doubled
    # Turns never interleave: every parent message is answered before the next one is read.
    kinds = [("user" if e["event"] == "user" else "listen") for e in events
             if e["event"] == "user" or (e["event"] == "action" and e.get("name") == "action_listen")]
    assert "user,user" not in ",".join(kinds)


def hand_off(port: int, sender: str) -> str:
    assert "share this conversation" in texts(say(port, sender, "can someone be my advocate at the meeting"))
    assert "get back to you" in texts(say(port, sender, "yes"))
    confirmed = texts(say(port, sender, "reply here"))
    return re.search(r"reference is (V-[A-Z0-9]{6})", confirmed).group(1)


def test_handoffs_made_through_either_process_appear_once_in_each_desk(cluster):
    first = hand_off(cluster.rasa_port, "it-handoff-a")
    second = hand_off(cluster.extra_rasa_ports[0], "it-handoff-b")
    add_worker("integration", "Integration Worker", PASSWORD, cluster.database_url)
    for port in [cluster.rasa_port, *cluster.extra_rasa_ports]:
        browser = Browser(cluster)
        browser.base = f"http://127.0.0.1:{port}"
        status, queue = browser.login("integration")
        assert status == 200
        assert queue.count(f">{first}<") == 1 and queue.count(f">{second}<") == 1


def test_the_http_api_takes_a_jwt_and_never_the_url_token(cluster, sender):
    say(cluster.rasa_port, sender, "hello")
    path = f"/conversations/{sender}/tracker"
    assert api(cluster.rasa_port, path)[0] == 401
    assert api(cluster.rasa_port, path + "?token=" + "x" * 16)[0] == 401
    forged = admin_token()[:-4] + "AAAA"
    assert api(cluster.rasa_port, path, forged)[0] == 401
    assert api(cluster.rasa_port, path, admin_token())[0] == 200


def test_even_an_admin_jwt_cannot_swap_the_model_at_run_time(cluster):
    request = urllib.request.Request(f"http://127.0.0.1:{cluster.rasa_port}/model", method="PUT",
                                     data=json.dumps({"model_file": "/tmp/evil.tar.gz"}).encode(),
                                     headers={"Authorization": f"Bearer {admin_token()}",
                                              "Content-Type": "application/json"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=30)
    assert refused.value.code == 403 and b"only at start" in refused.value.read()
    assert api(cluster.rasa_port, "/status", admin_token())[0] == 200  # the rest of the API still works


def test_one_address_in_front_of_both_processes_serves_a_whole_conversation(cluster, front, sender):
    url = front.url + "/webhooks/rest/webhook"
    for text in ["hello", "what am i entitled to", "help with money", "who can i call tonight"]:
        assert post_json(url, {"sender": sender, "message": text}, timeout=120), text
    users = [e["text"] for e in tracker_events(cluster.rasa_port, sender) if e["event"] == "user"]
    assert users == ["hello", "what am i entitled to", "help with money", "who can i call tonight"]
    with urllib.request.urlopen(front.url + "/widget.js", timeout=30) as script:
        assert script.status == 200
    request = urllib.request.Request(front.url + f"/conversations/{sender}/tracker",
                                     headers={"Authorization": f"Bearer {admin_token()}"})
    with urllib.request.urlopen(request, timeout=30) as tracker:  # operators on this machine may use the API
        assert json.loads(tracker.read())["sender_id"] == sender
