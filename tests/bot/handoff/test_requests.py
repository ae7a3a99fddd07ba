"""Handoff requests: open -> claimed -> closed, cancel, double claims refused, crisis first in the queue."""

from __future__ import annotations

import sqlite3

import pytest

from bot.handoff.requests import (
    HandoffError,
    Line,
    active_handoff,
    add_message,
    cancel,
    claim,
    close,
    create_handoff,
    keep_number,
    queue,
    reply,
)
from bot.handoff.workers import add_worker
from bot.store import flag_crisis

HISTORY = [Line("parent", "can i get an advocate"), Line("bot", "I can ask a worker to contact you.")]


@pytest.fixture
def worker(db_url):
    return add_worker("sam", "Sam Worker", "correct horse battery", db_url)


def new(db_url, conversation="parent-1", consent=True, reason="advocacy"):
    return create_handoff(conversation, "rest", reason, consent, "reply_here", HISTORY, db_url)


def thread(db_url, handoff_id) -> list[tuple[str, str]]:
    with sqlite3.connect(db_url.removeprefix("sqlite:///")) as db:
        return db.execute("select author, text from handoff_messages where handoff_id = ? order by id",
                          (handoff_id,)).fetchall()


def test_a_handoff_is_committed_with_a_reference_before_create_returns(db_url):
    handoff = new(db_url)
    with sqlite3.connect(db_url.removeprefix("sqlite:///")) as db:
        row = db.execute("select reference, state, consent from handoffs").fetchone()
    assert row == (handoff.reference, "open", 1)
    assert handoff.reference.startswith("V-") and len(handoff.reference) == 8


def test_the_conversation_so_far_is_shared_only_with_consent(db_url):
    shared, private = new(db_url, "a", consent=True), new(db_url, "b", consent=False)
    assert thread(db_url, shared.id) == [("history_parent", "can i get an advocate"),
                                         ("history_bot", "I can ask a worker to contact you.")]
    assert thread(db_url, private.id) == []


def test_open_claimed_closed(db_url, worker):
    handoff = new(db_url)
    assert claim(handoff.id, worker.id, db_url).state == "claimed"
    reply(handoff.id, worker.id, "Hi, I'm Sam. I can help.", db_url)
    closed = close(handoff.id, worker.id, "advocate booked", db_url)
    assert (closed.state, closed.outcome) == ("closed", "advocate booked")
    assert thread(db_url, handoff.id)[-1] == ("worker", "Hi, I'm Sam. I can help.")
    assert active_handoff("parent-1", db_url) is None


def test_a_second_claim_is_refused(db_url, worker):
    other = add_worker("alex", "Alex", "another long password", db_url)
    handoff = new(db_url)
    claim(handoff.id, worker.id, db_url)
    with pytest.raises(HandoffError, match="claimed, not open"):
        claim(handoff.id, other.id, db_url)


def test_replying_or_closing_needs_your_own_claim(db_url, worker):
    other = add_worker("alex", "Alex", "another long password", db_url)
    handoff = new(db_url)
    with pytest.raises(HandoffError, match="claim"):
        reply(handoff.id, worker.id, "hello", db_url)
    claim(handoff.id, worker.id, db_url)
    with pytest.raises(HandoffError, match="claim"):
        close(handoff.id, other.id, "done", db_url)
    with pytest.raises(HandoffError, match="needs some text"):
        reply(handoff.id, worker.id, "   ", db_url)


def test_the_parent_can_cancel_and_parent_messages_join_the_thread(db_url):
    handoff = new(db_url)
    add_message(handoff.id, "parent", "actually its fine now", url=db_url)
    assert cancel("parent-1", db_url).state == "cancelled"
    assert cancel("parent-1", db_url) is None
    assert thread(db_url, handoff.id)[-1] == ("parent", "actually its fine now")


def test_queue_puts_crisis_flagged_conversations_first_then_the_longest_waiting(db_url, worker):
    first, second = new(db_url, "calm-1"), new(db_url, "calm-2")
    flag_crisis("crisis-1", "self_harm", db_url)
    urgent = new(db_url, "crisis-1")
    closed = new(db_url, "done-1")
    claim(closed.id, worker.id, db_url)
    close(closed.id, worker.id, "done", db_url)
    assert [h.id for h in queue(db_url)] == [urgent.id, first.id, second.id]


def test_unknown_reason_or_contact_is_refused(db_url):
    with pytest.raises(HandoffError):
        create_handoff("p", "rest", "gossip", True, "reply_here", [], db_url)
    with pytest.raises(HandoffError):
        create_handoff("p", "rest", "advocacy", True, "carrier pigeon", [], db_url)


def test_an_active_handoff_keeps_the_sealed_number_once(db_url):
    assert not keep_number("parent-1", "sealed-1", db_url)  # no handoff: nothing kept
    handoff = new(db_url)
    assert keep_number("parent-1", "sealed-1", db_url)
    assert not keep_number("parent-1", "sealed-2", db_url)
    assert active_handoff("parent-1", db_url).sealed_number == "sealed-1"
    cancel("parent-1", db_url)
    assert not keep_number("parent-1", "sealed-3", db_url)
    assert handoff.id
