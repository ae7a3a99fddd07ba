"""Fixtures shared by every test folder."""

from __future__ import annotations

import pytest

from bot.store import migrate


@pytest.fixture
def db_url(tmp_path) -> str:
    """A real SQLite database in a temporary folder, migrated to the newest schema."""
    url = f"sqlite:///{tmp_path / 'db' / 'village.db'}"
    migrate(url)
    return url
