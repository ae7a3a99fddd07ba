"""The tables. Kept to what a worker needs: no message text outside a handoff the parent asked for."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Column, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


class CrisisFlag(Base):
    """A conversation in which the safety rules fired, for a worker to follow up. No message text is kept."""

    __tablename__ = "crisis_flags"

    id = Column(Integer, primary_key=True)
    conversation_id = Column(String(255), nullable=False, index=True)
    kind = Column(String(32), nullable=False)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)


class Worker(Base):
    __tablename__ = "workers"

    id = Column(Integer, primary_key=True)
    username = Column(String(80), nullable=False, unique=True)
    display_name = Column(String(120), nullable=False)
    password_hash = Column(String(255), nullable=False)
    active = Column(Boolean, nullable=False, default=True)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)


class Handoff(Base):
    """A parent's request for a person: open -> claimed -> closed, or cancelled by the parent."""

    __tablename__ = "handoffs"

    id = Column(Integer, primary_key=True)
    reference = Column(String(16), nullable=False, unique=True)
    conversation_id = Column(String(255), nullable=False, index=True)
    channel = Column(String(32), nullable=False)
    reason = Column(String(32), nullable=False)
    consent = Column(Boolean, nullable=False)  # may the worker see the conversation so far?
    contact_preference = Column(String(32), nullable=False)
    urgent = Column(Boolean, nullable=False, default=False)  # a crisis was flagged in this conversation
    state = Column(String(16), nullable=False, default="open", index=True)
    claimed_by = Column(Integer, ForeignKey("workers.id"), nullable=True)
    outcome = Column(Text, nullable=True)
    # SMS only: the parent's number, sealed (bot.sms.numbers.seal), so a worker's reply can reach the phone.
    sealed_number = Column(Text, nullable=True)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)
    claimed_at = Column(DateTime(timezone=True), nullable=True)
    closed_at = Column(DateTime(timezone=True), nullable=True)

    messages = relationship("HandoffMessage", order_by="HandoffMessage.id", back_populates="handoff")
    worker = relationship("Worker")


class HandoffMessage(Base):
    """The thread of a handoff: the shared conversation so far (with consent), then parent and worker."""

    __tablename__ = "handoff_messages"

    id = Column(Integer, primary_key=True)
    handoff_id = Column(Integer, ForeignKey("handoffs.id"), nullable=False, index=True)
    author = Column(String(16), nullable=False)  # parent, bot, worker, history_parent, history_bot
    worker_id = Column(Integer, ForeignKey("workers.id"), nullable=True)
    text = Column(Text, nullable=False)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)

    handoff = relationship("Handoff", back_populates="messages")


class AuditEvent(Base):
    """Who looked at or did what to a conversation, and when."""

    __tablename__ = "audit_events"

    id = Column(Integer, primary_key=True)
    worker_id = Column(Integer, ForeignKey("workers.id"), nullable=True)
    action = Column(String(32), nullable=False)
    handoff_id = Column(Integer, ForeignKey("handoffs.id"), nullable=True, index=True)
    detail = Column(String(255), nullable=True)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)


class SmsOptOut(Base):
    """A number that sent STOP: kept as a keyed hash, never the number itself."""

    __tablename__ = "sms_opt_outs"

    id = Column(Integer, primary_key=True)
    number_key = Column(String(64), nullable=False, unique=True)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)


class SmsDelivery(Base):
    """Twilio MessageSids already handled, so a retried webhook is processed once."""

    __tablename__ = "sms_deliveries"

    id = Column(Integer, primary_key=True)
    message_sid = Column(String(64), nullable=False, unique=True)
    created_at = Column(DateTime(timezone=True), nullable=False, default=utcnow)


class SmsPending(Base):
    """What an SMS conversation's next "MORE" sends and what its numbers mean: only the last turn's."""

    __tablename__ = "sms_pending"

    conversation_id = Column(String(64), primary_key=True)
    more = Column(Text, nullable=False, default="")
    options = Column(Text, nullable=False, default="[]")  # JSON [[title, payload], ...]
    updated_at = Column(DateTime(timezone=True), nullable=False, default=utcnow, onupdate=utcnow)


class PurgeRun(Base):
    """One run of `village purge`: when, its cutoff and how many rows of each kind went. No ids, no text."""

    __tablename__ = "purge_runs"

    id = Column(Integer, primary_key=True)
    ran_at = Column(DateTime(timezone=True), nullable=False, default=utcnow, index=True)
    cutoff = Column(DateTime(timezone=True), nullable=False)
    conversations = Column(Integer, nullable=False, default=0)
    events = Column(Integer, nullable=False, default=0)
    handoffs = Column(Integer, nullable=False, default=0)
    handoff_messages = Column(Integer, nullable=False, default=0)
    audit_events = Column(Integer, nullable=False, default=0)
    crisis_flags = Column(Integer, nullable=False, default=0)
    sms_deliveries = Column(Integer, nullable=False, default=0)
    sms_pending = Column(Integer, nullable=False, default=0)
    handoffs_kept_open = Column(Integer, nullable=False, default=0)  # past the period but open or claimed
