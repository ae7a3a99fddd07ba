"""SMS through Twilio, safe to put on a real number: Rasa's Twilio channel with its gaps closed.

Every webhook must carry a valid X-Twilio-Signature for the public URL (403 otherwise, before anything
else runs); Twilio's retries of a MessageSid are answered once; the rest is bot.sms.turns, which limits each
number (VILLAGE_SMS_LIMITS). The answer to Twilio is always an empty TwiML document: replies go out through
the API, off the event loop, and all of them together under one cap (VILLAGE_SMS_SENT_CAP) against toll fraud.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from rasa.core.channels.channel import InputChannel, OutputChannel
from rasa.core.channels.twilio import TwilioInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels import delivery
from bot.channels.conversations import Conversations
from bot.channels.guard import OnNewMessage, guarded
from bot.channels.protections import protect
from bot.config import Settings, get_settings
from bot.limits import Limiter
from bot.sms import signing
from bot.sms.numbers import mask
from bot.sms.sending import Sender, get_sender, text_handoff_parent, twilio_configured
from bot.sms.turns import CHANNEL, SmsTurns, TextCollector
from bot.store.sms import first_delivery

log = logging.getLogger(__name__)
EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>'


def check(settings: Settings) -> None:
    """Refuse to start with development shortcuts in production (VILLAGE_ENV=production)."""
    if not settings.production:
        if not settings.twilio_validate:
            log.warning("TWILIO_VALIDATE=false: SMS webhooks are NOT checked. Local development only.")
        return
    needed = {"TWILIO_ACCOUNT_SID": settings.twilio_account_sid,
              "TWILIO_AUTH_TOKEN": settings.twilio_auth_token,
              "TWILIO_FROM_NUMBER": settings.twilio_from_number,
              "VILLAGE_NUMBER_KEY": settings.number_key,
              "VILLAGE_PUBLIC_URL": settings.public_url}
    missing = [name for name, value in needed.items() if not value]
    if missing:
        raise RuntimeError(f"SMS in production needs {', '.join(missing)} (see .env.example)")
    if not settings.twilio_validate:
        raise RuntimeError("TWILIO_VALIDATE=false is for local development only and is refused when "
                           "VILLAGE_ENV=production")


class SendingCapped(RuntimeError):
    """Village has sent as many texts as VILLAGE_SMS_SENT_CAP allows for now; this one was not sent."""


class CappedSender:
    """Every text this channel sends (answers, notices, workers' replies) counts toward one cap, so a flood
    from many numbers can't run up a bill. Beyond it nothing is sent, crisis answers included: a cap that
    some texts could pass would not be a cap. The ERROR is logged once each time the cap is reached."""

    def __init__(self, sender: Sender, limiter: Limiter):
        self.sender, self.limiter = sender, limiter

    def send(self, number: str, body: str) -> None:
        decision = self.limiter.check("all")
        if not decision.allowed:
            if decision.first_refusal:
                log.error("the SMS cap (%s) is reached: no texts go out for %d s. Toll fraud or a flood? "
                          "If this is real use, raise VILLAGE_SMS_SENT_CAP.", decision.limit,
                          decision.retry_after)
            raise SendingCapped(decision.limit)
        self.sender.send(number, body)


def twiml(status: int = 200) -> HTTPResponse:
    return response.text(EMPTY_TWIML, status=status, content_type="text/xml")


class SmsInput(TwilioInput):
    """Rasa's TwilioInput checked no signature, crashed without a Body, blocked the event loop to send and
    split replies at every blank line; this one keeps its name and URL and does none of those."""

    @classmethod
    def name(cls) -> str:
        return CHANNEL

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        settings = get_settings()  # settings come from the environment, not credentials.yml
        check(settings)
        return cls(settings.twilio_account_sid, settings.twilio_auth_token, settings.twilio_from_number,
                   debug_mode=False)

    def get_output_channel(self) -> OutputChannel:
        # Rasa's API (trigger_intent with output_channel=latest) only knows the conversation id, never the
        # number, so it can't text; the messages are collected and returned instead.
        return TextCollector()

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        settings = get_settings()
        token = signing.auth_token(settings)
        conversations = Conversations()
        sender = CappedSender(get_sender(settings), Limiter(settings.sms_sent_cap))
        turns = SmsTurns(guarded(on_new_message, conversations), sender, Limiter(settings.sms_limits),
                         conversations.crisis_reply)

        async def push(handoff: Any, text: str) -> str | None:
            return await text_handoff_parent(handoff.sealed_number, text, sender)

        delivery.register(CHANNEL, push)
        sms = Blueprint("village_sms", __name__)
        protect(sms)

        @sms.listener("before_server_start")
        async def remember_app(app: Any, _loop: Any) -> None:
            conversations.app = app
            mode = "Twilio's API" if twilio_configured(settings) else f"the outbox {settings.sms_outbox_file}"
            log.info("SMS webhook ready; replies go through %s", mode)

        @sms.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @sms.route("/webhook", methods=["POST"])
        async def webhook(request: Request) -> HTTPResponse:
            form = signing.Form.parse(request.body or b"")
            if settings.twilio_validate:
                path = request.path + (f"?{request.query_string}" if request.query_string else "")
                url = signing.public_url(settings, path, request.url)
                if not signing.is_signed(token, url, form, request.headers.get(signing.SIGNATURE_HEADER)):
                    log.warning("refused an SMS webhook with a missing or wrong signature (url %s)", url)
                    return response.text("Forbidden: bad or missing X-Twilio-Signature", status=403)
            number = (form.first("From") or "").strip()
            if not any(ch.isdigit() for ch in number):  # else all such senders would share one conversation
                return response.text("Bad request: no From number", status=400)
            sid = form.first("MessageSid")
            if sid and not await asyncio.to_thread(first_delivery, sid[:64]):
                log.info("Twilio retried %s from %s; it was handled already", sid, mask(number))
                return twiml()
            try:
                media = int(form.first("NumMedia") or 0)
            except ValueError:
                media = 0
            log.debug("text from %s: %d characters, %d media", mask(number), len(form.first("Body") or ""),
                      media)
            await turns.handle_safely(number, form.first("Body") or "", media)
            return twiml()

        return sms
