"""Load and check every knowledge file; one cached result per set of file versions."""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from bot.config import get_settings
from bot.knowledge.model import Knowledge
from bot.knowledge.problems import KnowledgeError, LineIndex, Problem
from bot.knowledge.schema import (
    Council,
    CouncilsFile,
    Document,
    DocumentsFile,
    EntriesFile,
    Entry,
    Service,
    ServicesFile,
    Topic,
    TopicsFile,
)

log = logging.getLogger(__name__)
DOCUMENTS_FILE = "sources.yml"
TOPICS_FILE = "topics.yml"
SERVICES_FILE = "services.yml"
COUNCILS_FILE = "councils.yml"
SPECIAL_FILES = {DOCUMENTS_FILE: "documents", TOPICS_FILE: "topics", SERVICES_FILE: "services",
                 COUNCILS_FILE: "councils"}


def load_knowledge(directory: Path | None = None) -> Knowledge:
    """The knowledge base in `directory`; re-read only when a file there changes."""
    directory = Path(directory or get_settings().knowledge_dir).resolve()
    files = sorted(directory.glob("*.yml"))
    versions = tuple((f.name, f.stat().st_mtime_ns, f.stat().st_size) for f in files)
    knowledge = _load(directory, versions)
    _last_good[directory] = knowledge
    return knowledge


_last_good: dict[Path, Knowledge] = {}


def current_knowledge(directory: Path | None = None) -> Knowledge:
    """For the running bot: edited files take effect at the next answer, no retraining or restart; if an edit
    broke a file, the last good knowledge keeps answering and the problem is logged for the editor."""
    try:
        return load_knowledge(directory)
    except KnowledgeError as error:
        good = _last_good.get(Path(directory or get_settings().knowledge_dir).resolve())
        if good is None:
            raise
        log.error("knowledge files have problems; still answering from the last good version:\n%s", error)
        return good


@lru_cache(maxsize=4)
def _load(directory: Path, versions: tuple) -> Knowledge:
    problems: list[Problem] = []
    documents: list[Document] = _read(directory / DOCUMENTS_FILE, DocumentsFile, problems)
    topics: list[Topic] = _read(directory / TOPICS_FILE, TopicsFile, problems)
    services: list[Service] = _read(directory / SERVICES_FILE, ServicesFile, problems)
    councils: list[Council] = _read(directory / COUNCILS_FILE, CouncilsFile, problems)
    entries: list[tuple[str, int, Entry, LineIndex]] = []
    for name, _, _ in versions:
        if name in SPECIAL_FILES:
            continue
        path = directory / name
        index = _line_index(path, problems)
        for position, entry in enumerate(_read(path, EntriesFile, problems)):
            entries.append((name, position, entry, index))
    problems += _unique(directory / DOCUMENTS_FILE, "documents", documents)
    problems += _unique(directory / TOPICS_FILE, "topics", topics)
    problems += _unique(directory / SERVICES_FILE, "services", services)
    problems += _check_entries(entries, {d.id for d in documents}, {t.id for t in topics})
    problems += _check_services(directory / SERVICES_FILE, services, {c.name for c in councils})
    if problems:
        raise KnowledgeError(problems)
    return Knowledge(documents=documents, topics=topics, entries=[e for _, _, e, _ in entries],
                     services=services, councils=councils,
                     files={e.id: f"knowledge/{name}" for name, _, e, _ in entries})


def _read(path: Path, model: type[BaseModel], problems: list[Problem]) -> list[Any]:
    name = f"knowledge/{path.name}"
    section = SPECIAL_FILES.get(path.name, "entries")
    if not path.exists():
        problems.append(Problem(name, None, None, None, "file is missing"))
        return []
    try:
        text = path.read_text(encoding="utf-8")
        raw = yaml.safe_load(text)
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else None
        problems.append(Problem(name, line, None, None, f"not valid YAML: {error}"))
        return []
    try:
        return getattr(model.parse_obj(raw if raw is not None else {}), section)
    except ValidationError as error:
        problems += _explain(name, section, raw, LineIndex(text), error)
        return []


def _explain(name: str, section: str, raw: Any, index: LineIndex, error: ValidationError) -> list[Problem]:
    problems = []
    for item in error.errors():
        loc = item["loc"]
        if len(loc) >= 2 and loc[0] == section and isinstance(loc[1], int):
            position, field_path = loc[1], [str(part) for part in loc[2:] if part != "__root__"]
            entry_id = _id_at(raw, section, position)
            field = ".".join(field_path) or None
            message = "unknown field" if item["type"] == "value_error.extra" else item["msg"]
            if item["type"] == "value_error.missing":
                message = "is missing"
            line = index.line(section, position, field_path[0] if field_path else None)
            problems.append(Problem(name, line, entry_id, field, message))
        else:
            field = ".".join(str(part) for part in loc)
            problems.append(Problem(name, 1, None, field, item["msg"]))
    return problems


def _id_at(raw: Any, section: str, position: int) -> str:
    try:
        return str(raw[section][position]["id"])
    except (KeyError, IndexError, TypeError):
        return f"#{position + 1}"


def _line_index(path: Path, problems: list[Problem]) -> LineIndex:
    try:
        return LineIndex(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError):
        return LineIndex("")  # _read reports the syntax error


def _unique(path: Path, section: str, items: list[Any]) -> list[Problem]:
    seen: set[str] = set()
    problems = []
    for item in items:
        if item.id in seen:
            problems.append(Problem(f"knowledge/{path.name}", None, item.id, "id", "is used twice"))
        seen.add(item.id)
    return problems


def _check_entries(entries: list, documents: set[str], topics: set[str]) -> list[Problem]:
    problems = []
    seen: dict[str, str] = {}
    asked: dict[str, str] = {}  # a message (lower case, single spaces) -> the entry that lists it first
    for name, position, entry, index in entries:
        file = f"knowledge/{name}"
        found: list[tuple[str, str]] = []
        if entry.id in seen:
            found.append(("id", f"is used twice (also in {seen[entry.id]})"))
        seen.setdefault(entry.id, file)
        found += [("topics", f"unknown topic '{t}' (see knowledge/{TOPICS_FILE})")
                  for t in entry.topics if t not in topics]
        if entry.source.document not in documents:
            found.append(("source.document", f"unknown document '{entry.source.document}' "
                          f"(see knowledge/{DOCUMENTS_FILE})"))
        found += [("also_in", f"unknown document '{d}'") for d in entry.also_in if d not in documents]
        mine: set[str] = set()
        for text in entry.asked:
            key = " ".join(text.lower().split())
            if key in mine:
                found.append(("asked", f"'{text}' is listed twice"))
            elif asked.setdefault(key, entry.id) != entry.id:
                found.append(("asked", f"'{text}' is also asked under {asked[key]}: keep it under the entry "
                                       "that answers it best"))
            mine.add(key)
        for field, message in found:
            line = index.line("entries", position, field.split(".")[0])
            problems.append(Problem(file, line, entry.id, field, message))
    return problems


def _check_services(path: Path, services: list[Service], councils: set[str]) -> list[Problem]:
    """A service's area is "national" or councils the documents know, so the bot can match a parent's."""
    index = _line_index(path, [])
    problems = []
    for position, service in enumerate(services):
        for area in service.area:
            if area != "national" and area not in councils:
                problems.append(Problem(f"knowledge/{path.name}", index.line("services", position, "area"),
                                        service.id, "area", f"unknown council '{area}': use national or "
                                        f"one of {', '.join(sorted(councils))}"))
    return problems
