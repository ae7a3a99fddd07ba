"""What the domain code answers with: replies of text and buttons, channel-neutral."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Button:
    title: str
    payload: str


@dataclass(frozen=True)
class Reply:
    text: str
    buttons: tuple[Button, ...] = ()


@dataclass(frozen=True)
class Answer:
    replies: list[Reply]
    entry_ids: list[str] = field(default_factory=list)
    safety_first: bool = False  # send 999 and Samaritans before the replies, whatever the message said
