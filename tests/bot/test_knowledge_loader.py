"""The knowledge loader: every real file loads, and broken files name file, line, entry and field."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from bot.config import PROJECT_ROOT
from bot.knowledge import KnowledgeError, load_knowledge
from bot.knowledge.loader import SPECIAL_FILES
from bot.knowledge.schema import SUMMARY_LIMIT

KNOWLEDGE = PROJECT_ROOT / "knowledge"

GOOD_ENTRY = """\
  - id: {id}
    title: A place to live
    summary: You can get help to find a home.
    details: More about homes.
    next_step: Ask your Personal Adviser.
    topics: [housing]
    applies_when: [parent]
    source:
      document: barnet_parenting_pledge
      section: "2"
    last_reviewed: 2026-11-23
"""


@pytest.fixture
def knowledge_dir(tmp_path: Path) -> Path:
    for name in SPECIAL_FILES:
        shutil.copy(KNOWLEDGE / name, tmp_path / name)
    return tmp_path


def write(directory: Path, name: str, text: str) -> Path:
    path = directory / name
    path.write_text(textwrap.dedent(text))
    return path


def problems_of(directory: Path) -> list[str]:
    with pytest.raises(KnowledgeError) as caught:
        load_knowledge(directory)
    return [str(p) for p in caught.value.problems]


def test_every_real_knowledge_file_loads():
    knowledge = load_knowledge(KNOWLEDGE)
    files = {p.name for p in KNOWLEDGE.glob("*.yml")}
    assert {"barnet_parenting_pledge.yml", "parents_charter.yml", "barnet_local_offer.yml"} <= files
    pledge = [e for e in knowledge.entries if e.source.document == "barnet_parenting_pledge"]
    assert sorted(int(e.source.section) for e in pledge) == list(range(1, 17))


def test_every_summary_fits_two_sms_and_every_entry_is_cited():
    knowledge = load_knowledge(KNOWLEDGE)
    for entry in knowledge.entries:
        assert len(entry.summary) <= SUMMARY_LIMIT
        assert entry.source.section in knowledge.citation(entry)


def test_good_file_loads(knowledge_dir):
    write(knowledge_dir, "extra.yml", "entries:\n" + GOOD_ENTRY.format(id="home-1"))
    knowledge = load_knowledge(knowledge_dir)
    assert knowledge.entry("home-1").title == "A place to live"
    assert knowledge.citation(knowledge.entry("home-1")) == "Barnet Parenting Pledge, commitment 2"


def test_unknown_key_names_file_line_entry_and_field(knowledge_dir):
    write(knowledge_dir, "extra.yml", "entries:\n" + GOOD_ENTRY.format(id="home-1") + "    colour: blue\n")
    assert problems_of(knowledge_dir) == ["knowledge/extra.yml:13: entry home-1: colour: unknown field"]


def test_duplicate_ids_across_files_fail(knowledge_dir):
    write(knowledge_dir, "a.yml", "entries:\n" + GOOD_ENTRY.format(id="home-1"))
    write(knowledge_dir, "b.yml", "entries:\n" + GOOD_ENTRY.format(id="home-1"))
    assert problems_of(knowledge_dir) == [
        "knowledge/b.yml:2: entry home-1: id: is used twice (also in knowledge/a.yml)"
    ]


def test_missing_source_fails(knowledge_dir):
    text = GOOD_ENTRY.format(id="home-1").replace(
        '    source:\n      document: barnet_parenting_pledge\n      section: "2"\n', "")
    write(knowledge_dir, "extra.yml", "entries:\n" + text)
    assert problems_of(knowledge_dir) == ["knowledge/extra.yml:2: entry home-1: source: is missing"]


def test_broken_references_fail(knowledge_dir):
    text = (GOOD_ENTRY.format(id="home-1").replace("[housing]", "[housing, spaceships]")
            .replace("document: barnet_parenting_pledge", "document: nowhere"))
    write(knowledge_dir, "extra.yml", "entries:\n" + text)
    assert problems_of(knowledge_dir) == [
        "knowledge/extra.yml:7: entry home-1: topics: unknown topic 'spaceships' (see knowledge/topics.yml)",
        "knowledge/extra.yml:9: entry home-1: source.document: unknown document 'nowhere' "
        "(see knowledge/sources.yml)",
    ]


def test_too_long_summary_fails(knowledge_dir):
    text = GOOD_ENTRY.format(id="home-1").replace("You can get help to find a home.", "x" * 301)
    write(knowledge_dir, "extra.yml", "entries:\n" + text)
    [problem] = problems_of(knowledge_dir)
    assert problem.startswith(
        "knowledge/extra.yml:4: entry home-1: summary: ensure this value has at most 300")


def test_unknown_situation_fails(knowledge_dir):
    text = GOOD_ENTRY.format(id="home-1").replace("[parent]", "[parent, risky]")
    write(knowledge_dir, "extra.yml", "entries:\n" + text)
    [problem] = problems_of(knowledge_dir)
    assert problem.startswith("knowledge/extra.yml:8: entry home-1: applies_when.1: value is not a valid")


@pytest.mark.parametrize("field, expected", [
    ("words: [two bed, Letter-Box]", "words.1: 'Letter-Box' can never match"),
    ("asked: [got no bed, can i get a bed, Got no bed]", "asked: 'Got no bed' is listed twice"),
    ("asked: [got no bed, '']", "asked.1:"),
])
def test_a_broken_words_or_asked_list_names_file_line_entry_and_field(knowledge_dir, field, expected):
    write(knowledge_dir, "extra.yml", "entries:\n" + GOOD_ENTRY.format(id="home-1") + f"    {field}\n")
    [problem] = problems_of(knowledge_dir)
    assert problem.startswith(f"knowledge/extra.yml:13: entry home-1: {expected}")


def test_a_message_asked_under_two_entries_names_both(knowledge_dir):
    first = GOOD_ENTRY.format(id="home-1") + "    asked: [got the keys but no bed]\n"
    second = (GOOD_ENTRY.format(id="home-2")
              + "    asked:\n      - can i get a bigger flat\n      - Got the keys  but NO bed\n")
    write(knowledge_dir, "extra.yml", "entries:\n" + first + second)
    [problem] = problems_of(knowledge_dir)
    assert problem.startswith("knowledge/extra.yml:25: entry home-2: asked: 'Got the keys  but NO bed' is "
                              "also asked under home-1")


def test_asked_messages_load_with_the_entry(knowledge_dir):
    text = GOOD_ENTRY.format(id="home-1") + "    asked: [got the keys but theres no bed 😩]\n"
    write(knowledge_dir, "extra.yml", "entries:\n" + text)
    assert load_knowledge(knowledge_dir).entry("home-1").asked == ["got the keys but theres no bed 😩"]


def test_invalid_yaml_gives_the_line(knowledge_dir):
    write(knowledge_dir, "extra.yml", "entries:\n  - id: x\n    title: [unclosed\n")
    [problem] = problems_of(knowledge_dir)
    assert problem.startswith("knowledge/extra.yml:4: not valid YAML")


def test_missing_sources_file_fails(knowledge_dir):
    (knowledge_dir / "sources.yml").unlink()
    assert "knowledge/sources.yml: file is missing" in problems_of(knowledge_dir)


def test_all_problems_are_reported_at_once(knowledge_dir):
    broken = GOOD_ENTRY.format(id="home-1").replace("[housing]", "[nothing]")
    write(knowledge_dir, "a.yml", "entries:\n" + broken)
    write(knowledge_dir, "b.yml", "entries:\n" + broken.replace("home-1", "home-2"))
    assert len(problems_of(knowledge_dir)) == 2


def test_changed_file_is_reloaded(knowledge_dir):
    path = write(knowledge_dir, "extra.yml", "entries:\n" + GOOD_ENTRY.format(id="home-1"))
    assert load_knowledge(knowledge_dir).entry("home-1") is not None
    path.write_text("entries:\n" + GOOD_ENTRY.format(id="home-22"))
    reloaded = load_knowledge(knowledge_dir)
    assert reloaded.entry("home-1") is None
    assert reloaded.entry("home-22") is not None


GOOD_SERVICE = """\
services:
  - id: {id}
    name: A line
    offers: someone to talk to
    what_for: [mental_health]
    contact: {{phone: "116 123"}}
    hours: {{always: true}}
    area: [{area}]
    source: a test
    verified: true
    last_reviewed: 2026-11-23
"""


def test_good_service_file_loads(knowledge_dir):
    write(knowledge_dir, "services.yml", GOOD_SERVICE.format(id="line-1", area="national"))
    assert load_knowledge(knowledge_dir).service("line-1").national


def test_service_for_an_unknown_council_names_the_field(knowledge_dir):
    write(knowledge_dir, "services.yml", GOOD_SERVICE.format(id="line-1", area="Atlantis"))
    [problem] = problems_of(knowledge_dir)
    assert problem.startswith("knowledge/services.yml:8: entry line-1: area: unknown council 'Atlantis'")


def test_service_without_hours_or_contact_is_explained(knowledge_dir):
    text = (GOOD_SERVICE.format(id="line-1", area="national")
            .replace('{phone: "116 123"}', "{}").replace("{always: true}", "{}"))
    write(knowledge_dir, "services.yml", text)
    assert problems_of(knowledge_dir) == [
        "knowledge/services.yml:6: entry line-1: contact: give at least one of phone, text, web or how",
        "knowledge/services.yml:7: entry line-1: hours: give either `always: true` or a `weekly` timetable",
    ]


def test_service_timetable_with_an_unknown_day_is_refused(knowledge_dir):
    text = GOOD_SERVICE.format(id="line-1", area="national").replace(
        "{always: true}", '{weekly: {monday: ["09:00-17:00"]}}')
    write(knowledge_dir, "services.yml", text)
    [problem] = problems_of(knowledge_dir)
    assert "entry line-1: hours.weekly: unknown day 'monday'" in problem


def test_the_running_bot_takes_edits_at_once_and_survives_a_broken_edit(tmp_path, caplog):
    import os
    import shutil

    from bot.config import PROJECT_ROOT
    from bot.knowledge import current_knowledge

    for path in (PROJECT_ROOT / "knowledge").glob("*.yml"):
        shutil.copy(path, tmp_path / path.name)
    pledge = tmp_path / "barnet_parenting_pledge.yml"
    original = pledge.read_text()
    assert "live well" in current_knowledge(tmp_path).entry("pledge-02").summary

    def edit(text: str, stamp: int) -> None:
        pledge.write_text(text)
        os.utime(pledge, ns=(stamp, stamp))  # a new modification time, however fast the test runs

    edit(original.replace("live well: a place to live", "live well, with a place to live", 1), 10**18)
    assert "live well, with a place to live" in current_knowledge(tmp_path).entry("pledge-02").summary
    edit(original.replace("document: barnet_parenting_pledge", "document: missing", 1), 2 * 10**18)
    kept = current_knowledge(tmp_path)  # broken: the last good version keeps answering
    assert "live well, with a place to live" in kept.entry("pledge-02").summary
    assert "unknown document 'missing'" in caplog.text


def test_a_document_name_that_can_never_match_names_file_line_document_and_field(knowledge_dir):
    sources = knowledge_dir / "sources.yml"
    text = sources.read_text(encoding="utf-8")
    broken = text.replace("called: [charter, parents charter]", "called: [charter, Parents' Charter]")
    sources.write_text(broken, encoding="utf-8")
    [problem] = problems_of(knowledge_dir)
    assert problem.startswith("knowledge/sources.yml:19: entry parents_charter: called.1: 'Parents' Charter' "
                              "can never match")
