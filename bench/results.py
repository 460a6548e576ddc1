"""How long a survey's results page takes on the server with 10,000 and 100,000 responses.

Builds a database with seed-demo, adds demo responses (with their comments tagged) up to each size,
then times GET /surveys/<demo>/results for an officer (exact figures) and a committee member (small
numbers protected), for everyone, for one cross-break ("answered No to: Do you feel safe where you
live?") with a date range, and for those who came through the care leavers' link: the median of three
requests each (--repeat), after one warm-up. The page reads only
the running totals (responses, answers and pairs of answers per day, answer_pair_tallies), never the
answers themselves.

    python bench/results.py [--sizes 10000 100000] [--database-url postgresql+psycopg://...] [--repeat 3]

Responses are written in batches of plain inserts, each comment text tagged once however often it
recurs, and the running totals added once at the end. Each size's database is kept under
/tmp/bench-results-cache (a SQLite file, or a pg_dump of the PostgreSQL database), named by the day
and the tables' columns, so the next run the same day restores it instead of building it again.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import subprocess
import time
from pathlib import Path

from reports import arguments, demo_app, median_times, signed_in

CACHE = Path("/tmp/bench-results-cache")
BATCH = 5000
#: The links young people came through: each audience's, and the survey's own ("").
AUDIENCES = ("", "cared-for-8-11", "cared-for-11-18", "care-leavers")


def fast_fill(app, size: int) -> float:
    """Add demo responses to the demo survey up to `size`, as storing.store writes them, with each distinct
    comment tagged once; return the seconds taken."""
    from sqlalchemy import func, select

    from participation.comments.services import tagger_and_theme_ids
    from participation.core.transaction import transaction
    from participation.db import db
    from participation.respond import storing, tallies
    from participation.respond.demo import demo_responses
    from participation.respond.models import Response
    from participation.surveys.services import survey_by_slug

    started = time.perf_counter()
    with app.app_context():
        survey = survey_by_slug(db.session, "demo")
        have = db.session.scalar(select(func.count()).select_from(Response)) or 0
        if size <= have:
            return 0.0
        reader, theme_ids = tagger_and_theme_ids(db.session)
        # Young people came through each audience's link, and some through the survey's own link.
        rng = random.Random(size)
        sent = [one._replace(audience=rng.choice(AUDIENCES)) for one in
                demo_responses(survey, size - have, seed=size, days=360)]
        texts = sorted({a.text for one in sent for a in one.answers if a.text})
        read = dict(zip(texts, reader.tag_many(texts)))
        with transaction(db.session):
            for start in range(0, len(sent), BATCH):
                batch = sent[start:start + BATCH]
                taggings = [read[a.text] for one in batch for a in one.answers if a.text]
                storing.write(db.session, storing.Prepared(survey.id, batch, taggings, theme_ids), totals=False)
            tallies.add_responses(db.session.connection(), survey.id, sent)
    return time.perf_counter() - started


def counts(app) -> tuple[int, int]:
    from sqlalchemy import func, select

    from participation.db import db
    from participation.respond.models import Answer, Response

    with app.app_context():
        return (db.session.scalar(select(func.count()).select_from(Response)) or 0,
                db.session.scalar(select(func.count()).select_from(Answer)) or 0)


def cache_file(app, url: str, size: int) -> Path:
    """Where the database holding `size` demo responses is kept: named by the day (the responses lead up to
    today) and the tables' columns (a changed schema builds again)."""
    from participation.db import db, today

    columns = ";".join(f"{t.name}:{','.join(c.name for c in t.columns)}" for t in db.metadata.sorted_tables)
    kind = "sqlite" if url.startswith("sqlite") else "postgresql"
    digest = hashlib.sha256(columns.encode()).hexdigest()[:10]
    with app.app_context():
        day = today().isoformat()
    return CACHE / f"demo-{kind}-{size}-{day}-{digest}.{'db' if kind == 'sqlite' else 'pgdump'}"


def _libpq(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def save(app, url: str, path: Path) -> None:
    from participation.db import db

    CACHE.mkdir(exist_ok=True)
    with app.app_context():
        db.engine.dispose()
    if url.startswith("sqlite"):
        shutil.copyfile(url.removeprefix("sqlite:///"), path)
    else:
        subprocess.run(["pg_dump", "--format=custom", "--no-owner", f"--file={path}", _libpq(url)], check=True)


def restore(app, url: str, path: Path) -> None:
    from participation.db import db

    from sqlalchemy import text

    with app.app_context():
        if not url.startswith("sqlite"):
            db.session.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
            db.session.commit()
        db.engine.dispose()
    if url.startswith("sqlite"):
        shutil.copyfile(path, url.removeprefix("sqlite:///"))
    else:
        subprocess.run(["pg_restore", "--no-owner", "--single-transaction", "-d", _libpq(url), str(path)],
                       check=True)
        analyze(app, url)


def analyze(app, url: str) -> None:
    """On PostgreSQL, read the tables' statistics, as autovacuum soon would after so many rows."""
    from sqlalchemy import text

    from participation.db import db

    if not url.startswith("sqlite"):
        with app.app_context():
            db.session.execute(text("ANALYZE"))
            db.session.commit()


def main() -> None:
    args = arguments(__doc__, repeat=3)
    if not args.database_url:
        work = Path("/tmp/bench-results-work")
        work.mkdir(exist_ok=True)
        args.database_url = f"sqlite:///{work}/results-{os.getpid()}.db"
    url = args.database_url
    app = demo_app(url, args.reuse)

    from datetime import timedelta

    from participation.db import db, today
    from participation.surveys.services import survey_by_slug

    with app.app_context():
        survey = survey_by_slug(db.session, "demo")
        safe = next(q for q in survey.ordered_questions if q.text == "Do you feel safe where you live?")
        everyone = f"/surveys/{survey.id}/results"
        group = (f"{everyone}?start={(today() - timedelta(days=180)).isoformat()}&end={today().isoformat()}"
                 f"&breakdown={safe.id}:no")
    audience = f"{everyone}?audience=care-leavers"
    pages = [("officer, everyone", "officer", everyone), ("officer, group", "officer", group),
             ("officer, care leavers", "officer", audience),
             ("committee, everyone", "committee", everyone), ("committee, group", "committee", group),
             ("committee, care leavers", "committee", audience)]

    print(f"database: {url.split(':')[0]}; GET the demo survey's results, median of {args.repeat}: "
          "server time in ms (CPU ms of the app process)")
    print(f"{'responses':>10}{'answers':>11}{'fill':>8}" + "".join(f"{name:>26}" for name, *_ in pages))
    results = []
    for size in sorted(args.sizes):
        cached = cache_file(app, url, size)
        if cached.exists():
            started = time.perf_counter()
            restore(app, url, cached)
            filled, how = time.perf_counter() - started, "r"
        else:
            filled, how = fast_fill(app, size), "s"
            analyze(app, url)
            save(app, url, cached)
        total, answers = counts(app)
        clients = {role: signed_in(app, role) for role in ("officer", "committee")}
        measured = [median_times(clients[role], path, args.repeat) for _, role, path in pages]
        times = [wall for wall, _ in measured]
        # A page that shows no figures (too few, or too close to another group) is marked with *.
        hidden = ["*" if 'class="num"' not in clients[role].get(path).text else " " for _, role, path in pages]
        results.append((total, times))
        print(f"{total:>10,}{answers:>11,}{filled:>6.0f}{how}"
              + "".join(f"{t * 1000:>13.0f} ms ({c * 1000:>5.0f}){mark}" for (t, c), mark in zip(measured, hidden)),
              flush=True)
    print("(fill: s seconds to build, r seconds to restore from the cache; "
          "* the page showed no figures, only why not)")
    if len(results) > 1:
        (n1, t1), (n2, t2) = results[0], results[-1]
        growth = ", ".join(f"{name} {b / a:.1f}x" for (name, *_), a, b in zip(pages, t1, t2))
        print(f"\n{n2 / n1:.0f}x the responses took: {growth} (target: at most 300 ms at 100,000, and flat)")
    if url.startswith("sqlite") and not args.reuse:
        for suffix in ("", "-wal", "-shm"):
            Path(url.removeprefix("sqlite:///") + suffix).unlink(missing_ok=True)


if __name__ == "__main__":
    main()
