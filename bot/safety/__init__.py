"""The safety fast path: notice danger in any message, before the policies, and give 999 and friends first."""

from bot.safety.detector import Crisis, CrisisKind, detect_crisis

__all__ = ["Crisis", "CrisisKind", "detect_crisis"]
