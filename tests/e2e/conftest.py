"""A real action server and a real Rasa server on free loopback ports, shared by the e2e tests."""

from __future__ import annotations

import uuid

import pytest

from bot.stack import Stack, free_port


@pytest.fixture(scope="session")
def stack(tmp_path_factory):
    stack = Stack()
    if not stack.model.exists():
        pytest.fail(f"{stack.model} is missing: run `make train` (make test does it first)")
    run_dir = tmp_path_factory.mktemp("stack")
    stack.rasa_port, stack.action_port = free_port(), free_port()
    stack.run_dir, stack.tracker_db = run_dir, run_dir / "tracker.db"
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
