"""Real PostgreSQL, Redis and nginx from Debian's packages, on loopback ports, for the integration tests and
`make bench-scale`.

`make servers` installs the packages (postgresql, redis-server, nginx-light); these classes only start and
stop private servers in a temporary folder, never the machine's own.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.stack import Stack

HOST = "127.0.0.1"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def _postgres_tool(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        raise RuntimeError(f"PostgreSQL's {name} is missing: `make test-integration` installs it")
    return found[-1]


def _wait_for(port: int, name: str, ask: bytes = b"", answer: bytes = b"", timeout: float = 30) -> None:
    """Until the server on this loopback port accepts a connection (and answers `ask` with `answer`)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection((HOST, port), timeout=1) as sock:
                if not ask:
                    return
                sock.sendall(ask)
                if sock.recv(16).startswith(answer):
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise TimeoutError(f"{name} did not answer within {timeout:.0f} s")


def _terminate(process: subprocess.Popen | None) -> None:
    if process and process.poll() is None:
        process.terminate()
        process.wait(10)


@dataclass
class Postgres:
    """A private cluster with password login (scram-sha-256), run as the `postgres` user when we are root."""

    user: str = "village"
    password: str = "integration-password"
    databases: tuple[str, ...] = ("village", "village_tracker")
    port: int = field(default_factory=_free_port)
    root: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="village-pg-")))

    @property
    def data(self) -> Path:
        return self.root / "data"

    def url(self, database: str = "village") -> str:
        return f"postgresql://{self.user}:{self.password}@{HOST}:{self.port}/{database}"

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        if os.geteuid() == 0:  # PostgreSQL refuses to run as root
            args = ("runuser", "-u", "postgres", "--", *args)
        env = {**os.environ, "PGPASSWORD": self.password}
        return subprocess.run(args, check=check, capture_output=True, text=True, env=env, timeout=120)

    def init(self) -> Postgres:
        self.root.chmod(0o755)
        password_file = self.root / "pw"
        password_file.write_text(self.password + "\n")
        if os.geteuid() == 0:
            shutil.chown(self.root, "postgres")
            shutil.chown(password_file, "postgres")
        self._run(_postgres_tool("initdb"), "-D", str(self.data), "-U", self.user, "--auth=scram-sha-256",
                  f"--pwfile={password_file}", "--encoding=UTF8", "--no-locale")
        password_file.unlink()
        self.start()
        for database in self.databases:
            self._run(_postgres_tool("createdb"), "-h", HOST, "-p", str(self.port), "-U", self.user, database)
        return self

    def start(self) -> None:
        options = f"-c listen_addresses={HOST} -p {self.port} -k {self.root}"
        self._run(_postgres_tool("pg_ctl"), "-D", str(self.data), "-l", str(self.root / "postgres.log"),
                  "-o", options, "-w", "-t", "60", "start")

    def stop(self, mode: str = "fast") -> None:
        """Stop the server; mode "immediate" is a crash (no checkpoint), as when a machine loses power."""
        self._run(_postgres_tool("pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop", check=False)

    def destroy(self) -> None:
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)


@dataclass
class Redis:
    port: int = field(default_factory=_free_port)
    process: subprocess.Popen | None = None

    def start(self) -> Redis:
        binary = shutil.which("redis-server")
        if binary is None:
            raise RuntimeError("redis-server is missing: `make test-integration` installs it")
        self.process = subprocess.Popen(
            [binary, "--bind", HOST, "--port", str(self.port), "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        _wait_for(self.port, "redis-server", b"PING\r\n", b"+PONG")
        return self

    def stop(self) -> None:
        _terminate(self.process)


@dataclass
class Nginx:
    """deploy/nginx.conf itself, with its loopback ports changed to the ones a test or benchmark uses."""

    rasa_ports: tuple[int, int]
    port: int = field(default_factory=_free_port)
    root: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="village-nginx-")))
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def config(self, source: Path) -> Path:
        text = source.read_text()
        ports = {"8080": self.port, "5005": self.rasa_ports[0], "5006": self.rasa_ports[1]}
        for old, new in ((f"127.0.0.1:{a}", f"{HOST}:{b}") for a, b in ports.items()):
            if old not in text:
                raise ValueError(f"{source} no longer listens on or proxies to {old}")
            text = text.replace(old, new)
        self.root.chmod(0o755)  # nginx's workers run as nobody when the master is root
        path = self.root / "nginx.conf"
        path.write_text(text)
        (self.root / "tmp").mkdir(exist_ok=True)
        return path

    def start(self, source: Path) -> Nginx:
        binary = shutil.which("nginx") or "/usr/sbin/nginx"
        if not Path(binary).exists():
            raise RuntimeError("nginx is missing: `make test-integration` installs it")
        config = self.config(source)
        subprocess.run([binary, "-t", "-q", "-p", str(self.root), "-c", str(config)], check=True, timeout=30)
        self.process = subprocess.Popen([binary, "-p", str(self.root), "-c", str(config),
                                         "-g", "daemon off;"])
        _wait_for(self.port, "nginx")
        return self

    def stop(self) -> None:
        _terminate(self.process)
        shutil.rmtree(self.root, ignore_errors=True)


def production_shape(run_dir: Path, postgres: Postgres, redis: Redis) -> Stack:
    """One action server and two Rasa processes on deploy/endpoints.yml, filled in from the environment."""
    from bot.config import PROJECT_ROOT
    from bot.stack import Stack, free_port

    stack = Stack(rasa_port=free_port(), action_port=free_port(), run_dir=run_dir,
                  database_url=postgres.url("village"), endpoints=PROJECT_ROOT / "deploy" / "endpoints.yml")
    stack.extra_rasa_ports = [free_port()]
    stack.rasa_env = {
        "VILLAGE_ACTION_URL": f"http://{HOST}:{stack.action_port}/webhook",
        "VILLAGE_TRACKER_DB_HOST": HOST, "VILLAGE_TRACKER_DB_PORT": str(postgres.port),
        "VILLAGE_TRACKER_DB_NAME": "village_tracker", "VILLAGE_TRACKER_DB_USER": postgres.user,
        "VILLAGE_TRACKER_DB_PASSWORD": postgres.password,
        "VILLAGE_REDIS_HOST": HOST, "VILLAGE_REDIS_PORT": str(redis.port), "VILLAGE_REDIS_PASSWORD": "",
        "VILLAGE_SMS_OUTBOX": str(run_dir / "sms_outbox.jsonl"),
        "VILLAGE_WIDGET_REDIS_URL": f"redis://{HOST}:{redis.port}/2",
    }
    return stack
