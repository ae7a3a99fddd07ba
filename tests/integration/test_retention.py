"""`village purge` on the production stores: PostgreSQL conversations and handoffs past the period go."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
import sqlalchemy as sa

from bot.config import PROJECT_ROOT
from tests.integration.test_scale_out import hand_off, say, tracker_events

pytestmark = pytest.mark.integration
DAY = 24 * 3600


def test_purge_removes_what_is_past_the_period_from_postgresql_and_keeps_the_rest(cluster, postgres):
    old, recent = "it-purge-old", "it-purge-recent"
    say(cluster.rasa_port, old, "what am i entitled to")
    say(cluster.rasa_port, recent, "what am i entitled to")
    reference = hand_off(cluster.rasa_port, "it-purge-handoff")
    tracker = sa.create_engine(postgres.url("village_tracker"))
    project = sa.create_engine(postgres.url("village"))
    with tracker.begin() as db:  # the old conversation and the handoff took place 100 days ago
        db.execute(sa.text("update events set timestamp = timestamp - :age where sender_id = :old"),
                   {"age": 100 * DAY, "old": old})
    with project.begin() as db:
        db.execute(sa.text("update handoffs set state = 'closed', created_at = now() - interval '100 days', "
                           "closed_at = now() - interval '99 days' where reference = :ref"),
                   {"ref": reference})

    environment = {**os.environ, **cluster.rasa_env, "VILLAGE_DATABASE_URL": cluster.database_url}
    purge = subprocess.run([sys.executable, "-m", "bot.cli", "purge", "--older-than", "90d",
                            "--endpoints", str(PROJECT_ROOT / "deploy" / "endpoints.yml")],
                           env=environment, cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120)
    assert purge.returncode == 0, purge.stderr
    assert "conversations: 1 " in purge.stdout and "handoffs: 1 " in purge.stdout
    assert postgres.password not in purge.stdout + purge.stderr  # the address is shown without its password

    assert not [e for e in tracker_events(cluster.rasa_port, old) if e["event"] == "user"]
    assert [e["text"] for e in tracker_events(cluster.rasa_port, recent) if e["event"] == "user"] == [
        "what am i entitled to"]
    with project.connect() as db:
        assert db.execute(sa.text("select count(*) from handoffs where reference = :ref"),
                          {"ref": reference}).scalar() == 0
        runs = sa.text("select count(*) from purge_runs where ran_at > now() - interval '5 minutes'")
        assert db.execute(runs).scalar() == 1
    assert all(process.poll() is None for process in cluster.processes)
