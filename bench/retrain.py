"""How long retraining the tagger takes with 10,000 labelled comments (officer-confirmed ones included).

    python bench/retrain.py [--examples 10000]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from participation.analysis import build_tagger  # noqa: E402
from participation.analysis.tagger import load_examples  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--examples", type=int, default=10_000)
    args = parser.parse_args()
    base = load_examples("themes_train.jsonl")
    rng = random.Random(3)
    words = [w for text, _ in base for w in text.split()]
    extra = []
    for n in range(args.examples - len(base)):
        text, themes = rng.choice(base)
        extra.append((f"{text} {rng.choice(words)} {rng.choice(words)} {n % 97}", list(themes)))
    start = time.perf_counter()
    tagger = build_tagger(extra_examples=extra)
    elapsed = time.perf_counter() - start
    features = len(tagger.model.features)
    print(f"retrained on {len(base) + len(extra):,} labelled comments in {elapsed:.1f} s "
          f"({features:,} features known)")


if __name__ == "__main__":
    main()
