"""The purge removes what is past the retention period, in Rasa's own tracker store too, and no more."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest
import sqlalchemy as sa

from bot.handoff import requests
from bot.handoff.workers import add_worker
from bot.store import flag_crisis, session_scope
from bot.store.database import DatabaseNotReady
from bot.store.models import (
    AuditEvent,
    CrisisFlag,
    Handoff,
    HandoffMessage,
    PurgeRun,
    SmsDelivery,
    SmsOptOut,
    SmsPending,
)
from bot.store.retention import PurgeCounts, RetentionError, purge, purge_history, tracker_store_url

NOW = dt.datetime.now(dt.timezone.utc)
CUTOFF = NOW - dt.timedelta(days=90)
TABLES = (Handoff, HandoffMessage, AuditEvent, CrisisFlag, SmsDelivery, SmsPending, SmsOptOut, PurgeRun)


def days_ago(days: float) -> dt.datetime:
    return NOW - dt.timedelta(days=days)


@pytest.fixture
def tracker_store(tmp_path):
    """Rasa's own SQL tracker store on a SQLite file, so the events table has Rasa's schema."""
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.core.domain import Domain

    path = tmp_path / "tracker.db"
    store = SQLTrackerStore(domain=Domain.empty(), dialect="sqlite", db=str(path))
    yield store
    store.engine.dispose()


def tracker_url(store) -> str:
    return str(store.engine.url)


def save_conversation(store, sender: str, *session_days: float) -> None:
    """A conversation with a session (its start, a message, a reply) for each age in days, oldest first."""
    from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    events = []
    for days in session_days:
        start = days_ago(days).timestamp()
        events += [ActionExecuted("action_session_start", timestamp=start - 0.01),
                   SessionStarted(timestamp=start), ActionExecuted("action_listen", timestamp=start + 0.01),
                   UserUttered(f"message {days} days ago", timestamp=start + 1),
                   BotUttered(f"reply {days} days ago", timestamp=start + 2)]
    asyncio.run(store.save(DialogueStateTracker.from_events(sender, events)))


def current_session(store, sender: str) -> list[dict] | None:
    tracker = asyncio.run(store.retrieve(sender))
    return None if tracker is None else [event.as_dict() for event in tracker.events]


def event_count(store, sender: str | None = None) -> int:
    with store.engine.connect() as connection:
        query = sa.text("SELECT count(*) FROM events" + (" WHERE sender_id = :sender" if sender else ""))
        return connection.execute(query, {"sender": sender}).scalar_one()


def backdate(db_url: str, model, when: dt.datetime, column: str = "created_at", **where) -> None:
    with session_scope(db_url) as session:
        session.execute(sa.update(model).filter_by(**where).values({column: when}))


def row_counts(db_url: str) -> dict[str, int]:
    with session_scope(db_url) as session:
        return {model.__tablename__: session.scalar(sa.select(sa.func.count()).select_from(model))
                for model in TABLES}


@pytest.fixture
def handoffs(db_url):
    """Handoffs in every state and age; returns their ids by name."""
    worker = add_worker("sam", "Sam", "a long enough password", db_url).id
    made = {}
    names = ("closed_old", "cancelled_old", "closed_no_date", "closed_recently", "open_old", "claimed_old")
    for name in names:
        made[name] = requests.create_handoff(f"parent-{name}", "rest", "human", True, "reply_here",
                                             [requests.Line("parent", "my private words")], db_url).id
        backdate(db_url, Handoff, days_ago(150), id=made[name])
    for name in ("closed_old", "closed_no_date", "closed_recently", "claimed_old"):
        requests.claim(made[name], worker, db_url)
        requests.reply(made[name], worker, "a worker's words", db_url)
    for name in ("closed_old", "closed_no_date", "closed_recently"):
        requests.close(made[name], worker, "helped", db_url)
    requests.cancel("parent-cancelled_old", db_url)
    backdate(db_url, Handoff, days_ago(100), "closed_at", id=made["closed_old"])
    backdate(db_url, Handoff, days_ago(95), "closed_at", id=made["cancelled_old"])
    backdate(db_url, Handoff, None, "closed_at", id=made["closed_no_date"])
    backdate(db_url, Handoff, days_ago(10), "closed_at", id=made["closed_recently"])
    requests.audit(worker, "login", detail="no handoff: never purged", url=db_url)
    return made


def test_an_old_conversation_goes_and_a_recent_one_is_untouched(db_url, tracker_store):
    save_conversation(tracker_store, "old-parent", 200, 150)
    save_conversation(tracker_store, "recent-parent", 30, 5)
    recent = current_session(tracker_store, "recent-parent")
    counts = purge(CUTOFF, db_url, tracker_url(tracker_store), batch=2)
    assert (counts.conversations, counts.events) == (1, 10)
    assert event_count(tracker_store, "old-parent") == 0
    assert current_session(tracker_store, "old-parent") is None
    assert event_count(tracker_store, "recent-parent") == 10
    assert current_session(tracker_store, "recent-parent") == recent


def test_a_returning_parent_loses_only_old_sessions_and_keeps_the_current_one(db_url, tracker_store):
    save_conversation(tracker_store, "returning-parent", 120, 100, 1)
    before = current_session(tracker_store, "returning-parent")
    counts = purge(CUTOFF, db_url, tracker_url(tracker_store), batch=2)
    assert (counts.conversations, counts.events) == (0, 10)
    assert current_session(tracker_store, "returning-parent") == before
    full = asyncio.run(tracker_store.retrieve_full_tracker("returning-parent"))
    # all that is left: the current session and the action that started it (stored just before its start)
    assert [event.as_dict() for event in full.events][1:] == before
    assert full.events[0].action_name == "action_session_start" and "message 1 days ago" in str(before)


def test_a_session_that_began_before_the_cutoff_is_kept_whole(db_url, tracker_store):
    """Rasa loads from the latest session start, so nothing after it may go even when old."""
    save_conversation(tracker_store, "long-session", 95)
    from rasa.shared.core.events import UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    tracker = asyncio.run(tracker_store.retrieve("long-session"))
    tracker.update(UserUttered("still here", timestamp=days_ago(1).timestamp()))
    asyncio.run(tracker_store.save(DialogueStateTracker.from_events("long-session", tracker.events)))
    before = current_session(tracker_store, "long-session")
    assert purge(CUTOFF, db_url, tracker_url(tracker_store)).events == 1  # only action_session_start
    assert current_session(tracker_store, "long-session") == before


def test_finished_old_handoffs_go_with_their_thread_and_audit_and_open_ones_stay(db_url, tracker_store,
                                                                                handoffs):
    counts = purge(CUTOFF, db_url, tracker_url(tracker_store), batch=2)
    assert counts.handoffs == 3 and counts.handoffs_kept_open == 2
    with session_scope(db_url) as session:
        left = set(session.scalars(sa.select(Handoff.id)))
        threads = set(session.scalars(sa.select(HandoffMessage.handoff_id)))
        audited = set(session.scalars(sa.select(AuditEvent.handoff_id)))
    kept = {handoffs[name] for name in ("closed_recently", "open_old", "claimed_old")}
    assert left == kept
    assert threads <= kept and audited - {None} <= kept and None in audited
    assert counts.handoff_messages == 2 + 2 + 1  # closed ones: history and reply each; cancelled: history
    assert counts.audit_events == 3 + 3  # claim, reply, close of the two closed ones


def test_old_crisis_flags_and_sms_records_go_and_the_stop_list_stays(db_url, tracker_store):
    for conversation in ("old", "new"):
        flag_crisis(f"parent-{conversation}", "danger", db_url)
    with session_scope(db_url) as session:
        session.add_all([SmsDelivery(message_sid="SM-old"), SmsDelivery(message_sid="SM-new"),
                         SmsPending(conversation_id="sms-old"), SmsPending(conversation_id="sms-new"),
                         SmsOptOut(number_key="stopped-long-ago")])
    backdate(db_url, CrisisFlag, days_ago(91), conversation_id="parent-old")
    backdate(db_url, SmsDelivery, days_ago(91), message_sid="SM-old")
    backdate(db_url, SmsPending, days_ago(91), "updated_at", conversation_id="sms-old")
    backdate(db_url, SmsOptOut, days_ago(400))
    counts = purge(CUTOFF, db_url, tracker_url(tracker_store), batch=1)
    assert (counts.crisis_flags, counts.sms_deliveries, counts.sms_pending) == (1, 1, 1)
    with session_scope(db_url) as session:
        assert session.scalars(sa.select(CrisisFlag.conversation_id)).all() == ["parent-new"]
        assert session.scalars(sa.select(SmsDelivery.message_sid)).all() == ["SM-new"]
        assert session.scalars(sa.select(SmsPending.conversation_id)).all() == ["sms-new"]
        assert session.scalar(sa.select(sa.func.count()).select_from(SmsOptOut)) == 1


def test_each_run_is_recorded_with_its_cutoff_and_counts(db_url, tracker_store, handoffs):
    save_conversation(tracker_store, "old-parent", 200)
    counts = purge(CUTOFF, db_url, tracker_url(tracker_store))
    again = purge(CUTOFF, db_url, tracker_url(tracker_store))
    assert again == PurgeCounts(handoffs_kept_open=2)
    latest, first = purge_history(db_url)
    assert latest.handoffs_kept_open == 2 and latest.conversations == 0
    assert (first.conversations, first.events, first.handoffs) == (counts.conversations, counts.events, 3)
    assert first.cutoff.replace(tzinfo=dt.timezone.utc) == CUTOFF  # SQLite gives it back without the zone


def test_a_dry_run_counts_the_same_and_changes_nothing(db_url, tracker_store, handoffs):
    save_conversation(tracker_store, "old-parent", 200)
    save_conversation(tracker_store, "returning-parent", 120, 1)
    before = (row_counts(db_url), event_count(tracker_store))
    would = purge(CUTOFF, db_url, tracker_url(tracker_store), dry_run=True, batch=1)
    assert (row_counts(db_url), event_count(tracker_store)) == before
    assert purge(CUTOFF, db_url, tracker_url(tracker_store), batch=1) == would
    assert would.conversations == 1 and would.events == 10 and would.handoffs == 3


def test_the_tracker_store_url_comes_from_the_endpoints_file_with_environment_values(tmp_path, monkeypatch):
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text("tracker_store:\n  type: SQL\n  dialect: postgresql\n  url: ${DB_HOST}\n"
                         "  port: ${DB_PORT}\n  db: tracker\n  username: rasa\n  password: ${DB_PASSWORD}\n"
                         "  login_db: postgres\n")
    monkeypatch.setenv("DB_HOST", "db.internal")
    monkeypatch.setenv("DB_PORT", "5433")
    monkeypatch.setenv("DB_PASSWORD", "s3cret/with@odd:chars")
    url = tracker_store_url(endpoints)
    assert (url.drivername, url.host, url.port, url.database, url.password) == (
        "postgresql", "db.internal", 5433, "tracker", "s3cret/with@odd:chars")
    monkeypatch.delenv("DB_PASSWORD")
    with pytest.raises(RetentionError, match="DB_PASSWORD"):
        tracker_store_url(endpoints)


def test_a_relative_sqlite_path_is_taken_from_the_current_folder_as_rasa_does(tmp_path, monkeypatch):
    (tmp_path / "endpoints.yml").write_text("tracker_store:\n  type: SQL\n  dialect: sqlite\n"
                                            "  db: var/tracker.db\n")
    monkeypatch.chdir(tmp_path)
    assert tracker_store_url("endpoints.yml").database == str(tmp_path / "var" / "tracker.db")
    (tmp_path / "url.yml").write_text("tracker_store:\n  type: SQL\n  url: postgresql://rasa:pw@db:5432/tracker\n")
    assert tracker_store_url(tmp_path / "url.yml").database == "tracker"


@pytest.mark.parametrize("content, message", [
    (None, "Cannot read the endpoints file"),
    ("tracker_store: [unclosed\n", "Cannot read the endpoints file"),
    ("action_endpoint:\n  url: http://localhost:5055/webhook\n", "has no tracker_store"),
    ("tracker_store:\n  type: mongod\n  url: mongodb://localhost:27017\n", "only SQL"),
    ("tracker_store:\n  type: SQL\n  dialect: postgresql\n  host: db\n", "takes the host as `url`"),
    ("tracker_store:\n  type: SQL\n  dialect: postgresql\n  url: db\n  port: \"${DB_PORT}\"\n",
     "port: .* only when unquoted"),
])
def test_an_unusable_endpoints_file_is_a_clear_error(tmp_path, content, message):
    endpoints = tmp_path / "endpoints.yml"
    if content is not None:
        endpoints.write_text(content)
    with pytest.raises(RetentionError, match=message):
        tracker_store_url(endpoints)


def test_missing_or_unreachable_stores_are_clear_errors_and_nothing_is_recorded(db_url, tracker_store,
                                                                                 tmp_path):
    with pytest.raises(RetentionError, match="no tracker store at"):
        purge(CUTOFF, db_url, f"sqlite:///{tmp_path / 'nowhere.db'}")
    with pytest.raises(RetentionError, match="Cannot reach the project database"):
        purge(CUTOFF, f"sqlite:///{tmp_path / 'no-folder' / 'village.db'}", tracker_url(tracker_store))
    with pytest.raises(DatabaseNotReady):
        purge(CUTOFF, f"sqlite:///{tmp_path / 'empty.db'}", tracker_url(tracker_store))
    empty = tmp_path / "not-a-tracker.db"
    sa.create_engine(f"sqlite:///{empty}").connect().close()
    with pytest.raises(RetentionError, match="has no events"):
        purge(CUTOFF, db_url, f"sqlite:///{empty}")
    assert purge_history(db_url) == []
