"""`village run` (what `make run` starts): both servers answer, and Ctrl-C or SIGTERM stops both cleanly."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.config import PROJECT_ROOT
from bot.stack import Stack, free_port

pytestmark = pytest.mark.e2e


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    state = Path(f"/proc/{pid}/stat").read_text().split()[2] if Path(f"/proc/{pid}/stat").exists() else "X"
    return state not in ("Z", "X")


def children_of(pid: int) -> list[int]:
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True).stdout
    return [int(x) for x in out.split()]


@pytest.mark.parametrize("stop_signal", [signal.SIGINT, signal.SIGTERM])
def test_run_answers_then_stops_both_servers_on_a_signal(tmp_path, stop_signal):
    rasa_port, action_port = free_port(), free_port()
    village = str(Path(sys.executable).parent / "village")
    log = (tmp_path / "run.log").open("w")
    # Started the way a background job is: with SIGINT ignored, which `village run` must undo.
    run = subprocess.Popen([village, "run", "--port", str(rasa_port), "--action-port", str(action_port)],
                           cwd=PROJECT_ROOT, stdout=log, stderr=subprocess.STDOUT,
                           preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN))
    try:
        probe = Stack(rasa_port=rasa_port, action_port=action_port)
        deadline = time.monotonic() + 300
        while "Village is running." not in (output := (tmp_path / "run.log").read_text()):
            assert run.poll() is None and time.monotonic() < deadline, output[-3000:]
            time.sleep(1)
        assert probe.say("run-test", "hi")
        servers = children_of(run.pid)
        assert len(servers) == 2
        run.send_signal(stop_signal)
        assert run.wait(timeout=60) == 0
        assert not [pid for pid in servers if alive(pid)]
    finally:
        if run.poll() is None:
            for pid in children_of(run.pid):
                os.killpg(pid, signal.SIGKILL)
            run.kill()
        log.close()
