"""Typed settings from the environment, read once."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from bot.limits import Rule, parse_rules

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Settings:
    knowledge_dir: Path
    spacy_dir: Path
    cache_dir: Path = PROJECT_ROOT / "var" / "cache"  # models rebuilt from the repository when missing
    database_url: str = f"sqlite:///{PROJECT_ROOT / 'var' / 'village.db'}"
    notifications_file: Path = PROJECT_ROOT / "var" / "notifications.log"
    desk_secret: str | None = None  # signs desk sessions; unset: a random one per process
    desk_secure_cookies: bool = False  # true behind HTTPS in production
    number_key: str | None = None  # keys the hashes of phone numbers on the opt-out list
    # On-call SMS for new handoffs, when all four are set (else a line in notifications_file).
    twilio_account_sid: str | None = None
    twilio_auth_token: str | None = None
    twilio_from_number: str | None = None
    oncall_number: str | None = None
    twilio_api_base_url: str | None = None  # only to point the client at a test double or a proxy
    # SMS (Twilio). Replies go through Twilio's API when the SID, token and number are set; otherwise, outside
    # production, to a local outbox file that `village sms` reads.
    public_url: str | None = None  # the address Twilio calls (behind a proxy), for checking signatures
    twilio_validate: bool = True  # false only for local development; refused in production
    production: bool = False  # VILLAGE_ENV=production: no development shortcuts
    sms_outbox_file: Path = PROJECT_ROOT / "var" / "sms_outbox.jsonl"
    # The web widget: its session ids are signed with widget_secret (else the desk secret, else a development
    # key); council sites allowed to embed it; where "Leave this site" goes; what the privacy notice says.
    widget_secret: str | None = None
    widget_origins: tuple[str, ...] = ()
    widget_exit_url: str = "https://www.bbc.co.uk/weather"
    retention_days: int = 90
    support_age_limit: int = 25
    # Rate limits (bot/limits.py), each "count/window" rules: per SMS number, per widget session, new widget
    # sessions per client address, and every text sent (the toll-fraud guard). "off" turns one off.
    sms_limits: tuple[Rule, ...] = parse_rules("15/5m,100/1d")
    widget_limits: tuple[Rule, ...] = parse_rules("30/1m,300/1d")
    widget_new_sessions: tuple[Rule, ...] = parse_rules("20/1h")
    sms_sent_cap: tuple[Rule, ...] = parse_rules("600/1h")
    trusted_proxies: int = 0  # proxies in front that append to X-Forwarded-For; 0: use the peer's address
    # `village serve` (production): the released model's SHA-256, and Rasa's HTTP API only with JWT (an RS256
    # public key file, or an HS256 secret of 32+ characters); with neither, the API is off.
    model_sha256: str | None = None
    widget_redis_url: str | None = None  # socket.io rooms shared by every Rasa process (redis://...)
    jwt_public_key_file: str | None = None
    jwt_secret: str | None = None
    # VILLAGE_NOW pins the clock (ISO 8601 with an offset) so end-to-end tests can ask at 2am; unset in use.
    pinned_now: dt.datetime | None = None


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Settings for this process; environment variables override the local defaults."""
    env = os.environ
    var = PROJECT_ROOT / "var"
    return Settings(
        knowledge_dir=Path(env.get("VILLAGE_KNOWLEDGE_DIR", PROJECT_ROOT / "knowledge")),
        spacy_dir=Path(env.get("VILLAGE_SPACY_DIR", var / "spacy" / "village_en")),
        cache_dir=Path(env.get("VILLAGE_CACHE_DIR", var / "cache")),
        database_url=env.get("VILLAGE_DATABASE_URL", f"sqlite:///{var / 'village.db'}"),
        notifications_file=Path(env.get("VILLAGE_NOTIFICATIONS_FILE", var / "notifications.log")),
        desk_secret=env.get("VILLAGE_DESK_SECRET") or None,
        number_key=env.get("VILLAGE_NUMBER_KEY") or None,
        desk_secure_cookies=env.get("VILLAGE_DESK_SECURE_COOKIES", "false").lower() == "true",
        twilio_account_sid=env.get("TWILIO_ACCOUNT_SID") or None,
        twilio_auth_token=env.get("TWILIO_AUTH_TOKEN") or None,
        twilio_from_number=env.get("TWILIO_FROM_NUMBER") or None,
        oncall_number=env.get("VILLAGE_ONCALL_NUMBER") or None,
        twilio_api_base_url=env.get("TWILIO_API_BASE_URL") or None,
        public_url=(env.get("VILLAGE_PUBLIC_URL") or "").rstrip("/") or None,
        twilio_validate=env.get("TWILIO_VALIDATE", "true").lower() != "false",
        production=env.get("VILLAGE_ENV", "").lower() == "production",
        sms_outbox_file=Path(env.get("VILLAGE_SMS_OUTBOX", var / "sms_outbox.jsonl")),
        widget_secret=env.get("VILLAGE_WIDGET_SECRET") or None,
        widget_origins=tuple(o.strip().rstrip("/") for o in env.get("VILLAGE_WIDGET_ORIGINS", "").split(",")
                             if o.strip()),
        widget_exit_url=env.get("VILLAGE_WIDGET_EXIT_URL") or "https://www.bbc.co.uk/weather",
        retention_days=int(env.get("VILLAGE_RETENTION_DAYS") or 90),
        sms_limits=parse_rules(env.get("VILLAGE_SMS_LIMITS") or "15/5m,100/1d"),
        widget_limits=parse_rules(env.get("VILLAGE_WIDGET_LIMITS") or "30/1m,300/1d"),
        widget_new_sessions=parse_rules(env.get("VILLAGE_WIDGET_NEW_SESSIONS") or "20/1h"),
        sms_sent_cap=parse_rules(env.get("VILLAGE_SMS_SENT_CAP") or "600/1h"),
        trusted_proxies=int(env.get("VILLAGE_TRUSTED_PROXIES") or 0),
        model_sha256=env.get("VILLAGE_MODEL_SHA256") or None,
        widget_redis_url=env.get("VILLAGE_WIDGET_REDIS_URL") or None,
        jwt_public_key_file=env.get("VILLAGE_JWT_PUBLIC_KEY_FILE") or None,
        jwt_secret=env.get("VILLAGE_JWT_SECRET") or None,
        pinned_now=_aware(env["VILLAGE_NOW"]) if env.get("VILLAGE_NOW") else None,
    )


def _aware(text: str) -> dt.datetime:
    value = dt.datetime.fromisoformat(text)
    if value.tzinfo is None:
        raise ValueError(f"VILLAGE_NOW={text!r} needs a UTC offset, e.g. 2026-11-24T02:00:00+00:00")
    return value
