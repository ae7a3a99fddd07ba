"""The crisis answer for a kind: its own variant, else the general one, split into messages."""

from __future__ import annotations

from bot.safety.answers import crisis_answer

VARIANTS = [{"condition": [{"type": "slot", "name": "crisis_kind", "value": "self_harm"}],
             "text": "Call 999.\n\nSamaritans: 116 123."},
            {"text": "If you're in danger, call 999."}]


def test_the_kinds_own_answer_then_the_general_one():
    assert crisis_answer(VARIANTS, "self_harm") == ["Call 999.", "Samaritans: 116 123."]
    assert crisis_answer(VARIANTS, "harm_to_baby") == ["If you're in danger, call 999."]
