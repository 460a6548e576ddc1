"""How long the review queue takes with 1,000 and 100,000 responses waiting.

Builds a database with seed-demo and adds demo responses (their comments tagged, as sent) up to each
size, then times the queue's first, fifth and last pages of 20 (comments.services.queue) in three runs,
each the median of several calls after one warm-up, and the whole `GET /comments/` page an officer opens
(with its counts). Times are the CPU time of this process, which on SQLite includes the database's own work
and is the steady figure on a shared machine (wall-clock time in brackets; on PostgreSQL the server's work
is only in the wall-clock time). The last line is the ratio of the first page's time at the largest size to
its time at the smallest.

    python bench/review_queue.py [--sizes 1000 100000] [--database-url postgresql+psycopg://...]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time

from reports import arguments, demo_app, fill, median_times, signed_in


RUNS = 3


def _median_call(call, repeat: int) -> tuple[float, float]:
    """The median CPU time and wall-clock time of `call`, after one warm-up call."""
    call()
    cpu, wall = [], []
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        call()
        wall.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    return statistics.median(cpu), statistics.median(wall)


def _ms(times: tuple[float, float]) -> str:
    return f"{times[0] * 1000:.1f} ({times[1] * 1000:.1f})"


def main() -> None:
    if "--sizes" not in sys.argv:
        sys.argv += ["--sizes", "1000", "100000"]
    args = arguments(__doc__)
    url = args.database_url or f"sqlite:///{tempfile.mkdtemp(prefix='bench-queue-')}/queue.db"
    app = demo_app(url)
    officer = signed_in(app, "officer")

    from sqlalchemy import func, select

    from participation.comments.models import CommentAnalysis
    from participation.comments.services import QUEUE_PAGE, QueueFilters, queue, queue_size
    from participation.db import db

    print(f"database: {url.split(':')[0]}; CPU ms (wall ms), each the median of {args.repeat} calls")
    results = []
    for size in sorted(args.sizes):
        total, _, filled = fill(app, size)
        with app.app_context():
            if db.engine.dialect.name == "postgresql":
                # A bulk load leaves the planner's statistics behind until autovacuum analyses the tables (within
                # a minute on a running server); without them it sorts every open flag to show 20.
                with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
                    connection.exec_driver_sql("ANALYZE")
            waiting = db.session.scalar(select(func.count()).where(CommentAnalysis.status == "suggested"))
            flags = db.session.scalar(select(func.count()).where(CommentAnalysis.flag_status == "open"))
            last = (queue_size(db.session, QueueFilters()) - 1) // QUEUE_PAGE + 1

            def page(number: int):
                def call() -> None:
                    queue(db.session, QueueFilters(), offset=(number - 1) * QUEUE_PAGE)
                    db.session.rollback()
                return call

            runs = [[_median_call(page(n), args.repeat) for n in (1, 5, last)] for _ in range(RUNS)]
        wall, cpu = median_times(officer, "/comments/", args.repeat)
        first = statistics.median(run[0][0] for run in runs)
        results.append((total, first))
        print(f"\n{total:,} responses ({waiting:,} comments waiting, {flags:,} open flags, filled in {filled:.0f}s); "
              f"GET /comments/ {_ms((cpu, wall))}")
        for number, run in enumerate(runs, 1):
            print(f"  run {number}: queue page 1 {_ms(run[0])}, page 5 {_ms(run[1])}, last page ({last:,}) {_ms(run[2])}")
    if len(results) > 1:
        (n1, t1), (n2, t2) = results[0], results[-1]
        print(f"\nqueue page 1 at {n2:,} / at {n1:,} responses: {t2 / t1:.2f} "
              f"({t1 * 1000:.1f} ms to {t2 * 1000:.1f} ms CPU, median of {RUNS} runs; target: within 1.2)")


if __name__ == "__main__":
    main()
