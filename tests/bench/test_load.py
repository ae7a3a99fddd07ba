"""The load client: conversations that send at once, or at a person's pace, against a real HTTP server."""

from __future__ import annotations

import asyncio

from aiohttp import web

from bench.load import percentile, run_level


async def _measure(think: float) -> dict:
    async def reply(_request: web.Request) -> web.Response:
        return web.json_response([{"recipient_id": "x", "text": "hello"}])

    app = web.Application()
    app.router.add_post("/webhooks/rest/webhook", reply)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]
    try:
        level = await run_level(f"http://127.0.0.1:{port}/webhooks/rest/webhook", 2, 1.0, think)
    finally:
        await runner.cleanup()
    return level.summary()


def test_unpaced_conversations_send_at_once_and_paced_ones_wait_between_turns():
    unpaced = asyncio.run(_measure(0.0))
    paced = asyncio.run(_measure(0.2))
    assert unpaced["errors"] == 0 and paced["errors"] == 0
    assert unpaced["turns"] > 40  # a local server answers in milliseconds
    # each of 2 conversations waits at least 0.1 s after each reply: at most about 10 turns each in 1 s
    assert 2 <= paced["turns"] <= 22
    assert paced["think_s"] == 0.2 and unpaced["think_s"] == 0.0


def test_percentiles():
    assert percentile([5.0, 1.0, 3.0], 0.5) == 3.0
    assert percentile(list(range(1, 101)), 0.95) == 95
