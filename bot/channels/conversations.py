"""Write to a conversation from outside a turn (a worker's reply, resuming the bot), under Rasa's lock."""

from __future__ import annotations

from typing import Any

from rasa.shared.core.constants import ACTION_LISTEN_NAME
from rasa.shared.core.events import ActionExecuted, BotUttered, ConversationResumed, Event

from bot.safety.answers import crisis_answer


class Conversations:
    """The running Rasa agent's tracker and lock stores; set when the server starts."""

    def __init__(self) -> None:
        self.app: Any = None

    @property
    def agent(self) -> Any:
        if self.app is None or getattr(self.app.ctx, "agent", None) is None:
            raise RuntimeError("the Rasa agent is not loaded yet")
        return self.app.ctx.agent

    async def append(self, sender_id: str, events: list[Event]) -> None:
        agent = self.agent
        async with agent.lock_store.lock(sender_id):
            tracker = await agent.tracker_store.get_or_create_tracker(sender_id, append_action_listen=False)
            for event in events:
                tracker.update(event)
            await agent.tracker_store.save(tracker)

    async def bot_says(self, sender_id: str, text: str, author: str = "bot") -> None:
        await self.append(sender_id, [BotUttered(text, metadata={"author": author})])

    async def events(self, sender_id: str) -> list[Event]:
        """The conversation's events so far (none for a conversation the tracker store doesn't have)."""
        tracker = await self.agent.tracker_store.retrieve(sender_id)
        return list(tracker.events) if tracker is not None else []

    async def resume(self, sender_id: str, text: str) -> None:
        # The policies expect the parent's next message to follow action_listen, as in any turn.
        events = [ConversationResumed(), BotUttered(text), ActionExecuted(ACTION_LISTEN_NAME)]
        await self.append(sender_id, events)

    def crisis_reply(self, kind: str) -> list[str]:
        """The domain's utter_crisis for this kind of crisis, split into its messages."""
        return crisis_answer(self.agent.domain.responses.get("utter_crisis", []), kind)
