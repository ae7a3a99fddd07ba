"""Worker accounts for the desk: argon2-hashed passwords, nothing else secret is stored."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import select

from bot.store.database import session_scope
from bot.store.models import Worker

MIN_PASSWORD = 12
_HASHER = PasswordHasher()


class WorkerError(ValueError):
    pass


def add_worker(username: str, display_name: str, password: str, url: str | None = None) -> Worker:
    username = username.strip().lower()
    if not username or not display_name.strip():
        raise WorkerError("a worker needs a username and a name")
    if len(password) < MIN_PASSWORD:
        raise WorkerError(f"the password needs at least {MIN_PASSWORD} characters")
    with session_scope(url) as session:
        if session.scalar(select(Worker).where(Worker.username == username)):
            raise WorkerError(f"there is already a worker called {username!r}")
        worker = Worker(username=username, display_name=display_name.strip(),
                        password_hash=_HASHER.hash(password), active=True)
        session.add(worker)
        session.flush()
        return worker


def authenticate(username: str, password: str, url: str | None = None) -> Worker | None:
    """The worker if the password is right and the account active; None otherwise (never says which)."""
    with session_scope(url) as session:
        worker = session.scalar(select(Worker).where(Worker.username == username.strip().lower()))
        if worker is None or not worker.active:
            _HASHER.hash(password)  # spend the same time either way
            return None
        try:
            _HASHER.verify(worker.password_hash, password)
        except (VerificationError, InvalidHashError):
            return None
        if _HASHER.check_needs_rehash(worker.password_hash):
            worker.password_hash = _HASHER.hash(password)
        return worker


def get_worker(worker_id: int, url: str | None = None) -> Worker | None:
    with session_scope(url) as session:
        worker = session.get(Worker, worker_id)
        return worker if worker is not None and worker.active else None
