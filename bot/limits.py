"""Rate limits per sender: how many messages a key may send in each window, and what to tell them once.

Each rule is (count, seconds). A rule's window opens with the key's first allowed message and lasts its
seconds; at most `count` messages are allowed in it, and a refused one waits until the window closes. Fixed
windows that open per key (rather than a sliding log) give a pause we can tell the parent ("until 2:35am"),
one notice per pause, and two numbers per rule per key. The price is a burst of up to twice a rule's count
across a window's end, which the longer rule (and, for SMS, the global cap) still bounds.

Only allowed messages count, so a refused flood doesn't extend the pause. Keys idle past their longest window
are forgotten, and at most `max_keys` are kept (the least recently seen go first), so memory stays bounded.

The counts are in this process's memory: with two Rasa processes each limits on its own, so a sender may get
up to twice the limit (a shared Redis backend would fix that). A restart forgets every count.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

Rule = tuple[int, float]  # (count, seconds)
UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass(frozen=True)
class Decision:
    allowed: bool
    retry_after: float = 0.0  # seconds until the key may send again (0 when allowed)
    first_refusal: bool = False  # the first refusal of this pause: the one time to tell the sender
    limit: str = ""  # the rule that refused, for logs: "15 per 5m"


@dataclass
class _Key:
    starts: list[float]  # per rule: when its window opened
    counts: list[int]  # per rule: messages allowed in it
    paused_until: float = -math.inf  # the end of the pause already told to the sender
    claimed: set[str] = field(default_factory=set)  # replies given once during that pause


def describe(rule: Rule) -> str:
    count, seconds = rule
    unit = next((u for u in ("d", "h", "m") if seconds % UNITS[u] == 0), "s")
    return f"{count} per {seconds // UNITS[unit]:g}{unit}"


def parse_rules(text: str) -> tuple[Rule, ...]:
    """"15/5m,100/1d" -> ((15, 300.0), (100, 86400.0)); "off": no limit."""
    text = text.strip().lower()
    if text in ("off", "none"):
        return ()
    rules = []
    for part in text.split(","):
        found = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+(?:\.\d+)?)\s*([smhd])\s*", part)
        if not found or int(found.group(1)) < 1 or float(found.group(2)) <= 0:
            raise ValueError(f"a rate limit reads like 15/5m or 100/1d (s, m, h or d), not {part.strip()!r}")
        rules.append((int(found.group(1)), float(found.group(2)) * UNITS[found.group(3)]))
    return tuple(rules)


class Limiter:
    """Thread-safe and never awaits, so the event loop and worker threads can share one."""

    def __init__(self, rules: Sequence[Rule], clock: Callable[[], float] = time.monotonic,
                 max_keys: int = 100_000):
        self.rules = tuple(rules)
        self.clock, self.max_keys = clock, max_keys
        self._longest = max((seconds for _, seconds in self.rules), default=0.0)
        self._keys: OrderedDict[str, _Key] = OrderedDict()
        self._lock = threading.Lock()

    def check(self, key: str) -> Decision:
        """Count one message from `key` if a rule allows it; otherwise say for how long it must wait."""
        if not self.rules:
            return Decision(True)
        with self._lock:
            now = self.clock()
            self._forget_idle(now)
            state = self._keys.get(key)
            if state is None:
                state = self._keys[key] = _Key([now] * len(self.rules), [0] * len(self.rules))
            self._keys.move_to_end(key)
            for i, (_, seconds) in enumerate(self.rules):
                if now - state.starts[i] >= seconds:  # this rule's window closed: a new one opens now
                    state.starts[i], state.counts[i] = now, 0
            full = [(state.starts[i] + seconds - now, i) for i, (count, seconds) in enumerate(self.rules)
                    if state.counts[i] >= count]
            if not full:
                state.counts = [c + 1 for c in state.counts]
                return Decision(True)
            wait, rule = max(full)
            first = now >= state.paused_until
            if first:
                state.paused_until, state.claimed = now + wait, set()
            return Decision(False, wait, first, describe(self.rules[rule]))

    def claim(self, key: str, what: str) -> bool:
        """True the first time `what` is claimed in the key's current pause (e.g. one crisis answer)."""
        with self._lock:
            state = self._keys.get(key)
            if state is None or self.clock() >= state.paused_until:
                return True  # not paused: nothing to ration
            if what in state.claimed:
                return False
            state.claimed.add(what)
            return True

    def remembered(self) -> int:
        """How many keys are held in memory (not __len__, which would make an empty limiter falsy)."""
        return len(self._keys)

    def _forget_idle(self, now: float) -> None:
        while self._keys:
            key, state = next(iter(self._keys.items()))
            idle = all(now - start >= self._longest for start in state.starts) and now >= state.paused_until
            if not idle and len(self._keys) < self.max_keys:
                return
            del self._keys[key]


def pause_notice(retry_after: float, now: dt.datetime) -> str:
    """What a sender over the limit is told, once: when to write again, and who to call meanwhile."""
    until = now + dt.timedelta(seconds=math.ceil(retry_after / 60) * 60)
    clock = until.strftime("%I:%M%p").lstrip("0").lower()
    if until.date() != now.date():
        clock += " tomorrow"
    return (f"You've sent a lot of messages, so I'm pausing until {clock}. "
            "If you or your baby are in danger, call 999. Samaritans: 116 123, free, any time.")
