"""The manager's report: every entry, by source and topic, with its review status."""

from __future__ import annotations

import datetime as dt

from bot.editing.report import write
from bot.knowledge import load_knowledge


def test_every_entry_is_listed_with_its_status(tmp_path):
    knowledge = load_knowledge()
    html = write(knowledge, tmp_path / "report.html", dt.date(2026, 11, 23)).read_text()
    assert all(e.id in html for e in knowledge.entries)
    assert "Barnet Care Experience Parenting Pledge" in html or knowledge.documents[0].title in html
    assert 'class="ok"' in html and 'class="overdue"' not in html
    late = write(knowledge, tmp_path / "late.html", dt.date(2028, 1, 1)).read_text()
    assert late.count('class="overdue"') >= len(knowledge.entries)
    assert "NO: parents are told to check it" in late
