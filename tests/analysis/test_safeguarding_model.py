"""The learnt safeguarding model ships inside the package, reads offline, flags disclosures the rules
miss, passes ordinary comments, and tells the lead in plain words why it flagged one."""

import json
from pathlib import Path

from participation.analysis import safeguarding_model, tag_many
from participation.analysis.safeguarding import check
from participation.analysis.safeguarding_kinds import KINDS

DEV = Path(__file__).resolve().parents[2] / "bench" / "data" / "safeguarding-dev.jsonl"
ORDINARY = [
    "the wifi is rubbish", "idk", "no", "nothing really", "i like my foster carer", "school is ok",
    "i want more pocket money", "can i see my brother more", "the food at my placement is boring",
    "i would like to do more football after school",
    "my pathway plan meeting was fine",
    "dying to see my brother", "my foster carer is strict about bedtime",
]


def _dev(label):
    rows = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if r["label"] == label]


def test_the_shipped_model_loads_from_the_package_without_a_network():
    model = safeguarding_model.RiskModel.load(safeguarding_model.MODEL_PATH)
    assert safeguarding_model.MODEL_PATH.is_file()
    assert safeguarding_model.MODEL_PATH.stat().st_size < 1_000_000
    assert 0 < model.threshold < 1 and set(model.kinds) <= set(KINDS)
    assert len(model.index) > 1000


def test_disclosures_the_rules_miss_are_flagged_with_a_kind_and_a_reason():
    missed = [r for r in _dev("risk") if not check(r["text"])]
    assert len(missed) > 50  # the rules alone do miss these
    results = tag_many([r["text"] for r in missed])
    flagged = [(r, t) for r, t in zip(missed, results) if t.safeguarding]
    assert len(flagged) >= 0.95 * len(missed)
    for row, tagging in flagged:
        assert tagging.risks and tagging.risks[0] in KINDS
        assert tagging.safeguarding_note.startswith("Flagged by the learnt model (not a fixed rule): words like")
        for start, end, kind in tagging.evidence_spans:
            assert kind == tagging.risks[0]
            assert row["text"][start:end] in tagging.evidence[kind]
            assert f"\u201c{row['text'][start:end]}\u201d" in tagging.safeguarding_note


def test_every_development_disclosure_is_flagged_by_rules_or_model():
    risks = _dev("risk")
    results = tag_many([r["text"] for r in risks])
    assert sum(t.safeguarding for t in results) >= 0.97 * len(risks)
    right_kind = sum(r["kind"] in t.risks for r, t in zip(risks, results))
    assert right_kind >= 0.85 * len(risks)


def test_ordinary_comments_are_not_flagged():
    for tagging, text in zip(tag_many(ORDINARY), ORDINARY):
        assert not tagging.safeguarding, text
        assert tagging.safeguarding_note == "" and tagging.risks == ()


def test_a_rule_flag_carries_no_model_note():
    [tagging] = tag_many(["i wanna kms tbh"])
    assert tagging.risks == ("suicidal-thoughts",) and tagging.safeguarding_note == ""
    assert safeguarding_model.note_for("i wanna kms tbh") == ""


def test_the_model_reads_slang_and_spelling_the_way_the_rules_do():
    assert safeguarding_model.plain_words("i wanna kms") == safeguarding_model.plain_words("i wanna kill myself")
    assert "." in safeguarding_model.plain_words("im ok. not really")
