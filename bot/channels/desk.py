"""The worker desk at /desk, served by Rasa as a custom channel: log in, queue, claim, reply, close.

Every page needs a logged-in worker (anonymous GETs are sent to the login page, POSTs get 401); every form
carries a CSRF token; every view of or action on a conversation is written to the audit log.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import InputChannel
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels import delivery
from bot.channels.conversations import Conversations
from bot.channels.protections import protect
from bot.config import get_settings
from bot.desk import sessions
from bot.desk.pages import render
from bot.dialogue_names import SMS_CHANNEL as SMS
from bot.handoff import messages
from bot.handoff.requests import HandoffError, audit, claim, close, get_handoff, queue, reply
from bot.handoff.workers import authenticate, get_worker
from bot.sms.numbers import unseal

HEADERS = {"Cache-Control": "no-store", "X-Frame-Options": "DENY", "X-Content-Type-Options": "nosniff",
           "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
           "Referrer-Policy": "no-referrer"}
Handler = Callable[..., Awaitable[HTTPResponse]]


def _cookie(resp: HTTPResponse, name: str, value: str, max_age: int) -> None:
    resp.cookies[name] = value
    cookie = resp.cookies[name]
    cookie["httponly"], cookie["samesite"], cookie["path"] = True, "Strict", "/desk"
    cookie["max-age"] = max_age
    if get_settings().desk_secure_cookies:
        cookie["secure"] = True


def page(body: str, status: int = 200) -> HTTPResponse:
    return response.html(body, status=status, headers=HEADERS)


async def _current(request: Request) -> tuple[Any, sessions.DeskSession] | None:
    session = sessions.decode(request.cookies.get(sessions.SESSION_COOKIE))
    if session is None:
        return None
    worker = await asyncio.to_thread(get_worker, session.worker_id)
    return (worker, session) if worker is not None else None


def requires_worker(handler: Handler) -> Handler:
    """Only for a logged-in worker; a POST must also carry the session's CSRF token."""
    async def wrapped(request: Request, *args: Any, **kwargs: Any) -> HTTPResponse:
        current = await _current(request)
        if current is None:
            if request.method == "GET":
                return response.redirect("/desk/login", headers=HEADERS)
            return page("Log in first.", status=401)
        worker, session = current
        if request.method == "POST" and not sessions.same_token(request.form.get("csrf"), session.csrf):
            return page("This form has expired. Go back, reload the page and try again.", status=403)
        return await handler(request, worker, session, *args, **kwargs)

    wrapped.__name__ = handler.__name__
    return wrapped


class DeskChannel(InputChannel):
    @classmethod
    def name(cls) -> str:
        return "desk"

    def url_prefix(self) -> str:
        return "/desk"

    def blueprint(self, on_new_message: Callable[[Any], Awaitable[Any]]) -> Blueprint:
        desk = Blueprint("village_desk", __name__)
        protect(desk)
        conversations = Conversations()

        @desk.listener("before_server_start")
        async def remember_app(app: Any, _loop: Any) -> None:
            conversations.app = app

        @desk.route("/login", methods=["GET"])
        async def login_form(request: Request) -> HTTPResponse:
            token = sessions.new_token()
            resp = page(render("login.html", title="Log in", csrf=token, worker=None))
            _cookie(resp, sessions.LOGIN_COOKIE, token, 3600)
            return resp

        @desk.route("/login", methods=["POST"])
        async def login(request: Request) -> HTTPResponse:
            token = request.cookies.get(sessions.LOGIN_COOKIE)
            if not sessions.same_token(request.form.get("csrf"), token):
                return page("This form has expired. Reload the login page and try again.", status=403)
            username = request.form.get("username") or ""
            worker = await asyncio.to_thread(authenticate, username, request.form.get("password") or "")
            if worker is None:
                await asyncio.to_thread(audit, None, "login_failed", None, username[:80])
                body = render("login.html", title="Log in", csrf=token, worker=None,
                              error="That username and password don't match.")
                return page(body, status=401)
            session = sessions.new_session(worker.id)
            await asyncio.to_thread(audit, worker.id, "login")
            resp = response.redirect("/desk/", headers=HEADERS)
            _cookie(resp, sessions.SESSION_COOKIE, sessions.encode(session), sessions.LIFETIME_S)
            return resp

        @desk.route("/logout", methods=["POST"])
        @requires_worker
        async def logout(request: Request, worker: Any, session: Any) -> HTTPResponse:
            await asyncio.to_thread(audit, worker.id, "logout")
            resp = response.redirect("/desk/login", headers=HEADERS)
            _cookie(resp, sessions.SESSION_COOKIE, "", 0)
            return resp

        @desk.route("/", methods=["GET"])
        @requires_worker
        async def waiting(request: Request, worker: Any, session: Any) -> HTTPResponse:
            handoffs = await asyncio.to_thread(queue)
            await asyncio.to_thread(audit, worker.id, "view_queue")
            return page(render("queue.html", title="Queue", worker=worker, csrf=session.csrf,
                               handoffs=handoffs))

        async def show(worker: Any, session: Any, handoff_id: int, error: str | None = None,
                       status: int = 200) -> HTTPResponse:
            handoff = await asyncio.to_thread(get_handoff, handoff_id)
            if handoff is None:
                return page("No such request.", status=404)
            await asyncio.to_thread(audit, worker.id, "view_handoff", handoff_id)
            # The parent's number: only for the worker on the request, and only if the parent agreed to share.
            number = None
            if handoff.sealed_number and handoff.consent and handoff.claimed_by == worker.id:
                number = unseal(handoff.sealed_number)
                await asyncio.to_thread(audit, worker.id, "view_number", handoff_id)
            body = render("handoff.html", title=handoff.reference, worker=worker, csrf=session.csrf,
                          h=handoff, thread=handoff.messages, error=error, number=number, sms=SMS)
            return page(body, status=status)

        @desk.route("/handoffs/<handoff_id:int>", methods=["GET"])
        @requires_worker
        async def view(request: Request, worker: Any, session: Any, handoff_id: int) -> HTTPResponse:
            return await show(worker, session, handoff_id)

        @desk.route("/handoffs/<handoff_id:int>/claim", methods=["POST"])
        @requires_worker
        async def claim_it(request: Request, worker: Any, session: Any, handoff_id: int) -> HTTPResponse:
            try:
                await asyncio.to_thread(claim, handoff_id, worker.id)
            except HandoffError as error:
                return await show(worker, session, handoff_id, str(error), status=409)
            return response.redirect(f"/desk/handoffs/{handoff_id}", headers=HEADERS)

        @desk.route("/handoffs/<handoff_id:int>/reply", methods=["POST"])
        @requires_worker
        async def reply_to_parent(request: Request, worker: Any, session: Any,
                                  handoff_id: int) -> HTTPResponse:
            text = (request.form.get("text") or "").strip()[:1600]
            try:
                handoff = await asyncio.to_thread(reply, handoff_id, worker.id, text)
            except HandoffError as error:
                return await show(worker, session, handoff_id, str(error), status=409)
            await conversations.bot_says(handoff.conversation_id, text, author="worker")
            problem = await delivery.to_parent(handoff, text)
            if problem:
                return await show(worker, session, handoff_id, problem, status=502)
            return response.redirect(f"/desk/handoffs/{handoff_id}", headers=HEADERS)

        @desk.route("/handoffs/<handoff_id:int>/close", methods=["POST"])
        @requires_worker
        async def close_it(request: Request, worker: Any, session: Any, handoff_id: int) -> HTTPResponse:
            outcome = (request.form.get("outcome") or "").strip()[:255]
            try:
                handoff = await asyncio.to_thread(close, handoff_id, worker.id, outcome)
            except HandoffError as error:
                return await show(worker, session, handoff_id, str(error), status=409)
            goodbye = messages.closed(handoff.outcome)
            await conversations.resume(handoff.conversation_id, goodbye)
            await delivery.to_parent(handoff, goodbye)  # best effort: the queue is next
            return response.redirect("/desk/", headers=HEADERS)

        return desk
