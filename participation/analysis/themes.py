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
    #: Word -> its own weight plus its letter groups' weights, filled in as words are met.
    _words: dict[str, np.ndarray] = field(default_factory=dict, init=False, repr=False)

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
        order = sorted(self.features, key=self.features.get)
        np.savez_compressed(
            path, themes=np.array(self.keys), features=np.array(order),
            weights=self.weights.astype(np.float32), intercepts=self.intercepts.astype(np.float32),
            thresholds=self.thresholds.astype(np.float32))

    def _word(self, word: str) -> np.ndarray | None:
        cached = self._words.get(word)
        if cached is None:
            rows = [i for i in map(self.features.get, [word, *letter_groups(word)]) if i is not None]
            cached = self.weights[rows].sum(axis=0) if rows else _NONE
            if len(self._words) < 200_000:
                self._words[word] = cached
        return cached if cached is not _NONE else None

    def logits(self, tokens: Sequence[str]) -> np.ndarray:
        """Each theme's log-odds for one comment."""
        words, pairs = word_features(tokens)
        total = np.zeros(len(self.keys))
        for word in words:
            vector = self._word(word)
            if vector is not None:
                total += vector
        rows = [i for i in map(self.features.get, pairs) if i is not None]
        if rows:
            total += self.weights[rows].sum(axis=0)
        return self.intercepts + scale(len(words), len(pairs)) * total

    def probabilities(self, tokens: Sequence[str]) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-self.logits(tokens)))

    def subset(self, keys: Sequence[str]) -> "ThemeModel":
        """The same model for some of its themes only, in the order given."""
        index = [self.keys.index(k) for k in keys]
        return ThemeModel(tuple(keys), self.features, self.weights[:, index], self.intercepts[index],
                          self.thresholds[index])


_NONE = np.zeros(0)


def says_something(tokens: Sequence[str]) -> bool:
    """Whether a comment has words to tag at all ("idk", "no", "ok" do not)."""
    words = [t for t in tokens if t not in _PUNCTUATION]
    return bool(words) and " ".join(words) not in NOTHING


def choose(keys: Sequence[str], probabilities: Sequence[float], thresholds: Sequence[float],
           tokens: Sequence[str]) -> tuple[str, ...]:
    """The themes given: the best one whenever the comment says something, then any other over its threshold."""
    if not keys or not says_something(tokens):
        return ()
    order = sorted(range(len(keys)), key=lambda i: -probabilities[i])
    return (keys[order[0]],) + tuple(keys[i] for i in order[1:] if probabilities[i] >= thresholds[i])


def fine_tune(base: ThemeModel | None, keys: Sequence[str], examples: Iterable[tuple[Sequence[str], Sequence[str]]],
              strength: float = 1.0, steps: int = 300) -> ThemeModel:
    """Adjust a model to new labelled comments (tokens, theme keys), staying close to what it knew.

    Each theme's weights move from the base model's (zero for a theme it lacks) to fit the new
    examples, with an L2 pull back towards the base of `strength`: a few confirmed comments teach
    new words without unlearning the published texts. Plain numpy gradient descent over the sparse
    features: a thousand comments take well under a second.
    """
    keys = tuple(keys)
    features = dict(base.features) if base else {}
    rows, cols, vals, labels = [], [], [], []
    for n, (tokens, themes) in enumerate(examples):
        for name, value in feature_counts(tokens).items():
            index = features.setdefault(name, len(features))
            rows.append(n)
            cols.append(index)
            vals.append(value)
        labels.append([k in themes for k in keys])
    count = len(labels)
    base_keys = base.keys if base else ()
    weights = np.zeros((len(features), len(keys)))
    intercepts = np.full(len(keys), -2.0)
    thresholds = np.full(len(keys), 0.5)
    for j, key in enumerate(keys):
        if key in base_keys:
            b = base_keys.index(key)
            weights[: len(base.features), j] = base.weights[:, b]
            intercepts[j], thresholds[j] = base.intercepts[b], base.thresholds[b]
    if not count:
        return ThemeModel(keys, features, weights, intercepts, thresholds)
    r, c, v = np.array(rows), np.array(cols), np.array(vals)
    y = np.array(labels, dtype=np.float64)
    used = np.unique(c)
    start_w, start_b = weights[used].copy(), intercepts.copy()
    local = np.searchsorted(used, c)
    w, b = start_w.copy(), start_b.copy()
    # Adam on the mean log-loss plus the pull towards the starting weights.
    m_w, v_w, m_b, v_b = np.zeros_like(w), np.zeros_like(w), np.zeros_like(b), np.zeros_like(b)
    rate, beta1, beta2 = 0.1, 0.9, 0.999
    for step in range(1, steps + 1):
        z = np.zeros((count, len(keys)))
        np.add.at(z, r, v[:, None] * w[local])
        z += b
        p = 1.0 / (1.0 + np.exp(-z))
        err = (p - y) / count
        g_w = np.zeros_like(w)
        np.add.at(g_w, local, v[:, None] * err[r])
        g_w += strength / count * (w - start_w)
        g_b = err.sum(axis=0)
        m_w = beta1 * m_w + (1 - beta1) * g_w
        v_w = beta2 * v_w + (1 - beta2) * g_w ** 2
        m_b = beta1 * m_b + (1 - beta1) * g_b
        v_b = beta2 * v_b + (1 - beta2) * g_b ** 2
        correction = math.sqrt(1 - beta2 ** step) / (1 - beta1 ** step)
        w -= rate * correction * m_w / (np.sqrt(v_w) + 1e-8)
        b -= rate * correction * m_b / (np.sqrt(v_b) + 1e-8)
    weights[used] = w
    return ThemeModel(keys, features, weights, b, thresholds)

