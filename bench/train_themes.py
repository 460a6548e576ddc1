"""Rebuild the shipped theme model (`make model`) from the shared corpus and the product's examples.

Writes participation/analysis/data/theme_model.npz: the features, one weight per feature and theme,
the intercepts and each theme's threshold for a second theme. The same inputs give the same arrays.

    python bench/train_themes.py [--out PATH]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import theme_training as tt  # noqa: E402

from participation.analysis.themes import MODEL_PATH  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args()
    model = tt.train_shipped()
    model.save(args.out)
    thresholds = ", ".join(f"{k} {t:.2f}" for k, t in zip(model.keys, model.thresholds))
    print(f"wrote {args.out}: {len(model.features):,} features; second-theme thresholds {thresholds}")


if __name__ == "__main__":
    main()
