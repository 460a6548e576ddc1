"""How long /reports takes on the server with 10,000 and 100,000 responses.

Builds a database with seed-demo, adds demo responses (with their comments tagged) up to each size,
then times GET /reports/ as a committee member: the median of several requests, after one warm-up.

    python bench/reports.py [--sizes 10000 100000] [--database-url postgresql+psycopg://...]

`bench/results.py` times a survey's results page on the same kind of database, with these helpers.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

PASSWORD = "correct horse battery"


def arguments(doc: str, repeat: int = 7) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--database-url", default="", help="an empty database to use (default: a new SQLite file)")
    parser.add_argument("--repeat", type=int, default=repeat)
    parser.add_argument("--reuse", action="store_true",
                        help="keep what --database-url holds (a database an earlier run built) and add to it")
    return parser.parse_args()


def demo_app(url: str, reuse: bool = False):
    """The app on a new database holding seed-demo with no responses (with `reuse`, on the database as it is,
    when it holds the demo already)."""
    os.environ["DATABASE_URL"] = url
    from sqlalchemy import inspect

    from participation import create_app
    from participation.db import db

    app = create_app()
    with app.app_context():
        if reuse and inspect(db.engine).has_table("surveys"):
            db.create_all()  # tables added since it was built; an earlier run's rows stay
            return app
        db.drop_all()
        db.create_all()
    app.test_cli_runner().invoke(args=["seed-demo", "--responses", "0"])
    return app


def signed_in(app, role: str):
    """A test client signed in with an account of the role (made the first time)."""
    from sqlalchemy import select

    from participation.auth.models import StaffUser
    from participation.auth.services import create_user
    from participation.core.transaction import run
    from participation.db import db

    email = f"{role}@council.example"
    with app.app_context():
        if db.session.scalar(select(StaffUser).where(StaffUser.email == email)) is None:
            run(db.session, lambda: create_user(db.session, None, email, PASSWORD, role))
    client = app.test_client()
    page = client.get("/login").text
    token = page.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    client.post("/login", data={"csrf_token": token, "email": email, "password": PASSWORD})
    return client


def fill(app, size: int) -> tuple[int, int, float]:
    """Add demo responses to the demo survey up to `size`: (responses, answers, seconds taken)."""
    from sqlalchemy import func, select

    from participation.core.transaction import transaction
    from participation.db import db
    from participation.respond.demo import add_demo_responses
    from participation.respond.models import Answer, Response
    from participation.surveys.services import survey_by_slug

    with app.app_context():
        survey = survey_by_slug(db.session, "demo")
        have = db.session.scalar(select(func.count()).select_from(Response)) or 0
        started = time.perf_counter()
        if size > have:
            with transaction(db.session):
                add_demo_responses(db.session, survey, size - have, batch=2000, seed=size, days=360)
        filled = time.perf_counter() - started
        return (db.session.scalar(select(func.count()).select_from(Response)),
                db.session.scalar(select(func.count()).select_from(Answer)), filled)


def median_time(client, path: str, repeat: int) -> float:
    """The median server time of GET path, in seconds, after one warm-up request."""
    return median_times(client, path, repeat)[0]


def median_times(client, path: str, repeat: int) -> tuple[float, float]:
    """The median server time of GET path and the median CPU time this process spent on it (the app, and
    SQLite's work, which runs inside it; not a PostgreSQL server's), in seconds, after one warm-up request.
    On a shared machine the CPU time is the steadier figure."""
    assert client.get(path).status_code == 200, path
    times, cpu = [], []
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        reply = client.get(path)
        times.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
        assert reply.status_code == 200, path
    return statistics.median(times), statistics.median(cpu)


def main() -> None:
    args = arguments(__doc__)
    url = args.database_url or f"sqlite:///{tempfile.mkdtemp(prefix='bench-reports-')}/reports.db"
    app = demo_app(url, args.reuse)
    client = signed_in(app, "committee")

    print(f"database: {url.split(':')[0]}; GET /reports/ as a committee member, median of {args.repeat}")
    print(f"{'responses':>10}{'answers':>11}{'fill time':>11}{'server time':>13}")
    results = []
    for size in sorted(args.sizes):
        total, answers, filled = fill(app, size)
        median = median_time(client, "/reports/", args.repeat)
        results.append((total, median))
        print(f"{total:>10,}{answers:>11,}{filled:>10.0f}s{median * 1000:>11.0f} ms")
    if len(results) > 1:
        (n1, t1), (n2, t2) = results[0], results[-1]
        print(f"\n{n2 / n1:.0f}x the responses took {t2 / t1:.1f}x the time (target: under 300 ms at 100,000, "
              "and growing slower than the responses)")


if __name__ == "__main__":
    main()
