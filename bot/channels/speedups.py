"""Measured fixes for Rasa 3.6's slowest steps on every turn (`make bench`, docs/performance.md).

- Rasa checks each action server response with `jsonschema.validate`, which first re-validates the schema
  itself; with jsonschema 4.17 that was over a quarter of a turn's time in the Rasa process. The same check
  is done here with a validator built once. The response is still validated, with the same error.
- The SQL tracker store opened a new SQLite connection for every read and write, and counted a
  conversation's stored events again before every save. SQLite connections are pooled here, and the count
  is taken when the turn reads the tracker. The same events are stored.
"""

from __future__ import annotations

from typing import Any

_installed = False


def install() -> None:
    """Idempotent; called by each of Village's channels as Rasa builds them (bot.channels.protections)."""
    global _installed
    if _installed:
        return
    _install_action_check()
    _install_tracker_store()
    _installed = True


def _install_action_check() -> None:
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


# The tracker store's share of a turn (py-spy at 10 concurrent conversations, docs/performance.md): a new
# SQLite connection for every read and write (SQLAlchemy 1.4 gives file databases no pool), and a COUNT of
# the conversation's stored events before every save, to find which events are new.
STORED_EVENTS = "_village_stored_events"


def _install_tracker_store() -> None:
    """Pool SQLite connections, and count a turn's stored events when the tracker is read, not again at save.

    The count is Rasa's own: the rows of the latest conversation session, read under the same lock that
    keeps any other turn of the conversation out until this one is saved (Rasa's lock store; the shared
    Redis one in production). A tracker read any other way (a copy, all sessions, a new conversation) has no
    count, and Rasa counts in the database as before.
    """
    import itertools
    import json

    import rasa.core.tracker_store as stores
    from rasa.shared.core.trackers import DialogueStateTracker
    from sqlalchemy.pool import QueuePool

    from bot.store.database import sqlite_file

    engine_kwargs = stores.create_engine_kwargs

    def create_engine_kwargs(url: Any) -> dict[str, Any]:
        kwargs = engine_kwargs(url)
        if sqlite_file(url):
            kwargs = {**kwargs, "poolclass": QueuePool, "connect_args": {"check_same_thread": False}}
        return kwargs

    stores.create_engine_kwargs = create_engine_kwargs

    store = stores.SQLTrackerStore
    init = store.__init__

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        init(self, *args, **kwargs)
        if sqlite_file(self.engine.url):
            with self.engine.connect() as connection:  # one write-ahead log write per commit, as durable
                connection.exec_driver_sql("PRAGMA journal_mode=WAL")

    additional_events = store._additional_events
    save = store.save

    async def _retrieve(self: Any, sender_id: str, fetch_events_from_all_sessions: bool) -> Any:
        with self.session_scope() as session:
            rows = self._event_query(session, sender_id,
                                     fetch_events_from_all_sessions=fetch_events_from_all_sessions).all()
            events = [json.loads(row.data) for row in rows]
        if not (self.domain and events):
            return None
        tracker = DialogueStateTracker.from_dict(sender_id, events, self.domain.slots)
        if not fetch_events_from_all_sessions and tracker.events.maxlen is None:
            setattr(tracker, STORED_EVENTS, len(rows))
        return tracker

    def _additional_events(self: Any, session: Any, tracker: DialogueStateTracker) -> Any:
        stored = getattr(tracker, STORED_EVENTS, None)
        if stored is None:
            return additional_events(self, session, tracker)
        return itertools.islice(tracker.events, stored, len(tracker.events))

    async def save_counted(self: Any, tracker: DialogueStateTracker) -> None:
        await save(self, tracker)
        if tracker.events.maxlen is None:  # all of them are in the tracker: a `max_event_history` drops some
            setattr(tracker, STORED_EVENTS, len(tracker.events))

    store.__init__ = __init__
    store._retrieve = _retrieve
    store._additional_events = _additional_events
    store.save = save_counted
