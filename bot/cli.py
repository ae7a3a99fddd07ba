"""The `village` command for editors and operators."""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

from bot.config import PROJECT_ROOT, get_settings


def _load(directory: Path):
    from bot.knowledge import KnowledgeError, load_knowledge

    try:
        return load_knowledge(directory)
    except KnowledgeError as error:
        print(error, file=sys.stderr)
        print(f"{len(error.problems)} problem(s) found.", file=sys.stderr)
        return None


def _today(args: argparse.Namespace) -> dt.date:
    return args.today or dt.date.today()


def _knowledge_check(args: argparse.Namespace) -> int:
    from bot.knowledge.review import needs_training, overdue, unverified

    knowledge = _load(args.dir)
    if knowledge is None or not _safety_examples_ok():
        return 1
    print(f"OK: {len(knowledge.entries)} entries from {len(knowledge.documents)} documents, "
          f"{len(knowledge.topics)} topics, {len(knowledge.services)} services.")
    late = overdue(knowledge, _today(args), args.review_months)
    if late:
        print(f"Due for review ({len(late)}): last reviewed more than {args.review_months} months ago.")
        print("\n".join(f"  - {i.where}: {i.kind} {i.id}: last_reviewed {i.last_reviewed}" for i in late))
    unchecked = unverified(knowledge)
    if unchecked:
        print(f"Not verified yet ({len(unchecked)}): the bot tells parents to check these.")
        print("\n".join(f"  - {line}" for line in unchecked))
    training = needs_training(knowledge)
    if training:
        print(f"Needs training ({len(training)}): knowledge changes take effect at once, but not these.")
        print("\n".join(f"  - {line}" for line in training))
    return 0


def _safety_examples_ok() -> bool:
    """The crisis classifier's examples (bot/safety/examples) load: Rasa can't start without them."""
    from bot.safety.learned import ExamplesError, load_examples

    try:
        load_examples()
    except ExamplesError as error:
        print(f"bot/safety/examples/{error}", file=sys.stderr)
        return False
    return True


def _knowledge_preview(args: argparse.Namespace) -> int:
    from bot.clock import now
    from bot.editing.preview import preview

    knowledge = _load(args.dir)
    if knowledge is None:
        return 1
    at = dt.datetime.fromisoformat(args.at) if args.at else now()
    result = preview(knowledge, args.question, at)
    print(f"Route: {result.route}")
    for title, lines in (("Entries", result.entries), ("Services open", result.services)):
        if lines:
            print(f"{title}:\n" + "\n".join(f"  - {line}" for line in lines))
    web = [line for reply in result.replies for line in reply.splitlines()]
    print("Reply (web):\n" + "\n".join(f"  | {line}" for line in web))
    sms = [f"  [{n}] {text}" for n, text in enumerate(result.texts, start=1)]
    print(f"Reply (SMS, {len(sms)} text(s)):\n" + "\n".join(sms))
    return 0


def _knowledge_report(args: argparse.Namespace) -> int:
    from bot.editing.report import write

    knowledge = _load(args.dir)
    if knowledge is None:
        return 1
    out = write(knowledge, args.out, _today(args), args.review_months)
    print(f"Report written to {out}")
    return 0


def _nlp_build(args: argparse.Namespace) -> int:
    from bot.knowledge import KnowledgeError, load_knowledge
    from bot.nlp.pipeline import save_pipeline

    try:
        knowledge = load_knowledge(args.dir)
    except KnowledgeError as error:
        print(error, file=sys.stderr)
        return 1
    out = save_pipeline(knowledge, args.out)
    print(f"spaCy pipeline written to {out}")
    return 0


def _db_upgrade(args: argparse.Namespace) -> int:
    from bot.store import migrate
    from bot.store.database import database_url

    migrate(args.url)
    print(f"Database is up to date: {_masked(database_url(args.url))}")
    return 0


def _masked(url: str) -> str:
    """A database URL with any password hidden, for printing."""
    scheme, _, rest = url.partition("://")
    if "@" in rest and ":" in rest.split("@", 1)[0]:
        user = rest.split("@", 1)[0].split(":", 1)[0]
        rest = f"{user}:***@{rest.split('@', 1)[1]}"
    return f"{scheme}://{rest}"


def _period(text: str) -> dt.timedelta:
    """A retention period: 90d, 12w or 90 (days); at least a day."""
    match = re.fullmatch(r"(\d+)\s*([dw]?)", text.strip().lower())
    if not match:
        raise argparse.ArgumentTypeError(f"{text!r}: give days or weeks, e.g. 90d, 12w or 90")
    days = int(match[1]) * (7 if match[2] == "w" else 1)
    if days < 1:
        raise argparse.ArgumentTypeError(f"{text!r}: the period must be at least 1 day")
    return dt.timedelta(days=days)


def _purge(args: argparse.Namespace) -> int:
    import sqlalchemy.exc

    from bot.store.database import DatabaseNotReady, database_url
    from bot.store.models import utcnow
    from bot.store.retention import RetentionError, purge, purge_history, tracker_store_url

    try:
        if args.history:
            _print_runs(purge_history(args.url))
            return 0
        tracker = tracker_store_url(args.endpoints)
        cutoff = utcnow() - args.older_than
        print(f"Tracker store: {tracker.render_as_string(hide_password=True)}")
        print(f"Project database: {_masked(database_url(args.url))}")
        counts = purge(cutoff, args.url, tracker, dry_run=args.dry_run)
    except (RetentionError, DatabaseNotReady) as error:
        print(error, file=sys.stderr)
        return 1
    except sqlalchemy.exc.SQLAlchemyError as error:  # never str(error): it would show the query's values
        print(f"The database failed: {getattr(error, 'orig', None) or type(error).__name__}", file=sys.stderr)
        return 1
    days, promised = args.older_than.days, get_settings().retention_days
    verb = "Would remove (dry run, nothing changed)" if args.dry_run else "Removed"
    print(f"{verb}: what is older than {days} days (before {cutoff:%Y-%m-%d %H:%M} UTC)")
    print(f"  conversations: {counts.conversations} (tracker events: {counts.events})")
    print(f"  handoffs: {counts.handoffs} (thread messages: {counts.handoff_messages}, "
          f"audit entries: {counts.audit_events})")
    print(f"  crisis flags: {counts.crisis_flags}")
    print(f"  SMS records: {counts.sms_deliveries + counts.sms_pending}")
    if counts.handoffs_kept_open:
        print(f"Kept {counts.handoffs_kept_open} handoff(s) older than that: still open or claimed, so a "
              "worker should close them.")
    if days > promised:
        print(f"Note: the privacy notice tells parents {promised} days (VILLAGE_RETENTION_DAYS).",
              file=sys.stderr)
    if not args.dry_run:
        print("Recorded in purge_runs (village purge --history lists the runs).")
    return 0


def _print_runs(runs: list) -> None:
    if not runs:
        print("No purge has run yet.")
        return
    print("Purge runs, newest first (UTC):")
    for run in runs:
        print(f"  {run.ran_at:%Y-%m-%d %H:%M}  before {run.cutoff:%Y-%m-%d}: "
              f"{run.conversations} conversations ({run.events} events), {run.handoffs} handoffs, "
              f"{run.crisis_flags} crisis flags, "
              f"{run.sms_deliveries + run.sms_pending} SMS records; {run.handoffs_kept_open} kept open")


def _add_worker(args: argparse.Namespace) -> int:
    import getpass

    from bot.handoff.workers import WorkerError, add_worker

    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass("Password (12 characters or more): ")
        if getpass.getpass("Again: ") != password:
            print("The passwords don't match.", file=sys.stderr)
            return 1
    try:
        worker = add_worker(args.username, args.name, password, args.url)
    except WorkerError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"Worker {worker.username} ({worker.display_name}) can now log in at /desk.")
    return 0


def _run(args: argparse.Namespace) -> int:
    from bot.stack import serve

    return serve(shell=args.shell, rasa_port=args.port, action_port=args.action_port)


def _actions(args: argparse.Namespace) -> int:
    from bot.action_server import main

    return main(args.options)


def _serve(args: argparse.Namespace) -> int:
    from bot.serve import ServeOptions, serve

    options = ServeOptions(model=args.model, endpoints=args.endpoints, credentials=args.credentials,
                           host=args.host, port=args.port)
    return serve(get_settings(), options)


def _model_seal(args: argparse.Namespace) -> int:
    from bot.release import seal

    print(f"{seal(args.model)}  {args.model}")
    return 0


def _safety_train(args: argparse.Namespace) -> int:
    from bot.safety.learned import ExamplesError, prepared

    try:
        prepared(args.cache)
    except ExamplesError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"Safety classifier ready in {args.cache}")
    return 0


def _sms(args: argparse.Namespace) -> int:
    from bot.sms.simulator import Phone, converse

    phone = Phone(args.server, args.number, get_settings())
    if args.send:
        failed = 0
        for text in args.send:
            status = phone.post(text)
            failed += status != 200
            print(f"you> {text}" + ("" if status == 200 else f"  (HTTP {status})"))
            for reply in phone.replies():
                print(f"village> {reply}")
        return 1 if failed else 0
    print(f"Texting Village at {phone.server} from {phone.number}. Type a message; Ctrl-D to stop.")
    return converse(phone, lambda: input("you> "), lambda line: print(line, flush=True))


def parser() -> argparse.ArgumentParser:
    settings = get_settings()
    top = argparse.ArgumentParser(prog="village", description=__doc__)
    groups = top.add_subparsers(dest="group", required=True)

    knowledge = groups.add_parser("knowledge", help="check the knowledge files")
    knowledge_cmds = knowledge.add_subparsers(dest="command", required=True)
    check = knowledge_cmds.add_parser("check", help="validate every knowledge file; list what needs review")
    preview = knowledge_cmds.add_parser("preview", help="what the bot would say to a question, no training")
    preview.add_argument("question")
    preview.add_argument("--at", help="as if asked at this time (ISO 8601 with an offset); default now")
    report = knowledge_cmds.add_parser("report", help="an HTML page of every entry and its review status")
    report.add_argument("--out", type=Path, default=PROJECT_ROOT / "var" / "knowledge-report.html")
    commands = ((check, _knowledge_check), (preview, _knowledge_preview), (report, _knowledge_report))
    for command, run in commands:
        command.add_argument("--dir", type=Path, default=settings.knowledge_dir)
        command.set_defaults(run=run)
    for command in (check, report):
        command.add_argument("--review-months", type=int, default=12, help="review at least this often")
        command.add_argument("--today", type=dt.date.fromisoformat, help=argparse.SUPPRESS)

    nlp = groups.add_parser("nlp", help="the project's spaCy pipeline")
    nlp_cmds = nlp.add_subparsers(dest="command", required=True)
    build = nlp_cmds.add_parser("build", help="build the pipeline from the knowledge files")
    build.add_argument("--dir", type=Path, default=settings.knowledge_dir)
    build.add_argument("--out", type=Path, default=settings.spacy_dir)
    build.set_defaults(run=_nlp_build)

    db = groups.add_parser("db", help="the project database")
    db_cmds = db.add_subparsers(dest="command", required=True)
    upgrade = db_cmds.add_parser("upgrade", help="create or migrate the tables to the newest schema")
    upgrade.add_argument("--url", default=None, help="database URL (default: VILLAGE_DATABASE_URL or var/)")
    upgrade.set_defaults(run=_db_upgrade)

    desk = groups.add_parser("desk", help="the worker desk")
    desk_cmds = desk.add_subparsers(dest="command", required=True)
    add = desk_cmds.add_parser("add-worker", help="create a worker account (asks for the password)")
    add.add_argument("--username", required=True)
    add.add_argument("--name", required=True, help="the name other workers see")
    add.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    add.add_argument("--url", default=None, help="database URL (default: VILLAGE_DATABASE_URL or var/)")
    add.set_defaults(run=_add_worker)

    purge = groups.add_parser("purge", help="remove conversations and records past the retention period")
    days = settings.retention_days
    purge.add_argument("--older-than", type=_period, default=dt.timedelta(days=days), metavar="PERIOD",
                       help=f"90d, 12w or 90 (days); default {days}d, VILLAGE_RETENTION_DAYS, as parents "
                       "are told")
    purge.add_argument("--endpoints", type=Path, default=Path("endpoints.yml"),
                       help="Rasa's endpoints file naming the tracker store (default endpoints.yml, as "
                       "Rasa's); a relative SQLite path in it is taken from the current folder, as Rasa does")
    purge.add_argument("--dry-run", action="store_true", help="count what would go; change nothing")
    purge.add_argument("--history", action="store_true", help="list the last runs instead")
    purge.add_argument("--url", default=None, help="database URL (default: VILLAGE_DATABASE_URL or var/)")
    purge.set_defaults(run=_purge)

    sms = groups.add_parser("sms", help="play a phone: text a running Village without a Twilio account")
    sms.add_argument("--server", default="http://127.0.0.1:5005", help="where Village runs")
    sms.add_argument("--from", dest="number", default="+447700900123", help="the phone number to play")
    sms.add_argument("--send", action="append", metavar="TEXT",
                     help="send this text, print the replies and exit (repeatable); else interactive")
    sms.set_defaults(run=_sms)

    run = groups.add_parser("run", help="start the action server and Rasa on 127.0.0.1 (Ctrl-C stops both)")
    run.add_argument("--shell", action="store_true", help="talk to the bot in this terminal instead")
    run.add_argument("--port", type=int, default=5005, help="Rasa's port (default 5005)")
    run.add_argument("--action-port", type=int, default=5055, help="the action server's port (default 5055)")
    run.set_defaults(run=_run)

    actions = groups.add_parser("actions", help="start the action server with `rasa run actions`'s options "
                                "(e.g. --port 5055), its safety classifier trained before it listens")
    actions.set_defaults(run=_actions)

    serve = groups.add_parser("serve", help="production: check the model's digest, then start a Rasa process")
    serve.add_argument("--model", type=Path, default=PROJECT_ROOT / "models" / "village.tar.gz")
    serve.add_argument("--endpoints", type=Path, default=PROJECT_ROOT / "deploy" / "endpoints.yml")
    serve.add_argument("--credentials", type=Path, default=PROJECT_ROOT / "deploy" / "credentials.yml")
    serve.add_argument("--host", default="127.0.0.1", help="interface to listen on (default 127.0.0.1)")
    serve.add_argument("--port", type=int, default=5005)
    serve.set_defaults(run=_serve)

    safety = groups.add_parser("safety", help="the safety check's learned second opinion")
    safety_cmds = safety.add_subparsers(dest="command", required=True)
    train = safety_cmds.add_parser("train", help="train it from the examples, unless it is saved already "
                                                 "(make train does this; the servers read it as they start)")
    train.add_argument("--cache", type=Path, default=settings.cache_dir / "safety")
    train.set_defaults(run=_safety_train)

    model = groups.add_parser("model", help="the trained model")
    model_cmds = model.add_subparsers(dest="command", required=True)
    seal = model_cmds.add_parser("seal", help="record the model's SHA-256 beside it (make train does this)")
    seal.add_argument("model", type=Path, nargs="?", default=PROJECT_ROOT / "models" / "village.tar.gz")
    seal.set_defaults(run=_model_seal)
    return top


def main(argv: list[str] | None = None) -> int:
    commands = parser()
    args, options = commands.parse_known_args(argv)
    if args.run is _actions:
        args.options = options  # rasa_sdk's own parser reads (and refuses) them
    elif options:
        commands.error(f"unrecognized arguments: {' '.join(options)}")
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
