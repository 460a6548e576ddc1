"""The held-out safeguarding sets are well formed: what it measures is only as good as its rows.

This checks the file, not the detector's accuracy (bench/safeguarding_eval.py prints that).
"""

import json
from collections import Counter
from pathlib import Path

import pytest

BENCH_DATA = Path(__file__).resolve().parents[2] / "bench" / "data"
#: The first set and a second, written later by another author who also never saw the detector.
SETS = ("safeguarding-heldout.jsonl", "safeguarding-heldout-2.jsonl")

# From the safeguarding contract shared by the rule writer and the writer of this set.
KINDS = {
    "suicidal-thoughts", "self-harm", "sexual-abuse", "sexual-exploitation", "physical-abuse",
    "domestic-abuse", "criminal-exploitation", "violence-threats", "homelessness", "going-missing",
    "neglect", "emotional-abuse", "substance-misuse", "radicalisation", "feeling-unsafe",
}
FAMILIES = {
    "figure-of-speech", "play-fight", "resolved-past", "school-nerves", "ordinary-complaint",
    "media-and-games", "safety-positive", "care-words",
}
FIELDS = {"text", "label", "kind", "family", "source"}


@pytest.fixture(scope="module", params=SETS)
def rows(request):
    lines = [line for line in (BENCH_DATA / request.param).read_text(encoding="utf-8").splitlines() if line.strip()]
    return [json.loads(line) for line in lines]


def test_every_row_has_exactly_the_contract_fields(rows):
    for row in rows:
        assert set(row) == FIELDS, row
        assert isinstance(row["text"], str) and row["text"].strip(), row
        assert isinstance(row["source"], str) and row["source"].strip(), row
        assert 3 <= len(row["text"].split()) <= 60, row["text"]


def test_labels_kinds_and_families_come_from_the_contract(rows):
    for row in rows:
        assert row["label"] in {"risk", "benign"}, row
        if row["label"] == "risk":
            assert row["kind"] in KINDS and row["family"] is None, row
        else:
            assert row["family"] in FAMILIES and row["kind"] is None, row


def test_big_enough_and_about_half_each(rows):
    labels = Counter(row["label"] for row in rows)
    assert len(rows) >= 300
    assert 0.4 <= labels["risk"] / len(rows) <= 0.6, labels


def test_every_kind_and_family_is_covered(rows):
    kinds = Counter(row["kind"] for row in rows if row["label"] == "risk")
    families = Counter(row["family"] for row in rows if row["label"] == "benign")
    assert {k: kinds[k] for k in KINDS if kinds[k] < 10} == {}
    assert {f: families[f] for f in FAMILIES if families[f] < 20} == {}


def test_no_text_appears_twice(rows):
    seen = Counter(" ".join(row["text"].lower().split()) for row in rows)
    assert [text for text, n in seen.items() if n > 1] == []
