"""Which council a parent lives in, from what they typed: "Barnet", "barnet council", "N12 8NP" or "HR4"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.knowledge import Knowledge

POSTCODE = re.compile(r"\b([a-z]{1,2}[0-9][a-z0-9]?)(?:\s*[0-9][a-z]{2})?\b", re.IGNORECASE)


@dataclass(frozen=True)
class Place:
    council: str
    from_postcode: str | None = None  # the district it was worked out from, to say so to the parent


def find_place(knowledge: Knowledge, text: str) -> Place | None:
    """The council named in `text`, else the council of a postcode in it; None if neither."""
    lowered = f" {text.lower()} "
    for name in knowledge.council_names:
        if re.search(rf"\b{re.escape(name.lower())}\b", lowered):
            return Place(name)
    for match in POSTCODE.finditer(text):
        district = match.group(1).upper()
        for council in knowledge.councils:
            if district in council.postcode_districts:
                return Place(council.name, district)
    return None


def council_named(knowledge: Knowledge, value: str) -> str | None:
    """The council's own name for a slot or entity value ("barnet council" -> "Barnet")."""
    place = find_place(knowledge, value)
    return place.council if place else None
