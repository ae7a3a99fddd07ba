"""Twilio's webhook signature (X-Twilio-Signature), with the real twilio library: checked by the channel,
made by `village sms` and the tests exactly as Twilio makes it."""

from __future__ import annotations

import urllib.parse

from twilio.request_validator import RequestValidator

from bot.config import Settings

# Outside production, with no TWILIO_AUTH_TOKEN, the server and `village sms` both sign with this.
LOCAL_AUTH_TOKEN = "village-local-development"
SIGNATURE_HEADER = "X-Twilio-Signature"


class Form(dict):
    """A form's fields, each a list of values, as RequestValidator reads them (blank values kept:
    Twilio signs `Body=` on a picture-only message too)."""

    @classmethod
    def parse(cls, body: bytes) -> Form:
        text = body.decode("utf-8", errors="replace")
        return cls(urllib.parse.parse_qs(text, keep_blank_values=True))

    def getlist(self, name: str) -> list[str]:
        return self.get(name, [])

    def first(self, name: str) -> str | None:
        values = self.get(name)
        return values[0] if values else None


def auth_token(settings: Settings) -> str:
    if settings.twilio_auth_token:
        return settings.twilio_auth_token
    if settings.production:
        raise RuntimeError("TWILIO_AUTH_TOKEN is needed in production")
    return LOCAL_AUTH_TOKEN


def public_url(settings: Settings, path_and_query: str, seen_url: str) -> str:
    """The URL Twilio called: VILLAGE_PUBLIC_URL + the path behind a proxy, else the URL as received."""
    return settings.public_url + path_and_query if settings.public_url else seen_url


def sign(token: str, url: str, params: dict[str, str]) -> str:
    return RequestValidator(token).compute_signature(url, params)


def is_signed(token: str, url: str, form: Form, signature: str | None) -> bool:
    return bool(signature) and RequestValidator(token).validate(url, form, signature)
