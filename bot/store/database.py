"""Engine, sessions and migrations; nothing connects until first use."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from sqlalchemy import create_engine, event, inspect
from sqlalchemy.engine import URL, Engine, make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from bot.config import get_settings

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


class DatabaseNotReady(RuntimeError):
    """The database has no tables yet: run `village db upgrade` (make run and the tests do it)."""


def database_url(url: str | None = None) -> str:
    return url or get_settings().database_url


def get_engine(url: str | None = None) -> Engine:
    """One engine per database URL, made on first use; connections are checked before use."""
    return _engine(database_url(url))


@lru_cache(maxsize=8)
def _engine(url: str) -> Engine:
    if sqlite_file(url):
        # SQLAlchemy 1.4 gives a SQLite file no pool: every session opened a connection and set its pragmas
        # again, a quarter of the Rasa process's CPU under load (the guard's handoff lookup, in a worker
        # thread, so the turns per second did not change; py-spy, docs/performance.md). Pooled connections
        # move between threads (asyncio.to_thread), so sqlite3's same-thread check is off; a session still
        # uses one connection at a time. A local file needs no pre-ping.
        engine = create_engine(url, future=True, poolclass=QueuePool,
                               connect_args={"check_same_thread": False})
    else:
        engine = create_engine(url, future=True, pool_pre_ping=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def sqlite_file(url: str | URL) -> bool:
    """A SQLite database in a file (not in memory): SQLAlchemy 1.4 gives it no connection pool."""
    parsed = make_url(url)
    return parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:")


def _sqlite_pragmas(connection, _record) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")  # the action server and the desk read while the other writes
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def migrate(url: str | None = None) -> None:
    """Bring the database to the newest schema (Alembic), creating a SQLite file's folder if needed."""
    from alembic import command
    from alembic.config import Config

    url = database_url(url)
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    command.upgrade(config, "head")


@contextmanager
def session_scope(url: str | None = None) -> Iterator[Session]:
    """A session that commits when the block ends and rolls back if it raises."""
    engine = get_engine(url)
    session = sessionmaker(engine, future=True, expire_on_commit=False)()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        if not inspect(engine).has_table("alembic_version"):
            raise DatabaseNotReady(DatabaseNotReady.__doc__) from None
        raise
    finally:
        session.close()
