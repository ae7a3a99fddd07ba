"""Every name Python uses exists in domain.yml, and every entitlement intent has a topic and training data."""

from __future__ import annotations

import yaml

from bot import dialogue_names as names
from bot.config import PROJECT_ROOT
from bot.knowledge import load_knowledge


def domain() -> dict:
    return yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text())


def constants(prefix: str) -> set[str]:
    return {v for k, v in vars(names).items() if k.startswith(prefix) and isinstance(v, str)}


def test_intents_exist_in_domain():
    used = {names.GREET, names.GOODBYE, names.THANKS, names.BOT_CHALLENGE, names.AFFIRM, names.DENY,
            names.ASK_MORE, names.OUT_OF_SCOPE, names.CRISIS, names.ASK_WHO_TO_CALL, names.INFORM_AREA,
            *names.TOPIC_OF_INTENT}
    assert used <= set(domain()["intents"])


def test_slots_entities_actions_and_responses_exist_in_domain():
    d = domain()
    assert constants("SLOT_") <= set(d["slots"])
    assert set(names.ENTITIES) <= set(d["entities"])
    assert constants("ACTION_") <= set(d["actions"])
    assert constants("UTTER_") <= set(d["responses"])
    assert constants("FORM_") <= set(d["forms"])


def test_every_entitlement_intent_asks_about_a_known_topic():
    topics = {t.id for t in load_knowledge().topics}
    assert set(names.TOPIC_OF_INTENT.values()) <= topics


def test_every_intent_has_at_least_15_training_examples():
    counts: dict[str, int] = {}
    for path in (PROJECT_ROOT / "data" / "nlu").glob("*.yml"):
        for block in yaml.safe_load(path.read_text()).get("nlu", []):
            if "intent" in block:
                lines = [x for x in block["examples"].splitlines() if x.strip().startswith("- ")]
                counts[block["intent"]] = counts.get(block["intent"], 0) + len(lines)
    for intent in domain()["intents"]:
        assert counts.get(intent, 0) >= 15, intent
