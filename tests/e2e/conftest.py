"""A real action server and a real Rasa server on free loopback ports, shared by the e2e tests.

The action server's clock is pinned to a Tuesday at 2am in London (GMT), the hour the parents' research says
help matters most; the unit tests travel to every other time.
"""

from __future__ import annotations

import shutil
import uuid

import pytest

from bot.config import PROJECT_ROOT
from bot.stack import Stack, free_port
from tests.fakes.twilio_api import FakeTwilioApi

PINNED_NOW = "2026-11-24T02:00:00+00:00"
# Rasa's SMS channel talks to a fake Twilio API on loopback, as if behind a proxy at PUBLIC_URL.
TWILIO = {"TWILIO_ACCOUNT_SID": "AC" + "e" * 32, "TWILIO_AUTH_TOKEN": "e2e-auth-token",
          "TWILIO_FROM_NUMBER": "+447700900000", "VILLAGE_PUBLIC_URL": "https://village.example.org",
          "VILLAGE_NUMBER_KEY": "e2e-number-key"}
# The shared server has no rate limits: the browsers all come from 127.0.0.1 and the fuzz tests send many
# messages from one session. The limits are tested on a server of their own (`limited_stack`).
NO_LIMITS = {"VILLAGE_SMS_LIMITS": "off", "VILLAGE_WIDGET_LIMITS": "off",
             "VILLAGE_WIDGET_NEW_SESSIONS": "off", "VILLAGE_SMS_SENT_CAP": "off"}
LIMITS = {"VILLAGE_SMS_LIMITS": "3/1h", "VILLAGE_WIDGET_LIMITS": "3/1h",
          "VILLAGE_WIDGET_NEW_SESSIONS": "2/1h", "VILLAGE_TRUSTED_PROXIES": "1"}


@pytest.fixture(scope="session")
def twilio_api():
    with FakeTwilioApi() as api:
        yield api


@pytest.fixture(scope="session")
def stack(tmp_path_factory, twilio_api):
    stack = Stack()
    if not stack.model.exists():
        pytest.fail(f"{stack.model} is missing: run `make train` (make test does it first)")
    run_dir = tmp_path_factory.mktemp("stack")
    stack.rasa_port, stack.action_port = free_port(), free_port()
    stack.run_dir, stack.tracker_db = run_dir, run_dir / "tracker.db"
    # The action server reads a copy of the knowledge files, so a test can edit them as an editor would.
    knowledge = run_dir / "knowledge"
    shutil.copytree(PROJECT_ROOT / "knowledge", knowledge)
    stack.action_env = {"VILLAGE_NOW": PINNED_NOW, "VILLAGE_KNOWLEDGE_DIR": str(knowledge)}
    stack.rasa_env = {**TWILIO, "TWILIO_API_BASE_URL": twilio_api.url, **NO_LIMITS}
    stack.database_url = f"sqlite:///{run_dir / 'village.db'}"
    with stack.running(run_dir / "servers.log", timeout=300):
        yield stack


@pytest.fixture(scope="session")
def limited_stack(stack, tmp_path_factory):
    """A second Rasa server with small rate limits (LIMITS), sharing the action server, the database and the
    fake Twilio API, with its own tracker store; the SMS and widget limit tests share it."""
    run_dir = tmp_path_factory.mktemp("limited")
    limited = Stack(rasa_port=free_port(), action_port=stack.action_port, run_dir=run_dir,
                    tracker_db=run_dir / "tracker.db", database_url=stack.database_url,
                    log=(run_dir / "rasa.log").open("w"), rasa_env={**stack.rasa_env, **LIMITS})
    limited.start_rasa()
    try:
        limited.wait_ready(300)
        yield limited
    finally:
        limited.stop()
        limited.log.close()


@pytest.fixture
def sender() -> str:
    return f"e2e-{uuid.uuid4().hex}"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Remember each phase's report on the test, so a browser fixture can tell the test failed."""
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"report_{report.when}", report)
