"""Crisis flags: a conversation the safety rules fired in, for a worker to follow up."""

from __future__ import annotations

from sqlalchemy import select

from bot.store.database import session_scope
from bot.store.models import CrisisFlag


def flag_crisis(conversation_id: str, kind: str, url: str | None = None) -> int:
    """Record that a conversation needs a worker's follow-up; committed before this returns."""
    with session_scope(url) as session:
        flag = CrisisFlag(conversation_id=conversation_id, kind=kind)
        session.add(flag)
        session.flush()
        return flag.id


def crisis_flags(conversation_id: str | None = None, url: str | None = None) -> list[CrisisFlag]:
    with session_scope(url) as session:
        query = select(CrisisFlag).order_by(CrisisFlag.id)
        if conversation_id is not None:
            query = query.where(CrisisFlag.conversation_id == conversation_id)
        return list(session.scalars(query))
