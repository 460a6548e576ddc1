"""How much memory the administrator's ZIP of everything takes with 1,000 and 100,000 responses.

Builds a database with seed-demo and adds demo responses (their comments tagged, as sent) up to each size,
then writes the ZIP as GET /admin/export.zip sends it (exchange.services.export_chunks, each piece handed
on and dropped) in three runs (--runs), printing each run's peak of Python's memory while it runs
(tracemalloc, above what was held before) and its time (slowed by the tracing); with --rss, how far it
raises the process's peak resident memory instead, untraced (on a database filled before, with --reuse). With --compare, also the
same ZIP kept whole in memory, as it was built before it was streamed.

    python bench/export_memory.py [--sizes 1000 100000] [--runs 3] [--compare] [--database-url ...] [--reuse]
"""

from __future__ import annotations

import resource
import statistics
import sys
import tempfile
import time
import tracemalloc

from reports import arguments, demo_app, fill

RUNS = 3


def _peak(write) -> tuple[float, float, int]:
    """Peak memory above the start (MB), seconds taken and bytes written by one export."""
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    started = time.perf_counter()
    size = write()
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return (peak - before) / 1e6, seconds, size


_RSS_BEFORE: list[int] = []


def _rss_growth(write) -> tuple[float, float, int]:
    """How far the exports so far raised this process's peak resident memory above its peak before the first
    (MB), untraced, with this one's seconds and bytes: fair only in a process that did nothing bigger before
    (use --reuse on a database filled by an earlier run)."""
    if not _RSS_BEFORE:
        _RSS_BEFORE.append(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    started = time.perf_counter()
    size = write()
    seconds = time.perf_counter() - started
    return (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - _RSS_BEFORE[0]) / 1024, seconds, size


def _option(name: str, default: str | None = None) -> str | None:
    """Take an option this script adds to the shared ones out of the command line."""
    if name not in sys.argv:
        return default
    at = sys.argv.index(name)
    if default is None:
        del sys.argv[at]
        return "yes"
    value = sys.argv[at + 1]
    del sys.argv[at:at + 2]
    return value


def main() -> None:
    runs, compare, rss = int(_option("--runs", "3") or 3), _option("--compare"), _option("--rss")
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

    print(f"database: {url.split(':')[0]}; the ZIP of everything, {runs} runs each", flush=True)
    results = []
    for size in sorted(args.sizes):
        total, answers, _ = fill(app, size)
        print(f"{total:,} responses, {answers:,} answers:", flush=True)
        peaks = []
        with app.app_context():
            for number in range(1, runs + 1):
                peak, seconds, written = (_rss_growth if rss else _peak)(streamed)
                db.session.rollback()
                peaks.append(peak)
                print(f"  run {number}: ZIP {written / 1e6:.1f} MB, peak memory {peak:.1f} MB "
                      f"({'resident, untraced' if rss else 'traced'}), {seconds:.0f}s",
                      flush=True)
            if compare:
                whole = _peak(held_whole)
                db.session.rollback()
                print(f"  the same ZIP held whole in memory: peak {whole[0]:.1f} MB", flush=True)
        if peaks:
            results.append((total, statistics.median(peaks)))
    if len(results) > 1:
        (n1, m1), (n2, m2) = results[0], results[-1]
        print(f"\n{n2 / n1:.0f}x the responses: peak memory of the streamed ZIP {m2 - m1:+.1f} MB "
              f"({m1:.1f} MB to {m2:.1f} MB, medians; target: within 20 MB)")


if __name__ == "__main__":
    main()
