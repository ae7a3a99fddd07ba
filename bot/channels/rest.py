"""Rasa's REST channel (local use and tests only, no authentication) with the handoff guard.

Rasa's RestInput answered 500 to a body that isn't a JSON object and an empty 200 to a message it then
dropped (no message, a number for a message, metadata that isn't an object, a lone surrogate, text so long
the NLU ran out of memory). Here a request Rasa can't handle is refused with a clear 4xx before anything
runs: 400 for a wrong shape, 413 for a message over MAX_MESSAGE characters (as long as the widget reads).
A lone UTF-16 surrogate (a JSON "\\ud800" escape) in the text becomes U+FFFD, so the rest of it is kept.
"""

from __future__ import annotations

import re
from typing import Any

from rasa.core.channels.rest import RestInput
from sanic import Blueprint
from sanic.exceptions import InvalidUsage, PayloadTooLarge
from sanic.request import Request

from bot.channels.conversations import Conversations
from bot.channels.guard import MAX_MESSAGE, OnNewMessage, guarded
from bot.channels.protections import protect
from bot.config import get_settings

MAX_SENDER = 255  # Rasa's SQL tracker store keeps sender ids in a VARCHAR(255)
_SURROGATE = re.compile("[\ud800-\udfff]")


class RestRefused(RuntimeError):
    """The REST channel was configured in production."""


def _body(request: Request) -> dict[str, Any]:
    body = request.json
    if not isinstance(body, dict):
        raise InvalidUsage('The body must be a JSON object: {"sender": "...", "message": "..."}')
    return body


def _optional(request: Request, field: str, kind: type, described: str) -> Any:
    value = _body(request).get(field)
    if value is not None and not isinstance(value, kind):
        raise InvalidUsage(f'"{field}" must be {described}')
    return value


class GuardedRestInput(RestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"  # keeps the URL /webhooks/rest/webhook

    async def _extract_sender(self, req: Request) -> str | None:
        sender = _body(req).get("sender")
        if isinstance(sender, int) and not isinstance(sender, bool):
            sender = str(sender)
        if sender is None:
            return None  # Rasa's "default" conversation, as before
        if not isinstance(sender, str) or not sender.strip() or len(sender) > MAX_SENDER \
                or _SURROGATE.search(sender):
            raise InvalidUsage(f'"sender" must be a string of 1 to {MAX_SENDER} characters (no lone '
                               "surrogates)")
        return sender

    def _extract_message(self, req: Request) -> str:
        text = _body(req).get("message")
        if not isinstance(text, str):
            raise InvalidUsage('"message" must be a string')
        if len(text) > MAX_MESSAGE:
            raise PayloadTooLarge(f'"message" is {len(text)} characters; at most {MAX_MESSAGE} are read')
        return _SURROGATE.sub("\ufffd", text)

    def _extract_input_channel(self, req: Request) -> str:
        return _optional(req, "input_channel", str, "a string") or self.name()

    def get_metadata(self, request: Request) -> dict[str, Any] | None:
        return _optional(request, "metadata", dict, "a JSON object")

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        if get_settings().production:
            raise RestRefused("The REST channel has no authentication, so VILLAGE_ENV=production refuses it: "
                              "use deploy/credentials.yml, which opens only the desk, SMS and the widget.")
        conversations = Conversations()
        blueprint = super().blueprint(guarded(on_new_message, conversations))
        protect(blueprint)

        @blueprint.listener("before_server_start")
        async def remember_app(app: Any, _loop: Any) -> None:
            conversations.app = app

        return blueprint
