"""The life of a handoff: open -> claimed -> closed, or cancelled by the parent. Each step commits at once."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from sqlalchemy import exists, select
from sqlalchemy.orm import selectinload

from bot.store.database import session_scope
from bot.store.models import AuditEvent, CrisisFlag, Handoff, HandoffMessage, utcnow

REASONS = ("advocacy", "legal_advice", "human", "complaint")
CONTACT_PREFERENCES = ("reply_here", "call_me", "text_me")
ACTIVE = ("open", "claimed")
REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread


class HandoffError(ValueError):
    """A step that the handoff's state does not allow (claiming twice, replying to a closed one...)."""


@dataclass(frozen=True)
class Line:
    author: str
    text: str


def new_reference() -> str:
    return "V-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(6))


def create_handoff(conversation_id: str, channel: str, reason: str, consent: bool, contact_preference: str,
                   history: list[Line] | None = None, url: str | None = None) -> Handoff:
    """Create and commit the request; the conversation so far is copied only with the parent's consent."""
    if reason not in REASONS:
        raise HandoffError(f"unknown reason {reason!r}")
    if contact_preference not in CONTACT_PREFERENCES:
        raise HandoffError(f"unknown contact preference {contact_preference!r}")
    with session_scope(url) as session:
        urgent = session.scalar(select(exists().where(CrisisFlag.conversation_id == conversation_id)))
        handoff = Handoff(reference=new_reference(), conversation_id=conversation_id, channel=channel,
                          reason=reason, consent=consent, contact_preference=contact_preference,
                          urgent=bool(urgent), state="open")
        session.add(handoff)
        session.flush()
        if consent:
            session.add_all(HandoffMessage(handoff_id=handoff.id, author=f"history_{line.author}",
                                           text=line.text) for line in history or [])
        return handoff


def active_handoff(conversation_id: str, url: str | None = None) -> Handoff | None:
    with session_scope(url) as session:
        return session.scalar(select(Handoff).where(Handoff.conversation_id == conversation_id,
                                                    Handoff.state.in_(ACTIVE)).order_by(Handoff.id.desc()))


def add_message(handoff_id: int, author: str, text: str, worker_id: int | None = None,
                url: str | None = None) -> None:
    with session_scope(url) as session:
        session.add(HandoffMessage(handoff_id=handoff_id, author=author, text=text, worker_id=worker_id))


def mark_urgent(handoff_id: int, url: str | None = None) -> None:
    """A crisis came up while waiting: the handoff moves to the top of the queue."""
    with session_scope(url) as session:
        _get(session, handoff_id).urgent = True


def _get(session, handoff_id: int) -> Handoff:
    handoff = session.get(Handoff, handoff_id, with_for_update=True)
    if handoff is None:
        raise HandoffError(f"no handoff {handoff_id}")
    return handoff


def claim(handoff_id: int, worker_id: int, url: str | None = None) -> Handoff:
    with session_scope(url) as session:
        handoff = _get(session, handoff_id)
        if handoff.state != "open":
            raise HandoffError(f"handoff {handoff.reference} is {handoff.state}, not open")
        handoff.state, handoff.claimed_by, handoff.claimed_at = "claimed", worker_id, utcnow()
        session.add(AuditEvent(worker_id=worker_id, action="claim", handoff_id=handoff_id))
        return handoff


def reply(handoff_id: int, worker_id: int, text: str, url: str | None = None) -> Handoff:
    text = text.strip()
    if not text:
        raise HandoffError("a reply needs some text")
    with session_scope(url) as session:
        handoff = _get(session, handoff_id)
        if handoff.state != "claimed" or handoff.claimed_by != worker_id:
            raise HandoffError(f"claim handoff {handoff.reference} before replying")
        session.add(HandoffMessage(handoff_id=handoff_id, author="worker", worker_id=worker_id, text=text))
        session.add(AuditEvent(worker_id=worker_id, action="reply", handoff_id=handoff_id))
        return handoff


def close(handoff_id: int, worker_id: int, outcome: str, url: str | None = None) -> Handoff:
    with session_scope(url) as session:
        handoff = _get(session, handoff_id)
        if handoff.state != "claimed" or handoff.claimed_by != worker_id:
            raise HandoffError(f"claim handoff {handoff.reference} before closing it")
        handoff.state, handoff.outcome, handoff.closed_at = "closed", outcome.strip() or "closed", utcnow()
        session.add(AuditEvent(worker_id=worker_id, action="close", handoff_id=handoff_id,
                               detail=handoff.outcome[:255]))
        return handoff


def cancel(conversation_id: str, url: str | None = None) -> Handoff | None:
    """The parent withdrew the request ("cancel", "never mind"); None if nothing was active."""
    with session_scope(url) as session:
        handoff = session.scalar(select(Handoff).where(Handoff.conversation_id == conversation_id,
                                                       Handoff.state.in_(ACTIVE)))
        if handoff is None:
            return None
        handoff.state, handoff.outcome, handoff.closed_at = "cancelled", "withdrawn by the parent", utcnow()
        return handoff


def queue(url: str | None = None) -> list[Handoff]:
    """Open and claimed handoffs: crisis-flagged first, then the longest waiting."""
    with session_scope(url) as session:
        return list(session.scalars(select(Handoff).where(Handoff.state.in_(ACTIVE))
                                    .options(selectinload(Handoff.worker))
                                    .order_by(Handoff.urgent.desc(), Handoff.created_at, Handoff.id)))


def get_handoff(handoff_id: int, url: str | None = None) -> Handoff | None:
    """One handoff with its thread and worker loaded, for the desk."""
    with session_scope(url) as session:
        return session.scalar(select(Handoff).where(Handoff.id == handoff_id)
                              .options(selectinload(Handoff.messages), selectinload(Handoff.worker)))


def audit(worker_id: int | None, action: str, handoff_id: int | None = None, detail: str | None = None,
          url: str | None = None) -> None:
    with session_scope(url) as session:
        session.add(AuditEvent(worker_id=worker_id, action=action, handoff_id=handoff_id, detail=detail))


def keep_number(conversation_id: str, sealed_number: str, url: str | None = None) -> bool:
    """Give an SMS conversation's active handoff the parent's (sealed) number, once; True if it was kept."""
    with session_scope(url) as session:
        handoff = session.scalar(select(Handoff).where(Handoff.conversation_id == conversation_id,
                                                       Handoff.state.in_(ACTIVE),
                                                       Handoff.sealed_number.is_(None)))
        if handoff is None:
            return False
        handoff.sealed_number = sealed_number
        return True
