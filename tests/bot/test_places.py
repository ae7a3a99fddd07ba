"""Which council a parent means: by name, "council", a full postcode or just its district."""

from __future__ import annotations

import pytest

from bot.knowledge import load_knowledge
from bot.places import Place, find_place


@pytest.mark.parametrize("text, place", [
    ("Barnet", Place("Barnet")),
    ("barnet council", Place("Barnet")),
    ("im in the london borough of barnet", Place("Barnet")),
    ("N12 8NP", Place("Barnet", "N12")),
    ("my postcode is n12 8np", Place("Barnet", "N12")),
    ("HR4", Place("Herefordshire", "HR4")),
    ("herefordshire", Place("Herefordshire")),
])
def test_council_from_name_or_postcode(text, place):
    assert find_place(load_knowledge(), text) == place


@pytest.mark.parametrize("text", ["", "manchester", "SW1A 1AA", "i dont know", "😀", "x" * 5000])
def test_unknown_places_are_not_guessed(text):
    assert find_place(load_knowledge(), text) is None
