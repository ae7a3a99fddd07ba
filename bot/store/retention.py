"""Retention: remove conversations, finished handoff threads and records past the retention period."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import os
import warnings
from collections.abc import Iterator
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import URL, Connection, Engine

from bot.store.database import DatabaseNotReady, get_engine, session_scope
from bot.store.models import (
    AuditEvent,
    CrisisFlag,
    Handoff,
    HandoffMessage,
    PurgeRun,
    SmsDelivery,
    SmsPending,
)

logger = logging.getLogger(__name__)

BATCH = 500  # rows per transaction, so a big table never becomes one huge transaction
SESSION_STARTED = "session_started"

# The columns of Rasa's SQLTrackerStore.SQLEvent that the purge needs (Rasa owns the table and creates it).
_events = sa.Table("events", sa.MetaData(), sa.Column("id", sa.Integer, primary_key=True),
                   sa.Column("sender_id", sa.String(255)), sa.Column("type_name", sa.String(255)),
                   sa.Column("timestamp", sa.Float))


class RetentionError(RuntimeError):
    """The purge cannot run as configured; the message says why (never with a password)."""


@dataclasses.dataclass
class PurgeCounts:
    """How many rows of each kind went (or would go); the same names as the purge_runs columns."""

    conversations: int = 0  # conversations removed entirely from the tracker store
    events: int = 0  # tracker events removed, including those of the removed conversations
    handoffs: int = 0
    handoff_messages: int = 0
    audit_events: int = 0
    crisis_flags: int = 0
    sms_deliveries: int = 0
    sms_pending: int = 0
    handoffs_kept_open: int = 0  # past the period but still open or claimed: never removed


def tracker_store_url(endpoints_file: Path | str) -> URL:
    """The URL of the SQL tracker store an endpoints file configures, ${VARS} filled in by Rasa's reader."""
    with warnings.catch_warnings():  # Rasa's imports warn about their own dependencies; a cron job's mail
        warnings.simplefilter("ignore", DeprecationWarning)
        from rasa.shared.exceptions import RasaException
        from rasa.utils.endpoints import read_endpoint_config

    path = Path(endpoints_file)
    if not path.is_file() or not os.access(path, os.R_OK):
        raise RetentionError(f"Cannot read the endpoints file {path}.")
    try:
        config = read_endpoint_config(str(path), "tracker_store")
    except RasaException as error:  # bad YAML or a ${VAR} that is not set
        raise RetentionError(f"Cannot read the endpoints file {path}: {error}") from None
    if config is None:
        raise RetentionError(f"{path} has no tracker_store: conversations are only in memory.")
    if str(config.type).upper() != "SQL":
        raise RetentionError(f"{path}: tracker_store type {config.type!r} is not supported; only SQL is.")
    quoted = [key for key, value in {"url": config.url, **config.kwargs}.items() if "${" in str(value)]
    if quoted:  # Rasa fills in ${VARS} only in unquoted values; it would use these as written
        raise RetentionError(f"{path}: tracker_store {', '.join(quoted)}: ${{...}} is filled in only when "
                             "unquoted (Rasa 3.6 reads a quoted one as it stands).")
    if "host" in config.kwargs:  # Rasa 3.6 fails on it too (SQLTrackerStore gets `host` twice)
        raise RetentionError(f"{path}: Rasa's SQL tracker store takes the host as `url`, not `host`.")
    return _db_url(config.url, **config.kwargs)


def _db_url(host: str | None = None, dialect: str = "sqlite", port: int | str | None = None,
            db: str = "rasa.db", username: str | None = None, password: str | None = None,
            query: dict | None = None, **_) -> URL:
    """As SQLTrackerStore.get_db_url (whose URL() call SQLAlchemy 1.4 deprecates): `db`, not `login_db`, holds
    the events. A relative SQLite path is taken from the current folder, as Rasa does."""
    if host and "://" in host:
        return sa.engine.make_url(host)
    if host:
        from urllib.parse import urlsplit

        parsed = urlsplit(f"scheme://{host}")
        port, host = parsed.port or port, parsed.hostname or host
    if dialect == "sqlite" and db:
        db = str(Path(db).resolve())
    return URL.create(dialect, username, password, host, int(port) if port else None, db, query or {})


def purge(cutoff: dt.datetime, database_url: str | None, tracker_url: URL | str, dry_run: bool = False,
          batch: int = BATCH) -> PurgeCounts:
    """Remove what is older than `cutoff` (or only count it, with dry_run, which records nothing)."""
    if cutoff.tzinfo is None:
        raise ValueError("cutoff needs a time zone")
    cutoff = cutoff.astimezone(dt.timezone.utc)  # the project database keeps UTC
    project = get_engine(database_url)
    if not _has_table(project, PurgeRun.__tablename__, "the project database"):
        raise DatabaseNotReady("The project database has no purge_runs table yet: run `village db upgrade`.")
    tracker = _tracker_engine(tracker_url)
    try:
        counts = PurgeCounts()
        _purge_tracker(tracker, cutoff.timestamp(), counts, dry_run, batch)
        _purge_project(project, cutoff, counts, dry_run, batch)
    finally:
        tracker.dispose()
    if not dry_run:
        with session_scope(database_url) as session:
            session.add(PurgeRun(cutoff=cutoff, **dataclasses.asdict(counts)))
    logger.info("purge%s before %s: %s", " (dry run)" if dry_run else "", cutoff.isoformat(), counts)
    return counts


def purge_history(database_url: str | None = None, limit: int = 10) -> list[PurgeRun]:
    """The last runs, newest first."""
    with session_scope(database_url) as session:
        query = sa.select(PurgeRun).order_by(PurgeRun.ran_at.desc(), PurgeRun.id.desc()).limit(limit)
        return list(session.execute(query).scalars())


def _has_table(engine: Engine, table: str, name: str) -> bool:
    try:
        return sa.inspect(engine).has_table(table)
    except sa.exc.DBAPIError as error:
        where = engine.url.render_as_string(hide_password=True)
        raise RetentionError(f"Cannot reach {name} at {where}: {str(error.orig).strip()}") from None


def _tracker_engine(url: URL | str) -> Engine:
    url = sa.engine.make_url(url)
    if url.get_backend_name() == "sqlite" and not Path(url.database or "").is_file():
        raise RetentionError(f"There is no tracker store at {url.database}.")
    kwargs = {}
    if url.get_backend_name() == "postgresql" and os.environ.get("POSTGRESQL_SCHEMA"):  # as Rasa connects
        kwargs["connect_args"] = {"options": f"-csearch_path={os.environ['POSTGRESQL_SCHEMA']}"}
    engine = sa.create_engine(url, future=True, pool_pre_ping=True, **kwargs)
    if not _has_table(engine, "events", "the tracker store"):
        engine.dispose()
        raise RetentionError(f"The tracker store {url.render_as_string(hide_password=True)} has no events.")
    return engine


def _purge_tracker(engine: Engine, cutoff: float, counts: PurgeCounts, dry_run: bool, batch: int) -> None:
    """Whole conversations whose last event is older than the cutoff; in the others, old events from before
    the latest session start, which Rasa's SQL store never loads again (it reads from that session start)."""
    events, last = _events.c, sa.func.max(_events.c.timestamp)
    for page in _sender_pages(engine, sa.select(events.sender_id).having(last < cutoff), batch):
        senders = [sender for sender, in page]
        counts.conversations += len(senders)
        # `timestamp < cutoff` too: an event written while this runs (the parent came back) stays
        where = sa.and_(events.sender_id.in_(senders), events.timestamp < cutoff)
        counts.events += _remove(engine, events.id, where, dry_run, batch)
    session_start = sa.func.max(sa.case((events.type_name == SESSION_STARTED, events.timestamp)))
    active = sa.select(events.sender_id, session_start).having(
        sa.and_(last >= cutoff, sa.func.min(events.timestamp) < cutoff))
    for page in _sender_pages(engine, active, batch):
        for sender, started in page:
            if started is not None:
                where = sa.and_(events.sender_id == sender, events.timestamp < min(cutoff, started))
                counts.events += _remove(engine, events.id, where, dry_run, batch)


def _sender_pages(engine: Engine, query: sa.sql.Select, batch: int) -> Iterator[list[sa.engine.Row]]:
    """Pages of a per-conversation query, in sender id order, so deleting while paging skips nothing."""
    sender = _events.c.sender_id
    after = None
    while True:
        page_query = query if after is None else query.where(sender > after)
        with engine.connect() as connection:
            page = connection.execute(page_query.group_by(sender).order_by(sender).limit(batch)).all()
        if not page:
            return
        after = page[-1][0]
        yield page


def _purge_project(engine: Engine, cutoff: dt.datetime, counts: PurgeCounts, dry_run: bool,
                   batch: int) -> None:
    finished = sa.and_(Handoff.state.in_(("closed", "cancelled")),
                       sa.func.coalesce(Handoff.closed_at, Handoff.created_at) < cutoff)
    with engine.connect() as connection:
        kept = sa.and_(Handoff.state.in_(("open", "claimed")), Handoff.created_at < cutoff)
        counts.handoffs_kept_open = _count(connection, Handoff.id, kept)
        if dry_run:
            ids = sa.select(Handoff.id).where(finished).scalar_subquery()
            messages, audit = HandoffMessage.handoff_id, AuditEvent.handoff_id
            counts.handoff_messages = _count(connection, messages, messages.in_(ids))
            counts.audit_events = _count(connection, audit, audit.in_(ids))
    if dry_run:
        counts.handoffs = _remove(engine, Handoff.id, finished, dry_run, batch)
    else:
        while removed := _remove_handoffs(engine, finished, batch, counts):
            counts.handoffs += removed
    counts.crisis_flags = _remove(engine, CrisisFlag.id, CrisisFlag.created_at < cutoff, dry_run, batch)
    counts.sms_deliveries = _remove(engine, SmsDelivery.id, SmsDelivery.created_at < cutoff, dry_run, batch)
    pending = SmsPending.conversation_id
    counts.sms_pending = _remove(engine, pending, SmsPending.updated_at < cutoff, dry_run, batch)


def _remove_handoffs(engine: Engine, finished, batch: int, counts: PurgeCounts) -> int:
    """One batch of finished handoffs with their thread and audit trail, in one transaction."""
    with engine.begin() as connection:
        ids = list(connection.execute(sa.select(Handoff.id).where(finished).limit(batch)).scalars())
        if ids:
            run = connection.execute
            messages = sa.delete(HandoffMessage).where(HandoffMessage.handoff_id.in_(ids))
            counts.handoff_messages += run(messages).rowcount
            counts.audit_events += run(sa.delete(AuditEvent).where(AuditEvent.handoff_id.in_(ids))).rowcount
            run(sa.delete(Handoff).where(Handoff.id.in_(ids)))
        return len(ids)


def _count(connection: Connection, key, where) -> int:
    return connection.execute(sa.select(sa.func.count(key)).where(where)).scalar_one()


def _remove(engine: Engine, key, where, dry_run: bool, batch: int) -> int:
    """Delete the rows matching `where`, `batch` at a time, one transaction each; or only count them."""
    if dry_run:
        with engine.connect() as connection:
            return _count(connection, key, where)
    removed = 0
    while True:
        with engine.begin() as connection:
            keys = list(connection.execute(sa.select(key).where(where).limit(batch)).scalars())
            if not keys:
                return removed
            removed += connection.execute(sa.delete(key.table).where(key.in_(keys))).rowcount
