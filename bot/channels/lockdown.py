"""Rasa's HTTP API must never swap, train or unload the model at run time, even for an admin JWT.

`PUT /model` loads any model file or URL it is given, which would skip the digest check `village serve` makes
before start-up (bot/release.py; CVE-2024-49375 is about exactly such model files). Village changes its model
only by a release and a restart. Registered by every channel (bot.channels.protections); once per app.
"""

from __future__ import annotations

from typing import Any

from sanic import Blueprint
from sanic.request import Request
from sanic.response import HTTPResponse, json

REFUSED = {("PUT", "/model"), ("DELETE", "/model"), ("POST", "/model/train")}


async def refuse_model_changes(request: Request) -> HTTPResponse | None:
    if (request.method, request.path.rstrip("/")) in REFUSED:
        message = "Village loads its model only at start, after checking its SHA-256."
        return json({"status": "failure", "reason": "NotAllowed", "message": message}, status=403)
    return None


def register(blueprint: Blueprint) -> None:
    @blueprint.listener("before_server_start")
    async def lock_model_routes(app: Any, _loop: Any) -> None:
        if not getattr(app.ctx, "village_model_routes_locked", False):
            app.ctx.village_model_routes_locked = True
            app.register_middleware(refuse_model_changes, "request")
