"""Regression: the safety sets once used to find gaps in the rules stay fully caught, with no false alarms.

(tests/eval/crisis_blind.yml is not here: it measures, and must never be used to change the rules.)
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.safety import detect_crisis

EVAL = Path(__file__).resolve().parents[2] / "eval"


@pytest.mark.parametrize("name", ["crisis_check.yml", "crisis_final.yml"])
def test_every_danger_message_is_caught_and_no_near_miss_is(name):
    messages = yaml.safe_load((EVAL / name).read_text(encoding="utf-8"))["messages"]
    missed = [m["text"] for m in messages if m["crisis"] and detect_crisis(m["text"]) is None]
    alarms = [m["text"] for m in messages if not m["crisis"] and detect_crisis(m["text"]) is not None]
    assert (missed, alarms) == ([], [])


def test_held_out_everyday_messages_raise_no_alarm():
    messages = yaml.safe_load((EVAL / "heldout.yml").read_text(encoding="utf-8"))["messages"]
    assert [m["text"] for m in messages if m["intent"] != "crisis" and detect_crisis(m["text"])] == []
