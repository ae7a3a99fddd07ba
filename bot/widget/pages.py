"""The widget's files: the demo page, the embeddable script (with this server's settings) and its assets."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from sanic import response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.config import get_settings

STATIC = Path(__file__).resolve().parent / "static"
ASSETS = {"widget.css": "text/css", "demo.css": "text/css",
          "vendor/socket.io.min.js": "application/javascript"}
HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}
PAGE_HEADERS = {**HEADERS, "X-Frame-Options": "DENY",
                "Content-Security-Policy": "default-src 'self'; connect-src 'self' ws: wss:; "
                                           "img-src 'self' data:; frame-ancestors 'none'"}


@cache
def _read(name: str) -> str:
    return (STATIC / name).read_text(encoding="utf-8")


def privacy_notice() -> str:
    days = get_settings().retention_days
    return ("Before we start: what you write here is kept by the service for up to "
            f"{days} days, so it can answer you and keep you safe, then deleted. A worker only sees this "
            "conversation if you agree to share it when you ask for a person. This device keeps the chat "
            "until you close this tab; 'Leave this site' clears it at once. If you or your baby are in "
            "danger, call 999.")


def config() -> dict:
    return {"exitUrl": get_settings().widget_exit_url, "privacyNotice": privacy_notice()}


def script() -> HTTPResponse:
    body = _read("widget.js").replace("/*VILLAGE_CONFIG*/{}", json.dumps(config()))
    return response.text(body, content_type="application/javascript; charset=utf-8",
                         headers={**HEADERS, "Cache-Control": "no-cache"})


def static_file(name: str) -> HTTPResponse:
    if name not in ASSETS:  # a fixed list: no paths from the request reach the file system
        return response.text("Not found", status=404, headers=HEADERS)
    return response.text(_read(name), content_type=f"{ASSETS[name]}; charset=utf-8",
                         headers={**HEADERS, "Cache-Control": "public, max-age=3600"})


def demo_page() -> HTTPResponse:
    return response.html(_read("demo.html"), headers={**PAGE_HEADERS, "Cache-Control": "no-cache"})


async def root_middleware(request: Request) -> HTTPResponse | None:
    if request.path == "/" and request.method in ("GET", "HEAD"):
        return demo_page()
    if request.path == "/favicon.ico":
        return response.empty(headers=HEADERS)
    return None
