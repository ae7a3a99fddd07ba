"""Migrations build exactly the schema the models describe, and an unmigrated database says what to do."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from bot.store import flag_crisis, get_engine, migrate
from bot.store.database import DatabaseNotReady
from bot.store.models import Base


def test_migrations_match_the_models(db_url):
    with get_engine(db_url).connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []


def test_migrating_twice_changes_nothing(db_url):
    migrate(db_url)
    assert flag_crisis("parent-1", "danger", db_url) == 1


def test_an_unmigrated_database_says_how_to_fix_it(tmp_path):
    with pytest.raises(DatabaseNotReady, match="village db upgrade"):
        flag_crisis("parent-1", "danger", f"sqlite:///{tmp_path / 'empty.db'}")


def test_a_sqlite_file_keeps_its_connections_for_the_next_session(db_url):
    from sqlalchemy import event, text

    from bot.store.database import session_scope

    opened = []
    event.listen(get_engine(db_url), "connect", lambda *_: opened.append(1))
    for _ in range(5):
        with session_scope(db_url) as session:
            assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
    assert len(opened) <= 1  # at most one new connection (the fixture may have pooled one already)


def test_a_pooled_sqlite_connection_works_from_another_thread(db_url):
    import threading

    flag_crisis("parent-1", "danger", db_url)  # a connection made on this thread goes back to the pool
    errors: list[BaseException] = []

    def work() -> None:
        try:
            flag_crisis("parent-2", "danger", db_url)
        except BaseException as error:  # reported by the assert below
            errors.append(error)

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert errors == []
