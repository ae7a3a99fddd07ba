"""Two real Rasa processes and one action server sharing a real PostgreSQL and a real Redis, on loopback.

Started once for the integration tests (`make test-integration`): about two minutes on two cores. Rasa's HTTP
API is on, with JWT only, so the tests read trackers the way an operator would.
"""

from __future__ import annotations

import uuid

import jwt
import pytest

from bot.config import PROJECT_ROOT
from tests.e2e.conftest import PINNED_NOW
from tests.integration.servers import Nginx, Postgres, Redis, production_shape

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
    stack = production_shape(run_dir, postgres, redis)
    stack.rasa_options = ["--enable-api", "--jwt-secret", JWT_SECRET, "--jwt-method", "HS256"]
    stack.action_env = {"VILLAGE_NOW": PINNED_NOW}
    with stack.running(run_dir / "servers.log", timeout=400):
        yield stack


@pytest.fixture
def sender() -> str:
    return f"it-{uuid.uuid4().hex}"


@pytest.fixture(scope="session")
def front(cluster):
    """deploy/nginx.conf in front of both Rasa processes: the one address parents and Twilio use."""
    server = Nginx((cluster.rasa_port, cluster.extra_rasa_ports[0]))
    server.start(PROJECT_ROOT / "deploy" / "nginx.conf")
    yield server
    server.stop()
