"""How long the review queue takes with 1,000 and 100,000 responses waiting.

Builds a database with seed-demo and adds demo responses (their comments tagged, as sent) up to each
size, then times the queue's first and fifth pages of 20 (comments.services.queue) and the whole
`GET /comments/` page an officer opens (with its counts), the median of several each, after one warm-up.

    python bench/review_queue.py [--sizes 1000 100000] [--database-url postgresql+psycopg://...]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time

from reports import arguments, demo_app, fill, median_time, signed_in


def _median_call(call, repeat: int) -> float:
    call()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    if "--sizes" not in sys.argv:
        sys.argv += ["--sizes", "1000", "100000"]
    args = arguments(__doc__)
    url = args.database_url or f"sqlite:///{tempfile.mkdtemp(prefix='bench-queue-')}/queue.db"
    app = demo_app(url)
    officer = signed_in(app, "officer")

    from sqlalchemy import func, select

    from participation.comments.models import CommentAnalysis
    from participation.comments.services import QueueFilters, queue
    from participation.db import db

    print(f"database: {url.split(':')[0]}; median of {args.repeat} (ms)")
    print(f"{'responses':>10}{'waiting':>9}{'open flags':>12}{'fill':>7}{'queue p.1':>11}{'queue p.5':>11}"
          f"{'GET /comments/':>16}")
    results = []
    for size in sorted(args.sizes):
        total, _, filled = fill(app, size)
        with app.app_context():
            waiting = db.session.scalar(select(func.count()).where(CommentAnalysis.status == "suggested"))
            flags = db.session.scalar(select(func.count()).where(CommentAnalysis.flag_status == "open"))

            def page(number: int):
                return lambda: (queue(db.session, QueueFilters(), offset=(number - 1) * 20), db.session.rollback())

            first, fifth = _median_call(page(1), args.repeat), _median_call(page(5), args.repeat)
        whole = median_time(officer, "/comments/", args.repeat)
        results.append((total, first, fifth, whole))
        print(f"{total:>10,}{waiting:>9,}{flags:>12,}{filled:>6.0f}s{first * 1000:>8.1f} ms{fifth * 1000:>8.1f} ms"
              f"{whole * 1000:>13.0f} ms")
    if len(results) > 1:
        (n1, *small), (n2, *large) = results[0], results[-1]
        print(f"\n{n2 / n1:.0f}x the responses: queue page 1 {large[0] / small[0]:.2f}x, page 5 "
              f"{large[1] / small[1]:.2f}x, the whole page {large[2] / small[2]:.2f}x (target: the queue within 1.2x)")


if __name__ == "__main__":
    main()
