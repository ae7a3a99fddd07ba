"""Faults on real servers: PostgreSQL crashes and returns, the action server goes away, a bad store config."""

from __future__ import annotations

import os
import signal
import time
import urllib.request

import pytest

from bot.handoff.workers import add_worker
from bot.stack import Stack, free_port
from tests.e2e.test_desk import PASSWORD, Browser
from tests.integration.test_scale_out import hand_off, say, texts, tracker_events

pytestmark = pytest.mark.integration


def wait_for(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def assert_trouble_reply(messages: list[dict]) -> None:
    said = texts(messages)
    assert "something went wrong on my side" in said and "999" in said and "116 123" in said, said


def test_a_database_crash_mid_conversation_gets_the_24_7_numbers_and_loses_nothing(cluster, postgres):
    port, other = cluster.rasa_port, cluster.extra_rasa_ports[0]
    sender = "it-db-crash"
    assert "(Barnet Parenting Pledge, commitment" in texts(say(port, sender, "what am i entitled to"))
    reference = hand_off(other, "it-db-crash-handoff")
    postgres.stop("immediate")  # as if the database server lost power
    try:
        assert_trouble_reply(say(port, sender, "what help is there with housing"))
        assert_trouble_reply(say(other, sender, "what help is there with money"))
        crisis = texts(say(port, sender, "i want to kill myself"))
        assert "999" in crisis and "116 123" in crisis
        assert all(process.poll() is None for process in cluster.processes)  # nobody fell over
    finally:
        postgres.start()
    # The first turn after the restart works: pooled connections are checked before use.
    assert "(Barnet Parenting Pledge, commitment" in texts(say(other, sender, "what am i entitled to please"))
    users = [e["text"] for e in tracker_events(port, sender) if e["event"] == "user"]
    assert users == ["what am i entitled to", "what am i entitled to please"]  # not an empty, new tracker
    add_worker("crash-check", "Crash Check", PASSWORD, cluster.database_url)
    browser = Browser(cluster)
    assert reference in browser.login("crash-check")[1]
    log = (cluster.run_dir / "servers.log").read_text()
    assert "Falling back" not in log and "InMemoryTrackerStore" not in log


def test_with_the_action_server_down_the_bot_still_answers_with_the_24_7_numbers(cluster, sender):
    actions = cluster.processes[0]
    assert "actions" in actions.args
    os.killpg(actions.pid, signal.SIGTERM)
    actions.wait(30)
    try:
        assert_trouble_reply(say(cluster.rasa_port, sender, "what am i entitled to"))
        crisis = texts(say(cluster.extra_rasa_ports[0], sender, "i want to kill myself"))
        assert "999" in crisis and "116 123" in crisis
    finally:
        cluster.processes.remove(actions)
        cluster.start_actions()
        cluster.processes.insert(0, cluster.processes.pop())
        wait_for(f"http://127.0.0.1:{cluster.action_port}/health")
    answer = texts(say(cluster.rasa_port, sender, "what am i entitled to"))
    assert "(Barnet Parenting Pledge, commitment" in answer


def test_a_server_whose_tracker_store_would_be_in_memory_refuses_to_start(tmp_path):
    stack = Stack(rasa_port=free_port(), action_port=free_port(), run_dir=tmp_path,
                  tracker_store={"type": "SQLL"})  # a typo: Rasa would quietly keep conversations in memory
    log = (tmp_path / "rasa.log").open("w")
    stack.log = log
    process = stack.start_rasa()
    try:
        assert process.wait(300) == 78
    finally:
        stack.stop()
        log.close()
    assert "Refusing to run: the tracker store is in memory" in (tmp_path / "rasa.log").read_text()
