"""How long a survey's results page takes on the server with 10,000 and 100,000 responses.

Builds a database with seed-demo, adds demo responses (with their comments tagged) up to each size,
then times GET /surveys/<demo>/results for an officer (exact figures) and a committee member (small
numbers protected), for everyone and for one cross-break ("answered No to: Do you feel safe where you
live?") with a date range: the median of several requests each, after one warm-up.

    python bench/results.py [--sizes 10000 100000] [--database-url postgresql+psycopg://...] [--reuse]

With --reuse the database is kept and added to: run it with --sizes 10000, then again with --sizes 100000,
and the same database can be timed by two versions of the app.
"""

from __future__ import annotations

import tempfile

from reports import arguments, demo_app, fill, median_times, signed_in


def main() -> None:
    args = arguments(__doc__)
    url = args.database_url or f"sqlite:///{tempfile.mkdtemp(prefix='bench-results-')}/results.db"
    app = demo_app(url, args.reuse)
    officer, committee = signed_in(app, "officer"), signed_in(app, "committee")

    from datetime import timedelta

    from participation.db import db, today
    from participation.surveys.services import survey_by_slug

    with app.app_context():
        survey = survey_by_slug(db.session, "demo")
        safe = next(q for q in survey.ordered_questions if q.text == "Do you feel safe where you live?")
        everyone = f"/surveys/{survey.id}/results"
        group = (f"{everyone}?start={(today() - timedelta(days=180)).isoformat()}&end={today().isoformat()}"
                 f"&breakdown={safe.id}:no")
    pages = [("officer, everyone", officer, everyone), ("officer, group", officer, group),
             ("committee, everyone", committee, everyone), ("committee, group", committee, group)]

    print(f"database: {url.split(':')[0]}; GET the demo survey's results, median of {args.repeat}: "
          "server time in ms (CPU ms of the app process)")
    print(f"{'responses':>10}{'answers':>11}{'fill':>7}" + "".join(f"{name:>24}" for name, *_ in pages))
    results = []
    for size in sorted(args.sizes):
        total, answers, filled = fill(app, size)
        measured = [median_times(client, path, args.repeat) for _, client, path in pages]
        times = [wall for wall, _ in measured]
        # A page that shows no figures (too few, or too close to another group) is marked with *.
        hidden = ["*" if 'class="num"' not in client.get(path).text else " " for _, client, path in pages]
        results.append((total, times))
        print(f"{total:>10,}{answers:>11,}{filled:>6.0f}s"
              + "".join(f"{t * 1000:>11.0f} ms ({c * 1000:>5.0f}){mark}" for (t, c), mark in zip(measured, hidden)))
    print("(* the page showed no figures, only why not)")
    if len(results) > 1:
        (n1, t1), (n2, t2) = results[0], results[-1]
        growth = ", ".join(f"{name} {b / a:.1f}x" for (name, *_), a, b in zip(pages, t1, t2))
        print(f"\n{n2 / n1:.0f}x the responses took: {growth} (target: at most 300 ms at 100,000, and flat)")


if __name__ == "__main__":
    main()
