"""Opening hours in Europe/London: weekdays, nights, weekends, bank holidays, and the clocks changing."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from bot.knowledge.schema import Hours
from bot.services.hours import (
    is_bank_holiday,
    is_open,
    london,
    next_opening,
    night_ahead,
    open_tonight,
    tonight,
)

UTC = dt.timezone.utc
LONDON = ZoneInfo("Europe/London")
OFFICE = Hours(weekly={d: ["09:00-17:00"] for d in ("mon", "tue", "wed", "thu", "fri")})
LATE = Hours(weekly={"fri": ["20:00-02:00"], "sat": ["20:00-24:00"]}, bank_holidays="as_sunday")
ALWAYS = Hours(always=True)


def at(text: str, zone=LONDON) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=zone)


@pytest.mark.parametrize("when, expected", [
    ("2026-11-24 09:00", True),   # Tuesday, opening time
    ("2026-11-24 16:59", True),
    ("2026-11-24 17:00", False),  # closing time is closed
    ("2026-11-24 08:59", False),
    ("2026-11-25 02:00", False),  # the middle of the night
    ("2026-11-28 11:00", False),  # Saturday
    ("2026-11-29 11:00", False),  # Sunday
    ("2026-12-25 11:00", False),  # Christmas Day, a Friday
    ("2026-12-28 11:00", False),  # Boxing Day's substitute Monday
    ("2027-03-29 11:00", False),  # Easter Monday
    ("2026-12-29 11:00", True),   # an ordinary Tuesday between the holidays
])
def test_office_hours_in_london(when, expected):
    assert is_open(OFFICE, at(when)) is expected


def test_always_open_is_open_at_any_time_even_christmas_night():
    assert is_open(ALWAYS, at("2026-12-25 03:00"))
    assert next_opening(ALWAYS, at("2026-12-25 03:00")) == at("2026-12-25 03:00")


def test_hours_are_london_wall_clock_in_summer_time():
    # 08:30 UTC in July is 09:30 in London (BST): open. In January it is 08:30 in London: closed.
    assert is_open(OFFICE, at("2026-07-07 08:30", UTC))
    assert not is_open(OFFICE, at("2026-01-06 08:30", UTC))


def test_clocks_going_forward_and_back_keep_the_wall_clock_hours():
    # Sunday 29 March 2026 the clocks go forward; Monday opens at 09:00 BST, which is 08:00 UTC.
    opens = next_opening(OFFICE, at("2026-03-28 12:00"))
    assert opens == at("2026-03-30 09:00") and opens.astimezone(UTC).hour == 8
    # Sunday 25 October 2026 they go back; Monday opens at 09:00 GMT, which is 09:00 UTC.
    opens = next_opening(OFFICE, at("2026-10-24 12:00"))
    assert opens == at("2026-10-26 09:00") and opens.astimezone(UTC).hour == 9


def test_an_evening_that_runs_past_midnight_is_open_in_the_small_hours():
    assert is_open(LATE, at("2026-11-27 23:30"))   # Friday night
    assert is_open(LATE, at("2026-11-28 01:59"))   # early Saturday, still Friday's session
    assert not is_open(LATE, at("2026-11-28 02:00"))
    assert is_open(LATE, at("2026-11-28 23:59"))   # Saturday's session, to midnight
    assert not is_open(LATE, at("2026-11-29 00:30"))


def test_bank_holiday_as_sunday_uses_the_sunday_timetable():
    hours = Hours(weekly={"mon": ["09:00-17:00"], "sun": ["10:00-12:00"]}, bank_holidays="as_sunday")
    assert is_open(hours, at("2026-08-31 10:30"))      # Late Summer Bank Holiday, a Monday
    assert not is_open(hours, at("2026-08-31 14:00"))


def test_bank_holiday_open_keeps_the_usual_hours():
    hours = Hours(weekly={"mon": ["09:00-17:00"]}, bank_holidays="open")
    assert is_open(hours, at("2026-08-31 14:00"))


@pytest.mark.parametrize("when, opens", [
    ("2026-11-24 18:00", "2026-11-25 09:00"),  # Tuesday evening -> Wednesday morning
    ("2026-11-27 17:30", "2026-11-30 09:00"),  # Friday evening -> Monday
    ("2026-12-24 17:30", "2026-12-29 09:00"),  # Christmas Eve -> past Christmas and Boxing Day's substitute
    ("2026-11-24 07:00", "2026-11-24 09:00"),  # early morning -> the same day
])
def test_next_opening(when, opens):
    assert next_opening(OFFICE, at(when)) == at(opens)


def test_next_opening_is_now_when_open():
    assert next_opening(OFFICE, at("2026-11-24 10:15")) == at("2026-11-24 10:15")


def test_never_open_has_no_next_opening():
    assert next_opening(Hours(weekly={"mon": []}), at("2026-11-24 10:00")) is None


def test_tonight_runs_from_six_until_eight_next_morning():
    assert tonight(at("2026-11-24 15:00")) == (at("2026-11-24 18:00"), at("2026-11-25 08:00"))
    assert tonight(at("2026-11-24 21:00")) == (at("2026-11-24 21:00"), at("2026-11-25 08:00"))
    assert tonight(at("2026-11-25 02:00")) == (at("2026-11-25 02:00"), at("2026-11-25 08:00"))


def test_open_tonight():
    assert open_tonight(LATE, at("2026-11-27 12:00"))      # Friday lunchtime: open from 8pm
    assert not open_tonight(OFFICE, at("2026-11-24 12:00"))
    assert open_tonight(ALWAYS, at("2026-11-24 12:00"))


def test_a_time_without_a_zone_is_refused():
    with pytest.raises(ValueError, match="time zone"):
        london(dt.datetime(2026, 11, 24, 2, 0))


def test_bank_holidays_are_england_and_wales():
    assert is_bank_holiday(dt.date(2026, 12, 28))
    assert not is_bank_holiday(dt.date(2026, 11, 30))  # St Andrew's Day is Scotland's only


def test_the_night_is_ahead_in_the_afternoon_and_here_at_2am():
    assert night_ahead(at("2026-11-24 15:00"))
    assert not night_ahead(at("2026-11-24 19:00"))
    assert not night_ahead(at("2026-11-25 02:00"))
