"""Tagging speed on one core, and memory for 100,000 comments.

tag_many includes themes, sentiment, safeguarding and redaction. Comments are made from the
labelled sets and the seeds' quotes, varied so that no two are the same.

    python bench/tagging_speed.py [--comments 100000]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from participation.analysis import tag_many  # noqa: E402
from participation.analysis.tagger import default_tagger, load_examples  # noqa: E402

EXTRA = ["my sw is dave call 07700 900123", "i live at 12 elm road m1 1ae", "i dont want to be here anymore",
         "my PA is sound", "cant afford the bus to college", "wish i could see my lil bro more"]


def comments(n: int) -> list[str]:
    base = [t for t, _ in load_examples("themes_train.jsonl") + load_examples("themes_dev.jsonl")] + EXTRA
    rng = random.Random(7)
    return [f"{rng.choice(base)} {rng.choice(base)[: rng.randint(0, 40)]}".strip() for _ in range(n)]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--comments", type=int, default=100_000)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    texts = comments(args.comments)
    start = time.perf_counter()
    default_tagger()
    print(f"training the default tagger: {time.perf_counter() - start:.2f} s")
    tag_many(texts[:1000])  # warm up
    start = time.perf_counter()
    results = tag_many(texts)
    elapsed = time.perf_counter() - start
    print(f"tag_many on one core: {len(texts):,} comments in {elapsed:.2f} s = {len(texts) / elapsed:,.0f} comments/s "
          f"(target at least 20,000)")
    flagged = sum(r.safeguarding for r in results)
    print(f"  flagged {flagged:,}; average words {sum(len(t.split()) for t in texts) / len(texts):.1f}")
    del results
    tracemalloc.start()
    results = tag_many(texts)
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"memory for {len(texts):,} comments and their taggings: {current / 2**20:.0f} MiB held, "
          f"{peak / 2**20:.0f} MiB peak (tracemalloc)")


if __name__ == "__main__":
    main()
