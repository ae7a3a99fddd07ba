"""Getting a worker's words to a parent who is not in a turn: each channel that can push registers how.

REST can't push (its replies live in the tracker); SMS texts the handoff's number; the widget emits to the
parent's socket.io room. One process serves every channel, so a plain registry is enough.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

# handoff, text -> None when delivered (or nothing to do), else what the worker should be told
Push = Callable[[Any, str], Awaitable[str | None]]
_pushes: dict[str, Push] = {}


def register(channel: str, push: Push) -> None:
    _pushes[channel] = push


async def to_parent(handoff: Any, text: str) -> str | None:
    push = _pushes.get(handoff.channel)
    return await push(handoff, text) if push else None
