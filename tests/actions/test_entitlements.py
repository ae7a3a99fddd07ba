"""The entitlement actions, driven with trackers built in code."""

from __future__ import annotations

import re

from actions.entitlements import ActionAnswerEntitlement, ActionBestGuess, ActionMoreDetails
from bot import dialogue_names as names
from bot.knowledge import load_knowledge
from tests.trackers import make_tracker, run_action

CITATION = re.compile(
    r"\((Barnet Parenting Pledge, commitment \d+"
    r"|charter “Supporting parents in and leaving care”, [^)]+"
    r"|Barnet Corporate Parenting Strategy 2024–2027, [^)]+)\)"
)


def test_housing_question_answers_with_a_cited_housing_entry_and_remembers_it():
    tracker = make_tracker(intent="ask_housing", text="where will we live when the baby comes")
    events, messages = run_action(ActionAnswerEntitlement(), tracker)
    [slot] = events
    assert slot["event"] == "slot" and slot["name"] == names.SLOT_LAST_ENTRIES
    knowledge = load_knowledge()
    first = knowledge.entry(slot["value"][0])
    assert "housing" in first.topics
    assert first.summary in messages[0]["text"]
    assert CITATION.search(messages[0]["text"])
    assert messages[-1]["text"].startswith("Next step: ")
    assert [b["payload"] for b in messages[-1]["buttons"]] == ["/ask_more", "/ask_entitlements"]


def test_a_topic_question_the_safety_check_is_unsure_of_starts_with_the_safety_line(monkeypatch):
    """Under the crisis answer's threshold but at QUESTION_CAUTION_THRESHOLD: 999 and Samaritans first, then
    the answer; small talk as likely to be danger stays plain (tests/actions/test_safety.py)."""
    from bot.safety import SAFETY_LINE, learned

    class Unsure:
        def probability(self, text):
            return learned.QUESTION_CAUTION_THRESHOLD

    monkeypatch.setattr(learned, "classifier", lambda: Unsure())
    _, messages = run_action(ActionAnswerEntitlement(), make_tracker(
        intent="ask_housing", text="where will we live when the baby comes"))
    assert messages[0]["text"] == SAFETY_LINE and CITATION.search(messages[1]["text"])
    monkeypatch.setattr(Unsure, "probability", lambda self, text: learned.QUESTION_CAUTION_THRESHOLD - 0.01)
    _, messages = run_action(ActionAnswerEntitlement(), make_tracker(
        intent="ask_housing", text="where will we live when the baby comes"))
    assert CITATION.search(messages[0]["text"])


def test_topic_entity_from_the_spacy_ruler_steers_a_general_question():
    entity = {"entity": "topic", "value": "universal credit", "extractor": "SpacyEntityExtractor"}
    tracker = make_tracker(intent="ask_entitlements", text="what about universal credit", entities=[entity])
    events, _ = run_action(ActionAnswerEntitlement(), tracker)
    first = load_knowledge().entry(events[0]["value"][0])
    assert "money" in first.topics


def test_a_question_the_nlu_is_torn_on_also_names_the_runner_up_topics_best_entry():
    ranking = [{"name": "ask_fairness", "confidence": 0.5}, {"name": "ask_entitlements", "confidence": 0.42}]
    tracker = make_tracker(intent="ask_fairness", text="my mate said care leavers get loads of support",
                           ranking=ranking)
    events, messages = run_action(ActionAnswerEntitlement(), tracker)
    knowledge = load_knowledge()
    first, also = (knowledge.entry(i) for i in events[0]["value"])
    assert "fairness" in first.topics and "entitlements" in also.topics
    assert "Also: " in messages[0]["text"] and knowledge.citation(also) in messages[0]["text"]


def test_general_question_offers_topics_as_buttons():
    _, messages = run_action(ActionAnswerEntitlement(),
                             make_tracker(intent="ask_entitlements", text="what am i entitled to"))
    assert CITATION.search(messages[0]["text"])
    payloads = [b["payload"] for b in messages[-1]["buttons"]]
    assert {"/ask_housing", "/ask_money", "/ask_mental_health"} <= set(payloads)


def test_parent_over_25_is_told_honestly_first():
    _, messages = run_action(ActionAnswerEntitlement(),
                             make_tracker(intent="ask_eligibility", text="im 27 can i still get help"))
    assert "up to 25" in messages[0]["text"]
    assert "at 27" in messages[0]["text"]
    assert "116 123" in messages[0]["text"]


def test_parent_under_25_is_not_told_they_are_too_old():
    _, messages = run_action(ActionAnswerEntitlement(),
                             make_tracker(intent="ask_eligibility", text="im 22 can i get help"))
    assert "may not be able to get it" not in " ".join(m["text"] for m in messages)


def test_more_details_gives_the_details_of_the_remembered_entry():
    knowledge = load_knowledge()
    entry = knowledge.entry("pledge-02")
    tracker = make_tracker(intent="ask_more", slots={names.SLOT_LAST_ENTRIES: ["pledge-02"]})
    events, messages = run_action(ActionMoreDetails(), tracker)
    assert events == []
    assert messages[0]["text"] == f"{entry.details} (Barnet Parenting Pledge, commitment 2)"
    assert entry.next_step in messages[1]["text"]


def test_more_details_with_nothing_remembered_asks_what_to_talk_about():
    events, messages = run_action(ActionMoreDetails(), make_tracker(intent="affirm"))
    assert events == []
    assert "haven't told you about anything yet" in messages[0]["text"]
    assert messages[0]["buttons"]



def test_by_text_one_cited_entry_and_more_for_the_details():
    tracker = make_tracker(intent="ask_housing", text="where will we live when the baby comes",
                           channel="twilio")
    events, messages = run_action(ActionAnswerEntitlement(), tracker)
    assert len(events[0]["value"]) == 1 and "Also:" not in messages[0]["text"]
    assert re.match(r"From the (Barnet Parenting Pledge, commitment \d+|charter “Supporting parents in and "
                    r"leaving care”, [^:]+|Barnet Corporate Parenting Strategy 2024–2027, [^:]+): ",
                    messages[0]["text"])  # the source first: a text cut short still names it
    assert messages[-1]["text"].endswith("Reply MORE for the details, or ask me something else.")
    assert not any(m.get("buttons") for m in messages)


def test_by_text_a_general_question_offers_three_topics():
    _, messages = run_action(ActionAnswerEntitlement(), make_tracker(
        intent="ask_entitlements", text="what am i entitled to", channel="twilio"))
    assert [b["payload"] for b in messages[-1]["buttons"]] == ["/ask_housing", "/ask_money",
                                                              "/ask_childcare_work"]


def test_a_danger_word_puts_999_first_even_when_the_crisis_rules_miss():
    from bot.safety import SAFETY_LINE, detect_crisis

    text = "can i get help with money, hes been drinking since dinner and my head is all over the place"
    assert detect_crisis(text) is None  # the net under the rules: a word, not a phrasing
    _, messages = run_action(ActionAnswerEntitlement(), make_tracker(intent="ask_money", text=text))
    assert messages[0]["text"] == SAFETY_LINE and "999" in SAFETY_LINE and "116 123" in SAFETY_LINE
    grant = make_tracker(intent="ask_money", text="can i get a grant")
    _, ordinary = run_action(ActionAnswerEntitlement(), grant)
    assert ordinary[0]["text"] != SAFETY_LINE


def test_a_mental_health_answer_starts_with_999_and_samaritans_once():
    from bot.safety import SAFETY_LINE

    for channel in ("rest", "twilio"):
        for text in ("can i get counselling for my anxiety", "im on sertraline, can i get therapy as well"):
            _, messages = run_action(ActionAnswerEntitlement(), make_tracker(
                intent="ask_mental_health", text=text, channel=channel))
            said = [m["text"] for m in messages]
            assert said[0] == SAFETY_LINE and said.count(SAFETY_LINE) == 1, (channel, text)
            assert len(said) >= 3  # the line, then the cited answer and the next step


def test_unsure_nlu_gets_a_labelled_guess_remembered_for_tell_me_more():
    ranking = [{"name": "nlu_fallback", "confidence": 0.5}, {"name": "ask_money", "confidence": 0.42}]
    tracker = make_tracker(intent="nlu_fallback", text="skint til friday and shes nearly out of formula",
                           ranking=ranking)
    events, messages = run_action(ActionBestGuess(), tracker)
    assert messages[0]["text"].startswith("I'm not sure I understood, so this is my best guess")
    assert "999" in messages[0]["text"]
    assert CITATION.search(messages[1]["text"])
    [slot] = events
    assert slot["name"] == names.SLOT_LAST_ENTRIES
    assert "money" in load_knowledge().entry(slot["value"][0]).topics


def test_unsure_nlu_with_nothing_to_guess_says_it_cannot_help():
    ranking = [{"name": "nlu_fallback", "confidence": 0.5}, {"name": "out_of_scope", "confidence": 0.4}]
    tracker = make_tracker(intent="nlu_fallback", text="who won the darts", ranking=ranking)
    events, messages = run_action(ActionBestGuess(), tracker)
    assert events == []
    assert [m["response"] for m in messages] == [names.UTTER_CANNOT_HELP]
