"""Tagging quality on the labelled dev set, kept apart from the training set.

Prints per-theme precision, recall and F1 and the macro-F1, then safeguarding recall and false
alarms on the safeguarding set.

    python bench/tagging_eval.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from participation.analysis import build_tagger  # noqa: E402
from participation.analysis.safeguarding import check  # noqa: E402
from participation.analysis.tagger import DATA, load_examples  # noqa: E402


def main() -> None:
    dev = load_examples("themes_dev.jsonl")
    train = load_examples("themes_train.jsonl")
    if not dev:
        raise SystemExit(f"no dev set at {DATA / 'themes_dev.jsonl'}")
    overlap = {t for t, _ in dev} & {t for t, _ in train}
    tagger = build_tagger()
    keys = tagger.taxonomy.keys
    counts = {k: [0, 0, 0] for k in keys}  # true positives, false positives, false negatives
    exact = 0
    for (text, truth), tagging in zip(dev, tagger.tag_many([t for t, _ in dev])):
        predicted, expected = set(tagging.themes), set(truth)
        exact += predicted == expected
        for key in keys:
            counts[key][0] += key in predicted and key in expected
            counts[key][1] += key in predicted and key not in expected
            counts[key][2] += key not in predicted and key in expected
    print(f"Dev set: {len(dev)} comments (training set {len(train)}; {len(overlap)} texts in both)\n")
    print(f"{'theme':<12}{'precision':>10}{'recall':>8}{'F1':>7}{'support':>9}")
    f1s = []
    for key in keys:
        tp, fp, fn = counts[key]
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        f1s.append(f1)
        print(f"{key:<12}{precision:>10.2f}{recall:>8.2f}{f1:>7.2f}{tp + fn:>9}")
    print(f"\nmacro-F1 {sum(f1s) / len(f1s):.3f}   exact theme sets {exact / len(dev):.0%}")

    path = DATA / "safeguarding.jsonl"
    if path.exists():
        rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
        risks = [r for r in rows if r["risk"]]
        safe = [r for r in rows if not r["risk"]]
        caught = sum(bool(check(r["text"])) for r in risks)
        alarms = [r["text"] for r in safe if check(r["text"])]
        missed = [r["text"] for r in risks if not check(r["text"])]
        print(f"\nSafeguarding: caught {caught} of {len(risks)} risk texts ({caught / len(risks):.0%}); "
              f"false alarms {len(alarms)} of {len(safe)} ({len(alarms) / len(safe):.0%})")
        for text in missed[:10]:
            print(f"  missed: {text}")
        for text in alarms[:10]:
            print(f"  false alarm: {text}")


if __name__ == "__main__":
    main()
