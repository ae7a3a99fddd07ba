"""A Rasa NLU component that runs the safety rules on every message, after the classifiers.

When the rules find a crisis, the message's intent becomes `crisis` (whatever DIET or the fallback said)
and a `crisis_kind` entity tells the responses which numbers to give first.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.dialogue_names import CRISIS, ENTITY_CRISIS_KIND
from bot.safety.detector import detect_crisis


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class CrisisRules(GraphComponent):
    @classmethod
    def create(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> CrisisRules:
        return cls()

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            crisis = detect_crisis(message.get(TEXT) or "")
            if crisis is None:
                continue
            intent = {"name": CRISIS, "confidence": 1.0}
            ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != CRISIS]
            message.set(INTENT, intent, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [intent, *ranking], add_to_output=True)
            entity = {"entity": ENTITY_CRISIS_KIND, "value": crisis.kind.value, "start": 0,
                      "end": len(message.get(TEXT) or ""), "confidence": 1.0,
                      "extractor": type(self).__name__}
            message.set(ENTITIES, [*(message.get(ENTITIES) or []), entity], add_to_output=True)
        return messages
