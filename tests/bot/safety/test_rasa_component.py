"""The safety rules inside Rasa's NLU pipeline: they raise a crisis, and overrule a guess that is an idiom."""

from __future__ import annotations

from rasa.shared.nlu.training_data.message import Message

from bot.safety.detector import only_an_idiom
from bot.safety.rasa_component import CrisisRules


def parsed(text: str, intent: str, confidence: float = 0.8) -> Message:
    message = Message(data={"text": text})
    message.set("intent", {"name": intent, "confidence": confidence})
    message.set("intent_ranking", [{"name": intent, "confidence": confidence},
                                   {"name": "out_of_scope", "confidence": 0.1}])
    return message


def run(message: Message) -> Message:
    [out] = CrisisRules().process([message])
    return out


def test_the_rules_raise_a_crisis_the_classifier_missed_with_its_kind():
    message = run(parsed("my baby isnt breathing", "ask_parenting_skills"))
    assert message.get("intent") == {"name": "crisis", "confidence": 1.0}
    assert [e["value"] for e in message.get("entities") if e["entity"] == "crisis_kind"] == ["baby_emergency"]


def test_a_classifier_crisis_that_is_only_an_idiom_is_overruled():
    message = run(parsed("i could kill for a takeaway", "crisis"))
    assert message.get("intent")["name"] == "nlu_fallback"
    assert "crisis" not in [r["name"] for r in message.get("intent_ranking")]


def test_a_classifier_crisis_the_rules_know_nothing_about_is_kept():
    # Safety first: without a known idiom, the classifier's crisis stands.
    assert run(parsed("everything is falling apart", "crisis")).get("intent")["name"] == "crisis"


def test_only_an_idiom():
    assert only_an_idiom("my mum will kill me if im late")
    assert not only_an_idiom("i want to kill myself")
    assert not only_an_idiom("what am i entitled to")
    assert not only_an_idiom("")
