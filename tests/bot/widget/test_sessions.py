"""Widget session ids: random, signed by this server, refused when guessed, chosen or signed elsewhere."""

from __future__ import annotations

import dataclasses

import pytest

from bot.config import get_settings
from bot.widget.sessions import SHAPE, is_valid, new_session_id


def test_issued_ids_are_random_signed_and_accepted():
    first, second = new_session_id(), new_session_id()
    assert first != second and SHAPE.match(first) and is_valid(first)


@pytest.mark.parametrize("offered", [None, "", "alice", 1, {"id": 1}, "web-" + "0" * 32 + "." + "0" * 32])
def test_guessed_or_chosen_ids_are_refused(offered):
    assert not is_valid(offered)


def test_an_id_signed_with_another_secret_is_refused():
    other = dataclasses.replace(get_settings(), widget_secret="another-server")
    assert not is_valid(new_session_id(other))
    assert is_valid(new_session_id(other), other)


def test_production_needs_a_secret():
    settings = dataclasses.replace(get_settings(), widget_secret=None, desk_secret=None, production=True)
    with pytest.raises(RuntimeError, match="VILLAGE_WIDGET_SECRET"):
        new_session_id(settings)
