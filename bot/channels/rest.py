"""Rasa's REST channel (local use and tests only, no authentication) with the handoff guard."""

from __future__ import annotations

from typing import Any

from rasa.core.channels.rest import RestInput
from sanic import Blueprint

from bot.channels import speedups
from bot.channels.conversations import Conversations
from bot.channels.guard import OnNewMessage, guarded


class GuardedRestInput(RestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"  # keeps the URL /webhooks/rest/webhook

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        speedups.install()
        conversations = Conversations()
        blueprint = super().blueprint(guarded(on_new_message, conversations))

        @blueprint.listener("before_server_start")
        async def remember_app(app: Any, _loop: Any) -> None:
            conversations.app = app

        return blueprint
