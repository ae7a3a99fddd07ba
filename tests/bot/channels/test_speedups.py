"""The faster check of action server responses accepts and refuses exactly what Rasa's did."""

from __future__ import annotations

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction

from bot.channels import speedups


def test_valid_responses_pass_and_invalid_ones_fail_with_rasas_message():
    speedups.install()
    speedups.install()  # twice is harmless
    action = RemoteAction("action_answer_entitlement", None)
    assert action._validate_action_result({"events": [], "responses": [{"text": "hi"}]})
    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        action._validate_action_result({"events": "not a list"})
