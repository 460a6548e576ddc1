"""The linking attack, replayed: can a request to be contacted be matched to the answers its young
person sent just before it?

N young people each answer the demo survey through the app; about one in four then asks to be
contacted, straight after sending, as the real attack assumed. The hold's timer is played by writing
the held requests at random moments in between (what `help_requests/holding.py` does on its own in
a server). Every request also passes through the access logger `make serve` uses. Then, with the
whole database and the log, each attack picks one response for every request, and the script prints
how often it picked the right young person beside chance (one in the number of responses that day,
since the day is all a request keeps).

    python bench/linking_attack.py [--young 200] [--database sqlite|postgresql|both] [--url postgresql+psycopg://...]
                                   [--undefended]

PostgreSQL is used when --url or TEST_DATABASE_URL names a server; a fresh database is created on it
and dropped afterwards.
"""

from __future__ import annotations

import argparse
from math import comb
import os
import random
import re
import sys
import tempfile
import time
import uuid
from bisect import bisect_right
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from respondent import _token, _valid_answers  # noqa: E402

RANDOM = random.Random(13)


def _make_variable(name: str) -> str:
    return re.search(rf"^{name} := (.+)$", (ROOT / "Makefile").read_text(), re.M).group(1).strip()


class Logged:
    """WSGI middleware that hands every request to the access logger `make serve` runs gunicorn with."""

    def __init__(self, wsgi_app, log_path: Path) -> None:
        from gunicorn.config import Config
        from importlib import import_module

        module, name = _make_variable("ACCESS_LOGGER").rsplit(".", 1)
        config = Config()
        config.set("accesslog", str(log_path))
        config.set("access_log_format", _make_variable("ACCESS_LOG_FORMAT"))
        self.logger = getattr(import_module(module), name)(config)
        self.wsgi_app = wsgi_app

    def __call__(self, environ, start_response):
        environ.setdefault("RAW_URI", environ.get("PATH_INFO", ""))
        seen = {}

        def remember(status, headers, exc_info=None):
            seen.update(status=status, headers=headers)
            return start_response(status, headers, exc_info)

        body = b"".join(self.wsgi_app(environ, remember))
        response = SimpleNamespace(status=seen["status"], headers=seen["headers"], sent=len(body))
        request = SimpleNamespace(headers=[(k[5:].replace("_", "-"), v) for k, v in environ.items()
                                           if k.startswith("HTTP_")])
        self.logger.access(response, request, environ, timedelta(milliseconds=3))
        return [body]


def _journey(client) -> None:
    page = client.get("/s/demo")
    for number in range(1, 5):
        html = client.get(f"/s/demo/{number}").text
        client.post(f"/s/demo/{number}", data={"csrf_token": _token(html), **_valid_answers(html)})
    check = client.get("/s/demo/check").text
    reply = client.post("/s/demo/check", data={"csrf_token": _token(check), "token": _token(check, "token")})
    assert reply.status_code == 302, (page.status_code, reply.status_code)


def _ask(client, contact: str) -> None:
    html = client.get("/get-help").text
    assert client.post("/get-help", data={"csrf_token": _token(html), "contact": contact}).status_code == 302


def play(url: str, young: int, log_path: Path, undefended: bool) -> tuple[dict, dict, str, float]:
    """Run the young people through the app; return who sent which response, who asked, and the log.
    `undefended` writes each request at once, with no rewriting of the sends: the attacks' own check.
    Also returns the seconds the last write of held requests took (it rewrites every send of the run)."""
    os.environ.update(DATABASE_URL=url, INSTANCE_DIR=str(log_path.parent))
    from sqlalchemy import select

    from participation import create_app
    from participation.config import Config
    from participation.db import db
    from participation.help_requests.holding import write_now
    from participation.respond.models import Response

    config = Config()
    config.HELP_REQUEST_HOLD_MAX = None  # the timer is played below, at random moments
    app = create_app(config)
    if undefended:
        import participation.help_requests.services as help_services
        help_services.rewrite_recent_sends = lambda session: 0
    with app.app_context():
        db.create_all()
    assert app.test_cli_runner().invoke(args=["seed-demo", "--responses", "0"]).exit_code == 0
    app.wsgi_app = Logged(app.wsgi_app, log_path)
    response_of: dict[str, int] = {}  # the referee's knowledge: each young person's response id
    asked: dict[str, str] = {}  # contact -> young person
    known: set[int] = set()
    for n in range(young):
        person = f"young-{n}"
        client = app.test_client()
        _journey(client)
        client.get("/healthz")  # a load balancer's check: the log does write lines
        with app.app_context():
            ids = set(db.session.scalars(select(Response.id)))
            db.session.remove()
        (response_of[person],) = ids - known
        known = ids
        if RANDOM.random() < 0.25:
            contact = f"07700 9{n:05d}"
            _ask(client, contact)
            asked[contact] = person
            if undefended:
                write_now(app)
        if RANDOM.random() < 0.15:  # the hold's timer fires
            write_now(app)
    with app.app_context():  # the last write, timed: it rewrites every response of the run
        from participation.help_requests.holding import hold
        hold(app, "", "07700 999999", "", "")
    started = time.perf_counter()
    write_now(app)  # the process stops cleanly: what it still holds is written
    return response_of, asked, log_path.read_text(), time.perf_counter() - started


def attacks(url: str, response_of: dict[str, int], asked: dict[str, str], log: str) -> list[tuple[str, int, int]]:
    """(attack, right picks, requests) for every attack the database and the log allow."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    postgres = engine.dialect.name == "postgresql"
    place = "ctid" if postgres else "rowid"
    with engine.connect() as connection:
        rows = lambda sql: connection.execute(text(sql)).all()  # noqa: E731
        responses = rows(f"SELECT id, submitted_on{', xmin::text::bigint' if postgres else ''} FROM responses")
        helps = rows(f"SELECT contact, id, asked_on{', xmin::text::bigint' if postgres else ''} FROM help_requests")
        response_places = [r[0] for r in rows(f"SELECT id FROM responses ORDER BY {place}")]
        help_places = [r[0] for r in rows(f"SELECT contact FROM help_requests ORDER BY {place}")]
    engine.dispose()
    ids = [r[0] for r in responses]
    results = []

    def score(name: str, pick) -> None:
        right = sum(pick(h) == response_of[asked[h[0]]] for h in helps)
        results.append((name, right, len(helps)))

    def nearest(values: dict[int, int], target: int) -> int:
        """The response whose value is the nearest at or below target (else above), ties picked at random."""
        below = [v for v in values.values() if v <= target]
        best = max(below) if below else min(values.values())
        return RANDOM.choice([i for i, v in values.items() if v == best])

    helps = [h for h in helps if h[0] in asked]  # the timing probe above is nobody's
    score("nearest id", lambda h: min(ids, key=lambda i: abs(i - int(h[1], 16) % 2 ** 62)))
    score("nearest created column", lambda h: RANDOM.choice([r[0] for r in responses if r[1] == h[2]]))
    if postgres:
        score("nearest xmin (PostgreSQL)", lambda h: nearest({r[0]: r[2] for r in responses}, h[3]))
    score(f"row order ({place})", lambda h: response_places[min(
        len(response_places) - 1, round(help_places.index(h[0]) * len(response_places) / max(1, len(help_places))))])
    lines = log.splitlines()
    sends = [i for i, line in enumerate(lines) if line.startswith("POST /s/") and "/check" in line]
    help_lines = [i for i, line in enumerate(lines) if line.startswith("POST /get-help")]
    by_id = sorted(ids)

    def from_log(h) -> int:
        # The k-th request line after the j-th send line: the j-th response by id, as with running ids.
        k = sorted(help_places).index(h[0])
        if not sends or k >= len(help_lines):
            return RANDOM.choice(ids)  # the log holds nothing to go on
        return by_id[min(len(by_id) - 1, max(0, bisect_right(sends, help_lines[k]) - 1))]

    score("log order", from_log)
    return results


def run(kind: str, url: str, young: int, undefended: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        response_of, asked, log, last_write = play(url, young, Path(folder) / "access.log", undefended)
        print(f"\n{kind}{' (UNDEFENDED: each request written at once)' if undefended else ''}: {young} young people sent the demo survey, {len(asked)} asked to be contacted; "
              f"the access log has {len(log.splitlines())} lines")
        print(f"  the last write of held requests (on PostgreSQL it rewrites the rows of all {young} responses): "
              f"{last_write * 1000:.0f} ms")
        chance = 1 / young
        print(f"  {'attack':<28} {'right':>7} {'rate':>7}   chance {chance:.1%}")
        for name, right, total in attacks(url, response_of, asked, log):
            # How likely at least this many right picks are by guessing: under 1% would mean the attack works.
            p = sum(comb(total, k) * chance ** k * (1 - chance) ** (total - k) for k in range(right, total + 1))
            verdict = "BETTER THAN CHANCE" if p < 0.01 else "no better than chance"
            print(f"  {name:<28} {right:>3}/{total:<3} {right / max(1, total):>7.1%}   p={p:.2f} {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--young", type=int, default=200)
    parser.add_argument("--database", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument("--url", default=os.environ.get("TEST_DATABASE_URL", ""))
    parser.add_argument("--undefended", action="store_true",
                        help="write each request at once without rewriting the sends, to see the attacks work")
    args = parser.parse_args()
    if args.database in ("sqlite", "both"):
        with tempfile.TemporaryDirectory() as folder:
            run("SQLite", f"sqlite:///{folder}/linking.db", args.young, args.undefended)
    if args.database in ("postgresql", "both"):
        if not args.url:
            print("\nPostgreSQL: skipped (give --url or TEST_DATABASE_URL)")
            return
        from sqlalchemy import create_engine, text
        from sqlalchemy.engine import make_url

        name = f"linking_{uuid.uuid4().hex[:8]}"
        admin = create_engine(args.url, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            run("PostgreSQL", make_url(args.url).set(database=name).render_as_string(hide_password=False), args.young,
                args.undefended)
        finally:
            with admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            admin.dispose()


if __name__ == "__main__":
    main()
