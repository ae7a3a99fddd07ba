"""The project database (SQLAlchemy 1.4, 2.0-style): what workers need to see, and nothing more."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from sqlalchemy import Column, DateTime, Integer, String, create_engine, event, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, declarative_base, sessionmaker

from bot.config import get_settings

Base = declarative_base()


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


class CrisisFlag(Base):
    """A conversation in which the safety rules fired, for a worker to follow up. No message text is kept."""

    __tablename__ = "crisis_flags"

    id = Column(Integer, primary_key=True)
    conversation_id = Column(String(255), nullable=False, index=True)
    kind = Column(String(32), nullable=False)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)


@lru_cache(maxsize=4)
def get_engine(url: str | None = None) -> Engine:
    """One engine per database URL, made on first use; tables are created if missing."""
    url = url or get_settings().database_url
    if url.startswith("sqlite:///"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, future=True, pool_pre_ping=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    Base.metadata.create_all(engine)
    return engine


def _sqlite_pragmas(connection, _record) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")  # the action server and the desk read while the other writes
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


@contextmanager
def session_scope(url: str | None = None) -> Iterator[Session]:
    """A session that commits when the block ends and rolls back if it raises."""
    session = sessionmaker(get_engine(url), future=True)()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def flag_crisis(conversation_id: str, kind: str, url: str | None = None) -> int:
    """Record that a conversation needs a worker's follow-up; committed before this returns."""
    with session_scope(url) as session:
        flag = CrisisFlag(conversation_id=conversation_id, kind=kind)
        session.add(flag)
        session.flush()
        return flag.id


def crisis_flags(conversation_id: str | None = None, url: str | None = None) -> list[CrisisFlag]:
    with session_scope(url) as session:
        query = select(CrisisFlag).order_by(CrisisFlag.id)
        if conversation_id is not None:
            query = query.where(CrisisFlag.conversation_id == conversation_id)
        flags = list(session.scalars(query))
        session.expunge_all()
        return flags
