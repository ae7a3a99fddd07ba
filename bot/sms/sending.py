"""Sending texts: through Twilio's API when it is configured, else (never in production) to a local outbox
that `village sms` reads. Sends run in a worker thread, so the server's event loop never waits on Twilio.

Nothing is sent to a number on the opt-out list; a failed send is logged (number masked) and not retried,
so a parent never gets the same message twice.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import logging
import threading
from pathlib import Path
from typing import Any, Protocol

from bot.config import Settings, get_settings
from bot.sms.numbers import conversation_id, mask, unseal
from bot.sms.segments import every_segment
from bot.store.sms import is_opted_out

log = logging.getLogger(__name__)


class Sender(Protocol):
    def send(self, number: str, body: str) -> None: ...


def twilio_client(settings: Settings) -> Any:
    """The real twilio client; TWILIO_API_BASE_URL points it at a proxy or a test double."""
    from twilio.rest import Client

    client = Client(settings.twilio_account_sid, settings.twilio_auth_token)
    if settings.twilio_api_base_url:
        client.api.base_url = settings.twilio_api_base_url
    return client


def twilio_configured(settings: Settings) -> bool:
    return bool(settings.twilio_account_sid and settings.twilio_auth_token and settings.twilio_from_number)


class TwilioSender:
    def __init__(self, client: Any, from_number: str):
        self.client, self.from_number = client, from_number

    def send(self, number: str, body: str) -> None:
        self.client.messages.create(to=number, from_=self.from_number, body=body)


class OutboxSender:
    """Local development without a Twilio account: one JSON line a text, keyed by conversation id."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._lock = threading.Lock()

    def send(self, number: str, body: str) -> None:
        line = {"at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                "conversation": conversation_id(number), "to": mask(number), "body": body}
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as out:
                out.write(json.dumps(line, ensure_ascii=False) + "\n")


def get_sender(settings: Settings | None = None) -> Sender:
    settings = settings or get_settings()
    if twilio_configured(settings):
        return TwilioSender(twilio_client(settings), settings.twilio_from_number)
    if settings.production:
        raise RuntimeError("SMS in production needs TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and "
                           "TWILIO_FROM_NUMBER")
    return OutboxSender(settings.sms_outbox_file)


async def deliver(sender: Sender, number: str, bodies: list[str], even_if_opted_out: bool = False) -> int:
    """Send each text in order; how many were sent. Opted-out numbers get nothing (but STOP's one reply)."""
    if not even_if_opted_out and await asyncio.to_thread(is_opted_out, number):
        log.info("not texting %s: they replied STOP", mask(number))
        return 0
    sent = 0
    for body in bodies:
        try:
            await asyncio.to_thread(sender.send, number, body)
            sent += 1
        except Exception as error:  # Twilio down or refusing: log it, don't crash the webhook
            code = getattr(error, "code", None) or getattr(error, "status", None)
            log.warning("could not text %s (%s %s); %d of %d sent", mask(number), type(error).__name__,
                        code or "", sent, len(bodies))
            break
    return sent


async def text_handoff_parent(sealed_number: str | None, text: str, sender: Sender) -> str | None:
    """A worker's words to an SMS parent, sent whole; None when sent, else what the worker should know."""
    number = unseal(sealed_number)
    if number is None:
        return "Your reply is saved, but there is no number for this parent, so no text was sent."
    if await asyncio.to_thread(is_opted_out, number):
        return "Your reply is saved, but this parent replied STOP, so texts can't be sent to them."
    bodies = every_segment(text)
    sent = await deliver(sender, number, bodies)
    if sent < len(bodies):
        return (f"Your reply is saved, but only {sent} of {len(bodies)} texts went: the SMS service "
                "refused or is down. Try again shortly.")
    return None
