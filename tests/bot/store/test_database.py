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
