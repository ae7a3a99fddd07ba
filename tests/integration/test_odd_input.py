"""What SQLite accepts but PostgreSQL may not: NUL characters, very long /intent names, emoji, RTL text."""

from __future__ import annotations

import pytest

from tests.integration.test_scale_out import say, texts, tracker_events

pytestmark = pytest.mark.integration

ODD = ["nul \x00 in the middle", "/" + "a" * 300, '/inform{"council": "' + "x" * 300 + '"}',
       "👶🏽👨‍👩‍👧 help", "مرحبا، أحتاج مساعدة", "\u202eevil", "'; drop table events;--", "/\x00"]


@pytest.mark.parametrize("text", ODD)
def test_odd_text_is_answered_and_the_conversation_goes_on(cluster, sender, text):
    replies = say(cluster.rasa_port, sender, text)
    assert replies, text
    assert "(Barnet Parenting Pledge, commitment" in texts(say(cluster.extra_rasa_ports[0], sender,
                                                               "what am i entitled to"))
    users = [e["text"] for e in tracker_events(cluster.rasa_port, sender) if e["event"] == "user"]
    assert users[-1] == "what am i entitled to"
