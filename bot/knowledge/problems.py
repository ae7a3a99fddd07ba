"""Errors in knowledge files, reported as file:line: entry id: field: what is wrong."""

from __future__ import annotations

from dataclasses import dataclass

import yaml


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    entry: str | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        parts = [where]
        if self.entry:
            parts.append(f"entry {self.entry}")
        if self.field:
            parts.append(self.field)
        parts.append(self.message)
        return ": ".join(parts)


class KnowledgeError(ValueError):
    """One or more knowledge files are broken; str() lists every problem, one a line."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class LineIndex:
    """Line numbers of a YAML file's items and their keys, for error messages."""

    def __init__(self, text: str):
        self._items: dict[tuple[str, int], tuple[int, dict[str, int]]] = {}
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        if not isinstance(node, yaml.MappingNode):
            return
        for key_node, value_node in node.value:
            if not isinstance(value_node, yaml.SequenceNode):
                continue
            for index, item in enumerate(value_node.value):
                keys: dict[str, int] = {}
                if isinstance(item, yaml.MappingNode):
                    keys = {k.value: k.start_mark.line + 1 for k, _ in item.value}
                self._items[(key_node.value, index)] = (item.start_mark.line + 1, keys)

    def line(self, section: str, index: int, field: str | None = None) -> int | None:
        found = self._items.get((section, index))
        if found is None:
            return None
        item_line, keys = found
        return keys.get(field, item_line) if field else item_line
