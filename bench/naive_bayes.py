"""The earlier theme classifier (TextBlob's Naive Bayes with keywords), kept to compare against: bench/themes_eval.py --compare.

One yes/no classifier per theme lets a comment carry several themes. Training goes through
TextBlob's NaiveBayesClassifier (NLTK underneath) with our own feature extractor over token
lists, so nothing needs NLTK data. The trained probabilities are then copied into plain
dictionaries, so scoring a comment is a few dictionary look-ups per word.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Iterable, Sequence

from participation.analysis.tokens import features, tokenize

YES, NO = "yes", "no"
#: Words whose evidence is weaker than this (in natural log-odds) are dropped from a compiled model:
#: they barely move a score, and skipping them keeps tagging fast (see bench/tagging_speed.py).
MIN_WEIGHT = 1.0


@dataclass(frozen=True)
class ThemeModel:
    """Log-probabilities for one theme: the prior of yes/no and each feature's weight of evidence."""

    prior: float  # log P(yes) - log P(no)
    weights: dict[str, float]  # log P(f|yes) - log P(f|no), only for features that matter


def _extractor(document, train_set=None) -> dict[str, bool]:
    return {f: True for f in document}


def train_theme(examples: Sequence[tuple[frozenset[str], bool]], min_count: int = 1,
                min_weight: float = MIN_WEIGHT) -> ThemeModel:
    """Train a yes/no Naive Bayes model for one theme with TextBlob, then compile it."""
    from textblob.classifiers import NaiveBayesClassifier

    data = [(sorted(feats), YES if label else NO) for feats, label in examples]
    if not any(label for _, label in examples) or all(label for _, label in examples):
        return ThemeModel(prior=-5.0 if not any(label for _, label in examples) else 5.0, weights={})
    model = NaiveBayesClassifier(data, feature_extractor=_extractor).classifier
    label_dist = model._label_probdist
    prior = label_dist.logprob(YES) - label_dist.logprob(NO)
    weights = {}
    counts: dict[str, int] = {}
    for feats, _ in examples:
        for f in feats:
            counts[f] = counts.get(f, 0) + 1
    for (label, fname), dist in model._feature_probdist.items():
        if label != YES or counts.get(fname, 0) < min_count:
            continue
        other = model._feature_probdist.get((NO, fname))
        if other is None:
            continue
        weight = (dist.logprob(True) - other.logprob(True)) * math.log(2)  # NLTK logs are base 2
        if abs(weight) >= min_weight:
            weights[fname] = weight
    return ThemeModel(prior=prior * math.log(2), weights=weights)


def train(labelled: Iterable[tuple[str, Sequence[str]]], theme_keys: Sequence[str]) -> dict[str, ThemeModel]:
    """Train one model per theme from (text, theme keys) pairs."""
    rows = [(frozenset(features(tokenize(text))), set(themes)) for text, themes in labelled]
    return {key: train_theme([(feats, key in themes) for feats, themes in rows]) for key in theme_keys}


def logistic(score: float) -> float:
    """Turn log-odds into a probability."""
    if score > 30:
        return 1.0
    if score < -30:
        return 0.0
    return 1.0 / (1.0 + math.exp(-score))


def probability(model: ThemeModel, feats: Iterable[str]) -> float:
    """P(theme | features) from a compiled model."""
    weights = model.weights
    return logistic(model.prior + sum(weights.get(f, 0.0) for f in feats))
