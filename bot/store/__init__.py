"""The project database (SQLAlchemy 1.4, 2.0-style API): handoffs, workers, audit and crisis flags."""

from bot.store.crisis import crisis_flags, flag_crisis
from bot.store.database import get_engine, migrate, session_scope

__all__ = ["crisis_flags", "flag_crisis", "get_engine", "migrate", "session_scope"]
