"""Phone numbers: masked for logs, hashed (keyed) for the opt-out list, so neither shows a parent's number."""

from __future__ import annotations

import hashlib
import hmac

from bot.config import get_settings


def mask(number: str | None) -> str:
    """+447700900123 -> +44*******123; enough to tell numbers apart in a log, not to call one."""
    digits = (number or "").strip()
    if len(digits) <= 6:
        return "*" * len(digits)
    return digits[:3] + "*" * (len(digits) - 6) + digits[-3:]


def number_key(number: str) -> str:
    """A keyed hash of the number (VILLAGE_NUMBER_KEY, else the desk secret): the same number gives the same
    key, and the key alone doesn't give the number back."""
    settings = get_settings()
    secret = (settings.number_key or settings.desk_secret or "village-local-development").encode()
    normalised = "".join(ch for ch in number if ch.isdigit() or ch == "+")
    return hmac.new(secret, normalised.encode(), hashlib.sha256).hexdigest()
