"""What the parent is told about a handoff: what happens next, the reference, and how to withdraw it."""

from __future__ import annotations

import datetime as dt
import re

from bot.knowledge import Knowledge
from bot.knowledge.schema import Need
from bot.replies import Answer, Reply
from bot.services.answer import DANGER_LINE, advice_line, clock, how_to_reach, short_advice_lines, when
from bot.services.directory import advice_lines, find_contacts, next_team_opening
from bot.services.hours import london

WHAT_FOR = {
    "advocacy": "an advocate: someone on your side who helps you say what you want and be heard",
    "legal_advice": "legal advice",
    "human": "a person to talk to",
    "complaint": "your complaint",
}
CANCEL = re.compile(r"^\s*(cancel|cancel it|cancel that|never ?mind|nevermind|nvm|forget it|stop the request)"
                    r"[\s.!]*$", re.IGNORECASE)
PREFERENCE_WORDS = (("text_me", ("text", "txt", "message me", "sms")),
                    ("call_me", ("call", "ring", "phone", "bell")),
                    ("reply_here", ("here", "reply", "chat", "this")))
ASK_AGAIN = "Sorry, I didn't catch that. You can say reply here, call me or text me."
NO_NUMBER_HERE = ("I don't have a phone number for you on this chat, so the worker will reply here. "
                  "You can give them your number when they do.")
CONTACT_WORDS = {"reply_here": "reply to you here", "call_me": "call you", "text_me": "text you"}


def is_cancel(text: str) -> bool:
    return bool(CANCEL.match(text or ""))


def contact_preference(text: str) -> str | None:
    """A contact preference in the parent's words: "ring me" -> call_me; None if none is clear."""
    lowered = text.lower()
    for preference, words in PREFERENCE_WORDS:
        if any(re.search(rf"\b{re.escape(word)}", lowered) for word in words):
            return preference
    return None


SHORT_WHAT_FOR = {"advocacy": "an advocate", "legal_advice": "legal advice", "human": "a person to talk to",
                  "complaint": "your complaint"}


def explain(knowledge: Knowledge, reason: str, at: dt.datetime, short: bool = False) -> Answer:
    """One message on what will happen (who, how, when), then what is open now if it's out of hours.

    `short` is for SMS, where every 160 characters is a text: the same facts, in one message of about two.
    """
    contacts = find_contacts(knowledge, at)
    opens = None if contacts.teams_open else next_team_opening(knowledge, at)
    if short:
        return _explain_short(knowledge, reason, at, contacts, opens)
    if contacts.teams_open:
        timing = "It's office hours, so a worker should see it today."
    elif opens:
        timing = (f"It's {clock(london(at))} now, outside office hours, so a worker will see it when the "
                  f"team opens, {when(opens, at)}.")
    else:
        timing = "A worker will see it when the team is next open."
    text = (f"I can ask a worker from the leaving care team to help with {WHAT_FOR[reason]}. {timing} "
            "They'll contact you the way you choose. First, two quick questions.")
    replies = [Reply(text)]
    if not contacts.teams_open:
        lines = [f"• {li.service.name}: {how_to_reach(li.service)}" for li in contacts.open_now]
        replies.append(Reply("\n".join(["Open right now if you need someone sooner:", *lines, DANGER_LINE])))
    if reason == "legal_advice":
        legal = [advice_line(li, at) for li in advice_lines(knowledge, Need.legal_advice, at)]
        if legal:
            replies.append(Reply("\n".join(["Free legal advice lines you can also try:", *legal])))
    return Answer(replies)


def _explain_short(knowledge: Knowledge, reason: str, at: dt.datetime, contacts, opens) -> Answer:
    if contacts.teams_open:
        timing = "It's office hours, so they should see it today."
    elif opens:
        timing = f"It's {clock(london(at))}, so they'll see it when the team opens, {when(opens, at)}."
    else:
        timing = "They'll see it when the team is next open."
    text = f"I'll ask a leaving care worker to help with {SHORT_WHAT_FOR[reason]}. {timing}"
    if not contacts.teams_open and contacts.open_now:
        sooner = "; ".join(f"{li.service.name}: {how_to_reach(li.service)}" for li in contacts.open_now)
        text += f" Sooner: {sooner}. {DANGER_LINE}"
    replies = [Reply(text)]
    legal = advice_lines(knowledge, Need.legal_advice, at) if reason == "legal_advice" else []
    if legal:
        replies.append(Reply(f"Free legal advice: {short_advice_lines(legal, at)}"))
    return Answer(replies)


def confirmation(reference: str, preference: str) -> Answer:
    return Answer([Reply(
        f"Done. Your request is with the team. Your reference is {reference}. A worker will "
        f"{CONTACT_WORDS[preference]}. Until then I'll stay quiet, and anything you send goes to the worker. "
        "If you or your baby are in danger, call 999: I'll still answer that. "
        "To withdraw the request, say never mind."
    )])


def withdrawn(reference: str) -> str:
    return f"OK, I've withdrawn your request ({reference}). I'm back: ask me anything."


def closed(outcome: str) -> str:
    return f"Your worker has closed your request ({outcome}). I'm back if you need me: ask me anything."
