"""The typed shape of the knowledge files: documents, topics and entries."""

from __future__ import annotations

import datetime as dt
from enum import Enum

from pydantic import BaseModel, Extra, constr, validator

ENTRY_ID = r"^[a-z0-9]+(-[a-z0-9]+)*$"
SUMMARY_LIMIT = 300  # two SMS segments
NEXT_STEP_LIMIT = 160  # one SMS segment


class Situation(str, Enum):
    """When an entry applies; never a judgement about the parent."""

    anyone = "anyone"
    thinking_about_parenthood = "thinking_about_parenthood"
    expecting = "expecting"
    parent = "parent"
    father = "father"
    child_has_social_worker = "child_has_social_worker"
    concerns_raised = "concerns_raised"
    care_proceedings = "care_proceedings"
    child_removed = "child_removed"
    living_apart = "living_apart"


class Strict(BaseModel):
    class Config:
        extra = Extra.forbid
        anystr_strip_whitespace = True
        allow_mutation = False


class Document(Strict):
    id: constr(regex=r"^[a-z0-9_]+$")  # type: ignore[valid-type]
    title: constr(min_length=1)  # type: ignore[valid-type]
    publisher: constr(min_length=1)  # type: ignore[valid-type]
    council: str | None = None
    version: str | None = None
    cite_as: constr(min_length=1)  # type: ignore[valid-type]
    file: constr(min_length=1)  # type: ignore[valid-type]

    @validator("cite_as")
    def _has_section_slot(cls, value: str) -> str:
        if "{section}" not in value:
            raise ValueError("must contain {section}, where the entry's section goes")
        return value


class Topic(Strict):
    id: constr(regex=r"^[a-z_]+$")  # type: ignore[valid-type]
    label: constr(min_length=1)  # type: ignore[valid-type]
    words: list[constr(min_length=1)]  # type: ignore[valid-type]

    @validator("words", each_item=True)
    def _lower_case(cls, value: str) -> str:
        if value != value.lower():
            raise ValueError(f"'{value}' must be lower case")
        return value


class Source(Strict):
    document: constr(min_length=1)  # type: ignore[valid-type]
    section: constr(min_length=1)  # type: ignore[valid-type]


class Entry(Strict):
    id: constr(regex=ENTRY_ID)  # type: ignore[valid-type]
    title: constr(min_length=1, max_length=80)  # type: ignore[valid-type]
    summary: constr(min_length=1, max_length=SUMMARY_LIMIT)  # type: ignore[valid-type]
    details: constr(min_length=1)  # type: ignore[valid-type]
    next_step: constr(min_length=1, max_length=NEXT_STEP_LIMIT)  # type: ignore[valid-type]
    topics: list[str]
    applies_when: list[Situation]
    source: Source
    also_in: list[str] = []
    last_reviewed: dt.date

    @validator("topics", "applies_when")
    def _not_empty(cls, value: list) -> list:
        if not value:
            raise ValueError("needs at least one value")
        return value


class DocumentsFile(Strict):
    documents: list[Document]


class TopicsFile(Strict):
    topics: list[Topic]


class EntriesFile(Strict):
    entries: list[Entry]
