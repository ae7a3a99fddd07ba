"""The `village` command: editors get a clear verdict on the knowledge files, and the exit code says it."""

from __future__ import annotations

import shutil

import pytest

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


def test_safety_train_saves_the_classifier_and_a_broken_example_names_file_and_message(tmp_path, monkeypatch,
                                                                                       capsys):
    from bot.safety import learned

    examples = tmp_path / "examples"
    examples.mkdir()
    for name in ("a.yml", "b.yml"):  # two authors: enough of each kind to learn from, and safe messages
        shutil.copy(sorted(learned.EXAMPLES.glob("*.yml"))[0 if name == "a.yml" else -1], examples / name)
    monkeypatch.setattr(learned, "EXAMPLES", examples)
    cache = tmp_path / "cache"
    assert main(["safety", "train", "--cache", str(cache)]) == 0
    assert capsys.readouterr().out.strip() == f"Safety classifier ready in {cache}"
    saved = [p.name for p in cache.iterdir()]
    assert saved == [learned.fingerprint()]
    assert learned.CrisisClassifier.load(cache / saved[0]).guess("my baby isnt breathing") is not None
    (examples / "b.yml").write_text("messages:\n  - {text: help, crisis: maybe}\n")
    assert main(["safety", "train", "--cache", str(cache)]) == 1
    assert "b.yml: message 1: crisis: must be true or false" in capsys.readouterr().err


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


def test_knowledge_check_fails_on_a_broken_crisis_examples_file(tmp_path, monkeypatch, capsys):
    from bot.safety import learned

    (tmp_path / "mine.yml").write_text('messages:\n  - {text: "help me", crisis: true, kind: scared}\n')
    monkeypatch.setattr(learned, "EXAMPLES", tmp_path)
    monkeypatch.setattr(learned.load_examples, "__defaults__", (tmp_path,))
    assert main(["knowledge", "check"]) == 1
    assert "bot/safety/examples/mine.yml: message 1: kind: must be one of" in capsys.readouterr().err


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


@pytest.fixture
def endpoints(tmp_path):
    """An endpoints file naming a real Rasa SQL tracker store on a SQLite file, with one old conversation."""
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.core.domain import Domain

    from tests.bot.store.test_retention import save_conversation

    store = SQLTrackerStore(domain=Domain.empty(), dialect="sqlite", db=str(tmp_path / "tracker.db"))
    save_conversation(store, "parent-long-ago", 200)
    save_conversation(store, "parent-last-week", 7)
    store.engine.dispose()
    path = tmp_path / "endpoints.yml"
    path.write_text(f"tracker_store:\n  type: SQL\n  dialect: sqlite\n  db: {tmp_path / 'tracker.db'}\n")
    return path


def test_purge_prints_counts_only_and_records_the_run(db_url, endpoints, capsys):
    assert main(["purge", "--endpoints", str(endpoints), "--url", db_url]) == 0
    out = capsys.readouterr().out
    assert "Removed: what is older than 90 days" in out
    assert "  conversations: 1 (tracker events: 5)" in out and "Recorded in purge_runs" in out
    assert "parent-" not in out and "days ago" not in out  # no conversation ids, no message text
    assert main(["purge", "--history", "--url", db_url]) == 0
    assert ": 1 conversations (5 events), 0 handoffs" in capsys.readouterr().out


def test_purge_dry_run_counts_and_changes_nothing(db_url, endpoints, capsys):
    purge = ["purge", "--endpoints", str(endpoints), "--url", db_url]
    assert main([*purge, "--dry-run", "--older-than", "6d"]) == 0
    out = capsys.readouterr().out
    assert "Would remove (dry run, nothing changed): what is older than 6 days" in out
    assert "  conversations: 2 (tracker events: 10)" in out and "Recorded" not in out
    assert main(["purge", "--history", "--url", db_url]) == 0
    assert capsys.readouterr().out.strip() == "No purge has run yet."
    assert main([*purge, "--older-than", "30"]) == 0
    assert "  conversations: 1 (tracker events: 5)" in capsys.readouterr().out


@pytest.mark.parametrize("period, days", [("90d", 90), ("12w", 84), ("30", 30), (" 2D ", 2)])
def test_purge_periods_are_days_or_weeks(period, days):
    from bot.cli import _period

    assert _period(period).days == days


@pytest.mark.parametrize("period, message", [("0d", "at least 1 day"), ("12h", "days or weeks"),
                                             ("-5", "days or weeks")])
def test_purge_refuses_a_period_under_a_day_or_unclear(period, message, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["purge", f"--older-than={period}"])
    assert exit_.value.code == 2 and message in capsys.readouterr().err


def test_purge_says_plainly_when_endpoints_or_database_cannot_be_used(db_url, endpoints, tmp_path, capsys):
    assert main(["purge", "--endpoints", str(tmp_path / "missing.yml"), "--url", db_url]) == 1
    assert "Cannot read the endpoints file" in capsys.readouterr().err
    unreachable = f"sqlite:///{tmp_path / 'no-such-folder' / 'village.db'}"
    assert main(["purge", "--endpoints", str(endpoints), "--url", unreachable]) == 1
    assert "Cannot reach the project database" in capsys.readouterr().err
    assert main(["purge", "--history", "--url", unreachable]) == 1
    assert "The database failed: unable to open database file" in capsys.readouterr().err
    other = tmp_path / "other.yml"
    other.write_text("tracker_store:\n  type: SQL\n  dialect: postgresql\n  url: 127.0.0.1\n  port: 9\n"
                     "  db: tracker\n  username: rasa\n  password: ${VILLAGE_TEST_UNSET_PASSWORD}\n")
    assert main(["purge", "--endpoints", str(other), "--url", db_url]) == 1
    assert "VILLAGE_TEST_UNSET_PASSWORD" in capsys.readouterr().err
