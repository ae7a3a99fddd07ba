"""Phone numbers: masked for logs, hashed (keyed) for ids and the opt-out list, sealed where one must be kept.

A parent's number is never a conversation id, a log line or a plain column: the tracker and crisis flags see
`conversation_id(number)`, the opt-out list `number_key(number)`; only a handoff keeps the number itself,
sealed (encrypted) so the worker's replies can reach the phone.
"""

from __future__ import annotations

import base64
import hashlib
import hmac

from cryptography.fernet import Fernet, InvalidToken

from bot.config import get_settings

DEVELOPMENT_KEY = "village-local-development"
CONVERSATION_PREFIX = "sms-"


def mask(number: str | None) -> str:
    """+447700900123 -> +44*******123; enough to tell numbers apart in a log, not to call one."""
    digits = (number or "").strip()
    if len(digits) <= 6:
        return "*" * len(digits)
    return digits[:3] + "*" * (len(digits) - 6) + digits[-3:]


def normalise(number: str) -> str:
    return "".join(ch for ch in number if ch.isdigit() or ch == "+")


def _secret() -> bytes:
    settings = get_settings()
    return (settings.number_key or settings.desk_secret or DEVELOPMENT_KEY).encode()


def number_key(number: str) -> str:
    """A keyed hash of the number (VILLAGE_NUMBER_KEY, else the desk secret): the same number gives the same
    key, and the key alone doesn't give the number back."""
    return hmac.new(_secret(), normalise(number).encode(), hashlib.sha256).hexdigest()


def conversation_id(number: str) -> str:
    """The conversation (Rasa sender) id of a phone: stable for the number, and not the number."""
    return CONVERSATION_PREFIX + number_key(number)[:32]


def _fernet() -> Fernet:
    key = hashlib.sha256(b"village-sealed-number:" + _secret()).digest()
    return Fernet(base64.urlsafe_b64encode(key))


def seal(number: str) -> str:
    return _fernet().encrypt(normalise(number).encode()).decode()


def unseal(sealed: str | None) -> str | None:
    """The number back, or None if there is none or the key has changed since it was sealed."""
    if not sealed:
        return None
    try:
        return _fernet().decrypt(sealed.encode()).decode()
    except InvalidToken:
        return None
