"""The `village` command: editors get a clear verdict on the knowledge files, and the exit code says it."""

from __future__ import annotations

import shutil

from bot.cli import main
from bot.config import PROJECT_ROOT
from bot.knowledge.loader import SPECIAL_FILES


def test_knowledge_check_passes_on_the_real_files(capsys):
    assert main(["knowledge", "check"]) == 0
    assert capsys.readouterr().out.startswith("OK: ")


def test_knowledge_check_names_the_broken_entry_and_fails(tmp_path, capsys):
    for name in (*SPECIAL_FILES, "barnet_parenting_pledge.yml"):
        shutil.copy(PROJECT_ROOT / "knowledge" / name, tmp_path / name)
    pledge = tmp_path / "barnet_parenting_pledge.yml"
    pledge.write_text(pledge.read_text().replace("document: barnet_parenting_pledge", "document: missing", 1))
    assert main(["knowledge", "check", "--dir", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "knowledge/barnet_parenting_pledge.yml:" in err
    assert "entry pledge-01: source.document: unknown document 'missing'" in err
    assert "1 problem(s) found." in err


def test_nlp_build_writes_a_loadable_pipeline(tmp_path, capsys):
    out = tmp_path / "pipeline"
    assert main(["nlp", "build", "--out", str(out)]) == 0
    assert (out / "meta.json").exists() and (out / "entity_ruler" / "patterns.jsonl").exists()


def test_db_upgrade_creates_the_tables_and_hides_a_password(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'new' / 'village.db'}"
    assert main(["db", "upgrade", "--url", url]) == 0
    assert capsys.readouterr().out.strip() == f"Database is up to date: {url}"
    assert (tmp_path / "new" / "village.db").exists()
    from bot.cli import _masked

    assert _masked("postgresql://village:s3cret@db:5432/village") == "postgresql://village:***@db:5432/village"


def test_add_worker_reads_the_password_from_stdin_and_refuses_a_short_one(db_url, capsys, monkeypatch):
    import io

    from bot.handoff.workers import authenticate

    monkeypatch.setattr("sys.stdin", io.StringIO("a long enough password\n"))
    assert main(["desk", "add-worker", "--username", "sam", "--name", "Sam", "--password-stdin",
                 "--url", db_url]) == 0
    assert "Worker sam (Sam) can now log in at /desk." in capsys.readouterr().out
    assert authenticate("sam", "a long enough password", db_url) is not None
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert main(["desk", "add-worker", "--username", "kim", "--name", "Kim", "--password-stdin",
                 "--url", db_url]) == 1
    assert "at least 12" in capsys.readouterr().err


def test_knowledge_check_lists_what_is_due_for_review(capsys):
    assert main(["knowledge", "check", "--today", "2028-01-01"]) == 0  # due is not an error
    out = capsys.readouterr().out
    assert "Due for review (" in out
    assert "  - knowledge/barnet_parenting_pledge.yml: entry pledge-02: last_reviewed 2026-11-23" in out


def test_knowledge_preview_prints_the_route_and_the_words(capsys):
    assert main(["knowledge", "preview", "who can i call tonight", "--at", "2026-11-24T02:00:00+00:00"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Route: who to call") and "Samaritans" in out and "Reply (SMS," in out


def test_knowledge_report_writes_the_page(tmp_path, capsys):
    out = tmp_path / "report.html"
    assert main(["knowledge", "report", "--out", str(out)]) == 0
    assert out.exists() and "pledge-02" in out.read_text()
