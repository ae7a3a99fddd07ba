"""Two real Rasa processes and one action server sharing a real PostgreSQL and a real Redis, on loopback.

Started once for the integration tests (`make test-integration`): about two minutes on two cores. Rasa's HTTP
API is on, with JWT only, so the tests read trackers the way an operator would.
"""

from __future__ import annotations

import uuid

import jwt
import pytest

from bot.config import PROJECT_ROOT
from bot.stack import Stack, free_port
from tests.e2e.conftest import PINNED_NOW
from tests.integration.servers import Postgres, Redis

JWT_SECRET = "integration-jwt-secret-" + "x" * 16


def admin_token() -> str:
    return jwt.encode({"user": {"username": "operator", "role": "admin"}}, JWT_SECRET, algorithm="HS256")


@pytest.fixture(scope="session")
def postgres():
    server = Postgres().init()
    yield server
    server.destroy()


@pytest.fixture(scope="session")
def redis():
    server = Redis().start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def cluster(tmp_path_factory, postgres, redis):
    run_dir = tmp_path_factory.mktemp("cluster")
    stack = Stack(rasa_port=free_port(), action_port=free_port(), run_dir=run_dir,
                  database_url=postgres.url("village"))
    stack.extra_rasa_ports = [free_port()]
    # The production endpoints file itself, filled in from the environment as in deployment.
    stack.endpoints = PROJECT_ROOT / "deploy" / "endpoints.yml"
    stack.rasa_env = {
        "VILLAGE_ACTION_URL": f"http://127.0.0.1:{stack.action_port}/webhook",
        "VILLAGE_TRACKER_DB_HOST": "127.0.0.1", "VILLAGE_TRACKER_DB_PORT": str(postgres.port),
        "VILLAGE_TRACKER_DB_NAME": "village_tracker", "VILLAGE_TRACKER_DB_USER": postgres.user,
        "VILLAGE_TRACKER_DB_PASSWORD": postgres.password,
        "VILLAGE_REDIS_HOST": "127.0.0.1", "VILLAGE_REDIS_PORT": str(redis.port),
        "VILLAGE_REDIS_PASSWORD": "",
        "VILLAGE_SMS_OUTBOX": str(run_dir / "sms_outbox.jsonl"),
    }
    stack.rasa_options = ["--enable-api", "--jwt-secret", JWT_SECRET, "--jwt-method", "HS256"]
    stack.action_env = {"VILLAGE_NOW": PINNED_NOW}
    log = (run_dir / "servers.log").open("w")
    stack.log = log
    try:
        stack.start(timeout=400)
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
    return f"it-{uuid.uuid4().hex}"
