"""How much memory the administrator's ZIP of everything takes with 1,000 and 100,000 responses.

Builds a database with seed-demo and adds demo responses (their comments tagged, as sent) up to each size,
then writes the ZIP as GET /admin/export.zip sends it (exchange.services.export_chunks, each piece handed
on and dropped) three times, and prints the peak of Python's memory while it runs (tracemalloc, above what
was held before) and the time taken. For comparison, the same ZIP kept whole in memory, as it was built
before it was streamed.

    python bench/export_memory.py [--sizes 1000 100000] [--database-url postgresql+psycopg://...]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
import tracemalloc

from reports import arguments, demo_app, fill

RUNS = 3


def _peak(write) -> float:
    """Peak memory above the start (MB) of one export."""
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    write()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return (peak - before) / 1e6


def main() -> None:
    if "--sizes" not in sys.argv:
        sys.argv += ["--sizes", "1000", "100000"]
    args = arguments(__doc__)
    url = args.database_url or f"sqlite:///{tempfile.mkdtemp(prefix='bench-export-')}/export.db"
    app = demo_app(url, args.reuse)

    from participation.db import db
    from participation.exchange.services import export_chunks

    def streamed() -> int:
        return sum(len(piece) for piece in export_chunks(db.session))

    def held_whole() -> int:
        return len(b"".join(list(export_chunks(db.session))))

    print(f"database: {url.split(':')[0]}; the ZIP of everything, {RUNS} runs each")
    print(f"{'responses':>10}{'answers':>11}{'ZIP':>10}  {'peak, streamed (3 runs)':>26}{'time':>8}"
          f"{'peak, held whole':>19}")
    results = []
    for size in sorted(args.sizes):
        total, answers, _ = fill(app, size)
        with app.app_context():
            started = time.perf_counter()  # timed apart: tracing memory slows Python down
            size = streamed()
            seconds = time.perf_counter() - started
            peaks = []
            for _ in range(RUNS):
                peaks.append(_peak(streamed))
                db.session.rollback()
            whole = _peak(held_whole)
            db.session.rollback()
        median_peak = statistics.median(peaks)
        results.append((total, median_peak))
        print(f"{total:>10,}{answers:>11,}{size / 1e6:>7.1f} MB  {' / '.join(f'{p:.1f}' for p in peaks):>23} MB"
              f"{seconds:>7.1f}s{whole:>16.1f} MB")
    if len(results) > 1:
        (n1, m1), (n2, m2) = results[0], results[-1]
        print(f"\n{n2 / n1:.0f}x the responses: peak memory of the streamed ZIP {m2 - m1:+.1f} MB "
              f"({m1:.1f} MB to {m2:.1f} MB; target: within 20 MB)")


if __name__ == "__main__":
    main()
