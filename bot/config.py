"""Typed settings from the environment, read once."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Settings:
    knowledge_dir: Path
    spacy_dir: Path
    support_age_limit: int = 25


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Settings for this process; environment variables override the local defaults."""
    env = os.environ
    return Settings(
        knowledge_dir=Path(env.get("VILLAGE_KNOWLEDGE_DIR", PROJECT_ROOT / "knowledge")),
        spacy_dir=Path(env.get("VILLAGE_SPACY_DIR", PROJECT_ROOT / "var" / "spacy" / "village_en")),
    )
