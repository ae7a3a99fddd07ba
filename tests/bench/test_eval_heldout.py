"""The quality harness counts what it claims: F1, crisis recall, false alarms and answer accuracy."""

from __future__ import annotations

from bench.eval_heldout import CRISIS_SETS, Case, scores
from bot.config import PROJECT_ROOT


def test_scores_on_a_small_known_case():
    cases = [Case("hi", "greet", []), Case("help me", "crisis", []), Case("baby blue", "crisis", []),
             Case("flat?", "ask_housing", ["pledge-07"]), Case("grant?", "ask_money", ["pledge-03"])]
    predicted = ["greet", "crisis", "greet", "ask_housing", "crisis"]
    answered = [[], [], [], ["offer-two-bedroom", "pledge-07"], []]
    result = scores(cases, predicted, answered)
    assert result["crisis_recall"] == 0.5 and result["crisis_missed"] == ["baby blue"]
    assert result["crisis_false_alarms"] == 1
    assert result["answer_accuracy"] == 0.5 and result["answer_cases"] == 2
    assert result["accuracy"] == 0.6
    assert result["per_intent"]["greet"] == {"precision": 0.5, "recall": 1.0, "f1": 0.667, "support": 1}
    missed = {"true": "crisis", "predicted": "greet", "count": 1, "examples": ["baby blue"]}
    assert missed in result["confusion"]


def test_answer_misses_say_why():
    cases = [Case("flat?", "ask_housing", ["pledge-07"]), Case("grant?", "ask_money", ["pledge-03"]),
             Case("cot?", "ask_money", ["pledge-03"]), Case("bed?", "ask_housing", ["pledge-07"])]
    predicted = ["nlu_fallback", "ask_money", "ask_housing", "nlu_fallback"]
    answered = [[], ["pledge-01"], ["pledge-07"], ["pledge-07"]]
    result = scores(cases, predicted, answered)
    assert result["answer_accuracy"] == 0.25
    assert result["answer_misses"] == {"no answer (unsure, nothing to guess)": 1,
                                       "other entries, right intent": 1, "other entries, other intent": 1}


def test_an_unsure_answer_counts_the_labelled_guess():
    from bench.eval_heldout import bot_answer_entries
    from bot.knowledge import load_knowledge

    ranking = [{"name": "nlu_fallback", "confidence": 0.5}, {"name": "ask_housing", "confidence": 0.4}]
    knowledge = load_knowledge()
    guessed = bot_answer_entries(knowledge, "we need a bigger place", "nlu_fallback", [], ranking)
    assert guessed and "housing" in knowledge.entry(guessed[0]).topics
    assert bot_answer_entries(knowledge, "we need a bigger place", "nlu_fallback", [], []) == []


def test_a_crisis_that_also_asked_a_question_counts_the_answer_sent_after_the_numbers():
    from bench.eval_heldout import bot_answer_entries
    from bot.knowledge import load_knowledge

    knowledge = load_knowledge()
    ranking = [{"name": "crisis", "confidence": 1.0}, {"name": "ask_housing", "confidence": 0.8}]
    entries = bot_answer_entries(knowledge, "hes hitting me, can i get housing", "crisis", [], ranking)
    assert entries and "housing" in knowledge.entry(entries[0]).topics
    unsure = [{"name": "crisis", "confidence": 1.0}, {"name": "nlu_fallback", "confidence": 0.4}]
    assert bot_answer_entries(knowledge, "hes hitting me", "crisis", [], unsure) == []


def test_every_safety_set_in_tests_eval_is_measured_in_number_order():
    names = [path.name for path in CRISIS_SETS]
    on_disk = {path.name for path in (PROJECT_ROOT / "tests" / "eval").glob("crisis_*.yml")}
    assert set(names) == on_disk and all(path.exists() for path in CRISIS_SETS)
    assert names[:4] == ["crisis_check.yml", "crisis_final.yml", "crisis_blind.yml", "crisis_blind2.yml"]
    assert names.index("crisis_blind9.yml") < names.index("crisis_blind10.yml")
