"""The widget's files: the script carries this server's settings; only listed assets are served."""

from __future__ import annotations

import asyncio
import json
from types import SimpleNamespace

from bot.widget.pages import privacy_notice, root_middleware, script, static_file


def test_the_script_carries_the_exit_address_and_the_privacy_notice(monkeypatch):
    from bot.config import get_settings

    monkeypatch.setenv("VILLAGE_RETENTION_DAYS", "30")
    monkeypatch.setenv("VILLAGE_WIDGET_EXIT_URL", "https://example.org/")
    get_settings.cache_clear()
    try:
        body = script().body.decode()
        config = json.loads(body.split("var CONFIG = ", 1)[1].split(";\n", 1)[0])
        assert config == {"exitUrl": "https://example.org/", "privacyNotice": privacy_notice()}
        assert "30 days" in config["privacyNotice"] and "agree to share" in config["privacyNotice"]
    finally:
        get_settings.cache_clear()


def test_only_listed_assets_are_served():
    assert static_file("widget.css").status == 200
    assert static_file("vendor/socket.io.min.js").status == 200
    for name in ["../config.py", "widget.js.map", "/etc/passwd", "vendor/../../sessions.py"]:
        assert static_file(name).status == 404


def test_the_demo_page_answers_the_site_root_and_nothing_else():
    def request(path, method="GET"):
        return SimpleNamespace(path=path, method=method)

    page = asyncio.run(root_middleware(request("/")))
    assert page.status == 200 and b'<script src="/widget.js" defer>' in page.body
    assert "frame-ancestors 'none'" in page.headers["Content-Security-Policy"]
    assert asyncio.run(root_middleware(request("/webhooks/rest/webhook", "POST"))) is None
    assert asyncio.run(root_middleware(request("/", "POST"))) is None
