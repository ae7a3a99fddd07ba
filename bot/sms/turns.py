"""One incoming text, start to finish: the keywords every SMS service must honour (STOP, START, HELP), MORE
and numbered replies, then the bot's turn, its replies cut into at most three segments, and the sends.

Each number is rate limited (bot/limits.py) before anything else: over the limit, a text never reaches the
bot, and the parent gets one notice for the pause, saying until when and giving 999 and Samaritans. STOP still
works, START and HELP still count, and a crisis still gets its answer: each at most once in a pause, so none
of them can be used to make Village send texts without end.

The channel (bot/channels/sms.py) checks the signature and duplicates first; this module never sees a
request, only the number, the words and how many pictures came with them.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from bot.clock import now
from bot.dialogue_names import ASK_MORE, SMS_CHANNEL
from bot.handoff.requests import active_handoff, add_message, keep_number
from bot.limits import Decision, Limiter, pause_notice
from bot.replies import Button
from bot.safety import SAFETY_LINE, detect_crisis
from bot.safety.answers import TROUBLE_REPLY
from bot.sms import keywords
from bot.sms.numbers import conversation_id, mask, seal
from bot.sms.segments import every_segment, to_texts
from bot.sms.sending import Sender, deliver
from bot.store import flag_crisis
from bot.store.sms import Pending, is_opted_out, opt_in, opt_out, pending, remember

log = logging.getLogger(__name__)

CHANNEL = SMS_CHANNEL  # the webhook is /webhooks/twilio/webhook
EMPTY_REPLY = "I didn't get any words in that message. Type your question, or reply HELP."
MEDIA_ONLY_REPLY = ("I can't open pictures, voice notes or files, so I haven't seen that. "
                    "Please type your question in words.")
MEDIA_TOO = "(I can't open pictures or files, so I've only read your words.)"

OnNewMessage = Callable[[UserMessage], Awaitable[None]]
CrisisReply = Callable[[str], list[str]]  # a crisis kind -> the domain's answer, as messages


class TextCollector(CollectingOutputChannel):
    """Collects a turn's replies; named like the channel so the domain's SMS variants of responses apply."""

    @classmethod
    def name(cls) -> str:
        return CHANNEL


class SmsTurns:
    def __init__(self, on_new_message: OnNewMessage, sender: Sender, limiter: Limiter | None = None,
                 crisis_reply: CrisisReply | None = None):
        self.on_new_message, self.sender = on_new_message, sender
        self.limiter = limiter if limiter is not None else Limiter(())  # none: no limit
        self.crisis_reply = crisis_reply or (lambda kind: [SAFETY_LINE])

    async def handle_safely(self, number: str, text: str, media: int = 0) -> None:
        """handle(), and if anything fails (the database is down...), the parent still gets the 24/7
        numbers rather than silence."""
        try:
            await self.handle(number, text, media)
        except Exception:
            log.exception("a text from %s could not be handled", mask(number))
            try:
                await asyncio.to_thread(self.sender.send, number, TROUBLE_REPLY)
            except Exception as error:
                log.error("could not text %s either: %s", mask(number), type(error).__name__)

    async def handle(self, number: str, text: str, media: int = 0) -> None:
        cid = conversation_id(number)
        decision = self.limiter.check(cid)
        if keywords.is_stop(text):  # always recorded, even over the limit
            await asyncio.to_thread(opt_out, number)
            await self._note_for_worker(cid, text.strip())
            log.info("%s opted out (STOP)", mask(number))
            if decision.allowed or self.limiter.claim(cid, "stop"):
                await deliver(self.sender, number, [keywords.STOPPED_REPLY], even_if_opted_out=True)
            return
        if not decision.allowed:
            await self._limited(number, cid, text, decision)
            return
        if keywords.is_start(text):
            await asyncio.to_thread(opt_in, number)
            await self.send(number, [keywords.STARTED_REPLY])
            return
        if await asyncio.to_thread(is_opted_out, number):
            log.info("a text from %s, who replied STOP, was not answered (START turns texts back on)",
                     mask(number))
            return
        if keywords.is_help(text):
            await self.send(number, [keywords.HELP_REPLY])
            return
        state = await asyncio.to_thread(pending, cid)
        if keywords.is_more(text):
            await self._more(number, cid, state)
            return
        if not text.strip():
            await self.send(number, [MEDIA_ONLY_REPLY if media else EMPTY_REPLY])
            return
        choice = keywords.chosen(text, state.options)
        await self._turn(number, cid, choice.payload if choice else text, [MEDIA_TOO] if media else [])

    async def _limited(self, number: str, cid: str, text: str, decision: Decision) -> None:
        """Over the limit: the bot never hears it; the parent gets one notice, and a crisis its answer."""
        if decision.first_refusal:
            log.info("texts from %s are over the limit (%s) for %d s", mask(number), decision.limit,
                     decision.retry_after)
        if keywords.is_start(text):
            await asyncio.to_thread(opt_in, number)
        if await asyncio.to_thread(is_opted_out, number):
            return
        replies: list[str] = []
        crisis = detect_crisis(text)
        if crisis is not None and self.limiter.claim(cid, "crisis"):
            log.info("a crisis from %s over the limit gets its answer (once in this pause)", mask(number))
            await asyncio.to_thread(flag_crisis, cid, crisis.kind.value)
            replies += self.crisis_reply(crisis.kind.value)
        elif keywords.is_start(text) and self.limiter.claim(cid, "start"):
            replies.append(keywords.STARTED_REPLY)
        elif keywords.is_help(text) and self.limiter.claim(cid, "help"):
            replies.append(keywords.HELP_REPLY)
        if decision.first_refusal:
            replies.append(pause_notice(decision.retry_after, now()))
        if replies:
            await self.send(number, [segment for reply in replies for segment in every_segment(reply)])

    async def _turn(self, number: str, cid: str, text: str, first: list[str],
                    still_offered: tuple[Button, ...] = ()) -> None:
        """One turn of the bot; `still_offered`: what the numbers keep meaning if this turn asks nothing."""
        collector = TextCollector()
        try:
            await self.on_new_message(UserMessage(text.replace("¡", "@"), collector, cid,
                                                  input_channel=CHANNEL))
        except Exception:
            log.exception("the bot failed on a text from conversation %s", cid)
            await self.send(number, [TROUBLE_REPLY])
            return
        replies = first + [m["text"] for m in collector.messages if m.get("text")]
        buttons = next((m["buttons"] for m in reversed(collector.messages) if m.get("buttons")), [])
        options = tuple(Button(b.get("title", ""), b.get("payload", "")) for b in buttons)
        texts = to_texts(replies, options)
        await asyncio.to_thread(remember, cid, Pending(texts.rest, texts.options or still_offered))
        await self.send(number, texts.segments)
        # A handoff made in this turn keeps the number (sealed) so the worker's replies reach the phone.
        await asyncio.to_thread(keep_number, cid, seal(number))

    async def _more(self, number: str, cid: str, state: Pending) -> None:
        if not state.more:  # the whole answer was sent: MORE asks the bot for the details
            # the details continue that answer, so its numbered choices still count after them
            await self._turn(number, cid, f"/{ASK_MORE}", [], still_offered=state.options)
            return
        texts = to_texts([state.more])
        await asyncio.to_thread(remember, cid, Pending(texts.rest, state.options))
        await self.send(number, texts.segments)

    async def _note_for_worker(self, cid: str, text: str) -> None:
        handoff = await asyncio.to_thread(active_handoff, cid)
        if handoff is not None:
            await asyncio.to_thread(add_message, handoff.id, "parent", f"{text} (texts are now switched off)")

    async def send(self, number: str, bodies: list[str]) -> int:
        return await deliver(self.sender, number, bodies)
