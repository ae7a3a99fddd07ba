"""Choose who a parent can contact: what fits their need, what is open now, and their council's help."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from bot.knowledge import Knowledge
from bot.knowledge.schema import Need, Service
from bot.services.hours import is_open, next_opening, open_tonight

# Words that say what a parent needs; noticed, never asked. Whole words or phrases, lower case.
NEED_WORDS: dict[Need, tuple[str, ...]] = {
    Need.baby_health: ("poorly", "ill", "sick", "temperature", "fever", "rash", "vomiting", "teething",
                       "health", "doctor", "nurse", "medical"),
    Need.mental_health: ("talk", "low", "lonely", "alone", "anxious", "anxiety", "stressed", "depressed",
                         "cope", "coping", "panic", "sad", "overwhelmed", "struggling"),
    Need.domestic_abuse: ("abuse", "abusive", "controlling", "violent", "domestic"),
    Need.housing_emergency: ("homeless", "evicted", "kicked out", "nowhere to stay", "nowhere to sleep",
                             "locked out", "no heating", "no electric"),
    Need.money: ("money", "skint", "broke", "food", "electric", "gas", "bills", "rent", "nappies", "formula"),
    Need.advocacy: ("advocate", "advocacy"),
    Need.legal_advice: ("solicitor", "lawyer", "legal", "court"),
    Need.parenting: ("parenting", "feeding", "sleep", "routine"),
}
# The 24/7 listening and health lines any parent can use, whatever they asked.
GENERAL_NEEDS = (Need.mental_health, Need.baby_health)
EMERGENCY = "emergency-999"  # every reply ends with 999, so it is not listed as a line to call


@dataclass(frozen=True)
class Listing:
    service: Service
    open_now: bool
    opens: dt.datetime | None  # next opening, London time; None if not within two weeks


@dataclass(frozen=True)
class Contacts:
    at: dt.datetime
    needs: tuple[Need, ...]
    open_now: list[Listing]  # national services open at `at`, the ones that fit the need first
    local: list[Listing]  # the parent's council's services, open or not
    council: str | None
    teams_open: bool = False  # a leaving care team is in office hours now (the PA route is worth offering)


def needs_in_text(text: str) -> tuple[Need, ...]:
    padded = " " + " ".join(re.sub(r"[^a-z0-9']+", " ", text.lower()).split()) + " "
    return tuple(need for need, words in NEED_WORDS.items() if any(f" {w} " in padded for w in words))


def _listing(service: Service, at: dt.datetime) -> Listing:
    return Listing(service, is_open(service.hours, at), next_opening(service.hours, at))


def local_teams(knowledge: Knowledge) -> list[Service]:
    """The councils' own services (leaving care teams), whose hours are office hours."""
    return [s for s in knowledge.services if not s.national]


def next_team_opening(knowledge: Knowledge, at: dt.datetime) -> dt.datetime | None:
    openings = [o for o in (next_opening(s.hours, at) for s in local_teams(knowledge)) if o is not None]
    return min(openings) if openings else None


def advice_lines(knowledge: Knowledge, need: Need, at: dt.datetime) -> list[Listing]:
    """National lines for one need (legal advice, say), open or not, so a parent knows when to call."""
    return [_listing(s, at) for s in knowledge.services if s.national and need in s.what_for
            and s.id != EMERGENCY]


def find_contacts(knowledge: Knowledge, at: dt.datetime, text: str = "", council: str | None = None,
                  tonight: bool = False, limit: int = 3) -> Contacts:
    """Who to contact at `at` (or, with `tonight`, later tonight): at least one line that is open, whatever
    the need, then local help for the parent's council."""
    needs = needs_in_text(text)
    national = [s for s in knowledge.services if s.national and s.id != EMERGENCY]
    fits = [s for s in national if set(s.what_for) & set(needs)]
    general = [s for need in GENERAL_NEEDS for s in national if need in s.what_for and s not in fits]
    general = list({s.id: s for s in general}.values())
    open_now = [_listing(s, at) for s in [*fits, *general]]
    open_now = [li for li in open_now if li.open_now or (tonight and open_tonight(li.service.hours, at))]
    open_now = open_now[:limit]
    local = [_listing(s, at) for s in knowledge.services if council and council in s.area]
    if needs:
        local = [li for li in local if set(li.service.what_for) & set(needs)] or local
    teams_open = any(is_open(s.hours, at) for s in local_teams(knowledge))
    return Contacts(at, needs, open_now, local, council, teams_open)
