"""SMS records: who said STOP (by keyed hash), and which Twilio deliveries were already handled."""

from __future__ import annotations

from sqlalchemy import delete, exists, select
from sqlalchemy.exc import IntegrityError

from bot.sms.numbers import number_key
from bot.store.database import session_scope
from bot.store.models import SmsDelivery, SmsOptOut


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
