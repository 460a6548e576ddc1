"""Training the theme model, shared by `bench/train_themes.py` (make model) and `bench/themes_eval.py`.

Data: the shared corpus of published texts (`../shared/corpus/themes-public.jsonl`, read where it
lies, never copied), the extra paraphrases in `bench/data/themes-extra.jsonl` (both with their
organisation, which groups the folds) and the product's own example comments
(`participation/analysis/data/themes_*.jsonl`, always on the training side, never scored).

Model: one-vs-rest logistic regression (scikit-learn, liblinear) over the features of
`participation.analysis.themes.feature_counts`. Thresholds for a second theme are chosen per theme on
out-of-fold scores of the training part only (grouped folds again), so the evaluation is nested.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from participation.analysis.tagger import DEFAULT_NAMES, load_examples  # noqa: E402
from participation.analysis.themes import ThemeModel, choose, feature_counts  # noqa: E402
from participation.analysis.tokens import tokenize  # noqa: E402

KEYS = tuple(DEFAULT_NAMES)
CORPUS = Path(os.environ.get("THEMES_CORPUS", ROOT.parent.parent / "shared" / "corpus" / "themes-public.jsonl"))
if not CORPUS.exists():
    CORPUS = Path("/work/shared/corpus/themes-public.jsonl")
EXTRA = ROOT / "bench" / "data" / "themes-extra.jsonl"
PRODUCT = ("themes_train.jsonl", "themes_dev.jsonl", "themes_test.jsonl")
#: Inverse L2 strength of the logistic regressions (chosen on the grouped folds: see README).
C = 10.0
IDF = os.environ.get("THEMES_IDF", "1") == "1"
THRESHOLDS = np.round(np.arange(0.20, 0.96, 0.05), 2)


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def published() -> list[dict]:
    """The published texts with their themes and organisation: the shared corpus and the extra ones."""
    if not CORPUS.exists():
        raise SystemExit(f"the shared corpus is not at {CORPUS} (set THEMES_CORPUS)")
    rows = read_jsonl(CORPUS) + read_jsonl(EXTRA)
    return [{"text": r["text"], "themes": [k for k in r["themes"] if k in KEYS],
             "group": r["organisation"].strip().lower()} for r in rows]


def product() -> list[dict]:
    return [{"text": t, "themes": list(k), "group": "product"} for name in PRODUCT for t, k in load_examples(name)]


def matrix(texts, vocabulary: dict[str, int] | None = None):
    """Sparse feature matrix; a vocabulary is built (sorted, so reproducible) unless given."""
    from scipy.sparse import csr_matrix

    dicts = [feature_counts(tokenize(t)) for t in texts]
    if vocabulary is None:
        vocabulary = {name: i for i, name in enumerate(sorted({f for d in dicts for f in d}))}
    rows, cols, vals = [], [], []
    for n, d in enumerate(dicts):
        for name, value in d.items():
            index = vocabulary.get(name)
            if index is not None:
                rows.append(n)
                cols.append(index)
                vals.append(value)
    return csr_matrix((vals, (rows, cols)), shape=(len(texts), len(vocabulary))), vocabulary


def labels(rows) -> np.ndarray:
    return np.array([[k in r["themes"] for k in KEYS] for r in rows], dtype=int)


def fit(rows, c: float = C) -> ThemeModel:
    """Logistic regressions for the five themes on these rows (thresholds left at 0.5).

    Each feature is weighted by its inverse document frequency while training; the weight is folded
    into the shipped coefficients, so tagging needs no separate step for it.
    """
    from scipy.sparse import diags
    from sklearn.linear_model import LogisticRegression

    x, vocabulary = matrix([r["text"] for r in rows])
    df = np.bincount(x.indices, minlength=x.shape[1])
    idf = np.log((1 + x.shape[0]) / (1 + df)) + 1.0 if IDF else np.ones(x.shape[1])
    x = x @ diags(idf)
    y = labels(rows)
    weights = np.zeros((len(vocabulary), len(KEYS)))
    intercepts = np.zeros(len(KEYS))
    for j in range(len(KEYS)):
        lr = LogisticRegression(C=c, solver="liblinear", class_weight="balanced", max_iter=1000, random_state=0)
        lr.fit(x, y[:, j])
        weights[:, j] = lr.coef_[0] * idf
        intercepts[j] = lr.intercept_[0]
    return ThemeModel(KEYS, vocabulary, weights, intercepts, np.full(len(KEYS), 0.5))


def predict_proba(model: ThemeModel, texts) -> np.ndarray:
    return np.array([model.probabilities(tokenize(t)) for t in texts])


def assign(probabilities: np.ndarray, texts, thresholds) -> np.ndarray:
    """0/1 themes per text by the product's rule (best theme, then any other over its threshold)."""
    out = np.zeros_like(probabilities, dtype=int)
    for n, (p, text) in enumerate(zip(probabilities, texts)):
        for key in choose(KEYS, p, thresholds, tokenize(text)):
            out[n, KEYS.index(key)] = 1
    return out


def f1(y: np.ndarray, pred: np.ndarray) -> np.ndarray:
    tp = (y & pred).sum(axis=0)
    fp = ((1 - y) & pred).sum(axis=0)
    fn = (y & (1 - pred)).sum(axis=0)
    denom = 2 * tp + fp + fn
    return np.where(denom > 0, 2 * tp / np.maximum(denom, 1), 0.0)


def folds(groups, k: int, seed: int = 0):
    """Grouped folds: every organisation's texts all in one fold."""
    from sklearn.model_selection import GroupKFold

    return GroupKFold(n_splits=k, shuffle=True, random_state=seed).split(np.zeros(len(groups)), groups=groups)


def pick_thresholds(rows, extra_rows, k: int = 4, c: float = C) -> np.ndarray:
    """Per-theme thresholds for a second theme, from grouped out-of-fold scores of these rows."""
    texts = [r["text"] for r in rows]
    groups = [r["group"] for r in rows]
    proba = np.zeros((len(rows), len(KEYS)))
    for train, test in folds(groups, k, seed=1):
        model = fit([rows[i] for i in train] + extra_rows, c)
        proba[test] = predict_proba(model, [texts[i] for i in test])
    y = labels(rows)
    best = np.full(len(KEYS), 0.5)
    top = proba.argmax(axis=1)
    for j in range(len(KEYS)):
        scores = []
        for t in THRESHOLDS:
            pred = (top == j) | (proba[:, j] >= t)
            tp = int((pred & (y[:, j] == 1)).sum())
            fp = int((pred & (y[:, j] == 0)).sum())
            fn = int((~pred & (y[:, j] == 1)).sum())
            scores.append(2 * tp / max(1, 2 * tp + fp + fn))
        best[j] = THRESHOLDS[int(np.argmax(scores))]
    return best


def train_shipped(c: float = C) -> ThemeModel:
    """The shipped model: every published and product text, thresholds from grouped folds over them."""
    rows, own = published(), product()
    model = fit(rows + own, c)
    model.thresholds = pick_thresholds(rows, own, c=c)
    # Features with no weight to speak of are left out: a smaller file, the same tags.
    keep = np.abs(model.weights).max(axis=1) >= 1e-4
    names = sorted(model.features, key=model.features.get)
    kept = [n for n, k in zip(names, keep) if k]
    return ThemeModel(KEYS, {n: i for i, n in enumerate(kept)}, model.weights[keep], model.intercepts,
                      model.thresholds)
