"""`village sms`: play a phone against a running Village, no Twilio account needed.

Each line you type is posted to the SMS webhook exactly as Twilio would post it, signed with the real
twilio library. Replies are read from the local outbox (where a Village without a Twilio account sends its
texts), including a worker's replies from the desk, which appear as they arrive.
"""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bot.config import Settings
from bot.sms import signing
from bot.sms.numbers import conversation_id
from bot.sms.sending import twilio_configured

WEBHOOK_PATH = "/webhooks/twilio/webhook"
SIMULATED_ACCOUNT = "AC" + "0" * 32


@dataclass
class Phone:
    server: str  # e.g. http://127.0.0.1:5005
    number: str
    settings: Settings
    to_number: str = "+447700900000"
    _offset: int = field(default=0, init=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False)

    def __post_init__(self) -> None:
        self.server = self.server.rstrip("/")
        self._offset = self.outbox.stat().st_size if self.outbox.exists() else 0

    @property
    def outbox(self) -> Path:
        return self.settings.sms_outbox_file

    def post(self, body: str, media: int = 0) -> int:
        """Send one text as Twilio would; the HTTP status of the webhook."""
        params = {"MessageSid": "SM" + uuid.uuid4().hex, "AccountSid": SIMULATED_ACCOUNT,
                  "From": self.number, "To": self.to_number, "Body": body, "NumMedia": str(media),
                  "NumSegments": "1", "SmsStatus": "received", "ApiVersion": "2010-04-01"}
        url = self.server + WEBHOOK_PATH
        signed_url = signing.public_url(self.settings, WEBHOOK_PATH, url)
        signature = signing.sign(signing.auth_token(self.settings), signed_url, params)
        request = urllib.request.Request(url, data=urllib.parse.urlencode(params).encode(),
                                         headers={signing.SIGNATURE_HEADER: signature})
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code

    def replies(self) -> list[str]:
        """Texts sent to this phone since the last call."""
        if not self.outbox.exists():
            return []
        mine = conversation_id(self.number)
        with self._lock, self.outbox.open("rb") as box:
            box.seek(self._offset)
            lines = box.read().splitlines()
            self._offset = box.tell()
        texts = []
        for raw in lines:
            try:
                line = json.loads(raw)
            except ValueError:
                continue
            if line.get("conversation") == mine:
                texts.append(line.get("body", ""))
        return texts


def converse(phone: Phone, lines: Callable[[], str], show: Callable[[str], None], poll_s: float = 1.0) -> int:
    """Read lines until end of input; print replies as they come (a worker's too)."""
    if twilio_configured(phone.settings):
        show("(This terminal has Twilio settings: if the server does too, replies go to the real phone "
             "number, not here.)")
    stop = threading.Event()

    def watch() -> None:
        while not stop.wait(poll_s):
            for text in phone.replies():
                show(f"village> {text}")

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        while True:
            try:
                text = lines()
            except EOFError:
                return 0
            status = phone.post(text)
            if status != 200:
                show(f"(the webhook answered HTTP {status})")
            for reply in phone.replies():
                show(f"village> {reply}")
    finally:
        stop.set()
