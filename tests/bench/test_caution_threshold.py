"""The rule that sets when an answer to a topic question starts with the safety line
(bench.caution_threshold.rule)."""

from __future__ import annotations

from bench.caution_threshold import given, measure, rule, topic_questions
from bench.eval_heldout import load_cases
from bench.search_weight import READ_SETS
from bot import dialogue_names as names
from bot.safety import learned


def row(threshold: float, questions: str) -> dict:
    return {"threshold": threshold, "topic_questions_given_the_line": questions}


def test_the_lowest_threshold_giving_the_line_to_at_most_one_topic_question_in_20_wins():
    rows = [row(0.2, "160/3000"), row(0.25, "150/3000"), row(0.3, "100/3000"), row(0.5, "50/3000")]
    assert rule(rows) == 0.25


def test_no_threshold_meeting_the_rule_is_said_plainly():
    assert rule([row(0.2, "400/3000"), row(0.5, "151/3000")]) is None


def test_a_caution_word_gives_the_line_whatever_the_probability():
    assert given([(True, 0.0), (False, 0.3), (False, 0.1)], 0.25) == "2/3"


def test_topic_questions_leave_out_crises_small_talk_and_answers_that_always_have_the_line():
    cases = [case for path in READ_SETS for case in load_cases(path)]
    left_out = {case.text for case in cases
                if case.intent in (names.CRISIS, names.GOODBYE, names.THANKS, "ask_mental_health")}
    texts = topic_questions()
    assert len(texts) > 1500 and left_out and not left_out & set(texts)


def test_the_shipped_threshold_is_the_one_the_rule_chooses():
    """New examples or read sets move what the rule allows: set QUESTION_CAUTION_THRESHOLD to the rule's
    choice again (`python -m bench.caution_threshold`, about 90 s) rather than leave it where it was."""
    assert measure()["rule_chooses"] == learned.QUESTION_CAUTION_THRESHOLD
