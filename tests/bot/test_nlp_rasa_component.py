"""The intent classifier inside Rasa: trained into a model's storage, loaded back, and setting the intent."""

from __future__ import annotations

from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlp.rasa_component import NgramIntentClassifier
from tests.bot.test_nlp_intent_model import EXAMPLES


def context() -> ExecutionContext:
    return ExecutionContext(GraphSchema({}), "test")


def training_data() -> TrainingData:
    return TrainingData([Message(data={"text": text, "intent": intent})
                         for intent, texts in EXAMPLES.items() for text in texts])


def test_trained_then_loaded_it_sets_the_intent_and_a_ranking(tmp_path):
    storage, resource = LocalModelStorage(tmp_path), Resource("intents")
    config = {**NgramIntentClassifier.get_default_config(), "ranking_length": 2}
    NgramIntentClassifier.create(config, storage, resource, context()).train(training_data())
    loaded = NgramIntentClassifier.load(config, storage, resource, context())
    [message] = loaded.process([Message(data={"text": "could i talk to a real person"})])
    intent, ranking = message.get("intent"), message.get("intent_ranking")
    assert intent["name"] == "request_human" and 0 < intent["confidence"] <= 1
    assert len(ranking) == 2 and ranking[0] == intent
    assert "intent" in message.output_properties


def test_a_model_without_a_trained_classifier_leaves_messages_unclassified(tmp_path, caplog):
    storage = LocalModelStorage(tmp_path)
    loaded = NgramIntentClassifier.load(NgramIntentClassifier.get_default_config(), storage,
                                        Resource("never_trained"), context())
    [message] = loaded.process([Message(data={"text": "hello"})])
    assert message.get("intent") is None
    assert "No trained intent classifier" in caplog.text
