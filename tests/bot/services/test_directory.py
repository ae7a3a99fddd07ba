"""Who to contact: a table of needs and times to the lines that must be offered first."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from bot.knowledge import load_knowledge
from bot.knowledge.schema import Need
from bot.services.directory import find_contacts, needs_in_text

LONDON = ZoneInfo("Europe/London")
TUESDAY_2AM = dt.datetime(2026, 11, 24, 2, 0, tzinfo=LONDON)
TUESDAY_NOON = dt.datetime(2026, 11, 24, 12, 0, tzinfo=LONDON)
SATURDAY_NOON = dt.datetime(2026, 11, 28, 12, 0, tzinfo=LONDON)
CHRISTMAS_DAY = dt.datetime(2026, 12, 25, 11, 0, tzinfo=LONDON)


@pytest.fixture(scope="module")
def knowledge():
    return load_knowledge()


@pytest.mark.parametrize("text, needs", [
    ("who can i call tonight", ()),
    ("i need someone to talk to im so low", (Need.mental_health,)),
    ("my baby has a temperature who do i ring", (Need.baby_health,)),
    ("my partner is really controlling who can help", (Need.domestic_abuse,)),
    ("ive been evicted where do i go tonight", (Need.housing_emergency,)),
    ("im skint and have no food", (Need.money,)),
])
def test_needs_are_noticed_in_the_parents_words(text, needs):
    assert needs_in_text(text) == needs


@pytest.mark.parametrize("text, first", [
    ("who can i call tonight", "samaritans"),
    ("i need someone to talk to im so low", "samaritans"),
    ("my baby has a temperature who do i ring", "nhs-111"),
    ("my partner is really controlling who can help", "domestic-abuse-helpline"),
])
def test_the_line_that_fits_the_need_comes_first(knowledge, text, first):
    contacts = find_contacts(knowledge, TUESDAY_2AM, text)
    assert contacts.open_now[0].service.id == first


@pytest.mark.parametrize("when", [TUESDAY_2AM, TUESDAY_NOON, SATURDAY_NOON, CHRISTMAS_DAY])
@pytest.mark.parametrize("text", ["who can i call", "im skint and have no food", "ive been evicted"])
def test_there_is_always_a_line_open_now_whatever_the_need_and_time(knowledge, when, text):
    contacts = find_contacts(knowledge, when, text)
    assert contacts.open_now and all(listing.open_now for listing in contacts.open_now)


def test_999_is_not_listed_as_a_line_because_every_reply_ends_with_it(knowledge):
    assert "emergency-999" not in [li.service.id for li in find_contacts(knowledge, TUESDAY_2AM).open_now]


def test_local_services_only_for_the_parents_council(knowledge):
    barnet = find_contacts(knowledge, TUESDAY_NOON, council="Barnet")
    assert [li.service.id for li in barnet.local] == ["barnet-leaving-care-team"]
    assert barnet.local[0].open_now
    assert find_contacts(knowledge, TUESDAY_NOON).local == []


def test_local_team_at_night_is_closed_with_its_next_opening(knowledge):
    [team] = find_contacts(knowledge, TUESDAY_2AM, council="Herefordshire").local
    assert not team.open_now
    assert team.opens == dt.datetime(2026, 11, 24, 9, 0, tzinfo=LONDON)
