"""The words an SMS service must understand whatever the bot is doing: STOP, START, HELP, MORE and numbers."""

from __future__ import annotations

from bot.replies import Button

# Twilio's and the UK's usual opt-out and opt-in words; matched on the whole message, any case or spacing.
STOP_WORDS = frozenset({"stop", "stopall", "unsubscribe", "end", "quit", "cancel", "optout"})
START_WORDS = frozenset({"start", "unstop"})  # not "yes": that is an everyday answer here
HELP_WORDS = frozenset({"help", "info"})
MORE_WORDS = frozenset({"more"})
HELP_REPLY = ("Village answers questions about support for parents who have been in care, and who you can "
              "call. It's free. Reply STOP to stop messages. In an emergency call 999.")
STOPPED_REPLY = "You won't get any more messages from Village. Reply START if you want them again."
STARTED_REPLY = "Welcome back to Village. Ask me anything, or reply HELP."


def keyword(text: str | None) -> str:
    """The whole message as a lower-case word with spaces and punctuation around it removed."""
    return "".join((text or "").split()).strip(".!?").lower()


def is_stop(text: str | None) -> bool:
    return keyword(text) in STOP_WORDS


def is_start(text: str | None) -> bool:
    return keyword(text) in START_WORDS


def is_help(text: str | None) -> bool:
    return keyword(text) in HELP_WORDS


def is_more(text: str | None) -> bool:
    return keyword(text) in MORE_WORDS


def chosen(text: str | None, options: tuple[Button, ...]) -> Button | None:
    """The option a numbered reply picks ("2", " 2. "), or None."""
    word = keyword(text)
    if word.isdigit() and 1 <= int(word) <= len(options):
        return options[int(word) - 1]
    return None
