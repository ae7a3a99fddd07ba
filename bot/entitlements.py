"""Answers to "what am I entitled to?": a cited summary, one next step, and an offer of more."""

from __future__ import annotations

import re

from bot.dialogue_names import ASK_ENTITLEMENTS, ASK_MORE, INTENT_OF_TOPIC, TOPIC_OF_INTENT
from bot.knowledge import Knowledge, Question, search
from bot.knowledge.schema import Entry
from bot.replies import Answer, Button, Reply

# Topics offered as buttons after a general question, in the order parents most ask about them.
MENU_TOPICS = ("housing", "money", "childcare_work", "mental_health", "parenting_skills", "fairness",
               "child_removed", "fathers", "breaks", "peer_support")
AGE_PATTERNS = (
    re.compile(r"\b(?:i'?m|i am|am|im|age|aged|turning|turned)\s+(\d{2})\b"),
    re.compile(r"\b(\d{2})\s*(?:yo|y/o|yrs?|years?\s*old)\b"),
)
INTENT_TOPIC_GENERAL = TOPIC_OF_INTENT[ASK_ENTITLEMENTS]
SHORT_MENU = 3  # topics offered by SMS, where each option costs characters
SECOND_MATCH_SHARE = 0.6  # a second entry is shown only if it scores this close to the best


def stated_age(text: str) -> int | None:
    """The parent's age if they said it ("im 27", "26 years old"); None otherwise."""
    lowered = text.lower()
    for pattern in AGE_PATTERNS:
        match = pattern.search(lowered)
        if match and 13 <= int(match.group(1)) <= 60:
            return int(match.group(1))
    return None


def cited(knowledge: Knowledge, entry: Entry, text: str, short: bool = False) -> str:
    """The text with its source: after it, or by SMS before it, so a text cut short still names it."""
    if short:
        return f"From the {knowledge.citation(entry)}: {text}"
    return f"{text} ({knowledge.citation(entry)})"


def topic_buttons(knowledge: Knowledge, limit: int = len(MENU_TOPICS)) -> tuple[Button, ...]:
    buttons = []
    for topic_id in MENU_TOPICS[:limit]:
        topic = knowledge.topic(topic_id)
        if topic and topic_id in INTENT_OF_TOPIC:
            buttons.append(Button(topic.label[:1].upper() + topic.label[1:], f"/{INTENT_OF_TOPIC[topic_id]}"))
    return tuple(buttons)


def answer_question(knowledge: Knowledge, question: Question, age_limit: int = 25,
                    short: bool = False) -> Answer:
    """What the bot says to an entitlement question; never more than the knowledge base holds.

    `short` is for SMS: the best entry only, four topics in a menu, and MORE (the keyword) for details.
    """
    menu = SHORT_MENU if short else len(MENU_TOPICS)
    replies: list[Reply] = []
    age = stated_age(question.text)
    if age is not None and age > age_limit:
        replies.append(_over_age_reply(knowledge, age, age_limit))
    matches = search(knowledge, question)
    if not matches:
        replies.append(Reply(
            "I couldn't find that in the Parenting Pledge or the charter, and I don't want to guess. "
            "These are the things I can tell you about:",
            topic_buttons(knowledge, menu),
        ))
        return Answer(replies)
    best = matches[0]
    text = cited(knowledge, best.entry, best.entry.summary, short)
    shown = [best.entry]
    other = None if short else next((m for m in matches[1:] if m.score >= best.score * SECOND_MATCH_SHARE
                                     and m.entry.source.document != best.entry.source.document), None)
    if other:
        text += "\n\nAlso: " + cited(knowledge, other.entry, other.entry.title)
        shown.append(other.entry)
    replies.append(Reply(text))
    next_step = f"Next step: {best.entry.next_step}"
    if question.topics[:1] == (INTENT_TOPIC_GENERAL,):
        replies.append(Reply(f"{next_step}\n\nOr ask me about one of these:", topic_buttons(knowledge, menu)))
    elif short:
        replies.append(Reply(f"{next_step} Reply MORE for the details, or ask me something else."))
    else:
        replies.append(Reply(f"{next_step}\n\nWant to know more?",
                             (Button("Tell me more", f"/{ASK_MORE}"),
                              Button("Something else", f"/{ASK_ENTITLEMENTS}"))))
    return Answer(replies, [e.id for e in shown])


def _over_age_reply(knowledge: Knowledge, age: int, age_limit: int) -> Reply:
    rule = search(knowledge, Question(topics=("eligibility",)), limit=1)
    source = f" ({knowledge.citation(rule[0].entry)})" if rule else ""
    return Reply(
        f"Thanks for telling me. The leaving care support I know about is for parents up to {age_limit}"
        f"{source}, so at {age} you may not be able to get it. Your council's services for all parents "
        "are still there for you, and so are 24/7 lines like NHS 111 and Samaritans on 116 123."
    )


def more_details(knowledge: Knowledge, entry_ids: list[str], short: bool = False) -> Answer:
    """The details of what the bot last answered, with the source and the next step again."""
    entries = [e for e in (knowledge.entry(i) for i in entry_ids or []) if e is not None]
    if not entries:
        return Answer([Reply("I haven't told you about anything yet. What would you like to know about?",
                             topic_buttons(knowledge))])
    first, others = entries[0], entries[1:]
    replies = [Reply(cited(knowledge, first, first.details, short))]
    text = f"Next step: {first.next_step}"
    for other in others:
        text += f"\n\nAlso from {knowledge.citation(other)}: {other.summary}"
    replies.append(Reply(text))
    return Answer(replies, [e.id for e in entries])
