"""The NLU training data (and the knowledge search's) is unique, keeps clear of held-out tests, crisis rules
and knowledge topics."""

from __future__ import annotations

from collections import Counter

import yaml

from bot.config import PROJECT_ROOT
from bot.knowledge import load_knowledge
from bot.knowledge.search import topics_in_text
from bot.safety import detect_crisis

NLU_DIR = PROJECT_ROOT / "data" / "nlu"


def key(text: str) -> str:
    return " ".join(text.lower().split())


def training_examples() -> list[tuple[str, str]]:
    """(intent, example) for every example in data/nlu/*.yml, in file order."""
    found = []
    for path in sorted(NLU_DIR.glob("*.yml")):
        for block in yaml.safe_load(path.read_text()).get("nlu", []):
            if "intent" not in block:
                continue
            for line in block["examples"].splitlines():
                if line.strip().startswith("- "):
                    found.append((block["intent"], line.strip()[2:].strip()))
    return found


def story_user_messages() -> set[str]:
    stories = yaml.safe_load((PROJECT_ROOT / "tests" / "test_stories.yml").read_text())["stories"]
    return {key(step["user"]) for story in stories for step in story["steps"] if "user" in step}


def test_no_training_example_is_repeated():
    counts = Counter(key(text) for _, text in training_examples())
    repeated = sorted(text for text, n in counts.items() if n > 1)
    assert repeated == []


def test_no_test_story_message_is_in_the_training_data():
    held_out = story_user_messages()
    assert held_out
    leaked = sorted({text for _, text in training_examples() if key(text) in held_out})
    assert leaked == []


def test_no_evaluation_message_of_six_words_or_more_is_a_training_example():
    """The held-out and safety sets measure messages the model was never trained on. Short ones ("hi", "thank
    you", "what am i owed") are written the same way by everyone, so they may be in both."""
    evaluated = {key(m["text"]) for path in (PROJECT_ROOT / "tests" / "eval").glob("*.yml")
                 for m in yaml.safe_load(path.read_text())["messages"]}
    assert len(evaluated) > 2000
    leaked = sorted({text for _, text in training_examples()
                     if key(text) in evaluated and len(key(text).split()) >= 6})
    assert leaked == []


def test_no_evaluation_message_is_a_knowledge_entrys_asked_example():
    """The knowledge search learns from each entry's `asked` messages (bot.knowledge.asked): none of them may
    be a message the held-out or safety sets measure, whatever its length."""
    evaluated = {key(m["text"]) for path in (PROJECT_ROOT / "tests" / "eval").glob("*.yml")
                 for m in yaml.safe_load(path.read_text())["messages"]}
    asked = [(entry.id, text) for entry in load_knowledge().entries for text in entry.asked]
    assert len(asked) > 1000
    assert sorted((entry_id, text) for entry_id, text in asked if key(text) in evaluated) == []


def test_no_ordinary_example_trips_the_crisis_rules():
    tripped = [(intent, text, detect_crisis(text))
               for intent, text in training_examples() if intent != "crisis" and detect_crisis(text)]
    assert tripped == []


def test_out_of_scope_examples_mention_no_knowledge_topic():
    knowledge = load_knowledge()
    examples = [text for intent, text in training_examples() if intent == "out_of_scope"]
    assert examples
    on_topic = [(text, topics) for text in examples if (topics := topics_in_text(knowledge, text))]
    assert on_topic == []
