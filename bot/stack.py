"""Start the real action server and Rasa server as child processes, wait until they answer, stop them."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from bot.config import PROJECT_ROOT, get_settings

HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def post_json(url: str, payload: dict, timeout: float = 30.0) -> object:
    request = urllib.request.Request(url, data=json.dumps(payload).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read() or b"null")


@dataclass
class Stack:
    """The action server and Rasa (REST channel, SQL tracker store on SQLite) on loopback ports."""

    model: Path = PROJECT_ROOT / "models" / "village.tar.gz"
    rasa_port: int = 5005
    action_port: int = 5055
    run_dir: Path = PROJECT_ROOT / "var"
    tracker_db: Path = PROJECT_ROOT / "var" / "tracker.db"
    log: IO | None = None  # None: children print to this terminal
    action_env: dict[str, str] = field(default_factory=dict)  # e.g. VILLAGE_NOW, to pin the clock in tests
    rasa_env: dict[str, str] = field(default_factory=dict)  # e.g. Twilio settings for the SMS channel
    database_url: str = field(default_factory=lambda: get_settings().database_url)
    # Endpoint settings for Rasa's tracker and lock stores; None: SQLite at tracker_db, locks in memory.
    tracker_store: dict | None = None
    lock_store: dict | None = None
    extra_rasa_ports: list[int] = field(default_factory=list)  # more Rasa processes sharing the stores
    rasa_options: list[str] = field(default_factory=list)  # e.g. --enable-api --jwt-secret ...
    endpoints: Path | None = None  # a file to use as it is (deploy/endpoints.yml); None: one is written
    processes: list[subprocess.Popen] = field(default_factory=list)

    @property
    def rest_url(self) -> str:
        return f"http://{HOST}:{self.rasa_port}/webhooks/rest/webhook"

    @property
    def sms_url(self) -> str:
        return f"http://{HOST}:{self.rasa_port}/webhooks/twilio/webhook"

    def endpoints_file(self) -> Path:
        import yaml

        if self.endpoints is not None:
            return self.endpoints
        self.run_dir.mkdir(parents=True, exist_ok=True)
        path = self.run_dir / f"endpoints-{self.rasa_port}.yml"
        endpoints: dict = {
            "action_endpoint": {"url": f"http://{HOST}:{self.action_port}/webhook"},
            "tracker_store": self.tracker_store or {"type": "SQL", "dialect": "sqlite",
                                                    "db": str(self.tracker_db)},
        }
        if self.lock_store:
            endpoints["lock_store"] = self.lock_store
        path.write_text(yaml.safe_dump(endpoints, sort_keys=False))
        return path

    def _spawn(self, args: list[str], extra_env: dict[str, str] | None = None) -> subprocess.Popen:
        env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2",
               "VILLAGE_DATABASE_URL": self.database_url, **(extra_env or {})}
        process = subprocess.Popen(args, cwd=PROJECT_ROOT, env=env, stdout=self.log,
                                   stderr=subprocess.STDOUT if self.log else None, start_new_session=True)
        self.processes.append(process)
        return process

    def start_actions(self) -> None:
        args = [_tool("village"), "actions", "--actions", "actions", "--port", str(self.action_port)]
        self._spawn(args, {"SANIC_HOST": HOST, **self.action_env})

    def rasa_args(self, command: str = "run", port: int | None = None) -> list[str]:
        args = [_tool("rasa"), command, "--model", str(self.model), "--endpoints", str(self.endpoints_file())]
        if command == "run":
            args += ["--interface", HOST, "--port", str(port or self.rasa_port),
                     "--credentials", "credentials.yml", *self.rasa_options]
        return args

    def start(self, timeout: float = 240.0) -> Stack:
        from bot.store import migrate

        migrate(self.database_url)
        self.check_model()
        self.start_actions()
        self.start_rasa()
        self.wait_ready(timeout)
        return self

    def check_model(self) -> None:
        """Refuse a model whose SHA-256 is not the recorded one (bot/release.py), before Rasa loads it."""
        from bot import release

        settings = get_settings()
        expected = release.expected_digest(self.model, settings.model_sha256, settings.production)
        release.verify(self.model, expected)

    def start_rasa(self, port: int | None = None) -> subprocess.Popen:
        if port is None:
            for extra in self.extra_rasa_ports:
                self._spawn(self.rasa_args("run", extra), self.rasa_env)
        return self._spawn(self.rasa_args("run", port), self.rasa_env)

    def wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        checks = [f"http://{HOST}:{self.action_port}/health",
                  *(f"http://{HOST}:{port}/" for port in [self.rasa_port, *self.extra_rasa_ports])]
        while checks:
            for process in self.processes:
                if process.poll() is not None:
                    raise RuntimeError(f"{' '.join(process.args[:3])} exited with code {process.returncode}")
            try:
                with urllib.request.urlopen(checks[0], timeout=2):
                    checks.pop(0)
                    continue
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if time.monotonic() > deadline:
                raise TimeoutError(f"{checks[0]} did not answer within {timeout:.0f} s")
            time.sleep(0.5)

    @contextmanager
    def running(self, log_path: Path, timeout: float = 300.0) -> Iterator[Stack]:
        """Started, with the servers' output in log_path (its end printed if start-up fails); then stopped."""
        with log_path.open("w") as log:
            self.log = log
            try:
                self.start(timeout)
            except Exception:
                log.flush()
                print(log_path.read_text()[-5000:])
                self.stop()
                raise
            try:
                yield self
            finally:
                self.stop()

    def say(self, sender: str, text: str) -> list[dict]:
        """One parent turn over the REST channel: the bot's messages."""
        return post_json(self.rest_url, {"sender": sender, "message": text})  # type: ignore[return-value]

    def stop(self, grace: float = 15.0) -> None:
        for process in self.processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(grace)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        self.processes.clear()


def _tool(name: str) -> str:
    return str(Path(sys.executable).parent / name)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def serve(shell: bool = False, rasa_port: int = 5005, action_port: int = 5055) -> int:
    """`make run` / `make shell`: start both servers in the foreground; Ctrl-C (or SIGTERM) stops both."""
    # Installed explicitly: a process started in the background inherits SIGINT as ignored.
    signal.signal(signal.SIGINT, _interrupt)
    signal.signal(signal.SIGTERM, _interrupt)
    stack = Stack(rasa_port=rasa_port, action_port=action_port)
    try:
        if shell:
            stack.start_actions()
            return subprocess.call(stack.rasa_args("shell"), cwd=PROJECT_ROOT)
        stack.start()
        print(f"\nVillage is running.\n  Widget:  http://{HOST}:{stack.rasa_port}/  (the demo page)\n"
              f"  REST:    {stack.rest_url}\n"
              f"  Try:     curl -s -XPOST {stack.rest_url} -H 'Content-Type: application/json' "
              "-d '{\"sender\": \"me\", \"message\": \"what am I entitled to?\"}'\n"
              f"  SMS:     .venv/bin/village sms --server http://{HOST}:{stack.rasa_port}  (plays a phone)\n"
              f"  Desk:    http://{HOST}:{stack.rasa_port}/desk/  (add a worker: "
              ".venv/bin/village desk add-worker --username NAME --name 'Full Name')\n"
              "  Stop:    Ctrl-C\n", flush=True)
        while all(p.poll() is None for p in stack.processes):
            time.sleep(1)
        return 1
    except KeyboardInterrupt:
        print("Stopping Village...", flush=True)
        return 0
    finally:
        stack.stop()
        print("Stopped.", flush=True)
