"""A real action server and a real Rasa server on free loopback ports, shared by the e2e tests.

The action server's clock is pinned to a Tuesday at 2am in London (GMT), the hour the parents' research says
help matters most; the unit tests travel to every other time.
"""

from __future__ import annotations

import uuid

import pytest

from bot.stack import Stack, free_port

PINNED_NOW = "2026-11-24T02:00:00+00:00"


@pytest.fixture(scope="session")
def stack(tmp_path_factory):
    stack = Stack()
    if not stack.model.exists():
        pytest.fail(f"{stack.model} is missing: run `make train` (make test does it first)")
    run_dir = tmp_path_factory.mktemp("stack")
    stack.rasa_port, stack.action_port = free_port(), free_port()
    stack.run_dir, stack.tracker_db = run_dir, run_dir / "tracker.db"
    stack.action_env = {"VILLAGE_NOW": PINNED_NOW}
    stack.database_url = f"sqlite:///{run_dir / 'village.db'}"
    log = (run_dir / "servers.log").open("w")
    stack.log = log
    try:
        stack.start(timeout=300)
    except Exception:
        log.flush()
        print((run_dir / "servers.log").read_text()[-5000:])
        stack.stop()
        raise
    yield stack
    stack.stop()
    log.close()


@pytest.fixture
def sender() -> str:
    return f"e2e-{uuid.uuid4().hex}"
