"""SMS segments: at most three of 160 characters, split at sentences, numbered options, MORE for the rest."""

from __future__ import annotations

import pytest

from bot.replies import Button
from bot.sms.segments import MORE_HINT, SEGMENT, numbered, to_texts

YES_NO = (Button("Yes, share it", "/affirm"), Button("No", "/deny"))


def test_a_short_answer_is_one_segment_with_numbered_options():
    texts = to_texts(["Can I share this conversation with the worker?"], YES_NO)
    assert texts.segments == [
        "Can I share this conversation with the worker? Reply 1 for Yes, share it, 2 for No."]
    assert texts.rest == "" and texts.options == YES_NO


def test_replies_are_joined_and_split_at_sentence_boundaries():
    sentences = [f"Sentence number {n} says something useful for you." for n in range(6)]
    texts = to_texts([" ".join(sentences[:3]), " ".join(sentences[3:])])
    assert all(len(s) <= SEGMENT for s in texts.segments)
    assert all(s.endswith(".") for s in texts.segments)  # never cut inside a sentence
    assert " ".join(texts.segments) == " ".join(sentences)


def test_a_long_answer_sends_three_segments_and_keeps_the_rest_for_more():
    sentences = [f"This is sentence {n} of a long answer about housing." for n in range(20)]
    texts = to_texts([" ".join(sentences)])
    assert len(texts.segments) == 3 and all(len(s) <= SEGMENT for s in texts.segments)
    assert texts.segments[-1].endswith(MORE_HINT)
    sent = " ".join(texts.segments).replace(" " + MORE_HINT, "")
    assert f"{sent} {texts.rest}" == " ".join(sentences)  # nothing lost


def test_a_sentence_longer_than_a_segment_is_cut_between_words():
    word_salad = "word " * 100
    texts = to_texts([word_salad])
    assert all(len(s) <= SEGMENT for s in texts.segments)
    assert all(not s.startswith(" ") and "wor d" not in s for s in texts.segments)


@pytest.mark.parametrize("replies", [[], [""], ["   "]])
def test_nothing_to_say_is_no_segments(replies):
    assert to_texts(replies).segments == []


def test_numbered_reads_naturally():
    assert numbered(YES_NO) == "Reply 1 for Yes, share it, 2 for No."
    assert numbered(()) == ""


def test_typographic_punctuation_is_made_plain_so_a_text_stays_in_the_sms_alphabet():
    from bot.sms.segments import GSM7, plain

    text = plain("You’re entitled to “a place to live” – see the Pledge… • now")
    assert text == "You're entitled to \"a place to live\" - see the Pledge... - now"
    assert set(text) <= GSM7
    [segment] = to_texts(["It’s “free”."]).segments
    assert segment == "It's \"free\"."


def test_a_text_with_emoji_uses_the_shorter_unicode_segments():
    from bot.sms.segments import UNICODE_SEGMENT

    texts = to_texts(["Well done 🎉. " + "You can ask your PA about this any time. " * 4])
    assert len(texts.segments) >= 2 and all(len(s) <= UNICODE_SEGMENT for s in texts.segments)


def test_a_question_at_the_end_is_always_sent_and_what_came_before_it_waits_for_more():
    before = ["A worker will see your request when the team opens at 9am. " * 7,
              "Open now: Samaritans on 116 123, any time."]
    texts = to_texts([*before, "Can I share this conversation with the worker?"], YES_NO)
    assert len(texts.segments) == 3 and all(len(s) <= SEGMENT for s in texts.segments)
    assert texts.segments[-1] == ("Can I share this conversation with the worker? "
                                  "Reply 1 for Yes, share it, 2 for No.")
    assert texts.segments[-2].endswith(MORE_HINT)
    shown = " ".join(texts.segments[:-1]).replace(" " + MORE_HINT, "")
    assert f"{shown} {texts.rest}" == " ".join(" ".join(before).split())  # nothing lost, in order
