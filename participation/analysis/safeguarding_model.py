"""A learnt second reader for safeguarding: flags what the rules miss, and says which words made it.

The rules in `safeguarding` explain themselves but cannot list every way a young person may put
it. This linear model over words, word pairs and letter groups (of the same plain words the rules
read) was learnt by `bench/train_safeguarding.py` from the development comments and the public
corpus, and ships as numbers in `data/safeguarding_model.npz`: nothing is trained at run time and
it loads once, on first use, in milliseconds. A comment is flagged when the rules or the model fire.

Its threshold was chosen on cross-validation grouped by source for recall of at least 97%; when
only the model fires, the kind named is the model's best guess and the words shown are the ones
that weighed most towards risk.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import numpy as np
from scipy.sparse import csr_matrix

from participation.analysis import safeguarding_words as W
from participation.analysis.safeguarding import _quick_plain, assess, normalise

MODEL_PATH = Path(__file__).parent / "data" / "safeguarding_model.npz"
#: Letter-group lengths read from each word (with a space either side).
GRAMS = (3, 4, 5)
#: Little words never shown to a lead as the reason (they carry weight only through their neighbours).
_LITTLE = frozenset("""a an the and or but so to of in on at it its is was be been am are if as by for from with
i me my im ive id ill we us our you your he him his she her they them their this that these those there then
just like do did does get got has have had not no too very all some any what when who how""".split())


EVERY = "t"
#: The model speaks only on comments of at least this many words as typed; shorter ones ("idk", "no") carry too
#: little to read, and the rules cover short disclosures ("kms", "help me").
MIN_WORDS = 3


_PAST = re.compile(r"\b(?:" + W.PAST + r")")
_RESOLVED = re.compile(r"\b(?:" + W.RESOLVED + r")")
_STILL = re.compile(W.STILL)
_SAYINGS = re.compile(r"\b(?:" + W.SAYINGS + r")")
_PLAY = re.compile(r"\b(?:" + W.PLAY + r")")
_PLAY_TOO_FAR = re.compile(r"\b(?:" + W.PLAY_TOO_FAR + r")")
_MEDIA = re.compile(W.MEDIA)
_SAFE = re.compile(r"\b(?:feel|feels|felt|im|i am|am|is|its|being|it is) (?:so |really |totally |very |much |way |more )?"
                   r"(?:safe|safer|secure|protected|settled|calm|calmer|happy|looked after|cared for)\b")
_UNSAFE = re.compile(r"\b(?:dont|not|never|didnt|isnt|doesnt|no longer|wasnt) (?:\w+ ){0,2}(?:safe|secure)\b")
_NO_HARM = re.compile(r"\b(?:noone|nothing|never) (?:\w+ )?(?:hurts?|hits?|shouts?|touch\w*|bothers?|happens?|scares?)\b")


def context_features(plain: str) -> list[str]:
    """What the comment as a whole says about its risk words, as features "x ...": a trouble told as past
    ("used to", "years ago"), as resolved ("im fine now", "got support"), or as still going on ("again",
    "lately"); an everyday saying; a play fight (or one that went too far); a film or game; feeling safe
    (or not); a denial of harm ("nobody hurts me"). The model weighs these with the words, so that it
    learns, for example, that "used to" with "im fine now" and no "still" reads as over."""
    past = bool(_PAST.search(plain))
    resolved = bool(_RESOLVED.search(plain))
    still = bool(_STILL.search(plain))
    play = bool(_PLAY.search(plain))
    too_far = bool(_PLAY_TOO_FAR.search(plain))
    unsafe = bool(_UNSAFE.search(plain))
    found = [("x past", past), ("x resolved", resolved), ("x still", still), ("x over", past and resolved and not still),
             ("x back", past and still), ("x saying", bool(_SAYINGS.search(plain))), ("x play", play and not too_far),
             ("x too far", play and too_far), ("x media", bool(_MEDIA.search(plain))),
             ("x safe", bool(_SAFE.search(plain)) and not unsafe), ("x unsafe", unsafe),
             ("x no harm", bool(_NO_HARM.search(plain)))]
    return [name for name, present in found if present]


def plain_words(text: str) -> list[str]:
    """The comment in the plain words the rules read (text-speak spelt out), with sentence stops as "."."""
    return [w for w in _quick_plain(text.lower()).split(" ") if w]


def word_features(word: str) -> list[str]:
    """A word's own features: "w word" and its groups of letters "c abc"."""
    padded = f" {word} "
    return ["w " + word] + ["c " + padded[i:i + n] for n in GRAMS for i in range(len(padded) - n + 1)]


def feature_names(text: str) -> list[str]:
    """The features of one comment (for training): each word's own, "b x y" for two words in a row, and
    "t", which every comment has (so that a short comment with no telling words reads as ordinary)."""
    out: list[str] = [EVERY]
    plain = _quick_plain(text.lower())
    prev = "."
    for word in (w for w in plain.split(" ") if w):
        if word != ".":
            out.extend(word_features(word))
            if prev != ".":
                out.append(f"b {prev} {word}")
        prev = word
    return out + context_features(plain)


@dataclass(frozen=True)
class Reading:
    """What the model made of one comment."""

    probability: float
    flagged: bool
    kind: str
    #: The words that weighed most towards risk, as the young person wrote them.
    words: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]

    @property
    def note(self) -> str:
        """Why the model flagged it, in plain words for a safeguarding lead."""
        if not self.flagged:
            return ""
        said = ", ".join(f"\u201c{w}\u201d" for w in self.words) or "the comment as a whole"
        return f"Flagged by the learnt model (not a fixed rule): words like {said}. Please read it in full."


class RiskModel:
    """Term frequency times inverse document frequency, scaled to length one, then logistic regression."""

    def __init__(self, names: Sequence[str], idf: np.ndarray, weights: np.ndarray, intercept: float,
                 threshold: float, kinds: Sequence[str], kind_weights: np.ndarray, kind_intercepts: np.ndarray):
        self.index = {name: row for row, name in enumerate(names)}
        self.idf = idf
        self.weights = weights * idf  # applied to raw counts
        self.intercept = intercept
        self.threshold = threshold
        self.kinds = tuple(kinds)
        self.kind_weights = kind_weights * idf[:, None]
        self.kind_intercepts = kind_intercepts
        self.idf_squared = idf * idf
        self._words: dict[str, list[int]] = {}
        self._pairs: dict[tuple[str, str], int] = {}

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> "RiskModel":
        with np.load(path, allow_pickle=False) as data:
            return cls([str(n) for n in data["features"]], data["idf"].astype(np.float64),
                       data["weights"].astype(np.float64), float(data["intercept"]), float(data["threshold"]),
                       [str(k) for k in data["kinds"]], data["kind_weights"].astype(np.float64),
                       data["kind_intercepts"].astype(np.float64))

    def _word_rows(self, word: str) -> list[int]:
        rows = self._words.get(word)
        if rows is None:
            index = self.index
            rows = [index[name] for name in word_features(word) if name in index]
            if len(self._words) < 200_000:
                self._words[word] = rows
        return rows

    def _rows(self, words: Sequence[str]) -> tuple[list[int], list[tuple[int, str]]]:
        """The rows of a comment's features (repeats kept), and which word each came from."""
        index = self.index
        rows: list[int] = [index[EVERY]] if EVERY in index else []
        owners: list[tuple[int, str]] = [(len(rows), "")]
        prev = "."
        for word in words:
            if word != ".":
                own = self._word_rows(word)
                rows.extend(own)
                owners.append((len(own), word))
                if prev != ".":
                    pair = index.get(f"b {prev} {word}")
                    if pair is not None:
                        rows.append(pair)
                        owners.append((1, word))
            prev = word
        rows.extend(index[name] for name in context_features(" ".join(words)) if name in index)
        owners.append((len(rows) - sum(size for size, _ in owners), ""))
        return rows, owners

    def probabilities_many(self, texts: Sequence[str], lengths: list[int] | None = None) -> np.ndarray:
        """The probability of risk for each comment, in one pass over all of them (and, into `lengths`
        when given, how many words each has). The same features as `_rows`, with each word's rows and
        each word pair's row looked up once per process."""
        index = self.index
        every = index.get(EVERY)
        words_seen = self._words
        pairs = self._pairs
        word_rows = self._word_rows
        indptr = [0]
        indices: list[int] = []
        extend = indices.extend
        append = indices.append
        for text in texts:
            if lengths is not None:
                lengths.append(len(text.split()))
            if every is not None:
                append(every)
            plain = _quick_plain(text.lower())
            prev = "."
            for word in (w for w in plain.split(" ") if w):
                if word != ".":
                    own = words_seen.get(word)
                    extend(own if own is not None else word_rows(word))
                    if prev != ".":
                        pair = pairs.get((prev, word))
                        if pair is None:
                            pair = index.get(f"b {prev} {word}", -1)
                            if len(pairs) < 500_000:
                                pairs[(prev, word)] = pair
                        if pair >= 0:
                            append(pair)
                prev = word
            extend(index[name] for name in context_features(plain) if name in index)
            indptr.append(len(indices))
        n = len(texts)
        cols = np.array(indices, dtype=np.int64)
        matrix = csr_matrix((np.ones(len(cols)), cols, np.array(indptr, dtype=np.int64)),
                            shape=(n, len(self.idf)))
        matrix.sum_duplicates()
        squares = matrix.copy()
        squares.data *= squares.data
        norms = np.sqrt(np.asarray(squares @ self.idf_squared).ravel())
        norms[norms == 0] = 1.0
        logits = np.asarray(matrix @ self.weights).ravel() / norms + self.intercept
        return 1.0 / (1.0 + np.exp(-np.clip(logits, -30, 30)))

    def flags_many(self, texts: Sequence[str]) -> list[bool]:
        """Whether the model flags each comment."""
        lengths: list[int] = []
        probabilities = self.probabilities_many(texts, lengths).tolist()
        return [p >= self.threshold and n >= MIN_WORDS for p, n in zip(probabilities, lengths)]

    def read(self, text: str) -> Reading:
        """The model's probability of risk for a comment, its guess at the kind, and the words behind it."""
        if len(text.split()) < MIN_WORDS:
            return Reading(0.0, False, "", (), ())
        words = plain_words(text)
        rows, owners = self._rows(words)
        if not rows:
            return Reading(0.0, False, "", (), ())
        counts: dict[int, int] = {}
        for row in rows:
            counts[row] = counts.get(row, 0) + 1
        unique = np.fromiter(counts, dtype=np.int64, count=len(counts))
        times = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
        norm = float(np.sqrt(((times * self.idf[unique]) ** 2).sum())) or 1.0
        p = 1.0 / (1.0 + np.exp(-min(30.0, max(-30.0, float(times @ self.weights[unique]) / norm + self.intercept))))
        if p < self.threshold:
            return Reading(float(p), False, "", (), ())
        kind = self.kinds[int(np.argmax(times @ self.kind_weights[unique] + self.kind_intercepts))]
        shares = self.weights[np.array(rows, dtype=np.int64)].tolist()
        weight_of: dict[str, float] = {}
        at = 0
        for size, word in owners:
            if word:
                weight_of[word] = weight_of.get(word, 0.0) + sum(shares[at:at + size])
            at += size
        ranked = [w for w in sorted(weight_of, key=lambda w: -weight_of[w]) if weight_of[w] > 0]
        best = ([w for w in ranked if w not in _LITTLE] or ranked)[:3]
        plain, _, places = normalise(text)
        spans = sorted({place for word, place in zip(plain.split(" "), places) if word in best})
        shown = tuple(dict.fromkeys(text[a:b] for a, b in spans)) or tuple(best)
        return Reading(float(p), True, kind, shown, tuple(spans))


@lru_cache(maxsize=1)
def shipped() -> RiskModel:
    """The shipped model, loaded once per process on first use."""
    return RiskModel.load()


def read(text: str) -> Reading:
    """The shipped model's reading of one comment."""
    return shipped().read(text)


def flags_many(texts: Sequence[str]) -> list[bool]:
    """Whether the shipped model flags each comment."""
    return shipped().flags_many(texts)


def note_for(text: str) -> str:
    """Why a comment is flagged, when the learnt model flagged it and no rule did; empty otherwise."""
    if assess(text):
        return ""
    return read(text).note
