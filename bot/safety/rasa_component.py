"""A Rasa NLU component that runs the safety rules on every message, after the classifiers.

When the rules, or the learned second opinion behind them (`bot.safety.learned`), find a crisis, the
message's intent becomes `crisis` (whatever the intent classifier or the fallback said) and a `crisis_kind`
entity tells the responses which numbers to give first. When the classifier guesses `crisis` but the rules
recognise only an idiom ("i could kill for a takeaway"), the guess is overruled.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.dialogue_names import CRISIS, ENTITY_CRISIS_KIND, NLU_FALLBACK
from bot.safety.detector import detect_crisis, only_an_idiom


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class CrisisRules(GraphComponent):
    @classmethod
    def create(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> CrisisRules:
        from bot.safety.learned import classifier

        classifier()  # trained now, as the model loads, not during a parent's first message
        return cls()

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            crisis = detect_crisis(text)
            if crisis is not None:
                self._set_crisis(message, crisis.kind.value, len(text))
            elif (message.get(INTENT) or {}).get("name") == CRISIS and only_an_idiom(text):
                self._overrule(message)
        return messages

    @staticmethod
    def _set_crisis(message: Message, kind: str, length: int) -> None:
        intent = {"name": CRISIS, "confidence": 1.0}
        ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != CRISIS]
        message.set(INTENT, intent, add_to_output=True)
        message.set(INTENT_RANKING_KEY, [intent, *ranking], add_to_output=True)
        entity = {"entity": ENTITY_CRISIS_KIND, "value": kind, "start": 0, "end": length, "confidence": 1.0,
                  "extractor": CrisisRules.__name__}
        message.set(ENTITIES, [*(message.get(ENTITIES) or []), entity], add_to_output=True)

    @staticmethod
    def _overrule(message: Message) -> None:
        """The classifier said crisis, but the rules see only an idiom: say honestly we didn't understand."""
        ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != CRISIS]
        intent = {"name": NLU_FALLBACK, "confidence": 1.0}
        message.set(INTENT, intent, add_to_output=True)
        message.set(INTENT_RANKING_KEY, [intent, *ranking], add_to_output=True)
