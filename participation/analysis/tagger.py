"""Tag comments with themes, sentiment, safeguarding flags and a redacted copy."""

from __future__ import annotations

import gc
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Iterable, Mapping, Sequence

from participation.analysis import redaction, safeguarding, safeguarding_model, sentiment
from participation.analysis.taxonomy import DEFAULT_KEYWORDS, Taxonomy, ThemeSpec
from participation.analysis.themes import ThemeModel, choose, fine_tune
from participation.analysis.tokens import tokenize

DATA = Path(__file__).parent / "data"
DEFAULT_NAMES = {
    "involve-me": "Involve me", "safe-home": "Provide me with a good, safe home", "healthy": "Keep me healthy",
    "achieve": "Help me to achieve", "adult-life": "Support me to move to adult life",
}
_NO_EVIDENCE: Mapping[str, tuple[str, ...]] = MappingProxyType({})


@dataclass(frozen=True)
class Tagging:
    """What the tagger made of one comment."""

    themes: tuple[str, ...]
    scores: Mapping[str, float]
    sentiment: float
    safeguarding: bool
    safeguarding_reasons: tuple[str, ...]
    redacted: str
    #: Kinds of risk found (keys of `safeguarding_kinds.KINDS`), most urgent first.
    risks: tuple[str, ...] = ()
    #: For each kind found, the words that raised it, as written.
    evidence: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: Where those words are in the comment: (start, end, kind), in order.
    evidence_spans: tuple[tuple[int, int, str], ...] = ()
    #: Why the comment was flagged when only the learnt model (not a rule) raised it; empty otherwise.
    safeguarding_note: str = ""

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
    """A taxonomy with the theme model that scores it (see `participation.analysis.themes`)."""

    taxonomy: Taxonomy
    model: ThemeModel

    def __post_init__(self) -> None:
        if self.model.keys != self.taxonomy.keys:
            self.model = self.model.subset(self.taxonomy.keys)

    def scores(self, tokens: list[str]) -> dict[str, float]:
        """A 0-1 score for each theme: the model's probability that the comment is about it."""
        return dict(zip(self.taxonomy.keys, self.model.probabilities(tokens).tolist()))

    def _tagging(self, text: str, tokens: list[str], probabilities: list[float], model_flag: bool) -> Tagging:
        keys = self.taxonomy.keys
        scores = dict(zip(keys, probabilities))
        themes = choose(keys, probabilities, self.model.thresholds, tokens)
        words = set(tokens)
        findings = safeguarding.assess(text, words)
        note = ""
        if not findings and model_flag:  # the rules found nothing but the learnt model did
            reading = safeguarding_model.read(text)
            if reading.flagged:
                findings = [safeguarding.Finding(reading.kind, reading.words, reading.spans)]
                note = reading.note
        reasons = tuple(finding.kind for finding in findings) if findings else ()
        return Tagging(
            themes=themes, scores=scores,
            sentiment=round(sentiment.polarity(tokens), 3), safeguarding=bool(reasons),
            safeguarding_reasons=reasons, redacted=redaction.redact(text, words),
            risks=reasons, evidence={f.kind: f.evidence for f in findings} if findings else _NO_EVIDENCE,
            evidence_spans=safeguarding.spans_of(findings) if findings else (), safeguarding_note=note,
        )

    def tag(self, text: str) -> Tagging:
        """Tag one comment."""
        return self.tag_many([text])[0]

    def tag_many(self, texts: Sequence[str]) -> list[Tagging]:
        """Tag many comments.

        The cycle collector is paused meanwhile: taggings hold no cycles, and with it running,
        building 100,000 of them spends a fifth of the time in collections that free nothing.
        """
        enabled = gc.isenabled()
        gc.disable()
        try:
            tokens = [tokenize(text) for text in texts]
            probabilities = self.model.probabilities_many(tokens).tolist()
            flags = safeguarding_model.flags_many(texts)
            return [self._tagging(text, t, p, f) for text, t, p, f in zip(texts, tokens, probabilities, flags)]
        finally:
            if enabled:
                gc.enable()


#: How much more a council's own example counts than one of the product's in fine-tuning: enough that
#: six confirmed comments about a pastime the published texts never mention (zorbing, parkour) make
#: their theme the best one for the next such comment, with the shipped model now learnt from about
#: 2,000 published texts.
OWN_WEIGHT = 20.0


@lru_cache(maxsize=1)
def shipped_model() -> ThemeModel:
    """The theme model learnt from published texts and the product's examples (`make model`)."""
    return ThemeModel.load()


def own_examples(taxonomy: Taxonomy) -> list[tuple[str, list[str]]]:
    """A council's own words and example comments for its themes, beyond the default words."""
    examples: list[tuple[str, list[str]]] = []
    for theme in taxonomy.themes:
        defaults = set(DEFAULT_KEYWORDS.get(theme.key, ()))
        examples.extend((word, [theme.key]) for word in theme.keywords if word not in defaults)
        examples.extend((example, [theme.key]) for example in theme.examples)
    return examples


def build_tagger(taxonomy: Taxonomy | None = None,
                 extra_examples: Iterable[tuple[str, Sequence[str]]] = ()) -> Tagger:
    """A tagger for a taxonomy: the shipped model, adjusted to the council's own themes and examples.

    With the default themes and nothing new this trains nothing. Otherwise the shipped model is
    fine-tuned on the product's examples, each theme's own words and examples and the extra
    (officer-confirmed) comments; a theme the shipped model lacks is learnt from those alone.
    """
    taxonomy = taxonomy or default_taxonomy()
    keys = set(taxonomy.keys)
    base = shipped_model()
    new = own_examples(taxonomy) + [(text, [k for k in themes if k in keys]) for text, themes in extra_examples]
    if not new and keys <= set(base.keys):
        return Tagger(taxonomy, base)
    shipped = [(text, [k for k in themes if k in keys]) for text, themes in load_examples()]
    examples = [(tokenize(t), k) for t, k in shipped + new]
    counted = [1.0] * len(shipped) + [OWN_WEIGHT] * len(new)
    return Tagger(taxonomy, fine_tune(base, taxonomy.keys, examples, weights_of=counted))


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
