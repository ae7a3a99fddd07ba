"""Which of the domain's utter_crisis variants answers a kind of crisis (the running bot and the preview)."""

from __future__ import annotations


def crisis_answer(variants: list[dict], kind: str) -> list[str]:
    """The variant whose condition names this kind (else the one without a condition), as its messages."""
    chosen = next((v for v in variants for c in v.get("condition") or []
                   if c.get("name") == "crisis_kind" and c.get("value") == kind), None)
    chosen = chosen or next(v for v in variants if not v.get("condition"))
    return [part for part in chosen["text"].split("\n\n") if part.strip()]


# When part of Village is down (the database, the action server): said instead of silence, on every channel.
TROUBLE_REPLY = ("Sorry, something went wrong on my side and I couldn't answer that. Please try again in a "
                 "few minutes. If you or your baby are in danger, call 999. Samaritans: 116 123, any time.")
