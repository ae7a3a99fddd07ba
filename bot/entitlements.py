"""Answers to "what am I entitled to?": a cited summary, one next step, and an offer of more."""

from __future__ import annotations

import re

from bot.dialogue_names import (
    ASK_ENTITLEMENTS,
    ASK_MORE,
    CRISIS,
    INTENT_OF_TOPIC,
    NLU_FALLBACK,
    TOPIC_OF_INTENT,
)
from bot.knowledge import Knowledge, Question, cited, search
from bot.knowledge.schema import Entry, Situation
from bot.knowledge.search import Match, situations_in_text, topics_in_text
from bot.replies import Answer, Button, Reply
from bot.safety import SAFETY_LINE, CrisisKind

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
# ... and never one only for these situations unless the parent named one, or asked about its topic
UNSAID_SITUATIONS = frozenset({Situation.child_removed, Situation.care_proceedings, Situation.living_apart})
# Topics whose answers always start with 999 and Samaritans (SAFETY_LINE): a parent asking for help with their
# mental health may be nearer to danger than their words show, and the safety checks miss some of them
# (heldout7.yml's one missed crisis message was answered as a mental health question, with no line first).
# NHS mental health pages put urgent help first in the same way.
SAFETY_FIRST_TOPICS = frozenset({"mental_health"})
# When the NLU is unsure, its first choice is still used as a labelled guess if it is a topic and at least
# this confident (set before measuring; 28 intents, so an even spread would be under 0.04 each).
GUESS_FLOOR = 0.25
# When the NLU's runner-up is a topic at least this share as likely as its first choice, the web answer also
# names that topic's best entry, so a parent whose words sit between two topics sees both (set before
# measuring: "at least half as likely").
RUNNER_UP_SHARE = 0.5
# After the crisis numbers, a question the same message asked is answered too, if the intent classifier had
# chosen a topic at least this surely before the safety check made the message a crisis: the
# FallbackClassifier's threshold in config.yml, below which the bot would not have answered it either.
ALSO_ASKED_FLOOR = 0.35
# ... and after a medical emergency (a baby's or a mother's) only if the message asks something: a question
# mark or a word that asks or wants. "im 33 weeks and the baby hasnt moved" has a word the classifier learned
# from housing ("can i get moved") but asks nothing, and the parent needs the maternity unit, not housing.
MEDICAL = {CrisisKind.baby_emergency.value, CrisisKind.maternal_emergency.value}
ASKING = re.compile(r"\?|\b(can|could|how|what|whats|where|who|when|which|why|is there|are there|am i|do i"
                    r"|does|will|would|should|entitled|eligible|apply|need|needs|want|wanna|looking for"
                    r"|help with|get)\b", re.IGNORECASE)
# ... and after self-harm or suicide only if the parent asks for something in so many words. "want", "need",
# "would", "what's the point?" and a question mark are how "i want to die", "they would be better off" and
# "why am i even here?" are said; words of "i cant do this anymore" and "my life" are also words of
# eligibility questions ("not with the leaving care team anymore"), which the classifier may rank first.
ASKS_FOR_SOMETHING = re.compile(r"\b(can i|could i|can you|could you|can we|how do i|how can i|where can i"
                                r"|where do i|who can|is there|are there|entitled|eligible|qualify|apply for"
                                r"|looking for|help with)\b", re.IGNORECASE)


def stated_age(text: str) -> int | None:
    """The parent's age if they said it ("im 27", "26 years old"); None otherwise."""
    lowered = text.lower()
    for pattern in AGE_PATTERNS:
        match = pattern.search(lowered)
        if match and 13 <= int(match.group(1)) <= 60:
            return int(match.group(1))
    return None


def topic_buttons(knowledge: Knowledge, limit: int = len(MENU_TOPICS)) -> tuple[Button, ...]:
    buttons = []
    for topic_id in MENU_TOPICS[:limit]:
        topic = knowledge.topic(topic_id)
        if topic and topic_id in INTENT_OF_TOPIC:
            buttons.append(Button(topic.label[:1].upper() + topic.label[1:], f"/{INTENT_OF_TOPIC[topic_id]}"))
    return tuple(buttons)


def runner_up_topic(ranking: list[dict] | None) -> str | None:
    """The topic of the NLU's second choice among the intents, if it is nearly as likely as the first."""
    intents = [r for r in ranking or [] if r.get("name") != NLU_FALLBACK]
    if len(intents) < 2:
        return None
    first, second = (r.get("confidence") for r in intents[:2])
    if not (isinstance(first, (int, float)) and isinstance(second, (int, float))) or first <= 0:
        return None
    name = intents[1].get("name")
    return TOPIC_OF_INTENT.get(name) if second >= first * RUNNER_UP_SHARE else None


def question_for(knowledge: Knowledge, text: str, intent: str | None, topic_words: list[str],
                 ranking: list[dict] | None = None) -> Question:
    """The intent's topic first, then a close runner-up's, then the topics of words the NLU found."""
    topics = [TOPIC_OF_INTENT[intent]] if intent in TOPIC_OF_INTENT else []
    for words in topic_words:
        topics += topics_in_text(knowledge, words)
    runner_up = runner_up_topic(ranking) if topics else None
    return Question(text=text, topics=tuple(dict.fromkeys(topics)),
                    runner_up=runner_up if runner_up not in topics[:1] else None)


def answer_question(knowledge: Knowledge, question: Question, age_limit: int = 25,
                    short: bool = False) -> Answer:
    """What the bot says to an entitlement question; never more than the knowledge base holds.

    `short` is for SMS: the best entry only, four topics in a menu, and MORE (the keyword) for details.
    """
    menu = SHORT_MENU if short else len(MENU_TOPICS)
    safety_first = bool(question.topics) and question.topics[0] in SAFETY_FIRST_TOPICS
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
        return Answer(replies, safety_first=safety_first)
    best = matches[0]
    text = cited(knowledge, best.entry, best.entry.summary, short)
    shown = [best.entry]
    other = None if short else (_runner_up_match(knowledge, question, best.entry) or next(
        (m for m in matches[1:] if m.score >= best.score * SECOND_MATCH_SHARE
         and m.entry.source.document != best.entry.source.document and not _unsaid(m.entry, question)),
        None))
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
    return Answer(replies, [e.id for e in shown], safety_first=safety_first)


def _unsaid(entry: Entry, question: Question) -> bool:
    """An entry only for parents whose child was removed or is in court, when this parent said neither: never
    offered beside the answer ("Also: if your child has been removed..."), which would read as an
    assumption."""
    only_for = set(entry.applies_when)
    return bool(only_for) and only_for <= UNSAID_SITUATIONS and not (
        only_for & situations_in_text(question.text) or set(question.topics[:1]) & set(entry.topics[:1]))


def _runner_up_match(knowledge: Knowledge, question: Question, best: Entry) -> Match | None:
    """The best entry of the runner-up topic, when the best answer is not about that topic already."""
    if not question.runner_up or question.runner_up in best.topics:
        return None
    found = search(knowledge, Question(text=question.text, topics=(question.runner_up,)), limit=1)
    return found[0] if found and found[0].entry.id != best.id else None


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


def best_guess(knowledge: Knowledge, text: str, ranking: list[dict], age_limit: int = 25,
               short: bool = False) -> Answer | None:
    """A labelled best guess when the NLU was unsure; None when there is nothing honest to guess.

    The guess is the NLU's first choice if it is a topic and not a long shot, or else the topics the message
    names in words. Its first reply says it is a guess and gives 999 and Samaritans, as the "I can't help"
    reply does, so a danger message the safety checks missed still gets the numbers first.
    """
    top = next((r for r in ranking if r.get("name") != NLU_FALLBACK), {})
    confidence = top.get("confidence")
    likely = isinstance(confidence, (int, float)) and confidence >= GUESS_FLOOR
    named = topics_in_text(knowledge, text)
    if likely and top.get("name") in TOPIC_OF_INTENT:
        topics = [TOPIC_OF_INTENT[top["name"]], *named]
    elif named and not likely:
        topics = named
    else:
        return None
    topics = [t for t in dict.fromkeys(topics) if t in INTENT_OF_TOPIC]
    if not topics:
        return None
    runner_up = runner_up_topic(ranking) if likely else None
    question = Question(text=text, topics=tuple(topics),
                        runner_up=runner_up if runner_up != topics[0] else None)
    answer = answer_question(knowledge, question, age_limit, short=short)
    if not answer.entry_ids:
        return None
    topic = knowledge.topic(topics[0])
    about = f", about {topic.label}" if topic else ""
    hedge = (f"I'm not sure I understood, so this is my best guess{about}. If it isn't what you meant, "
             f"ask me another way or ask to talk to a person. {SAFETY_LINE}")
    return Answer([Reply(hedge), *answer.replies], answer.entry_ids)


def answer_beside_crisis(knowledge: Knowledge, text: str, ranking: list[dict] | None, topic_words: list[str],
                         age_limit: int = 25, short: bool = False, kind: str | None = None) -> Answer | None:
    """The answer to the question a crisis message also asked ("he hit me again, can i get emergency
    housing"), to send after the crisis numbers; None if it asked no entitlement question.

    `ranking` is the message's intent ranking with `crisis` first, as the safety check leaves it; the intents
    after it are the classifier's own. A parent whose question only sounded like danger ("i overdosed at 15,
    im ok now, can i get therapy") gets their answer after the numbers instead of nothing.
    `kind` is the crisis's kind: after a medical emergency only a message that asks something is answered,
    after self-harm only one that asks for something in so many words.
    """
    before = [r for r in ranking or [] if r.get("name") != CRISIS]
    first = before[0] if before else {}
    confidence = first.get("confidence")
    if first.get("name") not in TOPIC_OF_INTENT or not isinstance(confidence, (int, float)) \
            or confidence < ALSO_ASKED_FLOOR or (kind in MEDICAL and not ASKING.search(text)) \
            or (kind == CrisisKind.self_harm.value and not ASKS_FOR_SOMETHING.search(text)):
        return None
    answer = answer_question(knowledge, question_for(knowledge, text, first["name"], topic_words, before),
                             age_limit, short=short)
    if not answer.entry_ids:
        return None
    opening, *rest = answer.replies
    return Answer([Reply(f"About what you asked: {opening.text}", opening.buttons), *rest], answer.entry_ids)
