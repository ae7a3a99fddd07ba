"""Real PostgreSQL and Redis servers from Debian's packages, on loopback ports, for the integration tests.

`make test-integration` installs the packages (postgresql, redis-server); these classes only start and stop
private servers in a temporary folder, never the machine's own.
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
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with socket.create_connection((HOST, self.port), timeout=1) as sock:
                    sock.sendall(b"PING\r\n")
                    if sock.recv(16).startswith(b"+PONG"):
                        return self
            except OSError:
                time.sleep(0.2)
        raise TimeoutError("redis-server did not answer within 30 s")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)
