"""The web widget's channel: Rasa's socket.io channel with sessions a browser can't guess or choose,
messages bound to the connection's session, the handoff guard, and live worker replies.

It also serves the widget: the demo page at `/` and the script a council page embeds at `/widget.js`.

Rate limits (bot/limits.py): messages per session (VILLAGE_WIDGET_LIMITS) and new sessions per client address
(VILLAGE_WIDGET_NEW_SESSIONS; X-Forwarded-For is believed only as far as VILLAGE_TRUSTED_PROXIES says). A
message over the limit never reaches the bot; the parent is told once, as a bot message, until when, with
999 and Samaritans, and a crisis still gets its answer once a pause.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketBlueprint, SocketIOInput, SocketIOOutput
from sanic.request import Request
from sanic.response import HTTPResponse
from socketio import AsyncServer

from bot.channels import delivery
from bot.channels.conversations import Conversations
from bot.channels.guard import MAX_MESSAGE, guarded
from bot.channels.protections import protect
from bot.clock import now
from bot.config import Settings, get_settings
from bot.limits import Decision, Limiter, pause_notice
from bot.safety import detect_crisis
from bot.store import flag_crisis
from bot.widget import history, pages, sessions

log = logging.getLogger(__name__)
CHANNEL = "socketio"
TOO_LONG = "That message was very long, so I've only read the first part of it."


def mask_address(address: str) -> str:
    """203.0.113.7 -> 203.0.113.x: enough to see a flood in a log, not to find a person."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return "unknown"
    if ip.version == 4:
        return address.rsplit(".", 1)[0] + ".x"
    return str(ipaddress.ip_network(f"{ip}/48", strict=False))


class WidgetLimits:
    def __init__(self, settings: Settings, crisis_reply: Callable[[str], list[str]],
                 clock: Callable[[], float] = time.monotonic):
        self.messages = Limiter(settings.widget_limits, clock)
        self.sessions = Limiter(settings.widget_new_sessions, clock)
        self.proxies, self.crisis_reply = settings.trusted_proxies, crisis_reply
        self._warned = False

    def address(self, environ: dict) -> str:
        """The client's address: the connection's, or the one our own proxies put in X-Forwarded-For."""
        request = environ.get("sanic.request")
        peer = str(getattr(request, "ip", "") or environ.get("REMOTE_ADDR", ""))
        forwarded = [a.strip() for a in environ.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
        if not self.proxies:
            if forwarded and not self._warned:
                self._warned = True
                log.warning("widget connections carry X-Forwarded-For but VILLAGE_TRUSTED_PROXIES=0: every "
                            "client behind the proxy shares one limit on new sessions")
            return peer
        return forwarded[-self.proxies] if len(forwarded) >= self.proxies else peer

    def new_session(self, address: str) -> Decision:
        decision = self.sessions.check(address)
        if decision.first_refusal:
            log.info("new widget sessions from %s are over the limit (%s)", mask_address(address),
                     decision.limit)
        return decision

    async def refused(self, session_id: str, text: str) -> list[str] | None:
        """None if the message may go to the bot; else what to say instead (often nothing)."""
        decision = self.messages.check(session_id)
        if decision.allowed:
            return None
        replies: list[str] = []
        if decision.first_refusal:
            log.info("widget session %s... is over the limit (%s)", session_id[:6], decision.limit)
        crisis = detect_crisis(text)
        if crisis is not None and self.messages.claim(session_id, "crisis"):
            await asyncio.to_thread(flag_crisis, session_id, crisis.kind.value)
            replies += self.crisis_reply(crisis.kind.value)
        if decision.first_refusal:
            replies.append(pause_notice(decision.retry_after, now()))
        return replies


class WidgetInput(SocketIOInput):
    @classmethod
    def name(cls) -> str:
        return CHANNEL

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> WidgetInput:
        sessions.new_session_id()  # fails now, not at the first visitor, if production has no secret
        return cls(session_persistence=True)

    def url_prefix(self) -> str:
        return "/"  # the demo page and /widget.js live at the top of the site

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> SocketBlueprint:
        settings = get_settings()
        origins = list(settings.widget_origins) or None  # None: the page's own origin only
        sio = AsyncServer(async_mode="sanic", cors_allowed_origins=origins,
                          client_manager=_socket_rooms(settings))
        self.sio = sio
        widget = SocketBlueprint(sio, self.socketio_path, "village_widget", __name__)
        protect(widget)
        conversations = Conversations()
        handle = guarded(on_new_message, conversations)
        session_of: dict[str, str] = {}  # socket id -> the session it proved it holds
        address_of: dict[str, str] = {}  # socket id -> the client's address, for the limit on new sessions
        limits = WidgetLimits(settings, conversations.crisis_reply)

        @widget.listener("before_server_start")
        async def start(app: Any, _loop: Any) -> None:
            conversations.app = app
            # Rasa's own `/` answers "Hello from Rasa" and can't be registered twice: answer it first.
            app.register_middleware(pages.root_middleware, "request")

        @widget.route("/widget.js", methods=["GET"])
        async def script(request: Request) -> HTTPResponse:
            return pages.script()

        @widget.route("/widget/<name:path>", methods=["GET"])
        async def static(request: Request, name: str) -> HTTPResponse:
            return pages.static_file(name)

        @sio.on("connect")
        async def connect(sid: str, environ: dict, auth: Any = None) -> bool:
            address_of[sid] = limits.address(environ)
            return True

        @sio.on("disconnect")
        async def disconnect(sid: str) -> None:
            session_of.pop(sid, None)
            address_of.pop(sid, None)

        @sio.on("session_request")
        async def session_request(sid: str, data: Any) -> None:
            asked = data.get("session_id") if isinstance(data, dict) else None
            returning = sessions.is_valid(asked)
            if not returning:
                decision = limits.new_session(address_of.get(sid, ""))
                if not decision.allowed:  # told every time: a socket message costs nothing
                    notice = pause_notice(decision.retry_after, now())
                    await sio.emit(self.bot_message_evt, {"text": notice}, room=sid)
                    return
            session_id = asked if returning else sessions.new_session_id()
            if asked and asked != session_id:
                log.info("a browser offered a session id this server never issued; it got a new one")
            previous = session_of.get(sid)
            if previous and previous != session_id:  # "clear this conversation": stop hearing the old one
                await sio.leave_room(sid, previous)
            session_of[sid] = session_id
            await sio.enter_room(sid, session_id)  # a coroutine in python-socketio 5 (Rasa forgets to await)
            await sio.emit("session_confirm", session_id, room=sid)
            if session_id == asked:  # a returning browser (reload, reconnect): the conversation so far
                events = await conversations.events(session_id)
                await sio.emit("history", {"messages": history.transcript(events)}, room=sid)

        @sio.on(self.user_message_evt)
        async def user_uttered(sid: str, data: Any) -> None:
            session_id = session_of.get(sid)
            if session_id is None:  # no session_request yet: nothing to attach the message to
                await sio.emit("session_required", {}, room=sid)
                return
            text = data.get("message") if isinstance(data, dict) else None
            text = text.strip() if isinstance(text, str) else ""
            if not text:
                return
            output = SocketIOOutput(sio, self.bot_message_evt)
            instead = await limits.refused(session_id, text)
            if instead is not None:  # over the limit: the bot never hears it
                for part in instead:
                    await output.send_text_message(session_id, part)
                return
            if len(text) > MAX_MESSAGE:
                text = text[:MAX_MESSAGE]
                await output.send_text_message(session_id, TOO_LONG)
            await handle(UserMessage(text, output, session_id, input_channel=CHANNEL))

        async def push(handoff: Any, text: str) -> str | None:
            for part in text.strip().split("\n\n"):
                await sio.emit(self.bot_message_evt, {"text": part, "from": "worker"},
                               room=handoff.conversation_id)
            return None

        delivery.register(CHANNEL, push)
        return widget


def _socket_rooms(settings: Settings) -> Any:
    """With VILLAGE_WIDGET_REDIS_URL, socket.io messages go through Redis, so a worker's reply sent by one
    Rasa process reaches a parent whose browser is on another; else rooms are this process's own."""
    if not settings.widget_redis_url:
        if settings.production:
            log.warning("VILLAGE_WIDGET_REDIS_URL is not set: with more than one Rasa process, a worker's "
                        "reply reaches a widget parent only when their widget reconnects.")
        return None
    from socketio import AsyncRedisManager

    return AsyncRedisManager(settings.widget_redis_url, channel="village-widget")
