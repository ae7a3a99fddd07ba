"""The rule that sets the safety classifier's threshold (bench.crisis_threshold.rule)."""

from __future__ import annotations

from bench.crisis_threshold import measure, rule
from bot.safety import learned


def row(threshold: float, ordinary: str, near: str) -> dict:
    return {"threshold": threshold, "ordinary_false_alarms_out_of_fold": ordinary,
            "regression_near_miss_false_alarms": near}


def test_the_lowest_threshold_with_at_most_one_everyday_message_in_200_and_no_near_miss_wins():
    rows = [row(0.5, "30/2000", "0/80"), row(0.8, "10/2000", "1/80"), row(0.9, "10/2000", "0/80"),
            row(0.95, "0/2000", "0/80")]
    assert rule(rows) == 0.9


def test_no_threshold_meeting_the_rule_is_said_plainly():
    assert rule([row(0.9, "11/2000", "0/80"), row(0.99, "0/2000", "2/80")]) is None


def test_the_shipped_threshold_is_the_one_the_rule_chooses_for_the_shipped_examples():
    """New examples (or intents' training examples) move what the rule allows: set THRESHOLD to the rule's
    choice again (`python -m bench.crisis_threshold`, about 90 s) rather than leave it where it was."""
    assert measure()["rule_chooses"] == learned.THRESHOLD
