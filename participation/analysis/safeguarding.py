"""Flag comments that suggest a young person may be at risk, so a safeguarding lead reads them first.

Comments are read the way young people write them: text-speak, slang, misspellings and no
punctuation are turned into plain words first (`safeguarding_words.SPELLINGS`), then rules for
each kind of risk run (`safeguarding_words.RULES`). Each flag names its kind and the words that
raised it, so a lead can see why.

A match is set aside when a denial comes just before it ("nobody hurts me"), when it is an
everyday saying ("I'd kill for a pizza"), a play fight or game, a film or song with no "I" or
"me" in it, or a trouble the young person says is long over and sorted. Missing a real case is
worse than a false alarm, so the rules lean wide and anything unclear is flagged.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from participation.analysis import safeguarding_words as W
from participation.analysis.safeguarding_kinds import KINDS, URGENCY


@dataclass(frozen=True)
class Finding:
    """One kind of risk in a comment, with the words that raised it (as the young person wrote them)."""

    kind: str
    evidence: tuple[str, ...]
    #: (start, end) character offsets of the evidence in the comment.
    spans: tuple[tuple[int, int], ...]

    @property
    def label(self) -> str:
        return KINDS[self.kind]


_TOKEN = re.compile(r"[a-z0-9\u00a3]+(?:['\u2019][a-z]+)*|[.!?;\n]+", re.IGNORECASE)
_RUN = re.compile(r"([a-z])\1\1+")
_RUNS = re.compile(r"([a-z])\1+")
_ALPHA = re.compile(r"[a-z]+")
_FIRST_PERSON = frozenset("i im ive id ill me my myself us we our".split())
_STOPS = frozenset({".", "but"})


def _compile(pattern):
    if isinstance(pattern, tuple):
        return tuple(re.compile(p) for p in pattern)
    return (re.compile(r"\b(?:" + pattern + r")"),)


_RULES = [(kind, frozenset(anchors.split()) - W.COMMON, _compile(pattern)) for kind, anchors, pattern in W.RULES]
_EMPTY = [W.RULES[i][:2] for i, (_, anchors, _) in enumerate(_RULES) if not anchors]
assert not _EMPTY, f"rules need an anchor outside COMMON: {_EMPTY}"


def _by_anchor(rules) -> dict[str, list[int]]:
    """The rules each anchor word starts, by their place in `rules`."""
    found: dict[str, list[int]] = {}
    for place, (_, anchors, _) in enumerate(rules):
        for word in anchors:
            found.setdefault(word, []).append(place)
    return found


_BY_ANCHOR = _by_anchor(_RULES)

_ANCHORS = frozenset(_BY_ANCHOR)
#: Every word a rule's pattern spells out, and the plain words text-speak becomes.
_LEXICON = frozenset(w for _, _, p in W.RULES for part in (p if isinstance(p, tuple) else (p,))
                     for w in _ALPHA.findall(part)) | frozenset(w for v in W.SPELLINGS.values() for w in v.split())
#: A comment needs one of these (as the tagger splits words) for the rules to run at all.
TRIGGERS = frozenset(_BY_ANCHOR) | frozenset(
    key for key, value in W.SPELLINGS.items() if any(w in _BY_ANCHOR for w in value.split())) | frozenset(
    {"self", "sewer"})
_SAYINGS = re.compile(r"\b(?:" + W.SAYINGS + r")")
_PLAY = re.compile(r"\b(?:" + W.PLAY + r")")
_PLAY_TOO_FAR = re.compile(r"\b(?:" + W.PLAY_TOO_FAR + r")")
_MEDIA = re.compile(W.MEDIA)
_PAST = re.compile(r"\b(?:" + W.PAST + r")")
_RESOLVED = re.compile(r"\b(?:" + W.RESOLVED + r")")
_STILL = re.compile(W.STILL)
_TRIP = re.compile(W.TRIP)
_HOMELESS_PLAIN = re.compile(W.HOMELESS_PLAIN)
#: Kinds a play fight, sport or game can look like.
_PLAY_KINDS = frozenset({"physical-abuse", "violence-threats", "domestic-abuse", "self-harm"})
#: Kinds a film, song, game or lesson can be about without it happening to the young person.
_MEDIA_KINDS = frozenset({"suicidal-thoughts", "self-harm", "sexual-abuse", "sexual-exploitation", "physical-abuse",
                          "domestic-abuse", "criminal-exploitation", "violence-threats", "radicalisation",
                          "substance-misuse", "going-missing"})


_SHORT = {"ll": "will", "d": "would", "re": "are", "ve": "have"}
_GAMES = re.compile(r"\b(?:roblox|fortnite|xbox|minecraft|discord|game|games|gaming|playstation|ps4|ps5|online|snapchat|"
                    r"snap|insta|instagram|tiktok)\b")


def _plain_word(token: str) -> str:
    token = token.lower().replace("\u2019", "'")
    if "'" in token:  # "he'll" is "he will", not "hell"
        head, _, tail = token.partition("'")
        if tail in _SHORT and head in {"he", "she", "they", "i", "you", "we", "it"}:
            return f"{head} {_SHORT[tail]}"
        token = token.replace("'", "")
    if _RUN.search(token):  # "pleeease", "killlll"
        token = _RUN.sub(r"\1\1", token)
        if token not in _LEXICON and token not in W.SPELLINGS:
            single = _RUNS.sub(r"\1", token)
            if single in _LEXICON or single in W.SPELLINGS:
                token = single
    return token


def normalise(text: str) -> tuple[str, list[int], list[tuple[int, int]]]:
    """The comment in plain words, each word's start in it, and each word's place in the original."""
    words: list[str] = []
    places: list[tuple[int, int]] = []
    for match in _TOKEN.finditer(text):
        place = match.span()
        raw = match.group()
        if raw[0] in ".!?;\n":
            if words and words[-1] != ".":
                words.append(".")
                places.append(place)
            continue
        token = _plain_word(raw)
        if token in ("one", "where", "body") and words and words[-1] == "no":  # "no one", "no where"
            words[-1] = "noone" if token != "where" else "nowhere"
            places[-1] = (places[-1][0], place[1])
            continue
        for word in (W.SPELLINGS.get(token, token).split() if " " in token or token in W.SPELLINGS else (token,)):
            words.append(word)
            places.append(place)
    starts = []
    position = 0
    for word in words:
        starts.append(position)
        position += len(word) + 1
    return " ".join(words), starts, places


_QUICK_SHORT = re.compile(r"\b(he|she|they|i|you|we|it)['\u2019](ll|d|re|ve)\b")
_QUICK_STOP = re.compile(r"[.!?;\n]+")
_QUICK_GAP = re.compile(r"[^a-z0-9\u00a3.]+")
_SPLIT = {key: tuple(value.split()) for key, value in W.SPELLINGS.items() if value != key}
_SPLIT_KEYS = frozenset(_SPLIT)


def _quick_plain(lowered: str) -> str:
    """The same plain words as `normalise`, without keeping where each came from (for the first look)."""
    text = _QUICK_SHORT.sub(lambda m: f"{m.group(1)} {_SHORT[m.group(2)]}", lowered)
    text = _QUICK_STOP.sub(" . ", text.replace("'", "").replace("\u2019", ""))
    found = _QUICK_GAP.sub(" ", text).split()
    if _SPLIT_KEYS.isdisjoint(found) and "no" not in found:
        return " ".join(found)
    words: list[str] = []
    for word in found:
        if word == "." and (not words or words[-1] == "."):
            continue
        if word in ("one", "where", "body") and words and words[-1] == "no":
            words[-1] = "noone" if word != "where" else "nowhere"
            continue
        words.extend(_SPLIT.get(word, (word,)))
    return " ".join(words)


def _denied(words: list[str], first: int) -> bool:
    """Whether a denial ("nobody", "never", "don't") comes in the few words before word `first`."""
    for i in range(first - 1, max(-1, first - 5), -1):
        word = words[i]
        if word in _STOPS:
            return False
        if word in W.NEGATORS or word == "no":
            after = words[i + 1] if i + 1 < len(words) else ""
            return after not in W.NOT_A_DENIAL
    return False


def _about_someone_else(words: list[str], first: int, last: int) -> bool:
    """A match with no "I" or "me" in or right next to it."""
    near = words[max(0, first - 1):last + 2]
    return _FIRST_PERSON.isdisjoint(near)


def _merged(spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((a, b) for a, b in merged)


def assess(text: str, words: set[str] | frozenset[str] | None = None, *, prefilter: bool = True,
           rules_before: int | None = None) -> list[Finding]:
    """Each kind of risk the comment shows, most urgent first, with the words that raised it.

    `words`, the comment's lower-case tokens, may be passed in when already known; most comments
    share none with `TRIGGERS` and cost one set lookup per word. `rules_before` reads with the
    first that many rules only (for measuring, see `safeguarding_words.FROM_MODEL_MISSES`).
    """
    if prefilter:
        lowered = text.lower()
        if words is None:
            words = set(_ALPHA.findall(lowered))
        runs = _RUN.search(lowered)
        if words.isdisjoint(TRIGGERS) and not runs:
            return []
        if not runs:  # a first look without keeping places: most comments stop here
            quick = _quick_plain(lowered)
            rules = {i for word in _ANCHORS.intersection(quick.split(" ")) for i in _BY_ANCHOR[word]}
            if not any(_RULES[i][2][0].search(quick) for i in rules):
                return []
    plain, starts, places = normalise(text)
    tokens = plain.split(" ")
    candidates = sorted({i for word in set(tokens) for i in _BY_ANCHOR.get(word, ())}) if prefilter \
        else range(len(_RULES))
    if rules_before is not None:
        candidates = [i for i in candidates if i < rules_before]
    if not candidates:
        return []
    if not any(patterns[0].search(plain) for _, _, patterns in (_RULES[i] for i in candidates)):
        return []  # the usual case: a trigger word, but no risk phrase
    plain = _SAYINGS.sub(lambda m: " " * len(m.group()), plain)
    if _PAST.search(plain) and _RESOLVED.search(plain) and not _STILL.search(plain):
        return []
    play = bool(_PLAY.search(plain)) and not _PLAY_TOO_FAR.search(plain)
    media = bool(_MEDIA.search(plain))
    games = bool(_GAMES.search(plain))
    trip = bool(_TRIP.search(plain)) and not _HOMELESS_PLAIN.search(plain)
    found: dict[str, list[tuple[int, int]]] = {}
    for i in candidates:
        kind, _, patterns = _RULES[i]
        if play and kind in _PLAY_KINDS or trip and kind == "homelessness":
            continue
        spans = []
        for n, pattern in enumerate(patterns):
            hit = None
            for match in pattern.finditer(plain):
                first = bisect_right(starts, match.start()) - 1
                last = bisect_right(starts, max(match.start(), match.end() - 1)) - 1
                if n == 0 and tokens[first] not in W.NEGATORS and tokens[first] != "no" and _denied(tokens, first):
                    continue
                if media and kind in _MEDIA_KINDS and _about_someone_else(tokens, first, last) and not (
                        games and kind == "sexual-exploitation"):
                    continue
                hit = (places[first][0], places[last][1])
                break
            if hit is None:
                break
            spans.append(hit)
        else:
            found.setdefault(kind, []).extend(spans)
    findings = []
    for kind in sorted(found, key=URGENCY.__getitem__):
        merged = _merged(found[kind])
        findings.append(Finding(kind, tuple(dict.fromkeys(text[a:b] for a, b in merged)), merged))
    return findings


def check(text: str, words: set[str] | frozenset[str] | None = None) -> tuple[str, ...]:
    """The kinds of risk a comment may show, most urgent first; empty when none."""
    return tuple(finding.kind for finding in assess(text, words))


def spans_of(findings: list[Finding]) -> tuple[tuple[int, int, str], ...]:
    """Every piece of evidence as (start, end, kind), in the order it comes in the comment."""
    return tuple(sorted((start, end, f.kind) for f in findings for start, end in f.spans))
