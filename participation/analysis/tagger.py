"""Tag comments with themes, sentiment, safeguarding flags and a redacted copy."""

from __future__ import annotations

import json
import re
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
THRESHOLD = 0.5
#: Weight of the classifier against the keyword evidence in a theme's score.
MODEL_WEIGHT = 0.6


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
    _keywords: re.Pattern | None = field(default=None, init=False, repr=False)
    _keyword_themes: dict[str, tuple[str, ...]] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        themes_by_keyword: dict[str, list[str]] = {}
        for theme in self.taxonomy.themes:
            for keyword in theme.keywords:
                normal = " ".join(tokenize(keyword))
                if normal:
                    themes_by_keyword.setdefault(normal, []).append(theme.key)
        self._keyword_themes = {k: tuple(v) for k, v in themes_by_keyword.items()}
        if themes_by_keyword:
            ordered = sorted(themes_by_keyword, key=len, reverse=True)
            self._keywords = re.compile(r"(?<![\w'-])(?:" + "|".join(map(re.escape, ordered)) + r")(?![\w'-])")

    def _keyword_hits(self, joined: str) -> dict[str, int]:
        hits: dict[str, int] = {}
        if self._keywords is not None:
            for match in self._keywords.finditer(joined):
                for key in self._keyword_themes[match.group(0)]:
                    hits[key] = hits.get(key, 0) + 1
        return hits

    def scores(self, tokens: list[str]) -> dict[str, float]:
        """A 0-1 score for each theme from the classifier and the keywords together."""
        feats = features(tokens)
        hits = self._keyword_hits(" ".join(tokens))
        result = {}
        for theme in self.taxonomy.themes:
            model = self.models.get(theme.key)
            evidence = min(1.0, 0.55 * hits.get(theme.key, 0))
            if model is None or not model.weights:
                result[theme.key] = evidence
            else:
                result[theme.key] = MODEL_WEIGHT * classifier.probability(model, feats) + (1 - MODEL_WEIGHT) * evidence
        return result

    def tag(self, text: str) -> Tagging:
        """Tag one comment."""
        tokens = tokenize(text)
        scores = self.scores(tokens)
        themes = tuple(sorted((k for k, v in scores.items() if v >= THRESHOLD), key=lambda k: -scores[k]))
        reasons = safeguarding.check(text)
        return Tagging(
            themes=themes, scores={k: round(v, 3) for k, v in scores.items()},
            sentiment=round(sentiment.polarity(tokens), 3), safeguarding=bool(reasons),
            safeguarding_reasons=reasons, redacted=redaction.redact(text),
        )

    def tag_many(self, texts: Sequence[str]) -> list[Tagging]:
        """Tag many comments."""
        return [self.tag(text) for text in texts]


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
