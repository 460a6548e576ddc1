"""Theme tagging under cross-validation grouped by organisation, on published texts nobody here wrote.

No organisation's texts are ever in both the training and the scored part. The product's own example
comments are always on the training side and never scored. Prints, for the shipped configuration
(and with --compare the earlier Naive Bayes with keywords), per-theme F1 and macro-F1 with 95%
intervals from a bootstrap over organisations.

    python bench/themes_eval.py [--folds 5] [--compare] [--c 10]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import theme_training as tt  # noqa: E402


def lr_predictions(rows, own, k: int, c: float) -> np.ndarray:
    texts = [r["text"] for r in rows]
    pred = np.zeros((len(rows), len(tt.KEYS)), dtype=int)
    for train, test in tt.folds([r["group"] for r in rows], k):
        train_rows = [rows[i] for i in train]
        model = tt.fit(train_rows + own, c)
        thresholds = tt.pick_thresholds(train_rows, own, c=c)  # nested: chosen on the training part only
        test_texts = [texts[i] for i in test]
        pred[test] = tt.assign(tt.predict_proba(model, test_texts), test_texts, thresholds)
    return pred


def naive_bayes_predictions(rows, k: int) -> np.ndarray:
    """The earlier tagger: Naive Bayes on the product's examples plus keywords, given the training folds too."""
    from naive_bayes import train
    from participation.analysis.tagger import Tagger, default_taxonomy, load_examples

    texts = [r["text"] for r in rows]
    pred = np.zeros((len(rows), len(tt.KEYS)), dtype=int)
    taxonomy = default_taxonomy()
    for train_idx, test in tt.folds([r["group"] for r in rows], k):
        examples = [(t, list(k)) for name in tt.PRODUCT for t, k in load_examples(name)]
        examples += [(rows[i]["text"], rows[i]["themes"]) for i in train_idx]
        tagger = Tagger(taxonomy, train(examples, taxonomy.keys))
        for i in test:
            scores = tagger.scores(tt.tokenize(texts[i]))
            for key, value in scores.items():
                pred[i, tt.KEYS.index(key)] = value >= 0.6
    return pred


def report(name: str, rows, pred: np.ndarray, rounds: int = 1000) -> None:
    y = tt.labels(rows)
    groups = sorted({r["group"] for r in rows})
    members = {g: [] for g in groups}
    for n, r in enumerate(rows):
        members[r["group"]].append(n)
    point = tt.f1(y, pred)
    rng = np.random.default_rng(0)
    samples = []
    for _ in range(rounds):
        picked = rng.choice(len(groups), size=len(groups), replace=True)
        index = np.concatenate([members[groups[g]] for g in picked])
        samples.append(tt.f1(y[index], pred[index]))
    samples = np.array(samples)
    low, high = np.percentile(samples, [2.5, 97.5], axis=0)
    macro = samples.mean(axis=1)
    print(f"{name}")
    print(f"  {'theme':<12}{'F1':>6}  {'95% interval':<14}{'support':>8}")
    for j, key in enumerate(tt.KEYS):
        print(f"  {key:<12}{point[j]:>6.3f}  {low[j]:.3f}-{high[j]:.3f}{int(y[:, j].sum()):>10}")
    m_low, m_high = np.percentile(macro, [2.5, 97.5])
    exact = float((pred == y).all(axis=1).mean())
    print(f"  macro-F1 {point.mean():.3f} (95% interval {m_low:.3f}-{m_high:.3f}); exact theme sets {exact:.0%}\n")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--c", type=float, default=tt.C)
    parser.add_argument("--compare", action="store_true", help="also score the earlier Naive Bayes tagger")
    args = parser.parse_args()
    rows, own = tt.published(), tt.product()
    print(f"{len(rows)} published texts from {len({r['group'] for r in rows})} organisations, "
          f"{args.folds} folds grouped by organisation; {len(own)} product examples always in training\n")
    if args.compare:
        report("Earlier tagger: Naive Bayes and keywords (threshold 0.6)", rows, naive_bayes_predictions(rows, args.folds))
    report(f"Shipped configuration: logistic regression per theme, words, pairs and letter groups (C={args.c:g}), "
           "thresholds chosen inside each fold", rows, lr_predictions(rows, own, args.folds, args.c))


if __name__ == "__main__":
    main()
