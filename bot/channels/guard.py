"""While a worker has the conversation the bot stays quiet, but safety always answers and "cancel" works.

Wraps a channel's `on_new_message`: parent messages during a handoff go to the worker's thread; a crisis
still gets 999 and the right line first and marks the handoff urgent; "cancel" withdraws the request and
brings the bot back. Everything else goes to Rasa, which logs it and, the conversation being paused, says
nothing.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from rasa.core.channels.channel import UserMessage

from bot.channels.conversations import Conversations
from bot.handoff import messages
from bot.handoff.requests import active_handoff, add_message, cancel, mark_urgent
from bot.safety import detect_crisis
from bot.store import flag_crisis

OnNewMessage = Callable[[UserMessage], Awaitable[None]]


def guarded(on_new_message: OnNewMessage, conversations: Conversations) -> OnNewMessage:
    async def handle(message: UserMessage) -> None:
        sender = message.sender_id
        handoff = await asyncio.to_thread(active_handoff, sender)
        if handoff is None:
            await on_new_message(message)
            return
        text = (message.text or "").strip()
        crisis = detect_crisis(text)
        if crisis is not None:
            for part in conversations.crisis_reply(crisis.kind.value):
                await message.output_channel.send_text_message(sender, part)
            await asyncio.to_thread(flag_crisis, sender, crisis.kind.value)
            await asyncio.to_thread(mark_urgent, handoff.id)
        elif messages.is_cancel(text):
            await asyncio.to_thread(cancel, sender)
            reply = messages.withdrawn(handoff.reference)
            await conversations.resume(sender, reply)
            await message.output_channel.send_text_message(sender, reply)
            return
        if text:
            await asyncio.to_thread(add_message, handoff.id, "parent", text)
        await on_new_message(message)

    return handle
