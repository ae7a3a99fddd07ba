"""The crisis flag action: records the conversation for a worker, says nothing more."""

from __future__ import annotations

from actions.safety import ActionFlagCrisis
from bot import dialogue_names as names
from bot.config import get_settings
from bot.store import crisis_flags
from tests.trackers import make_tracker, run_action


def test_crisis_is_flagged_for_a_worker_without_another_message(db_url, monkeypatch):
    monkeypatch.setenv("VILLAGE_DATABASE_URL", db_url)
    get_settings.cache_clear()
    try:
        tracker = make_tracker(intent=names.CRISIS, slots={names.SLOT_CRISIS_KIND: "baby_emergency"},
                               sender="parent-7")
        events, messages = run_action(ActionFlagCrisis(), tracker)
        assert (events, messages) == ([], [])
        [flag] = crisis_flags("parent-7")
        assert flag.kind == "baby_emergency"
    finally:
        get_settings.cache_clear()
