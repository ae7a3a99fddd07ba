"""How to set bot.safety.learned.QUESTION_CAUTION_THRESHOLD: which answers to topic questions start with 999.

Below THRESHOLD a message is not a crisis, but an answer to it still starts with the safety line
(bot.safety.caution.SAFETY_LINE) when it has a caution word or the learned classifier's probability of danger
is high enough. On the blind sets, danger worded in ways nobody foresaw is where the crisis check misses
(understated harm, control, quiet goodbyes); for those parents the line is all they get, so it should be
given as widely as ordinary answers can bear.

Measured on what may be tuned on, never the blind sets:
- topic questions: the read held-out sets' (READ_SETS) questions about a topic, except those that always
  start with the line (mental health, bot.entitlements.SAFETY_FIRST_TOPICS). The classifier never trained on
  them;
- small talk (hello, thanks, bye, yes, no, "are you a bot", an area, "tell me more"), reported only: the read
  held-out sets' and the intents' own training examples, these out of fold (each scored by a classifier that
  never saw it);
- danger: the crisis examples, out of fold, on what the classifier reads (as bench.crisis_threshold does),
  that neither the rules nor THRESHOLD catch: how many of them the line reaches.

The rule: the lowest threshold from 0.2 to 0.5 at which at most one topic question in 20 (QUESTION_SHARE)
gets the line. A line too many costs a parent a sentence at the head of an answer. Small talk keeps
CAUTION_THRESHOLD (0.5): the first rule, set before it was first measured, counted all everyday messages
together (one in 20) and chose 0.25, at which a plain "bye" (0.47) got the line, and the tests that keep
small talk plain failed; at 0.5, 1.5% of small talk already gets it, so small talk gets no lower threshold.

Usage: .venv/bin/python -m bench.caution_threshold   (writes var/eval/caution_threshold.json; about 2 min)
"""

from __future__ import annotations

import json
import sys

from bench.crisis_threshold import out_of_fold, rules
from bench.eval_heldout import CAUTIOUS, load_cases
from bench.search_weight import READ_SETS
from bot import dialogue_names as names
from bot.config import PROJECT_ROOT
from bot.entitlements import SAFETY_FIRST_TOPICS
from bot.safety.caution import CAUTION_WORDS
from bot.safety.detector import normalise
from bot.safety.learned import THRESHOLD, classifier, intent_examples, load_examples

THRESHOLDS = [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5]
QUESTION_SHARE = 1 / 20
SMALL_TALK = CAUTIOUS - set(names.TOPIC_OF_INTENT)


def has_caution_word(text: str) -> bool:
    return any(word in CAUTION_WORDS for word in normalise(text).split())


def read_messages(intents: set[str]) -> list[str]:
    """The read held-out sets' messages of these intents."""
    return [case.text for path in READ_SETS for case in load_cases(path) if case.intent in intents]


def topic_questions() -> list[str]:
    """Read held-out questions whose answers may carry the line, but not always do."""
    return read_messages({intent for intent, topic in names.TOPIC_OF_INTENT.items()
                          if topic not in SAFETY_FIRST_TOPICS})


def given(scored: list[tuple[bool, float]], threshold: float) -> str:
    """How many of (has a caution word, probability) get the line at this threshold, "n/total"."""
    return f"{sum(word or p >= threshold for word, p in scored)}/{len(scored)}"


def rule(rows: list[dict]) -> float | None:
    """The lowest threshold meeting the rule (module docstring), or None if none does."""
    for row in rows:
        given, total = (int(n) for n in row["topic_questions_given_the_line"].split("/"))
        if given <= total * QUESTION_SHARE:
            return row["threshold"]
    return None


def measure() -> dict:
    model = classifier()
    questions = [(has_caution_word(text), model.probability(text[:2000])) for text in topic_questions()]
    examples, intents = load_examples(), intent_examples()
    messages = examples + intents
    flagged = [rules(m["text"]) for m in messages]
    oof = out_of_fold(messages, [read for _, read in flagged])
    scored = list(zip(messages, flagged, oof, strict=True))
    # danger examples the crisis answer misses (no rule, under THRESHOLD out of fold)
    missed = [(has_caution_word(m["text"]), p) for m, (hit, _), p in scored[:len(examples)]
              if m["crisis"] and not hit and p < THRESHOLD]
    small_talk = [(has_caution_word(m["text"]), p) for m, _, p in scored[len(examples):]
                  if m["intent"] in SMALL_TALK]
    small_talk += [(has_caution_word(text), model.probability(text[:2000]))
                   for text in read_messages(SMALL_TALK)]
    rows = [{"threshold": t, "topic_questions_given_the_line": given(questions, t),
             "small_talk_given_the_line": given(small_talk, t),
             "missed_danger_examples_given_the_line": given(missed, t)} for t in THRESHOLDS]
    return {"thresholds": rows, "rule_chooses": rule(rows)}


def main() -> int:
    result = measure()
    out = PROJECT_ROOT / "var" / "eval" / "caution_threshold.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n")
    for row in result["thresholds"]:
        print(json.dumps(row))
    print(f"the rule chooses QUESTION_CAUTION_THRESHOLD = {result['rule_chooses']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
