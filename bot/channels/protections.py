"""What every Village channel sets up as Rasa builds it (never at import), in one call so none is forgotten:
the faster action-response check (`speedups`), no silent in-memory fallback and the start-up store check
(`failsafe`), and no model swapping over the HTTP API (`lockdown`). Each part is idempotent, so every
channel calling it costs nothing more.
"""

from __future__ import annotations

from sanic import Blueprint

from bot.channels import failsafe, lockdown, speedups


def protect(blueprint: Blueprint) -> None:
    speedups.install()
    failsafe.install()
    failsafe.watch(blueprint)
    lockdown.register(blueprint)
