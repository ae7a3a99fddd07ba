"""The set-up finds Python 3.10 or says exactly what to install."""

from __future__ import annotations

import subprocess
import sys

from bot.config import PROJECT_ROOT

FIND = str(PROJECT_ROOT / "scripts" / "find-python310")


def test_finds_a_python_310():
    found = subprocess.run([FIND], capture_output=True, text=True, check=True).stdout.strip()
    version = subprocess.run([found, "-c", "import sys; print(sys.version_info[:2])"],
                             capture_output=True, text=True, check=True).stdout.strip()
    assert version == "(3, 10)"


def test_python310_variable_is_used_when_it_is_310():
    env = {"PATH": "/usr/bin:/bin", "PYTHON310": sys.executable}
    found = subprocess.run([FIND], capture_output=True, text=True, env=env, check=True).stdout.strip()
    assert found == sys.executable


def test_without_any_python_310_it_says_what_to_install():
    result = subprocess.run([FIND], capture_output=True, text=True, env={"PATH": "/nonexistent:/bin"})
    assert result.returncode == 1
    assert "needs Python 3.10" in result.stderr
    assert "pyenv install 3.10" in result.stderr and "uv python install 3.10" in result.stderr
