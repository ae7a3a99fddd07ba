"""What the bot says to "who can I call?": numbers that are open first, then local help, honestly labelled."""

from __future__ import annotations

import datetime as dt

from bot.knowledge import Knowledge, Question, cited, search
from bot.knowledge.schema import Service
from bot.replies import Answer, Reply
from bot.services.directory import Contacts, Listing
from bot.services.hours import london

DANGER_LINE = "If you or your baby are in danger, call 999."
UNVERIFIED = "We haven't checked these details yet, so check this with your leaving care team."
PA_ROUTE = "It's office hours, so your leaving care Personal Adviser (PA) may be able to help today too."
NIGHT_HELP = "night_help"  # the topic of knowledge/topics.yml for help at night and at weekends


def clock(at: dt.datetime) -> str:
    """9am, 5:30pm, 12pm."""
    hour = at.hour % 12 or 12
    minutes = f":{at.minute:02d}" if at.minute else ""
    return f"{hour}{minutes}{'am' if at.hour < 12 else 'pm'}"


def when(opens: dt.datetime, at: dt.datetime) -> str:
    days = (opens.date() - london(at).date()).days
    day = "today" if days == 0 else "tomorrow" if days == 1 else f"on {opens.strftime('%A')}"
    return f"{day} at {clock(opens)}"


def how_to_reach(service: Service) -> str:
    contact = service.contact
    ways = []
    if contact.phone:
        ways.append(f"call {contact.phone}")
    if contact.text:
        word = f"{contact.text_word} " if contact.text_word else ""
        ways.append(f"text {word}to {contact.text}")
    if contact.web:
        ways.append(f"go to {contact.web}")
    if contact.how and not ways:
        ways.append(contact.how[0].lower() + contact.how[1:])
    return " or ".join(ways)


def _hours(listing: Listing) -> str:
    return "open 24 hours" if listing.service.hours.always else "open now"


def _labelled(service: Service, text: str) -> str:
    return text if service.verified else f"{text} {UNVERIFIED}"


def _state(listing: Listing, at: dt.datetime, open_now: str, opens: str, closed: str) -> str:
    if listing.open_now:
        return open_now
    return f"{opens} {when(listing.opens, at)}" if listing.opens else closed


def _national_line(listing: Listing) -> str:
    service = listing.service
    return _labelled(service, f"• {service.name}: {how_to_reach(service)}. {service.offers.capitalize()}, "
                              f"{_hours(listing)}.")


def advice_line(listing: Listing, at: dt.datetime) -> str:
    """A line that may be closed: when it opens, and the unverified label where it applies."""
    service = listing.service
    state = _state(listing, at, "open now", "opens", "closed")
    return _labelled(service, f"• {service.name}: {how_to_reach(service)} ({state}). "
                              f"{service.offers.capitalize()}.")


def short_advice_lines(listings: list[Listing], at: dt.datetime) -> str:
    """Advice lines in one sentence for SMS: name, how to reach, when; the unverified label once."""
    lines = [f"{li.service.name}, {how_to_reach(li.service)} "
             f"({_state(li, at, 'open now', 'opens', 'closed')})" for li in listings]
    text = "; ".join(lines) + "."
    return text if all(li.service.verified for li in listings) else f"{text} {UNVERIFIED}"


def _local_line(listing: Listing, at: dt.datetime) -> str:
    service = listing.service
    state = _state(listing, at, "should be open now", "is closed now and should open again", "is closed now")
    return _labelled(service, f"{service.name} {state}: {how_to_reach(service)}.")


def promise_question(text: str) -> Question:
    """The knowledge question `promise` searches with: the parent's words, about help at any hour."""
    return Question(text=text, topics=(NIGHT_HELP,))


def promise(knowledge: Knowledge, text: str, short: bool = False) -> Answer:
    """What the documents promise about help at any hour, cited, with its next step; by SMS the step only.

    Empty when no entry is about help at night and at weekends.
    """
    found = [m.entry for m in search(knowledge, promise_question(text)) if NIGHT_HELP in m.entry.topics]
    if not found:
        return Answer([])
    entry = found[0]
    if short:
        return Answer([Reply(cited(knowledge, entry, entry.next_step, short=True))], [entry.id])
    text = f"{cited(knowledge, entry, entry.summary)}\n\nNext step: {entry.next_step}"
    return Answer([Reply(text)], [entry.id])


def who_to_call(contacts: Contacts, tonight: bool = False, promised: Answer | None = None) -> Answer:
    """Numbers first, always; local services after, if the parent has said where they live; then what the
    documents promise about help at any hour (`promise`), if given."""
    if contacts.open_now:
        heading = "Open tonight:" if tonight else f"Open right now ({clock(london(contacts.at))}):"
        lines = [heading, *(_national_line(li) for li in contacts.open_now)]
        if contacts.teams_open and not contacts.local and not tonight:
            lines.append(PA_ROUTE)
        lines.append(DANGER_LINE)
    else:
        lines = ["I can't find a line open right now.", DANGER_LINE]
    replies = [Reply("\n".join(lines))]
    if contacts.local:
        replies.append(Reply("\n\n".join(_local_line(li, contacts.at) for li in contacts.local)))
    if promised is None:
        return Answer(replies)
    return Answer([*replies, *promised.replies], promised.entry_ids)


def local_help(contacts: Contacts) -> Answer:
    """After the parent says where they live: their council's services, or an honest "none known"."""
    if not contacts.local:
        where = contacts.council or "where you live"
        text = (f"I don't have local services for {where} yet. The numbers above are open to "
                "everyone, and your leaving care team can tell you what's near you.")
        return Answer([Reply(text)])
    lines = [_local_line(li, contacts.at) for li in contacts.local]
    return Answer([Reply("\n\n".join(lines))])
