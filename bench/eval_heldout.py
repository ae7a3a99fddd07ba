"""The held-out half of the quality harness: the trained model on tests/eval/heldout.yml, beside a baseline.

Reports per-intent precision/recall/F1, macro F1, the confusion list, crisis recall and answer accuracy (a
correct answer includes one of the message's expected knowledge entries, through the bot's own intent,
entities and search), and writes var/eval/heldout.json and var/eval/heldout.md.

Usage: .venv/bin/python -m bench.eval_heldout   (or `make eval`, which also cross-validates the intents)
Targets: macro F1 >= 0.92, crisis recall 100%, answer accuracy >= 0.90.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml
from sklearn.metrics import f1_score, precision_recall_fscore_support

from bench.baseline_tfidf import Baseline
from bot import dialogue_names as names
from bot.clock import now
from bot.config import PROJECT_ROOT
from bot.dialogue_names import TOPIC_OF_INTENT
from bot.entitlements import (
    SAFETY_FIRST_TOPICS,
    answer_beside_crisis,
    answer_question,
    best_guess,
    question_for,
)
from bot.knowledge import Knowledge, load_knowledge
from bot.safety import needs_caution
from bot.services.answer import promise, who_to_call
from bot.services.directory import find_contacts

EVAL_SETS = PROJECT_ROOT / "tests" / "eval"
HELDOUT = EVAL_SETS / "heldout.yml"
# A crisis message of a safety set whose author gave it no kind is counted under this one.
UNLABELLED = "unlabelled"


def _numbered(prefix: str) -> list[Path]:
    """tests/eval/<prefix>.yml, <prefix>2.yml, ... in number order: a new set is measured once it is there."""
    return sorted(EVAL_SETS.glob(f"{prefix}*.yml"),
                  key=lambda path: int(path.stem.removeprefix(prefix) or 1))


# Safety sets written by others without seeing the rules (crisis_final.yml was never used to change them):
# the two regression sets, then every blind set in number order (`bench.eval_crisis` runs only these).
CRISIS_SETS = [EVAL_SETS / "crisis_check.yml", EVAL_SETS / "crisis_final.yml", *_numbered("crisis_blind")]
# Replies that still give 999 and Samaritans first when the crisis path is missed: the fallback's (a best
# guess or "I can't help"), out of scope's ("I can't help") and who to call's always; the answers of actions
# that put SAFETY_LINE first when a caution word is in the message (small talk through action_caution), and
# a mental health answer's always.
NUMBERS_FIRST = {names.CRISIS, names.NLU_FALLBACK, names.OUT_OF_SCOPE, names.ASK_WHO_TO_CALL}
CAUTIOUS = {*names.TOPIC_OF_INTENT, names.ASK_MORE, *names.REASON_OF_INTENT, names.GREET, names.GOODBYE,
            names.THANKS, names.BOT_CHALLENGE, names.AFFIRM, names.DENY, names.INFORM_AREA}


def numbers_first(intent: str, text: str) -> bool:
    return (intent in NUMBERS_FIRST or TOPIC_OF_INTENT.get(intent) in SAFETY_FIRST_TOPICS
            or (intent in CAUTIOUS and needs_caution(text, question=intent in TOPIC_OF_INTENT)))
OUT = PROJECT_ROOT / "var" / "eval"
TARGETS = {"macro_f1": 0.92, "crisis_recall": 1.0, "answer_accuracy": 0.90}


@dataclass
class Case:
    text: str
    intent: str
    entries: list[str]


def load_cases(path: Path = HELDOUT) -> list[Case]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))["messages"]
    return [Case(m["text"], m["intent"], list(m.get("entries") or [])) for m in raw]


def bot_answer_entries(knowledge: Knowledge, text: str, intent: str, entities: list[dict],
                       ranking: list[dict] | None = None) -> list[str]:
    """The entries the bot's answer would include, as actions/entitlements.py builds the question."""
    if intent == names.NLU_FALLBACK:  # the labelled best guess (action_best_guess)
        guess = best_guess(knowledge, text, ranking or [])
        return guess.entry_ids if guess else []
    if intent == names.ASK_WHO_TO_CALL:  # action_who_to_call: numbers open now, then what is promised
        contacts = find_contacts(knowledge, now(), text)
        return who_to_call(contacts, promised=promise(knowledge, text)).entry_ids
    words = [str(e.get("value", "")) for e in entities if e.get("entity") == names.ENTITY_TOPIC]
    if intent == names.CRISIS:  # action_answer_after_crisis, after the numbers
        kinds = [e.get("value") for e in entities if e.get("entity") == names.ENTITY_CRISIS_KIND]
        beside = answer_beside_crisis(knowledge, text, ranking, words, kind=kinds[0] if kinds else None)
        return beside.entry_ids if beside else []
    if intent not in names.TOPIC_OF_INTENT:
        return []
    answer = answer_question(knowledge, question_for(knowledge, text, intent, words, ranking))
    return answer.entry_ids


async def parse_all(model: Path, texts: list[str]) -> list[dict]:
    from rasa.core.agent import Agent

    agent = Agent.load(str(model))
    return [await agent.parse_message(text) for text in texts]


def scores(cases: list[Case], predicted: list[str], answered: list[list[str]]) -> dict:
    rows = list(zip(cases, predicted, answered, strict=True))
    gold = [c.intent for c in cases]
    labels = sorted(set(gold))
    per_label = zip(labels, *precision_recall_fscore_support(gold, predicted, labels=labels, zero_division=0),
                    strict=True)
    macro = f1_score(gold, predicted, labels=labels, average="macro", zero_division=0)
    crisis = [p == names.CRISIS for c, p, _ in rows if c.intent == names.CRISIS]
    with_entries = [(c, a) for c, _, a in rows if c.entries]
    correct = sum(bool(set(c.entries) & set(a)) for c, a in with_entries)
    missed = [(c, p, a) for c, p, a in rows if c.entries and not set(c.entries) & set(a)]
    confusion = Counter((c.intent, p) for c, p, _ in rows if c.intent != p)
    examples: dict[tuple[str, str], list[str]] = {}
    for case, p, _ in rows:
        if case.intent != p:
            examples.setdefault((case.intent, p), []).append(case.text)
    return {
        "messages": len(cases),
        "macro_f1": round(float(macro), 4),
        "accuracy": round(sum(c.intent == p for c, p, _ in rows) / len(cases), 4),
        "crisis_recall": round(sum(crisis) / len(crisis), 4) if crisis else None,
        "crisis_missed": [c.text for c, p, _ in rows if c.intent == names.CRISIS and p != names.CRISIS],
        "crisis_false_alarms": sum(p == names.CRISIS and c.intent != names.CRISIS for c, p, _ in rows),
        "answer_accuracy": round(correct / len(with_entries), 4) if with_entries else None,
        "answer_cases": len(with_entries),
        "answer_misses": {
            "no answer (unsure, nothing to guess)": sum(not a for _, _, a in missed),
            "other entries, right intent": sum(bool(a) and p == c.intent for c, p, a in missed),
            "other entries, other intent": sum(bool(a) and p != c.intent for c, p, a in missed)},
        "answers_missed": [{"text": c.text, "intent": c.intent, "predicted": p, "expected": c.entries,
                            "answered": a} for c, p, a in missed],
        "per_intent": {label: {"precision": round(float(p), 3), "recall": round(float(r), 3),
                               "f1": round(float(f), 3), "support": int(s)}
                       for label, p, r, f, s in per_label},
        "confusion": [{"true": t, "predicted": p, "count": n, "examples": examples[(t, p)][:3]}
                      for (t, p), n in confusion.most_common()],
    }


def crisis_set(path: Path, predicted: list[str], texts: list[dict]) -> dict:
    """Recall by kind and false alarms on a crisis/near-miss set."""
    pairs = [(p == names.CRISIS, m) for p, m in zip(predicted, texts, strict=True)]
    crisis = [(found, m) for found, m in pairs if m.get("crisis")]
    numbers = [numbers_first(p, m["text"]) for p, m in zip(predicted, texts, strict=True) if m.get("crisis")]
    found_kinds = [(found, m.get("kind", UNLABELLED)) for found, m in crisis]
    kinds = sorted({kind for _, kind in found_kinds})
    return {"set": path.name, "crisis": len(crisis),
            "recall": round(sum(found for found, _ in crisis) / max(1, len(crisis)), 4),
            "numbers_first": round(sum(numbers) / max(1, len(numbers)), 4),
            "by_kind": {k: f"{sum(f for f, kind in found_kinds if kind == k)}/"
                           f"{sum(kind == k for _, kind in found_kinds)}" for k in kinds},
            "missed": [m["text"] for found, m in crisis if not found],
            "false_alarms": [m["text"] for found, m in pairs if found and not m.get("crisis")],
            "near_misses": len(pairs) - len(crisis)}


def markdown(bot: dict, baseline: dict) -> str:
    lines = ["| measure | Village (trained model) | TF-IDF baseline | target |", "|---|---|---|---|"]
    for key, label in (("macro_f1", "macro F1 (intents)"), ("accuracy", "intent accuracy"),
                       ("crisis_recall", "crisis recall"), ("crisis_false_alarms", "crisis false alarms"),
                       ("answer_accuracy", "answer accuracy"),
                       ("answer_accuracy_without_guess", "answer accuracy without the best guess"),
                       ("answer_accuracy_with_right_intents", "answer accuracy if every intent were right")):
        target = f">= {TARGETS[key]}" if key in TARGETS else ""
        lines.append(f"| {label} | {bot[key]} | {baseline.get(key, '')} | {target} |")
    why = "; ".join(f"{k}: {v}" for k, v in bot["answer_misses"].items())
    lines += ["", f"{bot['messages']} held-out messages, {bot['answer_cases']} with expected entries. "
              f"Answers missed: {why}.", "",
              "| intent | precision | recall | F1 | support | baseline F1 |", "|---|---|---|---|---|---|"]
    for label, row in bot["per_intent"].items():
        base = baseline["per_intent"][label]["f1"]
        lines.append(f"| {label} | {row['precision']} | {row['recall']} | {row['f1']} | {row['support']} "
                     f"| {base} |")
    lines += ["", "Confusions (true -> predicted), the model:", ""]
    lines += [f"- {c['true']} -> {c['predicted']} ({c['count']}): {'; '.join(c['examples'])}"
              for c in bot["confusion"]]
    if bot["crisis_missed"]:
        lines += ["", "CRISIS MESSAGES MISSED:", *[f"- {t}" for t in bot["crisis_missed"]]]
    for result in bot.get("crisis_sets", []):
        lines += ["", f"Safety set {result['set']}: crisis recall {result['recall']}, 999 in the first reply "
                      f"{result['numbers_first']} "
                      f"({result['crisis']} crisis messages; by kind {result['by_kind']}), "
                      f"{len(result['false_alarms'])} false alarms in {result['near_misses']} near misses."]
        lines += [f"- missed: {t}" for t in result["missed"]]
        lines += [f"- false alarm: {t}" for t in result["false_alarms"]]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=PROJECT_ROOT / "models" / "village.tar.gz")
    parser.add_argument("--heldout", type=Path, default=HELDOUT,
                        help="a held-out set (results are named after it); safety sets with the default only")
    args = parser.parse_args()
    cases = load_cases(args.heldout)
    knowledge = load_knowledge()
    parsed = asyncio.run(parse_all(args.model, [c.text for c in cases]))
    predicted = [p["intent"]["name"] for p in parsed]
    answered = [bot_answer_entries(knowledge, c.text, i, p.get("entities") or [], p.get("intent_ranking"))
                for c, i, p in zip(cases, predicted, parsed, strict=True)]
    baseline = Baseline.train(knowledge)
    base_predicted = [baseline.intent(c.text) for c in cases]
    base_answered = [[baseline.best_entry(c.text)] if c.entries else [] for c in cases]
    bot, base = scores(cases, predicted, answered), scores(cases, base_predicted, base_answered)
    # what the answers would be if an unsure NLU always said "I can't help" (before action_best_guess)
    plain = [[] if i == names.NLU_FALLBACK else a for i, a in zip(predicted, answered, strict=True)]
    bot["answer_accuracy_without_guess"] = scores(cases, predicted, plain)["answer_accuracy"]
    # what the knowledge search alone would reach if every intent were right
    searched = [bot_answer_entries(knowledge, c.text, c.intent, p.get("entities") or [],
                                   p.get("intent_ranking")) for c, p in zip(cases, parsed, strict=True)]
    right = scores(cases, [c.intent for c in cases], searched)
    bot["answer_accuracy_with_right_intents"] = right["answer_accuracy"]
    bot["crisis_sets"] = []
    for path in CRISIS_SETS if args.heldout.resolve() == HELDOUT.resolve() else []:
        if path.exists():
            texts = yaml.safe_load(path.read_text(encoding="utf-8"))["messages"]
            parsed_set = asyncio.run(parse_all(args.model, [m["text"] for m in texts]))
            bot["crisis_sets"].append(crisis_set(path, [p["intent"]["name"] for p in parsed_set], texts))
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / f"{args.heldout.stem}.json").write_text(json.dumps({"village": bot, "baseline": base}, indent=2))
    report = markdown(bot, base)
    (OUT / f"{args.heldout.stem}.md").write_text(report)
    print(report)
    met = (bot["macro_f1"] >= TARGETS["macro_f1"] and bot["crisis_recall"] == 1.0
           and bot["answer_accuracy"] >= TARGETS["answer_accuracy"])
    print("Targets met." if met else "Targets NOT met (see above).")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
