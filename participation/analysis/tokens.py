"""A regex tokenizer for young people's writing: lower case, contractions and text-speak negations."""

from __future__ import annotations

import re

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[!?]")
#: Words that turn the next feeling word round ("not happy"), as young people write them.
NEGATIONS = frozenset({
    "not", "no", "never", "n't", "dont", "don't", "doesnt", "doesn't", "didnt", "didn't", "cant", "can't",
    "cannot", "wont", "won't", "isnt", "isn't", "arent", "aren't", "wasnt", "wasn't", "werent", "weren't",
    "aint", "ain't", "havent", "haven't", "hasnt", "hasn't", "hadnt", "hadn't", "shouldnt", "shouldn't",
    "wouldnt", "wouldn't", "couldnt", "couldn't", "nobody", "noone", "nothing", "neither", "nor",
})
_SPELLINGS = {"u": "you", "ur": "your", "im": "i'm", "ive": "i've", "cos": "because", "coz": "because",
              "bc": "because", "tbh": "honestly", "pls": "please", "plz": "please", "thx": "thanks",
              "gd": "good", "luv": "love", "wanna": "want", "gonna": "going", "gotta": "got",
              "sw": "social-worker", "iro": "independent-reviewing-officer"}


def tokenize(text: str) -> list[str]:
    """Split text into lower-case tokens, keeping contractions and "!" and "?"."""
    text = text.lower().replace("\u2019", "'").replace("`", "'")
    return [_SPELLINGS.get(token, token) for token in _TOKEN.findall(text)]


def features(tokens: list[str]) -> set[str]:
    """Words and word pairs; a word after a negation is marked ("not_happy") as well as kept."""
    found = set(tokens)
    negate = False
    previous = ""
    for token in tokens:
        if previous:
            found.add(f"{previous} {token}")
        if negate and token not in NEGATIONS:
            found.add(f"not_{token}")
            negate = False
        if token in NEGATIONS:
            negate = True
        previous = token
    return found
