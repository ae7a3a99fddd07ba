"""Typed settings from the environment, read once."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Settings:
    knowledge_dir: Path
    spacy_dir: Path
    database_url: str = f"sqlite:///{PROJECT_ROOT / 'var' / 'village.db'}"
    support_age_limit: int = 25
    # VILLAGE_NOW pins the clock (ISO 8601 with an offset) so end-to-end tests can ask at 2am; unset in use.
    pinned_now: dt.datetime | None = None


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Settings for this process; environment variables override the local defaults."""
    env = os.environ
    return Settings(
        knowledge_dir=Path(env.get("VILLAGE_KNOWLEDGE_DIR", PROJECT_ROOT / "knowledge")),
        spacy_dir=Path(env.get("VILLAGE_SPACY_DIR", PROJECT_ROOT / "var" / "spacy" / "village_en")),
        database_url=env.get("VILLAGE_DATABASE_URL", f"sqlite:///{PROJECT_ROOT / 'var' / 'village.db'}"),
        pinned_now=_aware(env["VILLAGE_NOW"]) if env.get("VILLAGE_NOW") else None,
    )


def _aware(text: str) -> dt.datetime:
    value = dt.datetime.fromisoformat(text)
    if value.tzinfo is None:
        raise ValueError(f"VILLAGE_NOW={text!r} needs a UTC offset, e.g. 2026-11-24T02:00:00+00:00")
    return value
