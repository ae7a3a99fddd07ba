"""The loaded knowledge base: documents, topics, entries, and how to cite an entry."""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.knowledge.schema import Council, Document, Entry, Service, Topic


@dataclass(frozen=True)
class Knowledge:
    documents: list[Document]
    topics: list[Topic]
    entries: list[Entry]
    services: list[Service] = field(default_factory=list)
    councils: list[Council] = field(default_factory=list)
    files: dict[str, str] = field(default_factory=dict)  # entry id -> the knowledge file it is in
    _by_id: dict[str, Entry] = field(init=False, repr=False, compare=False)
    # What other modules work out once from these files (the search's word weights): never compared, and
    # gone with the object when a changed file is loaded again.
    derived: dict[str, object] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {e.id: e for e in self.entries})

    def entry(self, entry_id: str) -> Entry | None:
        return self._by_id.get(entry_id)

    def service(self, service_id: str) -> Service | None:
        return next((s for s in self.services if s.id == service_id), None)

    def document(self, document_id: str) -> Document:
        return next(d for d in self.documents if d.id == document_id)

    def topic(self, topic_id: str) -> Topic | None:
        return next((t for t in self.topics if t.id == topic_id), None)

    def citation(self, entry: Entry) -> str:
        """The source in words a parent understands, e.g. 'Barnet Parenting Pledge, commitment 2'."""
        return self.document(entry.source.document).cite_as.format(section=entry.source.section)

    @property
    def council_names(self) -> list[str]:
        """Councils a parent can name: those with services or postcodes, and those that wrote a document."""
        return sorted({c.name for c in self.councils} | {d.council for d in self.documents if d.council})


def cited(knowledge: Knowledge, entry: Entry, text: str, short: bool = False) -> str:
    """The text with its source: after it, or by SMS before it, so a text cut short still names it."""
    if short:
        return f"From the {knowledge.citation(entry)}: {text}"
    return f"{text} ({knowledge.citation(entry)})"
