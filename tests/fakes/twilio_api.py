"""A stand-in for Twilio's REST API on a loopback port: records what the real twilio client sends."""

from __future__ import annotations

import json
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class FakeTwilioApi:
    def __init__(self, fail: bool = False) -> None:
        self.fail = fail
        self.delay = 0.0  # seconds each request takes, to stand for a slow Twilio
        self.sent: list[dict] = []
        self.auth: list[str] = []
        api = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
                time.sleep(api.delay)
                form = {k: v[0] for k, v in urllib.parse.parse_qs(body).items()}
                api.sent.append({"path": self.path, **form})
                api.auth.append(self.headers.get("Authorization", ""))
                status = 500 if api.fail else 201
                payload = json.dumps({"sid": f"SM{len(api.sent):032d}", "status": "queued", **form}).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> FakeTwilioApi:
        self.thread.start()
        return self

    def to(self, number: str) -> list[str]:
        """The bodies sent to a number, in order."""
        return [message.get("Body", "") for message in self.sent if message.get("To") == number]

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
