"""SMS records: who said STOP (by keyed hash), which Twilio deliveries were handled, and each conversation's
pending "MORE" text and numbered options (only the last turn's)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import delete, exists, select
from sqlalchemy.exc import IntegrityError

from bot.replies import Button
from bot.sms.numbers import number_key
from bot.store.database import session_scope
from bot.store.models import SmsDelivery, SmsOptOut, SmsPending


@dataclass(frozen=True)
class Pending:
    more: str = ""
    options: tuple[Button, ...] = ()


def opt_out(number: str, url: str | None = None) -> None:
    key = number_key(number)
    with session_scope(url) as session:
        if not session.scalar(select(exists().where(SmsOptOut.number_key == key))):
            session.add(SmsOptOut(number_key=key))


def opt_in(number: str, url: str | None = None) -> None:
    with session_scope(url) as session:
        session.execute(delete(SmsOptOut).where(SmsOptOut.number_key == number_key(number)))


def is_opted_out(number: str, url: str | None = None) -> bool:
    with session_scope(url) as session:
        return bool(session.scalar(select(exists().where(SmsOptOut.number_key == number_key(number)))))


def first_delivery(message_sid: str, url: str | None = None) -> bool:
    """True the first time a MessageSid is seen; False for Twilio's retries of it."""
    try:
        with session_scope(url) as session:
            session.add(SmsDelivery(message_sid=message_sid))
        return True
    except IntegrityError:
        return False


def forget_delivery(message_sid: str, url: str | None = None) -> None:
    """The message could not be handled: let Twilio's retry of it through."""
    with session_scope(url) as session:
        session.execute(delete(SmsDelivery).where(SmsDelivery.message_sid == message_sid))


def pending(conversation_id: str, url: str | None = None) -> Pending:
    with session_scope(url) as session:
        row = session.get(SmsPending, conversation_id)
        if row is None:
            return Pending()
        return Pending(row.more, tuple(Button(title, payload) for title, payload in json.loads(row.options)))


def remember(conversation_id: str, state: Pending, url: str | None = None) -> None:
    """Keep what MORE and the numbers mean after this turn; nothing is kept when there is nothing to keep."""
    with session_scope(url) as session:
        row = session.get(SmsPending, conversation_id)
        if not state.more and not state.options:
            if row is not None:
                session.delete(row)
            return
        options = json.dumps([[o.title, o.payload] for o in state.options])
        if row is None:
            session.add(SmsPending(conversation_id=conversation_id, more=state.more, options=options))
        else:
            row.more, row.options = state.more, options
