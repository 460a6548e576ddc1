"""Signing in on a new browser while strangers type wrong passwords for the address: a link emailed to the
address (through a real SMTP server on 127.0.0.1) makes the browser that asked for it trusted, so the
password works there at once. The page reads the same for every address; the link works once, for 15
minutes, in the browser that asked; and it never stands in for the password."""

from __future__ import annotations

import os
import re
import threading
import time
import uuid
from contextlib import ExitStack
from unittest import mock

import pytest
from itsdangerous import URLSafeSerializer
from limits.storage import Storage, storage_from_string
from limits.strategies import FixedWindowRateLimiter
from sqlalchemy import event

from participation.auth import services
from participation.auth.browsers import email_tag
from participation.core.outbox import Outbox
from participation.extensions import limiter
from participation.auth.models import StaffUser
from participation.core.transaction import run
from participation.db import db
from participation.auth.views import LINK_ASKED, LINK_DOES_NOT_WORK
from tests.auth.helpers import error_message, sign_in
from tests.helpers import PASSWORD, REDIS, csrf_token, redis_answers

SAM = "sam@council.example"


def _ask(client, email: str):
    page = client.get("/login/new-browser")
    return client.post("/login/new-browser", data={"csrf_token": csrf_token(page.text), "email": email})


def _mail(inbox, count: int) -> list:
    """The messages the SMTP server has, once there are `count` (each is sent from a thread of its own)."""
    for _ in range(100):
        if len(inbox.messages) >= count:
            break
        time.sleep(0.05)
    time.sleep(0.3)  # and no more than that arrive
    assert len(inbox.messages) == count
    return inbox.messages


def _link(message) -> str:
    text = message.get_body(("plain",)).get_content()
    [link] = re.findall(r"https://have-your-say\.council\.example(/login/new-browser/\S+)", text)
    return link


def _flood(app, clock, tries: int = 40) -> None:
    """A stranger types wrong passwords for the address, each from a fresh browser, sitting out every wait."""
    for _ in range(tries):
        clock[0] += 901
        assert sign_in(app.test_client(), SAM, "guess").status_code == 401


def test_strangers_flooding_an_address_never_keep_its_owner_out_of_a_new_browser(app, make_user, smtp_server, clock):
    make_user("officer", email=SAM)
    _flood(app, clock)
    for _ in range(10):  # and ask for links for it too, from fresh browsers, to fill the mailbox or use it up
        assert _ask(app.test_client(), SAM).status_code == 200

    laptop = app.test_client()  # Sam's new laptop
    refused = sign_in(laptop, SAM, PASSWORD)
    assert refused.status_code == 401 and "Wait 15 minutes, then try again." in error_message(refused)
    assert 'href="/login/new-browser"' in laptop.get("/login").text
    asked = _ask(laptop, SAM)
    assert asked.status_code == 200 and LINK_ASKED in asked.text
    # One message for all eleven requests: the mailbox is not flooded, and the link in it works on the laptop.
    [message] = _mail(smtp_server, 1)
    assert smtp_server.envelopes == [("participation@council.example", [SAM])]
    assert message["Subject"] == "Sign in on a new browser"
    opened = laptop.get(_link(message))
    assert opened.status_code == 302 and opened.headers["Location"] == "/login"
    assert f"This browser can now sign in as {SAM}. Sign in with your password." in laptop.get("/login").text

    # The link trusted the browser; it did not sign anyone in, and the password is still checked.
    assert laptop.get("/surveys/").status_code == 302
    wrong = sign_in(laptop, SAM, "guess")
    assert wrong.status_code == 401 and error_message(wrong) == "The email address or password is not right."
    assert sign_in(laptop, SAM, PASSWORD).status_code == 302
    assert laptop.get("/surveys/").status_code == 200
    # The strangers still wait.
    assert "Wait" in error_message(sign_in(app.test_client(), SAM, PASSWORD))


def test_asking_reads_the_same_for_addresses_with_and_without_accounts(app, make_user, smtp_server):
    make_user("officer", email=SAM)
    make_user("officer", email="gone@council.example")
    with app.app_context():
        db.session.scalars(db.select(StaffUser).filter_by(email="gone@council.example")).one().active = False
        db.session.commit()
    seen = []
    for email in (SAM, "nobody@council.example", "gone@council.example"):
        reply = _ask(app.test_client(), email)
        page = re.sub(r'name="csrf_token"[^>]*value="[^"]+"', "", reply.text)
        seen.append((reply.status_code, page, sorted(c.split("=")[0] for c in reply.headers.getlist("Set-Cookie"))))
    assert seen[0] == seen[1] == seen[2]
    assert seen[0][0] == 200 and LINK_ASKED in seen[0][1]
    _mail(smtp_server, 1)
    assert smtp_server.envelopes == [("participation@council.example", [SAM])]  # only the active account


def test_a_link_works_once_for_15_minutes_and_only_in_the_browser_that_asked(app, make_user, smtp_server, clock):
    app.config["SIGNIN_LINKS_PER_EMAIL"] = "10 per minute"  # several links in one test
    make_user("officer", email=SAM)
    _flood(app, clock, tries=6)
    laptop, elsewhere = app.test_client(), app.test_client()
    _ask(laptop, SAM)
    link = _link(_mail(smtp_server, 1)[0])

    # Opened in a browser that did not ask (a mail scanner, a forwarded message): it does nothing there...
    other = elsewhere.get(link)
    assert other.status_code == 400 and LINK_DOES_NOT_WORK in other.text
    assert "Wait" in error_message(sign_in(elsewhere, SAM, PASSWORD))
    # ... nor in a browser that asked for another address ...
    _ask(elsewhere, "alex@council.example")
    assert elsewhere.get(link).status_code == 400
    # ... and stays unused for the browser that asked.
    assert laptop.get(link).status_code == 302
    assert laptop.get(link).status_code == 400  # once only
    assert sign_in(laptop, SAM, PASSWORD).status_code == 302

    # A link more than 15 minutes old does nothing.
    later = app.test_client()
    _ask(later, SAM)
    late = _link(_mail(smtp_server, 2)[1])
    clock[0] += 15 * 60 + 1
    assert later.get(late).status_code == 400
    assert sign_in(app.test_client(), SAM, "guess").status_code == 401  # the strangers carry on
    assert "Wait" in error_message(sign_in(later, SAM, PASSWORD))
    # Nor does a link made up or changed.
    assert later.get("/login/new-browser/" + late.rsplit("/", 1)[1][:-3] + "abc").status_code == 400
    assert later.get("/login/new-browser/WyJzYW1AY291bmNpbC5leGFtcGxlIiwgMSwgIngiXQ.forged").status_code == 400


def test_without_mail_the_page_says_to_ask_an_administrator_whose_reset_works_at_once(app, make_user, clock):
    make_user("officer", email=SAM)
    admin = make_user("administrator", email="admin@council.example")
    page = app.test_client().get("/login/new-browser")
    assert "This service cannot send email yet" in page.text and "Ask an administrator" in page.text
    assert 'type="email"' not in page.text
    browser = app.test_client()  # a form sent anyway (kept from before) sends nothing and says the same
    token = csrf_token(browser.get("/login").text)
    asked = browser.post("/login/new-browser", data={"csrf_token": token, "email": SAM})
    assert asked.status_code == 200 and LINK_ASKED not in asked.text and "Ask an administrator" in asked.text

    _flood(app, clock, tries=8)
    assert "Wait" in error_message(sign_in(app.test_client(), SAM, PASSWORD))
    fresh_password = "plum kettle orbit sandal"
    with app.app_context():
        user = services.user_by_email(db.session, SAM)
        run(db.session, lambda: services.update_user(
            db.session, db.session.get(StaffUser, admin), user, name="", role="officer", safeguarding_lead=False,
            active=True, password=fresh_password))
    assert sign_in(app.test_client(), SAM, fresh_password).status_code == 302


def _what_asking_does(app, email: str) -> dict:
    """Everything one request for a link for `email`, from a fresh browser, did that could tell one address
    from another: its answer (the page, each cookie's name, attributes and length), the SQL it ran, what it
    counted in the rate-limit store (the address's tag shown as <tag>), how many values it signed, the
    letters it handed to the outbox, and the threads it left running."""
    browser = app.test_client()
    token = csrf_token(browser.get("/login/new-browser").text)
    statements: list[str] = []
    letters: list[tuple] = []
    signed = mock.patch.object(URLSafeSerializer, "dumps", autospec=True, side_effect=URLSafeSerializer.dumps)
    with app.app_context():
        engine, store = db.engine, limiter.storage
    spied = [(name, mock.patch.object(store, name, wraps=getattr(store, name)))
             for name in ("incr", "get", "get_expiry", "clear", "acquire_entry", "get_moving_window")
             if hasattr(store, name)]
    post = Outbox.post

    def posting(self, letter):
        letters.append((letter.subject, len(letter.to) <= 1))
        post(self, letter)

    def executed(conn, cursor, statement, *args):
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", executed)
    threads = set(threading.enumerate())
    try:
        with signed as signing, mock.patch.object(Outbox, "post", posting), ExitStack() as spies:
            store_calls = [(name, spies.enter_context(patch)) for name, patch in spied]
            reply = browser.post("/login/new-browser", data={"csrf_token": token, "email": email})
            signatures = signing.call_count
    finally:
        event.remove(engine, "before_cursor_execute", executed)
    tag = re.escape(email_tag(email))
    counted = sorted(re.sub(r"LIMITER/[0-9a-f]{32}/", "LIMITER/<this browser>/",  # the page's own limit per visitor
                            re.sub(tag, "<tag>", f"{name}{call.args[:1]}")) for name, spy in store_calls
                     for call in spy.call_args_list)
    cookies = sorted(re.sub(r"=([^;]*)", lambda m: f"=<{len(m.group(1))}>", c, count=1)
                     for c in reply.headers.getlist("Set-Cookie"))
    return {"status": reply.status_code, "page": re.sub(r'name="csrf_token"[^>]*value="[^"]+"', "", reply.text),
            "headers": sorted(k for k, _ in reply.headers if k != "Set-Cookie"), "cookies": cookies,
            "sql": [re.sub(r"sa_savepoint_\d+", "sa_savepoint", statement) for statement in statements], "store": counted, "signed": signatures, "letters": letters,
            "threads left": [t.name for t in set(threading.enumerate()) - threads if not _housekeeping(t)]}


def _housekeeping(thread: threading.Thread) -> bool:
    """Threads nobody's request starts: the test SMTP server's asyncio workers, and the clean-up timers of
    in-memory rate-limit stores (this test's and earlier tests'), which restart themselves now and then."""
    owner = getattr(getattr(thread, "function", None), "__self__", None)
    return thread.name.startswith("asyncio") or isinstance(owner, Storage)


def _same_work_for_every_address(app, make_user, smtp_server) -> None:
    make_user("officer", email=SAM)
    _what_asking_does(app, "first@council.example")  # the process's outbox starts with its first letter
    smtp_server.answering.clear()  # the mail server stops answering: no request may wait on it
    known = _what_asking_does(app, SAM)  # a real account, not emailed in the last 5 minutes
    assert smtp_server.messages == []  # the page came back without the message having been taken
    unknown = _what_asking_does(app, "nobody@council.example")
    assert known == unknown
    assert known["status"] == 200 and LINK_ASKED in known["page"]
    assert known["letters"] == [("Sign in on a new browser", True)] and known["signed"] == 2
    assert any("staff_users" in statement for statement in known["sql"])
    assert known["threads left"] == []
    # The message waits in the outbox's own thread meanwhile, and goes once the server answers again.
    for _ in range(100):
        if smtp_server.waiting:
            break
        time.sleep(0.05)
    assert smtp_server.waiting == 1 and smtp_server.messages == []
    smtp_server.answering.set()
    _mail(smtp_server, 1)
    assert smtp_server.envelopes == [("participation@council.example", [SAM])]


def test_asking_does_the_same_work_for_an_account_and_for_no_account_and_never_waits_on_mail(
        app, make_user, smtp_server):
    _same_work_for_every_address(app, make_user, smtp_server)


def test_asking_counts_the_same_in_redis_for_an_account_and_for_no_account(app, make_user, smtp_server):
    if not redis_answers():
        if os.environ.get("REQUIRE_REDIS"):
            pytest.fail("REQUIRE_REDIS is set but no Redis server answers on 127.0.0.1:6379")
        pytest.skip("no Redis server on 127.0.0.1:6379")
    store = storage_from_string(REDIS, key_prefix=f"test-{uuid.uuid4().hex}")
    try:
        with mock.patch.object(limiter, "_storage", store), \
                mock.patch.object(limiter, "_limiter", FixedWindowRateLimiter(store)):
            _same_work_for_every_address(app, make_user, smtp_server)
    finally:
        store.reset()
