"""The typed shape of the knowledge files: documents, topics and entries."""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum

from pydantic import BaseModel, Extra, constr, root_validator, validator

ENTRY_ID = r"^[a-z0-9]+(-[a-z0-9]+)*$"
SUMMARY_LIMIT = 300  # two SMS segments
NEXT_STEP_LIMIT = 160  # one SMS segment
# A word or phrase as the search sees a message: lower case, punctuation gone, single spaces.
MATCHABLE = re.compile(r"[a-z0-9&']+( [a-z0-9&']+)*")


class Situation(str, Enum):
    """When an entry applies; never a judgement about the parent."""

    anyone = "anyone"
    thinking_about_parenthood = "thinking_about_parenthood"
    expecting = "expecting"
    parent = "parent"
    father = "father"
    child_has_social_worker = "child_has_social_worker"
    concerns_raised = "concerns_raised"
    care_proceedings = "care_proceedings"
    child_removed = "child_removed"
    living_apart = "living_apart"


def _not_empty(cls, value: list) -> list:
    if not value:
        raise ValueError("needs at least one value")
    return value


def _matchable(cls, value: str) -> str:
    if not MATCHABLE.fullmatch(value):
        raise ValueError(f"'{value}' can never match a message: use lower-case letters, digits, single "
                         "spaces, & and ' only")
    return value


class Strict(BaseModel):
    class Config:
        extra = Extra.forbid
        anystr_strip_whitespace = True
        allow_mutation = False


class Document(Strict):
    id: constr(regex=r"^[a-z0-9_]+$")  # type: ignore[valid-type]
    title: constr(min_length=1)  # type: ignore[valid-type]
    publisher: constr(min_length=1)  # type: ignore[valid-type]
    council: str | None = None
    version: str | None = None
    cite_as: constr(min_length=1)  # type: ignore[valid-type]
    file: constr(min_length=1)  # type: ignore[valid-type]
    # What parents call the document ("pledge", "local offer"), optional: a parent who names it is answered
    # from it first, when its entries fit the question about as well as others.
    called: list[constr(min_length=1)] = []  # type: ignore[valid-type]

    _called_matchable = validator("called", each_item=True, allow_reuse=True)(_matchable)

    @validator("cite_as")
    def _has_section_slot(cls, value: str) -> str:
        if "{section}" not in value:
            raise ValueError("must contain {section}, where the entry's section goes")
        return value


class Topic(Strict):
    id: constr(regex=r"^[a-z_]+$")  # type: ignore[valid-type]
    label: constr(min_length=1)  # type: ignore[valid-type]
    words: list[constr(min_length=1)]  # type: ignore[valid-type]

    @validator("words", each_item=True)
    def _lower_case(cls, value: str) -> str:
        if value != value.lower():
            raise ValueError(f"'{value}' must be lower case")
        return value


class Source(Strict):
    document: constr(min_length=1)  # type: ignore[valid-type]
    section: constr(min_length=1)  # type: ignore[valid-type]


class Entry(Strict):
    """One thing a document promises. `words` are how parents ask about this entry in particular (optional):
    the search uses them to tell entries of the same topic apart. `asked` are whole messages parents send
    that this entry answers best (optional): the search learns from them (bot.knowledge.asked)."""

    id: constr(regex=ENTRY_ID)  # type: ignore[valid-type]
    title: constr(min_length=1, max_length=80)  # type: ignore[valid-type]
    summary: constr(min_length=1, max_length=SUMMARY_LIMIT)  # type: ignore[valid-type]
    details: constr(min_length=1)  # type: ignore[valid-type]
    next_step: constr(min_length=1, max_length=NEXT_STEP_LIMIT)  # type: ignore[valid-type]
    topics: list[str]
    applies_when: list[Situation]
    source: Source
    also_in: list[str] = []
    last_reviewed: dt.date
    words: list[constr(min_length=1)] = []  # type: ignore[valid-type]
    asked: list[constr(min_length=1, max_length=1000)] = []  # type: ignore[valid-type]

    _topics_and_situations = validator("topics", "applies_when", allow_reuse=True)(_not_empty)

    _words_matchable = validator("words", each_item=True, allow_reuse=True)(_matchable)


class DocumentsFile(Strict):
    documents: list[Document]


class TopicsFile(Strict):
    topics: list[Topic]


class EntriesFile(Strict):
    entries: list[Entry]


class Need(str, Enum):
    """What a parent needs help with, right now; services say which needs they meet."""

    crisis = "crisis"
    mental_health = "mental_health"
    baby_health = "baby_health"
    housing_emergency = "housing_emergency"
    domestic_abuse = "domestic_abuse"
    social_care_out_of_hours = "social_care_out_of_hours"
    advocacy = "advocacy"
    legal_advice = "legal_advice"
    peer_support = "peer_support"
    parenting = "parenting"
    money = "money"


DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
INTERVAL = r"^([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-4]):[0-5][0-9]$"


class BankHolidays(str, Enum):
    closed = "closed"
    open = "open"  # the usual hours for that weekday
    as_sunday = "as_sunday"


class Hours(Strict):
    """Opening hours in Europe/London wall-clock time: either always open, or a weekly timetable."""

    always: bool = False
    weekly: dict[str, list[constr(regex=INTERVAL)]] = {}  # type: ignore[valid-type]
    bank_holidays: BankHolidays = BankHolidays.closed

    @validator("weekly")
    def _known_days(cls, value: dict) -> dict:
        unknown = sorted(set(value) - set(DAYS))
        if unknown:
            raise ValueError(f"unknown day {unknown[0]!r}: use {', '.join(DAYS)}")
        return value

    @root_validator(skip_on_failure=True)
    def _timetable_or_always(cls, values: dict) -> dict:
        if values.get("always") and values.get("weekly"):
            raise ValueError("a service is either always open or has a weekly timetable, not both")
        if not values.get("always") and not values.get("weekly"):
            raise ValueError("give either `always: true` or a `weekly` timetable")
        return values


class Contact(Strict):
    phone: constr(regex=r"^[0-9 ]{3,16}$") | None = None  # type: ignore[valid-type]
    text: constr(regex=r"^[0-9 ]{3,16}$") | None = None  # type: ignore[valid-type]
    text_word: str | None = None  # what to text, e.g. SHOUT
    web: str | None = None
    how: str | None = None  # when there is no number to give, how to reach them

    @root_validator(skip_on_failure=True)
    def _some_way_in(cls, values: dict) -> dict:
        if not any(values.get(key) for key in ("phone", "text", "web", "how")):
            raise ValueError("give at least one of phone, text, web or how")
        return values


class Service(Strict):
    id: constr(regex=ENTRY_ID)  # type: ignore[valid-type]
    name: constr(min_length=1, max_length=80)  # type: ignore[valid-type]
    offers: constr(min_length=1, max_length=100)  # type: ignore[valid-type]
    what_for: list[Need]
    contact: Contact
    hours: Hours
    area: list[str]  # ["national"] or the councils it serves
    source: constr(min_length=1)  # type: ignore[valid-type]
    verified: bool
    last_reviewed: dt.date

    _needs_and_area = validator("what_for", "area", allow_reuse=True)(_not_empty)

    @property
    def national(self) -> bool:
        return "national" in self.area


class ServicesFile(Strict):
    services: list[Service]


class Council(Strict):
    """A council the bot knows, and the postcode districts it covers (a district can straddle councils)."""

    name: constr(min_length=1)  # type: ignore[valid-type]
    postcode_districts: list[constr(regex=r"^[A-Z]{1,2}[0-9][A-Z0-9]?$")]  # type: ignore[valid-type]
    source: constr(min_length=1)  # type: ignore[valid-type]
    verified: bool
    last_reviewed: dt.date


class CouncilsFile(Strict):
    councils: list[Council]
