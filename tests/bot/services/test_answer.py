"""The words of a "who can I call?" answer: numbers open now first, 999 always, unverified items labelled."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from bot.knowledge import load_knowledge
from bot.services.answer import PA_ROUTE, UNVERIFIED, clock, local_help, promise, who_to_call
from bot.services.directory import find_contacts

LONDON = ZoneInfo("Europe/London")
FRIDAY_NIGHT = dt.datetime(2026, 11, 27, 23, 40, tzinfo=LONDON)
WEDNESDAY_TEN = dt.datetime(2026, 11, 25, 10, 0, tzinfo=LONDON)


def text_of(answer) -> str:
    return "\n\n".join(reply.text for reply in answer.replies)


def test_night_answer_gives_open_numbers_first_and_999():
    answer = who_to_call(find_contacts(load_knowledge(), FRIDAY_NIGHT, "who can i call tonight"))
    first = answer.replies[0].text
    assert first.startswith("Open right now (11:40pm):")
    assert "call 116 123" in first and "text SHOUT to 85258" in first and "call 111" in first
    assert first.endswith("If you or your baby are in danger, call 999.")
    assert len(first) <= 480  # three SMS segments at most


def test_local_team_at_the_weekend_says_when_it_opens_and_is_labelled_unverified():
    contacts = find_contacts(load_knowledge(), FRIDAY_NIGHT, council="Barnet")
    text = text_of(local_help(contacts))
    assert "closed now and should open again on Monday at 9am" in text
    assert UNVERIFIED in text


def test_local_team_in_office_hours_is_offered_as_open():
    contacts = find_contacts(load_knowledge(), WEDNESDAY_TEN, "who can i call", council="Barnet")
    answer = who_to_call(contacts)
    assert "leaving care team (your Personal Adviser) should be open now" in answer.replies[1].text
    assert "check this with your leaving care team" in answer.replies[1].text


def test_unknown_council_gets_an_honest_no_local_services():
    contacts = find_contacts(load_knowledge(), WEDNESDAY_TEN, council=None)
    assert "I don't have local services for where you live yet" in text_of(local_help(contacts))


def test_clock_is_written_the_way_people_say_it():
    assert [clock(dt.datetime(2026, 1, 1, h, m)) for h, m in ((0, 5), (9, 0), (12, 0), (17, 30))] == [
        "12:05am", "9am", "12pm", "5:30pm"]


def test_in_office_hours_the_pa_route_is_offered_before_the_council_is_known():
    daytime = who_to_call(find_contacts(load_knowledge(), WEDNESDAY_TEN, "who can i call"))
    night = who_to_call(find_contacts(load_knowledge(), FRIDAY_NIGHT, "who can i call"))
    assert PA_ROUTE in daytime.replies[0].text
    assert PA_ROUTE not in night.replies[0].text


def test_unverified_national_lines_are_labelled_when_listed():
    contacts = find_contacts(load_knowledge(), WEDNESDAY_TEN, "who can i call about court its legal stuff")
    first = who_to_call(contacts).replies[0].text
    cla = next(line for line in first.splitlines() if "Civil Legal Advice" in line)
    assert cla.endswith(UNVERIFIED)
    samaritans = next(line for line in first.splitlines() if "Samaritans" in line)
    assert UNVERIFIED not in samaritans


def test_the_promise_of_help_at_any_hour_comes_after_the_numbers_cited_with_its_next_step():
    knowledge = load_knowledge()
    text = "my pa is off sick for 2 weeks, who do i contact at the weekend"
    answer = who_to_call(find_contacts(knowledge, FRIDAY_NIGHT, text), promised=promise(knowledge, text))
    assert answer.replies[0].text.startswith("Open right now (11:40pm):")
    said = answer.replies[-1].text
    entry = knowledge.entry(answer.entry_ids[0])
    assert len(answer.entry_ids) == 1 and "night_help" in entry.topics
    assert said.startswith(f"{entry.summary} ({knowledge.citation(entry)})")
    assert said.endswith(f"Next step: {entry.next_step}")


def test_by_sms_the_promise_is_the_next_step_with_its_source_first():
    knowledge = load_knowledge()
    short = promise(knowledge, "who can i ring tonight", short=True)
    entry = knowledge.entry(short.entry_ids[0])
    assert [r.text for r in short.replies] == [f"From the {knowledge.citation(entry)}: {entry.next_step}"]


def test_without_a_promise_the_numbers_stand_alone_and_name_no_entry():
    answer = who_to_call(find_contacts(load_knowledge(), FRIDAY_NIGHT, "who can i call tonight"))
    assert answer.entry_ids == [] and answer.replies[-1].text.endswith("call 999.")
