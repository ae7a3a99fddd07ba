"""While a worker has the conversation the bot stays quiet, but safety always answers and "cancel" works.

Wraps a channel's `on_new_message`: parent messages during a handoff go to the worker's thread; a crisis
still gets 999 and the right line first and marks the handoff urgent; "cancel" withdraws the request and
brings the bot back. Everything else goes to Rasa, which logs it and, the conversation being paused, says
nothing. If anything fails (the database, the lock store), the parent is told and given the 24/7 numbers,
or the crisis answer if the message was a crisis.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from rasa.core.channels.channel import UserMessage

from bot.channels.conversations import Conversations
from bot.handoff import messages
from bot.handoff.requests import active_handoff, add_message, cancel, mark_urgent
from bot.safety import detect_crisis
from bot.safety.answers import TROUBLE_REPLY
from bot.store import flag_crisis

OnNewMessage = Callable[[UserMessage], Awaitable[None]]

logger = logging.getLogger(__name__)

# The longest message any channel reads, in characters (REST refuses longer; the widget cuts and says so):
# 10,000 took the NLU over a second, and 100,000 ran it out of memory.
MAX_MESSAGE = 2000


def guarded(on_new_message: OnNewMessage, conversations: Conversations) -> OnNewMessage:
    async def handle(message: UserMessage) -> None:
        try:
            await _handle(message)
        except Exception as error:  # never silence: the parent hears that something is wrong, and who to call
            # The error's type only: a database error's text can carry the message's words as SQL parameters.
            logger.error("A turn failed (%s); sending the trouble reply.", type(error).__name__)
            for part in _trouble(message.text, conversations):
                await message.output_channel.send_text_message(message.sender_id, part)

    async def _handle(message: UserMessage) -> None:
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


def _trouble(text: str | None, conversations: Conversations) -> list[str]:
    """The crisis answer if the message was a crisis (it needs no database), else the trouble reply."""
    crisis = detect_crisis((text or "").strip())
    if crisis is None:
        return [TROUBLE_REPLY]
    try:
        return conversations.crisis_reply(crisis.kind.value)
    except Exception:  # no agent loaded: the trouble reply has 999 and Samaritans too
        return [TROUBLE_REPLY]
