"""The web widget's channel: Rasa's socket.io channel with sessions a browser can't guess or choose,
messages bound to the connection's session, the handoff guard, and live worker replies.

It also serves the widget: the demo page at `/` and the script a council page embeds at `/widget.js`.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketBlueprint, SocketIOInput, SocketIOOutput
from sanic.request import Request
from sanic.response import HTTPResponse
from socketio import AsyncServer

from bot.channels import delivery, speedups
from bot.channels.conversations import Conversations
from bot.channels.guard import guarded
from bot.config import get_settings
from bot.widget import history, pages, sessions

log = logging.getLogger(__name__)
CHANNEL = "socketio"
MAX_MESSAGE = 2000  # characters; longer messages are cut, and the parent is told
TOO_LONG = "That message was very long, so I've only read the first part of it."


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
        speedups.install()
        settings = get_settings()
        origins = list(settings.widget_origins) or None  # None: the page's own origin only
        sio = AsyncServer(async_mode="sanic", cors_allowed_origins=origins)
        self.sio = sio
        widget = SocketBlueprint(sio, self.socketio_path, "village_widget", __name__)
        conversations = Conversations()
        handle = guarded(on_new_message, conversations)
        session_of: dict[str, str] = {}  # socket id -> the session it proved it holds

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
            return True

        @sio.on("disconnect")
        async def disconnect(sid: str) -> None:
            session_of.pop(sid, None)

        @sio.on("session_request")
        async def session_request(sid: str, data: Any) -> None:
            asked = data.get("session_id") if isinstance(data, dict) else None
            session_id = asked if sessions.is_valid(asked) else sessions.new_session_id()
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
