"""Tag comments with themes, sentiment, safeguarding flags and a redacted copy."""

from __future__ import annotations

import gc
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from participation.analysis import classifier, redaction, safeguarding, sentiment
from participation.analysis.classifier import ThemeModel
from participation.analysis.taxonomy import DEFAULT_KEYWORDS, Taxonomy, ThemeSpec
from participation.analysis.tokens import features, tokenize

DATA = Path(__file__).parent / "data"
DEFAULT_NAMES = {
    "involve-me": "Involve me", "safe-home": "Provide me with a good, safe home", "healthy": "Keep me healthy",
    "achieve": "Help me to achieve", "adult-life": "Support me to move to adult life",
}
#: A theme is given when its combined score reaches this.
THRESHOLD = 0.6
#: Naive Bayes counts overlapping word features as independent and is overconfident; dividing its
#: log-odds by this brings its probabilities back in line (chosen by cross-validation, like the rest).
TEMPERATURE = 6.0
#: How far the classifier alone can take a theme's score (the keywords can take it the rest of the way).
MODEL_WEIGHT = 0.7
#: How much one keyword counts towards a theme; chosen with the threshold by 4-fold cross-validation on the training set.
KEYWORD_WEIGHT = 0.55


@dataclass(frozen=True)
class Tagging:
    """What the tagger made of one comment."""

    themes: tuple[str, ...]
    scores: Mapping[str, float]
    sentiment: float
    safeguarding: bool
    safeguarding_reasons: tuple[str, ...]
    redacted: str

    @property
    def confidence(self) -> float:
        """How sure the tagger is of its best theme, or of there being none."""
        if not self.scores:
            return 0.0
        best = max(self.scores.values())
        return best if self.themes else 1.0 - best


def default_taxonomy() -> Taxonomy:
    """The five outcomes of the Corporate Parenting Strategy with their keywords."""
    return Taxonomy(tuple(ThemeSpec(key, DEFAULT_NAMES[key], DEFAULT_KEYWORDS[key]) for key in DEFAULT_NAMES))


def load_examples(name: str = "themes_train.jsonl") -> list[tuple[str, tuple[str, ...]]]:
    """Labelled comments shipped with the product: (text, theme keys)."""
    path = DATA / name
    if not path.exists():
        return []
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            rows.append((row["text"], tuple(row["themes"])))
    return rows


@dataclass
class Tagger:
    """A taxonomy with its trained models and compiled keyword patterns."""

    taxonomy: Taxonomy
    models: dict[str, ThemeModel]
    #: First word of a keyword -> ((the keyword's words, theme keys), ...), longest first.
    _keywords: dict[str, tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]] = field(
        default_factory=dict, init=False, repr=False)
    _evidence: dict[str, tuple[tuple[int, float], ...]] = field(default_factory=dict, init=False, repr=False)
    _priors: list[float | None] = field(default_factory=list, init=False, repr=False)

    def __post_init__(self) -> None:
        themes_by_keyword: dict[tuple[str, ...], list[str]] = {}
        for theme in self.taxonomy.themes:
            for keyword in theme.keywords:
                words = tuple(tokenize(keyword))
                if words and theme.key not in themes_by_keyword.get(words, []):
                    themes_by_keyword.setdefault(words, []).append(theme.key)
        by_first: dict[str, list[tuple[tuple[str, ...], tuple[str, ...]]]] = {}
        for words, keys in themes_by_keyword.items():
            by_first.setdefault(words[0], []).append((words, tuple(keys)))
        self._keywords = {first: tuple(sorted(entries, key=lambda e: -len(e[0])))
                          for first, entries in by_first.items()}
        # Every feature that matters to any theme, once: feature -> ((theme index, weight), ...).
        index = {t.key: i for i, t in enumerate(self.taxonomy.themes)}
        evidence: dict[str, list[tuple[int, float]]] = {}
        for key, model in self.models.items():
            if key in index:
                for feature, weight in model.weights.items():
                    evidence.setdefault(feature, []).append((index[key], weight))
        self._evidence = {f: tuple(v) for f, v in evidence.items()}
        self._priors = [self.models[t.key].prior if t.key in self.models and self.models[t.key].weights else None
                        for t in self.taxonomy.themes]

    def _keyword_hits(self, tokens: list[str]) -> dict[str, int]:
        """Count keyword matches per theme, longest keyword first at each word."""
        hits: dict[str, int] = {}
        keywords = self._keywords
        i, n = 0, len(tokens)
        while i < n:
            entries = keywords.get(tokens[i])
            step = 1
            if entries:
                for words, keys in entries:
                    if len(words) == 1 or tuple(tokens[i:i + len(words)]) == words:
                        for key in keys:
                            hits[key] = hits.get(key, 0) + 1
                        step = len(words)
                        break
            i += step
        return hits

    def scores(self, tokens: list[str]) -> dict[str, float]:
        """A 0-1 score for each theme from the classifier and the keywords together."""
        hits = self._keyword_hits(tokens)
        logits = [p or 0.0 for p in self._priors]
        evidence = self._evidence
        for feature in features(tokens):
            found = evidence.get(feature)
            if found:
                for i, weight in found:
                    logits[i] += weight
        result = {}
        for i, theme in enumerate(self.taxonomy.themes):
            words = min(1.0, KEYWORD_WEIGHT * hits.get(theme.key, 0))
            if self._priors[i] is None:
                result[theme.key] = words
            else:
                # Either kind of evidence can carry a theme alone; together they reinforce each other.
                model = MODEL_WEIGHT * classifier.logistic(logits[i] / TEMPERATURE)
                result[theme.key] = 1.0 - (1.0 - model) * (1.0 - words)
        return result

    def tag(self, text: str) -> Tagging:
        """Tag one comment."""
        tokens = tokenize(text)
        scores = self.scores(tokens)
        themes = tuple(sorted((k for k, v in scores.items() if v >= THRESHOLD), key=lambda k: -scores[k]))
        words = set(tokens)
        reasons = safeguarding.check(text, words)
        return Tagging(
            themes=themes, scores=scores,
            sentiment=round(sentiment.polarity(tokens), 3), safeguarding=bool(reasons),
            safeguarding_reasons=reasons, redacted=redaction.redact(text, words),
        )

    def tag_many(self, texts: Sequence[str]) -> list[Tagging]:
        """Tag many comments.

        The cycle collector is paused meanwhile: taggings hold no cycles, and with it running,
        building 100,000 of them spends a fifth of the time in collections that free nothing.
        """
        enabled = gc.isenabled()
        gc.disable()
        try:
            return [self.tag(text) for text in texts]
        finally:
            if enabled:
                gc.enable()


def build_tagger(taxonomy: Taxonomy | None = None,
                 extra_examples: Iterable[tuple[str, Sequence[str]]] = ()) -> Tagger:
    """Train a tagger for a taxonomy from the shipped examples, each theme's own, and extra ones."""
    taxonomy = taxonomy or default_taxonomy()
    keys = set(taxonomy.keys)
    examples = [(text, [k for k in themes if k in keys]) for text, themes in load_examples()]
    for theme in taxonomy.themes:
        examples.extend((example, [theme.key]) for example in theme.examples)
    examples.extend((text, [k for k in themes if k in keys]) for text, themes in extra_examples)
    return Tagger(taxonomy, classifier.train(examples, taxonomy.keys) if examples else {})


@lru_cache(maxsize=1)
def default_tagger() -> Tagger:
    """The tagger for the default taxonomy, trained once per process."""
    return build_tagger()


def tag_many(texts: Sequence[str], taxonomy: Taxonomy | None = None) -> list[Tagging]:
    """Tag comments with the default tagger, or with one trained for the given taxonomy."""
    tagger = default_tagger() if taxonomy is None else build_tagger(taxonomy)
    return tagger.tag_many(texts)


def tag(text: str) -> Tagging:
    """Tag one comment with the default tagger."""
    return default_tagger().tag(text)
