"""How long a hostile Excel upload takes to be refused, and how much memory reading it takes.

Each hostile kind (built in tests/hostile_workbooks.py) is written to a file, then read the way a tracker
upload is read (`read_upload`, 2,000 rows) in a fresh process, so that each figure is that file's alone. Prints
per kind: the size sent, what the reader answered, the time to that answer, and the process's peak resident
memory above what it held before reading (the imports and the file's bytes). An ordinary tracker (the Care Leavers Review, as Excel) is read last, for comparison.

    python bench/hostile_uploads.py [--timeout 120] [--only NAME]
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _ordinary() -> bytes:
    import csv

    from openpyxl import Workbook
    book = Workbook()
    with (ROOT / "tests" / "data" / "care_leavers_review_2012.csv").open(encoding="utf-8", newline="") as source:
        for row in csv.reader(source):
            book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _one(path: str) -> None:
    """Read one file and print what happened as JSON (run in its own process)."""
    from participation.core.spreadsheets import UnreadableFile, read_upload
    import openpyxl  # noqa: F401  (loaded before measuring, as a worker that has read one file has it)

    data = Path(path).read_bytes()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    try:
        header, rows = read_upload(data, "upload.xlsx", 2000)
        answer = f"read: {len(rows)} rows of {len(header)} columns"
    except UnreadableFile as refused:
        answer = f"refused: {refused}"
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"answer": answer, "seconds": seconds, "rss_mb": max(after - before, 0) / 1024}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=120, help="seconds before a read is stopped")
    parser.add_argument("--only", default="", help="only the kinds whose name holds this")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        _one(args.one)
        return
    from tests.hostile_workbooks import HOSTILE, declared_size

    kinds = {**HOSTILE, "declared A1:XFD20000 (two real rows)": declared_size, "ordinary tracker (53 rows)": _ordinary}
    print(f"{'file':<38} {'sent':>9} {'seconds':>8} {'peak RSS':>9}  answer")
    with tempfile.TemporaryDirectory() as folder:
        for name, build in kinds.items():
            if args.only not in name:
                continue
            path = Path(folder) / "upload.xlsx"
            path.write_bytes(build())
            sent = f"{path.stat().st_size / 1024:,.0f} KB"
            try:
                done = subprocess.run([sys.executable, __file__, "--one", str(path)], capture_output=True, text=True,
                                      timeout=args.timeout, cwd=ROOT)
            except subprocess.TimeoutExpired:
                print(f"{name:<38} {sent:>9} {'>' + str(int(args.timeout)):>8}  (stopped: still reading)")
                continue
            if done.returncode:
                print(f"{name:<38} {sent:>9}  failed: {done.stderr.strip().splitlines()[-1:]}")
                continue
            got = json.loads(done.stdout.strip().splitlines()[-1])
            print(f"{name:<38} {sent:>9} {got['seconds']:>8.2f} {got['rss_mb']:>6.0f} MB"
                  f"  {got['answer'][:110]}")


if __name__ == "__main__":
    main()
