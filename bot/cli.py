"""The `village` command for editors and operators."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.config import get_settings


def _knowledge_check(args: argparse.Namespace) -> int:
    from bot.knowledge import KnowledgeError, load_knowledge

    try:
        knowledge = load_knowledge(args.dir)
    except KnowledgeError as error:
        print(error, file=sys.stderr)
        print(f"{len(error.problems)} problem(s) found.", file=sys.stderr)
        return 1
    print(f"OK: {len(knowledge.entries)} entries from {len(knowledge.documents)} documents, "
          f"{len(knowledge.topics)} topics, {len(knowledge.services)} services.")
    unverified = [f"service {s.id}: {s.source}" for s in knowledge.services if not s.verified]
    unverified += [f"council {c.name}: {c.source}" for c in knowledge.councils if not c.verified]
    if unverified:
        print(f"Not verified yet ({len(unverified)}): the bot tells parents to check these.")
        print("\n".join(f"  - {line}" for line in unverified))
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
    check = knowledge_cmds.add_parser("check", help="validate every knowledge file")
    check.add_argument("--dir", type=Path, default=settings.knowledge_dir)
    check.set_defaults(run=_knowledge_check)

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
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
