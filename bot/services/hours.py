"""Opening hours in Europe/London: open now, next opening, tonight; bank holidays and clock changes."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

from bot.knowledge.schema import DAYS, BankHolidays, Hours

LONDON = ZoneInfo("Europe/London")
DAY_MINUTES = 24 * 60
NIGHT_STARTS, NIGHT_ENDS = dt.time(18, 0), dt.time(8, 0)  # "tonight" is 6pm to 8am
LOOK_AHEAD_DAYS = 14


def london(at: dt.datetime) -> dt.datetime:
    """`at` as London wall-clock time; a time without a zone is refused rather than guessed."""
    if at.tzinfo is None:
        raise ValueError("a time without a time zone is ambiguous: give an aware datetime")
    return at.astimezone(LONDON)


@lru_cache(maxsize=16)
def _bank_holidays(year: int) -> frozenset[dt.date]:
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year))


def is_bank_holiday(day: dt.date) -> bool:
    """England and Wales bank holidays, including substitute days."""
    return day in _bank_holidays(day.year)


def _minutes(text: str) -> tuple[int, int]:
    start, end = text.split("-")
    to_min = [int(part[:2]) * 60 + int(part[3:]) for part in (start, end)]
    return to_min[0], to_min[1]


def _timetable(hours: Hours, day: dt.date) -> list[tuple[int, int]]:
    """The intervals that start on `day`, in minutes; an interval past midnight ends after DAY_MINUTES."""
    weekday = DAYS[day.weekday()]
    if is_bank_holiday(day):
        if hours.bank_holidays is BankHolidays.closed:
            return []
        if hours.bank_holidays is BankHolidays.as_sunday:
            weekday = "sun"
    spans = []
    for text in hours.weekly.get(weekday, []):
        start, end = _minutes(text)
        spans.append((start, end if end > start else end + DAY_MINUTES))
    return spans


def _open_spans(hours: Hours, day: dt.date) -> list[tuple[int, int]]:
    """Minutes of `day` when the service is open, including what runs on from the evening before."""
    spans = [(s, min(e, DAY_MINUTES)) for s, e in _timetable(hours, day)]
    evening_before = _timetable(hours, day - dt.timedelta(days=1))
    spans += [(0, e - DAY_MINUTES) for _, e in evening_before if e > DAY_MINUTES]
    return sorted(spans)


def is_open(hours: Hours, at: dt.datetime) -> bool:
    if hours.always:
        return True
    local = london(at)
    minute = local.hour * 60 + local.minute
    return any(start <= minute < end for start, end in _open_spans(hours, local.date()))


def next_opening(hours: Hours, at: dt.datetime) -> dt.datetime | None:
    """When the service next opens (London time), `at` itself if open now, None if not in two weeks."""
    if is_open(hours, at):
        return london(at)
    local = london(at)
    for offset in range(LOOK_AHEAD_DAYS):
        day = local.date() + dt.timedelta(days=offset)
        for start, _ in _open_spans(hours, day):
            candidate = dt.datetime.combine(day, dt.time(start // 60, start % 60), tzinfo=LONDON)
            if candidate > local:
                return candidate
    return None


def tonight(at: dt.datetime) -> tuple[dt.datetime, dt.datetime]:
    """The night `at` belongs to: from now (or 6pm) until 8am."""
    local = london(at)
    if local.time() < NIGHT_ENDS:
        return local, dt.datetime.combine(local.date(), NIGHT_ENDS, tzinfo=LONDON)
    start = max(local, dt.datetime.combine(local.date(), NIGHT_STARTS, tzinfo=LONDON))
    return start, dt.datetime.combine(local.date() + dt.timedelta(days=1), NIGHT_ENDS, tzinfo=LONDON)


def night_ahead(at: dt.datetime) -> bool:
    """True in the daytime, when "tonight" is still to come; False once the night has begun."""
    return tonight(at)[0] > london(at)


def open_tonight(hours: Hours, at: dt.datetime) -> bool:
    """Open at some time between now (or 6pm) and 8am."""
    start, end = tonight(at)
    opening = next_opening(hours, start)
    return opening is not None and opening < end

