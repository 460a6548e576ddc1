"""A request to be contacted cannot be matched to the answers sent just before it: ids are random,
the request is written later with others, in a random order, in a transaction that also rewrites the
recent sends, and nothing in the request's own visit writes to the database."""

from __future__ import annotations

import random
import time

import pytest
from sqlalchemy import event, select, text

from participation.core.transaction import run
from participation.db import db, today
from participation.help_requests.holding import held, write_now
from participation.help_requests.models import HelpRequest
from participation.respond import storing
from participation.respond.models import Answer, Response
from participation.respond.storing import AnswerRow, Sent
from tests.helpers import csrf_token
from tests.respond.helpers import answer_demo, send


def _ask(client, contact: str):
    page = client.get("/get-help")
    return client.post("/get-help", data={"csrf_token": csrf_token(page.text), "contact": contact})


def _send_one(app) -> int:
    """Store one response with two answers; return its id."""
    from participation.surveys.models import Question

    with app.app_context():
        question = db.session.scalars(select(Question).where(Question.kind == "yesno")).first()
        run(db.session, lambda: storing.store(db.session, question.survey_id, [
            Sent(today(), [AnswerRow(question.id, "yes"), AnswerRow(question.id, "no")])]))
        return db.session.scalars(select(Response.id)).all()


def test_ids_are_random_so_their_order_says_nothing_about_the_order_sent(app, demo):
    written = []
    for _ in range(12):
        before = set(written)
        written.append(next(i for i in _send_one(app) if i not in before))
    assert written != sorted(written) and written != sorted(written, reverse=True)
    assert max(written) > 2 ** 40  # drawn from a huge range, not counted
    with app.app_context():
        answer_ids = db.session.scalars(select(Answer.id)).all()
        stored_order = db.session.scalars(select(Response.id)).all()
        sqlite = db.engine.dialect.name == "sqlite"
    assert max(answer_ids) > 2 ** 40
    if sqlite:  # SQLite keeps rows by their key, so a plain read is in random order too
        assert stored_order != written
    # (PostgreSQL keeps rows in the order written until a request to be contacted is written: see below.)


def test_asking_to_be_contacted_writes_nothing_then_and_the_send_answers_as_always(app, demo):
    client = app.test_client()
    check = answer_demo(client, app)
    assert send(client, "demo", check).status_code == 302
    statements = []
    with app.app_context():
        listener = lambda conn, cursor, statement, *args: statements.append(statement)  # noqa: E731
        event.listen(db.engine, "before_cursor_execute", listener)
        try:
            reply = _ask(client, "07700 900123")
        finally:
            event.remove(db.engine, "before_cursor_execute", listener)
    assert reply.status_code == 302 and reply.headers["Location"] == "/get-help/sent"
    assert not [s for s in statements if s.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))]
    with app.app_context():
        assert db.session.scalars(select(HelpRequest)).all() == []
    assert held(app).count() == 1
    assert write_now(app) == 1
    with app.app_context():
        assert db.session.scalars(select(HelpRequest.contact)).all() == ["07700 900123"]


def test_held_requests_are_written_in_a_random_order(app):
    clients = [app.test_client() for _ in range(12)]
    for n, client in enumerate(clients):
        assert _ask(client, f"0770090{n:04d}").status_code == 302
    write_now(app)
    with app.app_context():
        dialect = db.engine.dialect.name
        where = "ctid" if dialect == "postgresql" else "rowid"
        stored = db.session.execute(text(f"SELECT contact FROM help_requests ORDER BY {where}")).scalars().all()
    asked = [f"0770090{n:04d}" for n in range(12)]
    assert sorted(stored) == asked and stored != asked


@pytest.mark.committing  # real transactions, so each has its own number
def test_on_postgresql_no_transaction_number_ties_a_request_to_the_answers_before_it(app, demo):
    with app.app_context():
        if db.engine.dialect.name != "postgresql":
            pytest.skip("only PostgreSQL numbers each row's transaction; SQLite keeps rows in random-id order")
    asker, *others = [app.test_client() for _ in range(8)]
    assert send(asker, "demo", answer_demo(asker, app)).status_code == 302
    assert _ask(asker, "07700 900123").status_code == 302
    for other in others:  # others send after the ask, before the request is written
        assert send(other, "demo", answer_demo(other, app)).status_code == 302
    in_table_order = "SELECT id FROM responses ORDER BY ctid"
    with app.app_context():
        as_written = db.session.execute(text(in_table_order)).scalars().all()
        db.session.remove()
    write_now(app)
    with app.app_context():
        assert db.session.execute(text(in_table_order)).scalars().all() != as_written  # shuffled in the table
        number = lambda table: db.session.execute(  # noqa: E731
            text(f"SELECT DISTINCT xmin::text::bigint FROM {table}")).scalars().all()
        (request_number,) = number("help_requests")
        # Every response, answer and comment reading of the day was rewritten by the same
        # transaction: none has a lower number just before the request's to point at its sender.
        for table in ("responses", "answers", "comment_analyses", "submission_receipts", "answer_tallies"):
            assert number(table) == [request_number], table


@pytest.mark.committing  # the hold's own timer writes from another thread
def test_the_hold_writes_by_itself_at_a_random_moment(app):
    app.config.update(HELP_REQUEST_HOLD_MIN=0.05, HELP_REQUEST_HOLD_MAX=0.3)
    assert _ask(app.test_client(), "07700 900999").status_code == 302
    for _ in range(100):
        with app.app_context():
            found = db.session.scalars(select(HelpRequest.contact)).all()
            db.session.remove()
        if found:
            break
        time.sleep(0.1)
    assert found == ["07700 900999"]


def test_held_requests_wait_in_redis_in_no_order_they_were_asked(app):
    """Someone reading Redis while requests are held cannot line them up with the answers before each."""
    import os
    import uuid

    import redis

    from participation.help_requests.holding import RedisStore

    from tests.helpers import REDIS as url
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.RedisError:
        if os.environ.get("REQUIRE_REDIS"):
            pytest.fail("REQUIRE_REDIS is set but no Redis server answers on 127.0.0.1:6379")
        pytest.skip("no Redis server on 127.0.0.1:6379")
    store = RedisStore(url, f"test-held-{uuid.uuid4().hex}", app.config["SECRET_KEY"])
    asked = [{"id": uuid.uuid4().hex, "contact": f"0770090{n:04d}", "asked_on": today()} for n in range(20)]
    try:
        for row in asked:
            store.push([row])
        as_kept = [raw for raw in store.client.zrange(store.key, 0, -1)]
        assert len(as_kept) == 20
        assert [store.seal.open(raw)["contact"] for raw in as_kept] != [r["contact"] for r in asked]
        assert store.client.type(store.key) == b"zset"
        taken = store.take()
        assert sorted(r["contact"] for r in taken) == [r["contact"] for r in asked]
        assert store.count() == 0
    finally:
        store.stop()
        store.client.delete(store.key)


@pytest.mark.committing  # real transactions, so each has its own number
def test_on_postgresql_a_long_comment_kept_apart_from_its_row_is_rewritten_too(app, demo):
    """A comment over about 2 KB (700 letters of Chinese or Arabic) is kept in the table's TOAST table, whose
    pieces once kept the number of the transaction that sent it after the row itself was rewritten."""
    from participation.surveys.models import Question

    with app.app_context():
        if db.engine.dialect.name != "postgresql":
            pytest.skip("only PostgreSQL keeps transaction numbers")
        question = db.session.scalars(select(Question).where(Question.kind == "text")).first()
        chance = random.Random(7)
        # 990 Chinese letters (under the 1,000 allowed): about 3 KB that do not compress.
        long_words = "".join(chr(chance.randrange(0x4E00, 0x9FA5)) for _ in range(990))
        run(db.session, lambda: storing.store(db.session, question.survey_id, [
            Sent(today(), [AnswerRow(question.id, text=long_words)])]))
        toast = db.session.execute(text("SELECT reltoastrelid::regclass::text FROM pg_class "
                                        "WHERE relname = 'answers'")).scalar()
        sent_numbers = db.session.execute(text(f"SELECT DISTINCT xmin::text::bigint FROM {toast}")).scalars().all()
        assert sent_numbers  # the comment is kept apart from its row
        db.session.remove()
    assert _ask(app.test_client(), "07700 900123").status_code == 302
    write_now(app)
    with app.app_context():
        (request_number,) = db.session.execute(
            text("SELECT DISTINCT xmin::text::bigint FROM help_requests")).scalars().all()
        pieces = db.session.execute(text(f"SELECT DISTINCT xmin::text::bigint FROM {toast}")).scalars().all()
        assert pieces == [request_number]
        assert db.session.scalar(select(Answer.text).where(Answer.text == long_words)) == long_words
