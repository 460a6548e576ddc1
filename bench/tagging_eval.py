"""A smoke test of the tagger on the product's own example comments (dev and test sets).

These comments were written for the product and the shipped theme model is trained on them
(`bench/theme_training.py`), so the figures only show nothing is broken: they are not the accuracy.
The accuracy is measured on published texts under folds grouped by organisation (`bench/themes_eval.py`).
Prints per-theme precision, recall and F1 and the macro-F1 for each, then safeguarding recall and false
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


def report(name: str, examples, tagger, train_texts: set[str]) -> float:
    """Print per-theme precision, recall and F1 for one labelled set; return the macro-F1."""
    overlap = {t.lower() for t, _ in examples} & train_texts
    keys = tagger.taxonomy.keys
    counts = {k: [0, 0, 0] for k in keys}  # true positives, false positives, false negatives
    exact = 0
    for (text, truth), tagging in zip(examples, tagger.tag_many([t for t, _ in examples])):
        predicted, expected = set(tagging.themes), set(truth)
        exact += predicted == expected
        for key in keys:
            counts[key][0] += key in predicted and key in expected
            counts[key][1] += key in predicted and key not in expected
            counts[key][2] += key not in predicted and key in expected
    print(f"{name}: {len(examples)} comments ({len(overlap)} texts also in training)")
    print(f"{'theme':<12}{'precision':>10}{'recall':>8}{'F1':>7}{'support':>9}")
    f1s = []
    for key in keys:
        tp, fp, fn = counts[key]
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        f1s.append(f1)
        print(f"{key:<12}{precision:>10.2f}{recall:>8.2f}{f1:>7.2f}{tp + fn:>9}")
    macro = sum(f1s) / len(f1s)
    print(f"macro-F1 {macro:.3f}   exact theme sets {exact / len(examples):.0%}\n")
    return macro


def main() -> None:
    train = load_examples("themes_train.jsonl")
    train_texts = {t.lower() for t, _ in train}
    tagger = build_tagger()
    print(f"Training set: {len(train)} comments\n")
    # Both sets are in the shipped model's training data: a smoke test, not the accuracy.
    for name, filename in (("Dev set (written for the product, trained on: smoke test)", "themes_dev.jsonl"),
                           ("Test set (written for the product, trained on: smoke test)", "themes_test.jsonl")):
        examples = load_examples(filename)
        if not examples:
            raise SystemExit(f"no labelled set at {DATA / filename}")
        report(name, examples, tagger, train_texts)

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
