"""Can the time "email me a link to sign in on this browser" takes to answer tell which addresses have
staff accounts?

The page is asked, through the app, for a link for one real staff account (never emailed recently: the
per-address limit is lifted for the run, so every request for it would send a message) and for addresses
with no account, in a shuffled order, each from a fresh browser. A real SMTP server runs on 127.0.0.1 in
a process of its own, as the council's would on another machine. The script prints the median time
each kind of address took to answer and the difference.

    python bench/new_browser_timing.py [--requests 400] [--url postgresql+psycopg://...]

SQLite in a temporary file unless --url or TEST_DATABASE_URL names a PostgreSQL database (its tables
are created if missing and the account is removed afterwards).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.helpers import PASSWORD, csrf_token, free_port  # noqa: E402

KNOWN = "sam.timing@council.example"


def _smtp_server(port: int) -> subprocess.Popen:
    server = subprocess.Popen([sys.executable, "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{port}",
                               "-c", "aiosmtpd.handlers.Sink"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    import socket

    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return server
        except OSError:
            time.sleep(0.05)
    server.kill()
    raise SystemExit("the SMTP server did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=400, help="requests in all, half for each kind of address")
    parser.add_argument("--url", default=os.environ.get("TEST_DATABASE_URL", ""))
    args = parser.parse_args()

    from participation import create_app
    from participation.auth.services import create_user
    from participation.auth.models import StaffUser
    from participation.config import TestConfig
    from participation.core.transaction import run
    from participation.db import db
    import participation.models  # noqa: F401

    url = args.url or f"sqlite:///{tempfile.mkdtemp()}/timing.db"

    config = TestConfig(url)
    config.TESTING = False
    config.OUTBOX_DELAY_MIN, config.OUTBOX_DELAY_MAX = 0.5, 2.0  # as in production
    config.SIGNIN_LINKS_PER_EMAIL = "1000000 per minute"  # every request for the account would email it

    port = free_port()
    smtp = _smtp_server(port)
    app = create_app(config)
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=port, MAIL_USE_TLS=False, MAIL_USE_SSL=False,
                      MAIL_DEFAULT_SENDER="participation@council.example")
    try:
        with app.app_context():
            db.metadata.create_all(db.engine)
            for old in db.session.scalars(db.select(StaffUser).filter_by(email=KNOWN)):
                db.session.delete(old)
            db.session.commit()
            run(db.session, lambda: create_user(db.session, None, KNOWN, PASSWORD, "officer"))

        from participation.extensions import limiter

        def ask(email: str) -> float:
            with app.app_context():
                limiter.reset()  # the page's own limit counts every visitor together in a test client
            browser = app.test_client()
            token = csrf_token(browser.get("/login/new-browser").text)
            start = time.perf_counter()
            reply = browser.post("/login/new-browser", data={"csrf_token": token, "email": email})
            took = time.perf_counter() - start
            assert reply.status_code == 200, reply.status_code
            return took

        rng = random.Random(13)
        kinds = ["known", "unknown"] * (args.requests // 2)
        for _ in range(20):  # warm up both paths
            ask(KNOWN)
            ask(f"warm{rng.randrange(10**9)}@council.example")
        rng.shuffle(kinds)
        times: dict[str, list[float]] = {"known": [], "unknown": []}
        for kind in kinds:
            email = KNOWN if kind == "known" else f"nobody{rng.randrange(10**9)}@council.example"
            times[kind].append(ask(email))
        time.sleep(3)  # let the last messages go before the SMTP server stops

        known, unknown = (statistics.median(times[k]) * 1000 for k in ("known", "unknown"))
        database = "PostgreSQL" if url.startswith("postgresql") else "SQLite"
        print(f"{database}, {args.requests} requests ({len(times['known'])} for a staff account never emailed "
              f"recently, {len(times['unknown'])} for addresses with no account), each from a fresh browser:")
        print(f"  median, staff account:  {known:.2f} ms")
        print(f"  median, no account:     {unknown:.2f} ms")
        print(f"  difference:             {known - unknown:+.2f} ms")
        with app.app_context():
            for old in db.session.scalars(db.select(StaffUser).filter_by(email=KNOWN)):
                db.session.delete(old)
            db.session.commit()
    finally:
        smtp.terminate()
        smtp.wait()


if __name__ == "__main__":
    main()
