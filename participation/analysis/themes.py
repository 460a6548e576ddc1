"""The theme model: one logistic regression per theme over words, word pairs and letter groups.

The model is learnt from published council texts and young people's quotes (see README, "What young
people write") by `bench/train_themes.py` and shipped as numbers in `data/theme_model.npz`: the
features it knows, one weight per feature and theme, an intercept and a threshold per theme. Here
it is only read and applied, with numpy: loading takes milliseconds and nothing is trained at run time
unless a council's own themes or officers' confirmed comments call for it (`fine_tune`).

A comment's features are its words, its word pairs (and a word after a negation marked "not_x"),
and the groups of 3 to 5 letters inside each word ("<cam", "camh", "mhs>"), so misspellings and
word endings still count. Each word's letter groups are looked up once and cached.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np

from participation.analysis.tokens import NEGATIONS

MODEL_PATH = Path(__file__).parent / "data" / "theme_model.npz"
#: Letter groups of these lengths are taken inside each word, with "<" and ">" marking its ends.
GRAMS = (3, 4, 5)
#: How many distinct words' weights are kept ready, at most.
WORDS_KEPT = 200_000
#: Tokens that carry no theme on their own and start no word pair feature.
_PUNCTUATION = frozenset({"!", "?"})
#: Answers that say nothing, so get no theme however the model scores them.
NOTHING = frozenset({
    "no", "nothing", "none", "idk", "dunno", "n/a", "na", "nope", "not sure", "no comment", "nothing really",
    "i don't know", "dont know", "don't know", "i dont know", "no thanks", "yes", "ok", "okay", "fine",
})


def letter_groups(word: str) -> list[str]:
    """The 3- to 5-letter groups of a word, marked as such ("#<ca") so they never clash with words."""
    padded = f"<{word}>"
    return [f"#{padded[i:i + n]}" for n in GRAMS for i in range(len(padded) - n + 1)]


def word_features(tokens: Sequence[str]) -> tuple[list[str], list[str]]:
    """The distinct words of a comment, and its distinct word pairs and negated words."""
    words = list(dict.fromkeys(t for t in tokens if t not in _PUNCTUATION))
    pairs: dict[str, None] = {}
    previous = ""
    negate = False
    for token in tokens:
        if token in _PUNCTUATION:
            previous, negate = "", False
            continue
        if previous:
            pairs[f"{previous} {token}"] = None
        if negate and token not in NEGATIONS:
            pairs[f"not_{token}"] = None
            negate = False
        if token in NEGATIONS:
            negate = True
        previous = token
    return words, list(pairs)


def scale(n_words: int, n_pairs: int) -> float:
    """What a comment's summed feature weights are multiplied by, so long comments do not shout."""
    return 1.0 / math.sqrt(1.0 + n_words + n_pairs)


def feature_counts(tokens: Sequence[str]) -> dict[str, float]:
    """The comment as the model sees it: feature -> value (the same sum `ThemeModel.logits` takes)."""
    words, pairs = word_features(tokens)
    s = scale(len(words), len(pairs))
    counts: dict[str, float] = {}
    for word in words:
        counts[word] = counts.get(word, 0.0) + s
        for group in letter_groups(word):
            counts[group] = counts.get(group, 0.0) + s
    for pair in pairs:
        counts[pair] = counts.get(pair, 0.0) + s
    return counts


@dataclass
class ThemeModel:
    """One linear model per theme over named features, with the threshold each theme is given at."""

    keys: tuple[str, ...]
    features: dict[str, int]
    weights: np.ndarray  # (features, themes), float64
    intercepts: np.ndarray  # (themes,)
    thresholds: np.ndarray  # (themes,)
    #: Word -> its row in a table of its own weight plus its letter groups' weights, filled as words are met.
    _word_row: dict[str, int] = field(default_factory=dict, init=False, repr=False)
    _table: np.ndarray = field(init=False, repr=False)
    _pending: list = field(default_factory=list, init=False, repr=False)

    def __post_init__(self) -> None:
        # Row 0 of the word table and the last row of the padded weights are zeros: a comment's
        # sums always start from them, so a comment with no known words still gets its intercepts.
        self._table = np.zeros((1, len(self.keys)))
        self._padded = np.vstack([self.weights, np.zeros((1, len(self.keys)))])
        self._zero = len(self.weights)

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> "ThemeModel":
        """Read a model written by `save` (numbers only: nothing in the file is run)."""
        with np.load(path, allow_pickle=False) as data:
            names = data["features"].tolist()
            return cls(tuple(data["themes"].tolist()), {name: i for i, name in enumerate(names)},
                       data["weights"].astype(np.float64), data["intercepts"].astype(np.float64),
                       data["thresholds"].astype(np.float64))

    def save(self, path: Path) -> None:
        """Write the model's numbers, features in a fixed order so the same model gives the same file."""
        order = sorted(self.features, key=self.features.__getitem__)
        np.savez_compressed(
            path, themes=np.array(self.keys), features=np.array(order),
            weights=self.weights.astype(np.float32), intercepts=self.intercepts.astype(np.float32),
            thresholds=self.thresholds.astype(np.float32))

    def _word_rows(self, words: Sequence[str]) -> list[int]:
        """Rows of the word table (a word's own weight plus its letter groups') for these words."""
        rows = self._word_row
        found = []
        for word in words:
            row = rows.get(word)
            if row is None:
                index = [i for i in map(self.features.get, [word, *letter_groups(word)]) if i is not None]
                row = len(self._table) + len(self._pending)
                if len(rows) < WORDS_KEPT:  # past it, a word is looked up afresh each time (bounded memory)
                    rows[word] = row
                self._pending.append(self.weights[index].sum(axis=0) if index else np.zeros(len(self.keys)))
            found.append(row)
        return found

    def logits_many(self, token_lists: Sequence[Sequence[str]]) -> np.ndarray:
        """Each theme's log-odds for each comment, (comments, themes), computed for all at once."""
        count = len(token_lists)
        if not count:
            return np.zeros((0, len(self.keys)))
        features = self.features
        zero = self._zero
        word_rows: list[int] = []
        pair_rows: list[int] = []
        word_starts, pair_starts, scales = [], [], []
        for tokens in token_lists:
            words, pairs = word_features(tokens)
            word_starts.append(len(word_rows))
            pair_starts.append(len(pair_rows))
            word_rows.append(0)
            word_rows.extend(self._word_rows(words))
            pair_rows.append(zero)
            pair_rows.extend(features.get(p, zero) for p in pairs)
            scales.append(scale(len(words), len(pairs)))
        if self._pending:
            self._table = np.vstack([self._table, np.array(self._pending)])
            self._pending.clear()
        total = np.add.reduceat(self._table[word_rows], word_starts, axis=0)
        total += np.add.reduceat(self._padded[pair_rows], pair_starts, axis=0)
        self._table = self._table[: len(self._word_row) + 1]  # words not kept are dropped again
        return self.intercepts + np.array(scales)[:, None] * total

    def probabilities_many(self, token_lists: Sequence[Sequence[str]]) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-self.logits_many(token_lists)))

    def probabilities(self, tokens: Sequence[str]) -> np.ndarray:
        return self.probabilities_many([tokens])[0]

    def changes_from(self, base: "ThemeModel") -> dict:
        """This model as plain data, by what differs from a base model (for storing a retrained one)."""
        names = sorted(self.features, key=self.features.__getitem__)
        old = np.zeros((len(names), len(self.keys)))
        for j, key in enumerate(self.keys):
            if key in base.keys:
                b = base.keys.index(key)
                known = [i for i, n in enumerate(names) if n in base.features]
                old[known, j] = base.weights[[base.features[names[i]] for i in known], b]
        changed = np.flatnonzero(np.abs(self.weights - old).max(axis=1) > 1e-6)
        return {"format": "theme-model-1", "keys": list(self.keys), "intercepts": self.intercepts.tolist(),
                "thresholds": self.thresholds.tolist(),
                "weights": {names[i]: self.weights[i].tolist() for i in changed.tolist()}}

    @classmethod
    def from_changes(cls, base: "ThemeModel", payload: dict) -> "ThemeModel":
        """The model `changes_from` described, rebuilt on the same base."""
        keys = tuple(payload["keys"])
        features = dict(base.features)
        for name in payload["weights"]:
            features.setdefault(name, len(features))
        weights = np.zeros((len(features), len(keys)))
        for j, key in enumerate(keys):
            if key in base.keys:
                weights[: len(base.features), j] = base.weights[:, base.keys.index(key)]
        for name, row in payload["weights"].items():
            weights[features[name]] = row
        return cls(keys, features, weights, np.array(payload["intercepts"], dtype=np.float64),
                   np.array(payload["thresholds"], dtype=np.float64))

    def subset(self, keys: Sequence[str]) -> "ThemeModel":
        """The same model for some of its themes only, in the order given."""
        index = [self.keys.index(k) for k in keys]
        return ThemeModel(tuple(keys), self.features, self.weights[:, index], self.intercepts[index],
                          self.thresholds[index])



def says_something(tokens: Sequence[str]) -> bool:
    """Whether a comment has words to tag at all ("idk", "no", "ok" do not)."""
    words = [t for t in tokens if t not in _PUNCTUATION]
    return bool(words) and " ".join(words) not in NOTHING


def choose(keys: Sequence[str], probabilities: Sequence[float], thresholds: Sequence[float] | np.ndarray,
           tokens: Sequence[str]) -> tuple[str, ...]:
    """The themes given: the best one whenever the comment says something, then any other over its threshold."""
    if not keys or not says_something(tokens):
        return ()
    order = sorted(range(len(keys)), key=lambda i: -probabilities[i])
    return (keys[order[0]],) + tuple(keys[i] for i in order[1:] if probabilities[i] >= thresholds[i])


def fine_tune(base: ThemeModel | None, keys: Sequence[str], examples: Iterable[tuple[Sequence[str], Sequence[str]]],
              strength: float = 0.2, steps: int = 200, weights_of: Sequence[float] | None = None) -> ThemeModel:
    """Adjust a model to new labelled comments (tokens, theme keys), staying close to what it knew.

    Each theme's weights move from the base model's (zero for a theme it lacks) to fit the new
    examples, with an L2 pull back towards the base of `strength`; each theme's examples count as much
    in total as the rest. So a few confirmed comments teach new words without unlearning the published
    texts, and a council's own theme is learnt from its words and examples alone. Gradient descent
    (Adam) over the sparse features, with numpy and scipy: a thousand comments take a fraction of a second.
    """
    from scipy.sparse import csr_matrix

    keys = tuple(keys)
    features = dict(base.features) if base else {}
    rows, cols, vals, labels = [], [], [], []
    for n, (tokens, themes) in enumerate(examples):
        for name, value in feature_counts(tokens).items():
            rows.append(n)
            cols.append(features.setdefault(name, len(features)))
            vals.append(value)
        labels.append([k in themes for k in keys])
    base_keys = base.keys if base else ()
    weights = np.zeros((len(features), len(keys)))
    intercepts = np.full(len(keys), -2.0)
    thresholds = np.full(len(keys), 0.5)
    for j, key in enumerate(keys):
        if base is not None and key in base_keys:
            i = base_keys.index(key)
            weights[: len(base.features), j] = base.weights[:, i]
            intercepts[j], thresholds[j] = base.intercepts[i], base.thresholds[i]
    if not labels:
        return ThemeModel(keys, features, weights, intercepts, thresholds)
    used, local = np.unique(np.array(cols, dtype=np.int64), return_inverse=True)
    x = csr_matrix((vals, (rows, local)), shape=(len(labels), len(used)))
    xt = x.T.tocsr()
    y = np.array(labels, dtype=np.float64)
    positives = y.sum(axis=0)
    # Balanced: positives and negatives of each theme weigh half each (a theme with no example: as they are).
    balance = np.where(y > 0, 0.5 / np.maximum(positives, 1), 0.5 / np.maximum(len(y) - positives, 1))
    if weights_of is not None:  # some examples (a council's own) count more than others
        counted = np.asarray(weights_of, dtype=np.float64)[:, None]
        balance = np.where(y > 0, 0.5 / np.maximum((counted * y).sum(axis=0), 1),
                           0.5 / np.maximum((counted * (1 - y)).sum(axis=0), 1)) * counted
    start_w = weights[used].copy()
    new = np.array([k not in base_keys for k in keys], dtype=np.float64)
    w, b = start_w.copy(), intercepts.copy()
    m_w, v_w, m_b, v_b = np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b)
    rate, beta1, beta2 = 0.1, 0.9, 0.999
    for step in range(1, steps + 1):
        p = 1.0 / (1.0 + np.exp(-(np.asarray(x @ w) + b)))
        err = (p - y) * balance
        g_w = xt @ err + strength / len(y) * (w - start_w)
        g_b = err.sum(axis=0) * new  # a theme the base model knows keeps its intercept
        m_w = beta1 * m_w + (1 - beta1) * g_w
        v_w = beta2 * v_w + (1 - beta2) * g_w ** 2
        m_b = beta1 * m_b + (1 - beta1) * g_b
        v_b = beta2 * v_b + (1 - beta2) * g_b ** 2
        correction = math.sqrt(1 - beta2 ** step) / (1 - beta1 ** step)
        w -= rate * correction * m_w / (np.sqrt(v_w) + 1e-8)
        b -= rate * correction * m_b / (np.sqrt(v_b) + 1e-8)
    weights[used] = w
    return ThemeModel(keys, features, weights, b, thresholds)
