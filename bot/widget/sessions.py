"""Widget session ids: 128 random bits plus a signature, so only ids this server issued are accepted.

Rasa's socket.io channel takes any session id a browser sends, so a guessed or chosen id ("1", "alice")
would join someone else's conversation; here an id without a valid signature is replaced by a new one.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

from bot.config import Settings, get_settings

DEVELOPMENT_SECRET = "village-local-development"
PREFIX = "web-"
SHAPE = re.compile(r"^web-[0-9a-f]{32}\.[0-9a-f]{32}$")


def _secret(settings: Settings) -> bytes:
    if settings.widget_secret or settings.desk_secret:
        return (settings.widget_secret or settings.desk_secret).encode()
    if settings.production:
        raise RuntimeError("the web widget in production needs VILLAGE_WIDGET_SECRET")
    return DEVELOPMENT_SECRET.encode()


def _signature(body: str, settings: Settings) -> str:
    return hmac.new(_secret(settings), body.encode(), hashlib.sha256).hexdigest()[:32]


def new_session_id(settings: Settings | None = None) -> str:
    body = PREFIX + secrets.token_hex(16)
    return f"{body}.{_signature(body, settings or get_settings())}"


def is_valid(session_id: object, settings: Settings | None = None) -> bool:
    if not isinstance(session_id, str) or not SHAPE.match(session_id):
        return False
    body, signature = session_id.rsplit(".", 1)
    return hmac.compare_digest(signature, _signature(body, settings or get_settings()))
