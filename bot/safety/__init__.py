"""The safety fast path: notice danger in any message, before the policies, and give 999 and friends first."""

from bot.safety.caution import SAFETY_LINE, needs_caution
from bot.safety.detector import Crisis, CrisisKind, detect_crisis

__all__ = ["SAFETY_LINE", "Crisis", "CrisisKind", "detect_crisis", "needs_caution"]
