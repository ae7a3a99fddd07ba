"""Telling the on-call worker a handoff is waiting: by SMS when Twilio is configured, else a line in a file.

Neither says anything about the parent beyond the reference, the reason and whether it is urgent.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path
from typing import Any, Protocol

from bot.config import Settings, get_settings
from bot.sms.sending import twilio_client

log = logging.getLogger(__name__)


class Notifier(Protocol):
    def new_handoff(self, reference: str, reason: str, urgent: bool) -> None: ...


def summary(reference: str, reason: str, urgent: bool) -> str:
    flag = "URGENT (crisis flagged) " if urgent else ""
    return f"Village: new {flag}request {reference} ({reason.replace('_', ' ')}). Open the worker desk."


class FileNotifier:
    """Appends one JSON line a handoff to a file, for the on-call worker's tooling to watch."""

    def __init__(self, path: Path):
        self.path = Path(path)

    def new_handoff(self, reference: str, reason: str, urgent: bool) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        line = {"at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"), "event": "new_handoff",
                "reference": reference, "reason": reason, "urgent": urgent}
        with self.path.open("a", encoding="utf-8") as out:
            out.write(json.dumps(line) + "\n")


class SmsNotifier:
    """Texts the on-call worker through Twilio; if that fails, the file still gets the line."""

    def __init__(self, client: Any, from_number: str, to_number: str, fallback: FileNotifier):
        self.client, self.fallback = client, fallback
        self.from_number, self.to_number = from_number, to_number

    def new_handoff(self, reference: str, reason: str, urgent: bool) -> None:
        self.fallback.new_handoff(reference, reason, urgent)
        try:
            self.client.messages.create(to=self.to_number, from_=self.from_number,
                                        body=summary(reference, reason, urgent))
        except Exception as error:  # the handoff is stored already; the desk still shows it
            log.warning("could not text the on-call worker about %s: %s", reference, type(error).__name__)


def get_notifier(settings: Settings | None = None) -> Notifier:
    settings = settings or get_settings()
    fallback = FileNotifier(settings.notifications_file)
    needed = (settings.twilio_account_sid, settings.twilio_auth_token, settings.twilio_from_number,
              settings.oncall_number)
    if not all(needed):
        return fallback
    return SmsNotifier(twilio_client(settings), settings.twilio_from_number, settings.oncall_number, fallback)
