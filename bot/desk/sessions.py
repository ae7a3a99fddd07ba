"""Desk sessions in signed cookies: who is logged in, until when, and their CSRF token. No server state."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import time
from dataclasses import dataclass
from functools import lru_cache

from bot.config import get_settings

SESSION_COOKIE = "village_desk"
LOGIN_COOKIE = "village_desk_login"  # holds the login form's CSRF token before anyone is logged in
LIFETIME_S = 8 * 60 * 60  # one working day


@dataclass(frozen=True)
class DeskSession:
    worker_id: int
    csrf: str
    expires: int


@lru_cache(maxsize=1)
def _secret() -> bytes:
    """VILLAGE_DESK_SECRET, or a fresh random one for this process (sessions then end at a restart)."""
    configured = get_settings().desk_secret
    return configured.encode() if configured else secrets.token_bytes(32)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _sign(payload: bytes) -> str:
    return _b64(hmac.new(_secret(), payload, hashlib.sha256).digest())


def encode(session: DeskSession) -> str:
    payload = _b64(json.dumps({"w": session.worker_id, "c": session.csrf, "e": session.expires}).encode())
    return f"{payload}.{_sign(payload.encode())}"


def decode(value: str | None, now: float | None = None) -> DeskSession | None:
    """The session in a cookie, or None if it is missing, forged, tampered with or expired."""
    if not value or value.count(".") != 1:
        return None
    payload, signature = value.split(".")
    # bytes, not str: compare_digest refuses non-ASCII text, and a forged cookie may hold any
    if not hmac.compare_digest(signature.encode(), _sign(payload.encode()).encode()):
        return None
    try:
        data = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
        session = DeskSession(int(data["w"]), str(data["c"]), int(data["e"]))
    except (ValueError, KeyError, TypeError):
        return None
    return session if session.expires > (now or time.time()) else None


def new_session(worker_id: int) -> DeskSession:
    return DeskSession(worker_id, secrets.token_urlsafe(24), int(time.time()) + LIFETIME_S)


def new_token() -> str:
    return secrets.token_urlsafe(24)


def same_token(given: str | None, expected: str | None) -> bool:
    return bool(given and expected) and hmac.compare_digest(str(given).encode(), str(expected).encode())
