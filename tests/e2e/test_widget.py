"""The web widget in a real browser (Debian's Chromium, headless) against the real running servers.

A failing test leaves a screenshot in var/test-artifacts/.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect, sync_playwright

from bot.config import PROJECT_ROOT
from bot.stack import Stack, free_port
from bot.widget.sessions import SHAPE
from tests.e2e.test_desk import Browser, worker  # noqa: F401  (the worker fixture)

pytestmark = pytest.mark.e2e
CHROMIUM = "/usr/bin/chromium"
# Headless, and quiet: this machine's network is closed, so Chromium must not phone home.
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = PROJECT_ROOT / "var" / "test-artifacts"
CITED = re.compile(r"\((Barnet|charter)[^)]*\)")


@pytest.fixture(scope="session")
def chromium():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium package (make browser)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium, request):
    context = chromium.new_context(viewport={"width": 1024, "height": 900})
    page = context.new_page()
    page.set_default_timeout(20_000)
    yield page
    call = getattr(request.node, "report_call", None)
    if call is not None and call.failed:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()


def open_widget(page: Page, base: str) -> None:
    page.goto(base + "/")
    expect(page.locator(".village[data-ready=true]")).to_have_count(1)


def ask(page: Page, text: str) -> None:
    page.fill("#village-input", text)
    page.press("#village-input", "Enter")


def messages(page: Page, kind: str = "msg") -> list[str]:
    return [t.strip() for t in page.locator(f".village-{kind} .village-text").all_inner_texts()]


def base_of(stack) -> str:
    return f"http://127.0.0.1:{stack.rasa_port}"


def test_ask_see_the_cited_answer_press_a_button_and_reload(stack, page):
    open_widget(page, base_of(stack))
    notice = page.locator(".village-notice")
    expect(notice).to_contain_text("90 days")
    expect(notice).to_contain_text("only sees this conversation if you agree to share it")
    ask(page, "is there help to get a two bedroom flat for me and my baby")
    expect(page.locator(".village-bot .village-text").filter(has_text=CITED).first).to_be_visible()
    page.get_by_role("button", name="Tell me more").click()
    expect(page.locator(".village-parent .village-text").last).to_have_text("Tell me more")
    expect(page.locator(".village-bot .village-text").filter(has_text="Next step")).to_have_count(2)
    before = messages(page)
    # The browser keeps the session id only: no words of the conversation on the device.
    stored = page.evaluate("JSON.stringify(Object.assign({}, sessionStorage, localStorage))")
    assert "bedroom" not in stored and "Barnet" not in stored
    page.reload()
    expect(page.locator(".village[data-ready=true]")).to_have_count(1)
    expect(page.locator(".village-msg")).to_have_count(len(before))
    assert messages(page) == before
    assert page.get_by_role("button", name="Tell me more").is_disabled()  # old choices can't be re-sent


def test_typing_shows_and_links_are_links(stack, page):
    open_widget(page, base_of(stack))
    page.evaluate("""() => {
        const typing = document.querySelector('.village-typing');
        window.typingSeen = false;
        new MutationObserver(() => { if (!typing.hidden) window.typingSeen = true; })
          .observe(typing, {attributes: true}); }""")
    ask(page, "who can i ring right now, i can't cope")
    expect(page.locator("a[href='tel:116123']").first).to_be_visible()
    assert page.evaluate("window.typingSeen")
    expect(page.locator(".village-typing")).to_be_hidden()
    assert page.locator("a[href='tel:999']").count() >= 1


def test_quick_exit_leaves_at_once_and_clears_the_widget(stack, page):
    page.route("https://www.bbc.co.uk/**", lambda route: route.fulfill(body="<p>Weather</p>",
                                                                       content_type="text/html"))
    open_widget(page, base_of(stack))
    ask(page, "can i get money for a pram")
    expect(page.locator(".village-bot .village-text").filter(has_text=CITED).first).to_be_visible()
    page.get_by_role("button", name="Leave this site").click()
    page.wait_for_url("https://www.bbc.co.uk/weather")
    page.goto(base_of(stack) + "/")
    expect(page.locator(".village[data-ready=true]")).to_have_count(1)
    assert messages(page, "parent") == [] and len(messages(page)) == 1  # only the privacy notice


def test_shift_three_times_is_a_quick_exit_too(stack, page):
    page.route("https://www.bbc.co.uk/**", lambda route: route.fulfill(body="ok", content_type="text/html"))
    open_widget(page, base_of(stack))
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url("https://www.bbc.co.uk/weather")


def test_clear_this_conversation_starts_afresh(stack, page):
    open_widget(page, base_of(stack))
    ask(page, "hello")
    expect(page.locator(".village-bot")).to_have_count(2)
    first = page.evaluate("sessionStorage.getItem('village.session')")
    page.get_by_role("button", name="Clear this conversation").click()
    expect(page.locator(".village-parent")).to_have_count(0)
    expect(page.locator(".village-notice")).to_have_count(1)
    expect(page.locator(".village-status")).to_have_text("Conversation cleared.")
    second = page.evaluate("sessionStorage.getItem('village.session')")
    assert SHAPE.match(second) and second != first and len(messages(page)) == 1


def test_everything_works_from_the_keyboard(stack, page):
    open_widget(page, base_of(stack))
    page.locator("body").focus()
    order = []
    for _ in range(6):
        page.keyboard.press("Tab")
        order.append(page.evaluate("(e => e.getAttribute('aria-label') || e.id || e.textContent.trim())"
                                   "(document.activeElement)"))
    # The exit first, then the conversation (and the 999 link in the notice), the box, Send and Clear.
    assert order == ["Leave this site", "Conversation with Village", "999", "village-input", "Send",
                     "Clear this conversation"]
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")  # back to the message box
    page.keyboard.type("hi")
    page.keyboard.press("Enter")
    choice = page.get_by_role("button", name="Help with housing")
    expect(choice).to_be_visible()
    choice.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".village-parent .village-text").last).to_have_text("Help with housing")
    expect(page.locator(".village-bot .village-text").filter(has_text=CITED).first).to_be_visible()


@pytest.mark.parametrize("width", [1024, 320])
def test_no_serious_accessibility_problems_and_readable_at_320px(stack, page, width):
    page.set_viewport_size({"width": width, "height": 800})
    open_widget(page, base_of(stack))
    ask(page, "hi")
    expect(page.locator(".village-buttons")).to_have_count(1)
    results = Axe().run(page)
    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], results.generate_report()
    assert page.evaluate("document.documentElement.scrollWidth") <= width  # no sideways scrolling


def test_reduced_motion_stops_the_typing_animation(stack, page):
    page.emulate_media(reduced_motion="reduce")
    open_widget(page, base_of(stack))
    name = page.evaluate("getComputedStyle(document.querySelector('.village-dots')).animationName")
    assert name == "none"


@pytest.mark.parametrize("offered", ["alice", "1", "web-" + "0" * 32 + "." + "0" * 32])
def test_a_browser_cannot_choose_or_guess_a_session(stack, page, offered):
    page.add_init_script(f"if (!sessionStorage.getItem('seeded')) {{ sessionStorage.setItem('seeded', '1'); "
                         f"sessionStorage.setItem('village.session', {offered!r}); }}")
    open_widget(page, base_of(stack))
    issued = page.evaluate("sessionStorage.getItem('village.session')")
    assert issued != offered and SHAPE.match(issued)
    ask(page, "hello")
    expect(page.locator(".village-bot")).to_have_count(2)
    with sqlite3.connect(stack.tracker_db) as db:
        senders = {s for (s,) in db.execute("select distinct sender_id from events")}
    assert issued in senders and offered not in senders


def test_a_workers_reply_appears_live_and_after_a_reload(stack, page, worker):  # noqa: F811
    open_widget(page, base_of(stack))
    ask(page, "i want to speak to an actual person")
    page.get_by_role("button", name="Yes, share it").click()
    page.get_by_role("button", name="Reply here").click()
    confirmed = page.locator(".village-bot .village-text").filter(has_text="reference is")
    expect(confirmed).to_be_visible()
    reference = re.search(r"V-[A-Z0-9]{6}", confirmed.inner_text()).group(0)

    desk = Browser(stack)
    queue = desk.login(worker)[1]
    handoff_id = re.search(rf'href="/desk/handoffs/(\d+)">{reference}<', queue).group(1)
    thread = f"/desk/handoffs/{handoff_id}"
    desk.open(f"{thread}/claim", {"csrf": desk.csrf(thread)})
    desk.open(f"{thread}/reply", {"csrf": desk.csrf(thread), "text": "Hello, I'm Sam from the team."})
    live = page.locator(".village-worker .village-text")
    expect(live).to_have_text(["Hello, I'm Sam from the team."])
    page.reload()
    expect(page.locator(".village-worker .village-text")).to_have_text(["Hello, I'm Sam from the team."])


@pytest.fixture
def own_rasa(stack, tmp_path):
    """A Rasa server of this test's own, sharing the action server, so it can be restarted."""
    rasa = Stack(rasa_port=free_port(), action_port=stack.action_port, run_dir=tmp_path,
                 tracker_db=tmp_path / "tracker.db", database_url=stack.database_url,
                 log=(tmp_path / "rasa.log").open("w"))
    rasa.start_rasa()
    rasa.wait_ready(300)
    yield rasa
    rasa.stop()
    rasa.log.close()


def test_the_widget_reconnects_after_a_server_restart_without_losing_the_conversation(own_rasa, page):
    open_widget(page, base_of(own_rasa))
    ask(page, "can i get help with childcare so i can go to college")
    expect(page.locator(".village-bot .village-text").filter(has_text=CITED).first).to_be_visible()
    before = messages(page)
    own_rasa.stop()
    expect(page.locator(".village-status")).to_contain_text(re.compile("Reconnecting|Trying again"))
    own_rasa.start_rasa()
    own_rasa.wait_ready(300)
    expect(page.locator(".village-status")).to_have_text("", timeout=30_000)
    assert messages(page)[: len(before)] == before
    bot_before = page.locator(".village-bot").count()
    ask(page, "thanks")
    expect(page.locator(".village-parent")).to_have_count(2)
    expect(page.locator(".village-bot").nth(bot_before)).to_be_visible()  # a new answer came
