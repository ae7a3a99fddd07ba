"""Review status (default every 12 months), unverified items, and new topics that need training."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from bot.config import PROJECT_ROOT
from bot.knowledge import load_knowledge
from bot.knowledge.review import Item, needs_training, overdue, status

TODAY = dt.date(2026, 11, 23)


@pytest.mark.parametrize(("reviewed", "expected"), [
    (dt.date(2026, 11, 23), "ok"), (dt.date(2025, 12, 24), "ok"), (dt.date(2025, 12, 20), "due soon"),
    (dt.date(2025, 11, 24), "due soon"), (dt.date(2025, 11, 22), "overdue"),
    (dt.date(2020, 1, 1), "overdue")])
def test_review_status_by_age(reviewed, expected):
    assert status(Item("entry", "e", "knowledge/x.yml", reviewed), TODAY) == expected


def test_everything_is_overdue_a_year_after_its_review_and_the_file_is_named():
    knowledge = load_knowledge()
    assert overdue(knowledge, TODAY) == []
    late = overdue(knowledge, dt.date(2028, 1, 1))
    assert {i.kind for i in late} == {"entry", "service", "council"}
    pledge = next(i for i in late if i.id == "pledge-02")
    assert pledge.where == "knowledge/barnet_parenting_pledge.yml"
    assert overdue(knowledge, dt.date(2027, 6, 1), months=6)  # a stricter policy


def test_the_real_topics_need_no_training_and_a_new_one_does(tmp_path):
    assert needs_training(load_knowledge()) == []
    for path in (PROJECT_ROOT / "knowledge").glob("*.yml"):
        shutil.copy(path, tmp_path / path.name)
    topics = tmp_path / "topics.yml"
    topics.write_text(topics.read_text() + "  - id: twins\n    label: having twins\n    words: [twins]\n")
    [line] = needs_training(load_knowledge(tmp_path))
    assert line.startswith("topic twins (having twins) is new: add an ask_twins intent")
    assert "make train" in line
