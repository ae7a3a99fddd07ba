"""`village serve`: start one Rasa process for production, or refuse with the reason.

Before Rasa loads anything: the model's digest is checked and Rasa is given a private verified copy
(`bot.release`); the credentials file must not open the REST channel (it has no authentication); Rasa's HTTP
API is on only with JWT (an RS256 public key, or an HS256 secret), never with `--auth-token`, whose token
travels in URLs and logs. The process then becomes Rasa (exec), so a process manager sees Rasa itself.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot import release
from bot.config import PROJECT_ROOT, Settings

REST_CHANNELS = {"rest", "rasa.core.channels.rest.RestInput", "bot.channels.rest.GuardedRestInput"}


class RefusedToServe(RuntimeError):
    """The configuration is unsafe for parents' data; nothing was started."""


@dataclass(frozen=True)
class ServeOptions:
    model: Path = PROJECT_ROOT / "models" / "village.tar.gz"
    endpoints: Path = PROJECT_ROOT / "deploy" / "endpoints.yml"
    credentials: Path = PROJECT_ROOT / "deploy" / "credentials.yml"
    host: str = "127.0.0.1"
    port: int = 5005


def check_credentials(path: Path, production: bool) -> None:
    try:
        channels = yaml.safe_load(path.read_text()) or {}
    except (OSError, yaml.YAMLError) as error:
        raise RefusedToServe(f"cannot read the credentials file {path}: {error}") from None
    rest = REST_CHANNELS & set(channels)
    if production and rest:
        raise RefusedToServe(f"{path} opens the REST channel ({', '.join(sorted(rest))}), which has no "
                             "authentication: remove it in production (deploy/credentials.yml has none).")


def api_options(settings: Settings) -> list[str]:
    """Rasa's HTTP API with JWT, or no API at all."""
    if settings.jwt_public_key_file:
        try:
            key = Path(settings.jwt_public_key_file).read_text()
        except OSError as error:
            raise RefusedToServe(f"cannot read VILLAGE_JWT_PUBLIC_KEY_FILE: {error.strerror}") from None
        if "PUBLIC KEY" not in key:
            raise RefusedToServe("VILLAGE_JWT_PUBLIC_KEY_FILE must hold a PEM public key (RS256)")
        return ["--enable-api", "--jwt-method", "RS256", "--jwt-secret", key]
    if settings.jwt_secret:
        if len(settings.jwt_secret) < 32:
            raise RefusedToServe("VILLAGE_JWT_SECRET must be at least 32 characters")
        return ["--enable-api", "--jwt-method", "HS256", "--jwt-secret", settings.jwt_secret]
    return []  # no HTTP API: the channels and the desk need none


def rasa_command(settings: Settings, options: ServeOptions, model: Path) -> list[str]:
    rasa = str(Path(sys.executable).parent / "rasa")
    return [rasa, "run", "--model", str(model), "--endpoints", str(options.endpoints),
            "--credentials", str(options.credentials), "--interface", options.host,
            "--port", str(options.port), *api_options(settings)]


def prepare(settings: Settings, options: ServeOptions) -> list[str]:
    """The checks, then the command that starts Rasa on a verified copy of the model."""
    check_credentials(options.credentials, settings.production)
    api_options(settings)  # refuse a bad key before the model is copied
    expected = release.expected_digest(options.model, settings.model_sha256, settings.production)
    return rasa_command(settings, options, release.verified_copy(options.model, expected))


def serve(settings: Settings, options: ServeOptions) -> int:
    try:
        command = prepare(settings, options)
    except (RefusedToServe, release.ModelRejected) as error:
        print(f"village serve: refusing to start: {error}", file=sys.stderr)
        return 78
    env = {**os.environ, "RASA_TELEMETRY_ENABLED": "false"}
    os.execve(command[0], command, env)
    return 0  # not reached
