"""The safety net under the crisis rules: words that often come with danger, whatever the sentence.

Independent test sets showed the crisis rules and the classifier miss about half of danger messages worded
in ways never seen before. When an answer that isn't the crisis answer goes to a message with one of these
words, or one the learned second opinion finds worrying, it starts with 999 and Samaritans anyway. A line
too many on an ordinary answer costs little; a missing one can cost a life.
"""

from __future__ import annotations

from bot.safety.detector import normalise

SAFETY_LINE = "If you or your baby are in danger right now, call 999. Samaritans: 116 123, free, any time."

# Means, injuries, medicines, places and threats; single words, matched whole.
CAUTION_WORDS = frozenset("""
blade blades razor razors rope noose cord ligature knife knives hammer weapon gun
overdose overdosed paracetamol sertraline citalopram fluoxetine mirtazapine codamol cocodamol codeine
tramadol diazepam pills tablets vodka
bleeding blood bleach battery batteries magnet magnets poison poisoned swallowed kettle boiling scalded
burnt burned blistering unconscious unresponsive breathing seizure fitting floppy limp bulging sunken
balcony bridge cliff ledge tracks train
locked trapped hiding hid strangled choked smashed smashing threw chucked punched kicked slapped
dragged bruise bruises bruised threatened threatening stalking followed drunk drinking
goodbye suicide suicidal die dying dead death kill killing hurt hurting harm harming shake shook
""".split())


def needs_caution(text: str, question: bool = False) -> bool:
    """A caution word, or the learned classifier thinks danger likely enough though not sure enough to give
    the crisis answer instead (THRESHOLD): CAUTION_THRESHOLD, or for the answer to a question about a topic
    QUESTION_CAUTION_THRESHOLD (lower: a line at the head of an answer reads as care, before every "bye" as
    a warning)."""
    if any(word in CAUTION_WORDS for word in normalise(text).split()):
        return True
    from bot.safety.learned import CAUTION_THRESHOLD, QUESTION_CAUTION_THRESHOLD, classifier

    threshold = QUESTION_CAUTION_THRESHOLD if question else CAUTION_THRESHOLD
    return bool(text.strip()) and classifier().probability(text[:2000]) >= threshold
