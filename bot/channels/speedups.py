"""A measured fix for Rasa 3.6's slowest step on every custom action (`make bench`, docs/performance.md).

Rasa checks each action server response with `jsonschema.validate`, which first re-validates the schema
itself; with jsonschema 4.17 that was over a quarter of a turn's time in the Rasa process. The same check
is done here with a validator built once. The response is still validated, with the same error.
"""

from __future__ import annotations

from typing import Any

_installed = False


def install() -> None:
    """Idempotent; called by each of Village's channels as Rasa builds them (bot.channels.protections)."""
    global _installed
    if _installed:
        return
    from jsonschema.exceptions import best_match
    from jsonschema.validators import validator_for
    from rasa.core.actions.action import RemoteAction

    schema = RemoteAction.action_response_format_spec()
    validator_class = validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)
    original = RemoteAction._validate_action_result

    def _validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
        if best_match(validator.iter_errors(result)) is None:
            return True
        return original(self, result)  # invalid: Rasa's own check raises its own error, as before

    RemoteAction._validate_action_result = _validate_action_result
    _installed = True
