"""The time now, in London; pinned by VILLAGE_NOW for end-to-end tests."""

from __future__ import annotations

import datetime as dt

from bot.config import get_settings
from bot.services.hours import LONDON


def now() -> dt.datetime:
    return get_settings().pinned_now or dt.datetime.now(LONDON)
