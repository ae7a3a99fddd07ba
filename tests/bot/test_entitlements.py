"""The labelled best guess when the NLU is unsure (bot.entitlements.best_guess), and the answer to a question
a crisis message also asked (answer_beside_crisis)."""

from __future__ import annotations

import pytest

from bot.entitlements import (
    ALSO_ASKED_FLOOR,
    GUESS_FLOOR,
    answer_beside_crisis,
    answer_question,
    best_guess,
    question_for,
)
from bot.knowledge import load_knowledge


@pytest.fixture(scope="module")
def knowledge():
    return load_knowledge()


def unsure(*ranked: tuple[str, float]) -> list[dict]:
    """An NLU ranking after the FallbackClassifier: nlu_fallback first, then the model's own choices."""
    return [{"name": "nlu_fallback", "confidence": 0.5},
            *({"name": name, "confidence": confidence} for name, confidence in ranked)]


@pytest.mark.parametrize("intent, text, first", [
    ("ask_mental_health", "can i get counselling", True),
    ("ask_mental_health", "what about the weather", True),  # nothing found: the "I couldn't find" reply
    ("ask_housing", "can i get a bigger flat", False),
    ("ask_money", "i feel so low and skint", False),  # the topic asked about is money
])
def test_a_mental_health_answer_asks_for_999_and_samaritans_first(knowledge, intent, text, first):
    answer = answer_question(knowledge, question_for(knowledge, text, intent, []))
    assert answer.safety_first is first


def test_a_guess_or_an_answer_after_the_crisis_numbers_has_the_numbers_already(knowledge):
    guess = best_guess(knowledge, "my head is a mess", unsure(("ask_mental_health", 0.4)))
    assert guess is not None and not guess.safety_first and "116 123" in guess.replies[0].text
    ranking = [{"name": "crisis", "confidence": 1.0}, {"name": "ask_mental_health", "confidence": 0.8}]
    beside = answer_beside_crisis(knowledge, "i took pills, can i get counselling after", ranking, [])
    assert beside is not None and not beside.safety_first


def test_a_likely_topic_is_answered_as_a_labelled_guess_with_the_numbers_first(knowledge):
    answer = best_guess(knowledge, "we cant all fit in here any more", unsure(("ask_housing", 0.41),
                                                                               ("ask_money", 0.3)))
    assert answer is not None
    first = answer.replies[0].text
    assert first.startswith("I'm not sure I understood, so this is my best guess, about a place to live.")
    assert "999" in first and "116 123" in first
    assert all("housing" in knowledge.entry(i).topics for i in answer.entry_ids[:1])
    assert answer.replies[1].text.endswith(")")  # the entry's summary with its source


def test_topic_words_guide_the_guess_when_the_model_has_no_likely_choice(knowledge):
    answer = best_guess(knowledge, "nappies??", unsure(("greet", 0.12), ("ask_money", 0.1)))
    assert answer is not None
    assert "money" in knowledge.entry(answer.entry_ids[0]).topics


def test_a_likely_non_topic_intent_is_never_turned_into_a_topic_answer(knowledge):
    # "what's the best home workout" names a topic word, but the model thinks it is out of scope
    assert best_guess(knowledge, "whats the best home workout", unsure(("out_of_scope", 0.45))) is None


def test_a_long_shot_without_topic_words_is_no_guess(knowledge):
    ranking = unsure(("ask_housing", GUESS_FLOOR - 0.01), ("ask_money", 0.2))
    assert best_guess(knowledge, "hmm not sure really", ranking) is None


def test_no_ranking_at_all_is_no_guess(knowledge):
    assert best_guess(knowledge, "blah", []) is None
    assert best_guess(knowledge, "blah", [{"name": "nlu_fallback", "confidence": "x"}]) is None


def test_by_sms_the_guess_is_short(knowledge):
    answer = best_guess(knowledge, "cot and pram", unsure(("ask_money", 0.4)), short=True)
    assert answer is not None and len(answer.entry_ids) == 1
    assert answer.replies[1].text.startswith("From the ")


def ranked(*pairs: tuple[str, float]) -> list[dict]:
    return [{"name": name, "confidence": confidence} for name, confidence in pairs]


def test_a_close_runner_up_topic_is_searched_too_and_a_far_one_is_not():
    from bot.entitlements import runner_up_topic

    assert runner_up_topic(ranked(("ask_fairness", 0.5), ("ask_entitlements", 0.42))) == "entitlements"
    assert runner_up_topic(ranked(("ask_fairness", 0.8), ("ask_entitlements", 0.15))) is None
    assert runner_up_topic(ranked(("ask_fairness", 0.5), ("greet", 0.4))) is None  # not a topic
    assert runner_up_topic(unsure(("ask_money", 0.3), ("ask_housing", 0.2))) == "housing"  # past the fallback
    assert runner_up_topic(ranked(("ask_money", 0.9))) is None
    assert runner_up_topic(None) is None


def test_a_question_between_two_topics_gets_the_best_of_each(knowledge):
    from bot.entitlements import answer_question, question_for

    text = "feel like im drowning in bills since the baby, is there any help"
    torn = question_for(knowledge, text, "ask_mental_health", [],
                        ranked(("ask_mental_health", 0.5), ("ask_money", 0.4)))
    answer = answer_question(knowledge, torn)
    first, also = (knowledge.entry(i) for i in answer.entry_ids)
    assert "mental_health" in first.topics and "money" in also.topics
    assert "\n\nAlso: " in answer.replies[0].text and knowledge.citation(also) in answer.replies[0].text
    sure = question_for(knowledge, text, "ask_mental_health", [],
                        ranked(("ask_mental_health", 0.9), ("ask_money", 0.05)))
    assert not any("money" in knowledge.entry(i).topics and "mental_health" not in knowledge.entry(i).topics
                   for i in answer_question(knowledge, sure).entry_ids)
    by_sms = answer_question(knowledge, torn, short=True)
    assert len(by_sms.entry_ids) == 1  # a text message keeps to the best entry


def crisis_first(*ranked: tuple[str, float]) -> list[dict]:
    """A ranking as the safety check leaves it: crisis first, then the classifier's own choices."""
    return [{"name": "crisis", "confidence": 1.0},
            *({"name": name, "confidence": confidence} for name, confidence in ranked)]


def test_a_crisis_message_that_also_asked_about_a_topic_gets_that_answer_after_the_numbers(knowledge):
    text = "he hit me again last night, can i get emergency housing for me and the baby"
    ranking = crisis_first(("ask_housing", 0.62), ("ask_money", 0.1))
    answer = answer_beside_crisis(knowledge, text, ranking, [])
    assert answer is not None
    assert answer.replies[0].text.startswith("About what you asked: ")
    assert "housing" in knowledge.entry(answer.entry_ids[0]).topics
    assert answer.replies[-1].text.startswith("Next step: ")


def test_by_sms_the_answer_after_a_crisis_is_short(knowledge):
    text = "he hit me again last night, can i get emergency housing for me and the baby"
    answer = answer_beside_crisis(knowledge, text, crisis_first(("ask_housing", 0.62)), [], short=True)
    assert answer is not None and len(answer.entry_ids) == 1


@pytest.mark.parametrize("ranking", [
    crisis_first(("nlu_fallback", 0.6), ("ask_housing", 0.3)),  # the classifier was unsure
    crisis_first(("ask_housing", ALSO_ASKED_FLOOR - 0.01)),  # a runner-up behind the classifier's own crisis
    crisis_first(("request_human", 0.8)),  # not an entitlement question
    crisis_first(),
    None,
])
def test_a_crisis_message_with_no_sure_topic_question_gets_nothing_more(knowledge, ranking):
    assert answer_beside_crisis(knowledge, "where can i live, hes hitting me", ranking, []) is None


def test_after_a_medical_emergency_only_a_message_that_asks_something_gets_more(knowledge):
    ranking = crisis_first(("ask_housing", 0.7))
    still = "im 33 weeks and the baby hasnt moved since yesterday"
    assert answer_beside_crisis(knowledge, still, ranking, [], kind="maternal_emergency") is None
    asks = "33 weeks, baby hasnt moved. will they move us if hes born early?"
    assert answer_beside_crisis(knowledge, asks, ranking, [], kind="maternal_emergency") is not None
    told = "they took my baby 2 weeks ago and the hostel says i have to move out cos i havent got her"
    assert answer_beside_crisis(knowledge, told, ranking, [], kind="danger") is not None


@pytest.mark.parametrize("text, answered", [
    ("i cant do this anymore i want to end my life", False),
    ("whats the point anymore? they would be better off without me", False),
    ("i need it all to stop, i want to die", False),
    ("why am i even here? i want to end it", False),
    ("i took an overdose at 15, im ok now, can i get therapy", True),
    ("i keep wanting to hurt myself, is there counselling for care leavers", True),
])
def test_after_self_harm_only_a_message_that_asks_for_something_gets_more(knowledge, text, answered):
    ranking = crisis_first(("ask_mental_health", 0.7))
    answer = answer_beside_crisis(knowledge, text, ranking, [], kind="self_harm")
    assert (answer is not None) == answered


def test_the_floor_for_answering_beside_a_crisis_is_the_fallback_threshold():
    import yaml

    from bot.config import PROJECT_ROOT

    config = yaml.safe_load((PROJECT_ROOT / "config.yml").read_text())
    [fallback] = [c for c in config["pipeline"] if c["name"] == "FallbackClassifier"]
    assert fallback["threshold"] == ALSO_ASKED_FLOOR


def test_an_entry_only_for_a_removed_child_is_never_offered_beside_an_answer_to_a_parent_who_didnt_say_so(
        knowledge):
    from bot.entitlements import UNSAID_SITUATIONS, answer_question, question_for

    def only_for_removed(entry_id):
        return set(knowledge.entry(entry_id).applies_when) <= UNSAID_SITUATIONS

    text = "feel like im drowning in bills since the baby, is there any help"
    sure = question_for(knowledge, text, "ask_mental_health", [], ranked(("ask_mental_health", 0.9)))
    shown = answer_question(knowledge, sure).entry_ids
    assert shown and not any(only_for_removed(i) for i in shown)
    said = "feel like im drowning since they took my son into care, is there any help"
    told = question_for(knowledge, said, "ask_mental_health", [], ranked(("ask_mental_health", 0.9)))
    assert any(only_for_removed(i) for i in answer_question(knowledge, told).entry_ids)
