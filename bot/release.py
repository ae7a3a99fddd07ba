"""A model is loaded only if its SHA-256 is the one the release recorded (CVE-2024-49375: a model file can run
code when Rasa loads it, so a swapped file must never be loaded).

`make train` writes `models/village.tar.gz.sha256` beside the model. Production takes the expected digest
from VILLAGE_MODEL_SHA256 (set by whoever releases, not read from beside a file an attacker could replace),
copies the model into a private folder while hashing it, and gives Rasa that copy, so the file checked is the
file loaded.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import tempfile
from pathlib import Path

CHUNK = 1 << 20


class ModelRejected(RuntimeError):
    """The model's digest is missing or is not the expected one: Rasa is not started."""


def digest(path: Path) -> str:
    sha = hashlib.sha256()
    with path.open("rb") as model:
        while chunk := model.read(CHUNK):
            sha.update(chunk)
    return sha.hexdigest()


def sidecar(model: Path) -> Path:
    return model.with_name(model.name + ".sha256")


def seal(model: Path) -> str:
    """Record the model's digest beside it (`make train`); returns the digest."""
    value = digest(model)
    sidecar(model).write_text(f"{value}  {model.name}\n")
    return value


def expected_digest(model: Path, pinned: str | None, production: bool) -> str:
    """The digest the model must have: VILLAGE_MODEL_SHA256, else (not in production) the sidecar file."""
    if pinned:
        value = pinned.strip().lower()
    elif production:
        raise ModelRejected("VILLAGE_ENV=production needs VILLAGE_MODEL_SHA256, the digest of the released "
                            f"model (`sha256sum {model}` where it was trained).")
    else:
        try:
            value = sidecar(model).read_text().split()[0].lower()
        except (OSError, IndexError):
            raise ModelRejected(f"{sidecar(model)} is missing: run `make train` (it records the model's "
                                "digest), or set VILLAGE_MODEL_SHA256.") from None
    if not re.fullmatch(r"[0-9a-f]{64}", value):
        raise ModelRejected(f"the expected model digest {value[:80]!r} is not a SHA-256 (64 hex digits)")
    return value


def verify(model: Path, expected: str) -> None:
    if not model.is_file():
        raise ModelRejected(f"{model} does not exist")
    actual = digest(model)
    if actual != expected:
        raise ModelRejected(f"{model} has SHA-256 {actual}, not the expected {expected}: refusing to load it")


def verified_copy(model: Path, expected: str, folder: Path | None = None) -> Path:
    """Copy the model into a private folder, hashing as it goes; the copy, if its digest is as expected."""
    folder = Path(tempfile.mkdtemp(prefix="village-model-", dir=folder))  # mode 0700
    copy = folder / model.name
    sha = hashlib.sha256()
    try:
        with model.open("rb") as source, copy.open("wb") as target:
            while chunk := source.read(CHUNK):
                sha.update(chunk)
                target.write(chunk)
    except OSError as error:
        shutil.rmtree(folder, ignore_errors=True)
        raise ModelRejected(f"could not read {model}: {error.strerror}") from None
    if sha.hexdigest() != expected:
        shutil.rmtree(folder, ignore_errors=True)
        raise ModelRejected(f"{model} has SHA-256 {sha.hexdigest()}, not the expected {expected}: "
                            "refusing to load it")
    return copy
