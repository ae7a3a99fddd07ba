"""`village serve` refuses unsafe production set-ups before Rasa loads anything, and starts Rasa safely."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from bot import release
from bot.config import PROJECT_ROOT, Settings
from bot.serve import RefusedToServe, ServeOptions, api_options, check_credentials, prepare, serve

SECRET = "s" * 40


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(knowledge_dir=tmp_path, spacy_dir=tmp_path, production=True)


@pytest.fixture
def options(tmp_path) -> ServeOptions:
    model = tmp_path / "village.tar.gz"
    model.write_bytes(b"model bytes")
    return ServeOptions(model=model, endpoints=PROJECT_ROOT / "deploy" / "endpoints.yml",
                        credentials=PROJECT_ROOT / "deploy" / "credentials.yml", port=5006)


def test_production_starts_rasa_on_a_verified_copy_with_the_jwt_api(settings, options):
    settings = dataclasses.replace(settings, model_sha256=release.digest(options.model), jwt_secret=SECRET)
    command = prepare(settings, options)
    model = command[command.index("--model") + 1]
    assert model != str(options.model) and Path(model).read_bytes() == b"model bytes"
    assert command[1] == "run" and "--port" in command and "5006" in command
    assert command[-5:] == ["--enable-api", "--jwt-method", "HS256", "--jwt-secret", SECRET]
    assert "--auth-token" not in command


def test_without_jwt_settings_the_http_api_stays_off(settings, tmp_path):
    assert api_options(settings) == []
    with pytest.raises(RefusedToServe, match="at least 32"):
        api_options(dataclasses.replace(settings, jwt_secret="short"))
    key = tmp_path / "jwt.pem"
    key.write_text("-----BEGIN PUBLIC KEY-----\nMFkw...\n-----END PUBLIC KEY-----\n")
    assert api_options(dataclasses.replace(settings, jwt_public_key_file=str(key)))[:3] == [
        "--enable-api", "--jwt-method", "RS256"]
    key.write_text("-----BEGIN PRIVATE KEY-----\n")
    with pytest.raises(RefusedToServe, match="public key"):
        api_options(dataclasses.replace(settings, jwt_public_key_file=str(key)))


def test_the_rest_channel_is_refused_in_production_only(tmp_path):
    credentials = tmp_path / "credentials.yml"
    credentials.write_text("bot.channels.rest.GuardedRestInput:\nbot.channels.desk.DeskChannel:\n")
    with pytest.raises(RefusedToServe, match="no authentication"):
        check_credentials(credentials, production=True)
    check_credentials(credentials, production=False)
    check_credentials(PROJECT_ROOT / "deploy" / "credentials.yml", production=True)  # the shipped one is fine


def test_a_swapped_model_or_a_missing_digest_stops_serve_with_the_reason(settings, options, capsys):
    assert serve(settings, options) == 78  # production without VILLAGE_MODEL_SHA256
    assert "VILLAGE_MODEL_SHA256" in capsys.readouterr().err
    wrong = dataclasses.replace(settings, model_sha256="0" * 64)
    assert serve(wrong, options) == 78
    assert "refusing to load it" in capsys.readouterr().err
