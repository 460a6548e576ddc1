"""The shipped theme model: numbers only, loaded fast, tagging plain comments sensibly."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

from participation.analysis import tag_many
from participation.analysis.tagger import shipped_model
from participation.analysis.themes import MODEL_PATH, ThemeModel, choose, feature_counts
from participation.analysis.tokens import tokenize

ROOT = Path(__file__).resolve().parents[2]


def test_the_shipped_model_is_numbers_for_the_five_outcomes():
    with np.load(MODEL_PATH, allow_pickle=False) as data:  # refuses anything that is not plain arrays
        assert set(data.files) == {"themes", "features", "weights", "intercepts", "thresholds"}
        assert data["weights"].shape == (len(data["features"]), 5)
    model = ThemeModel.load()
    assert model.keys == ("involve-me", "safe-home", "healthy", "achieve", "adult-life")
    assert all(0 < t < 1 for t in model.thresholds)


@pytest.mark.parametrize("text, theme", [
    ("nobody asks what I think at my review", "involve-me"),
    ("I have been moved to four different foster homes this year", "safe-home"),
    ("the waiting list for counselling is far too long", "healthy"),
    ("my teacher helped me catch up on maths", "achieve"),
    ("I don't know how to pay my gas bill in my new flat", "adult-life"),
    ("my sw never rings me back", "involve-me"),
    ("cant afford food till my money comes in", "adult-life"),
])
def test_plain_comments_get_their_theme_first(text, theme):
    assert tag_many([text])[0].themes[0] == theme


def test_every_comment_that_says_something_gets_a_theme_and_empty_ones_none():
    results = tag_many(["bla", "zzzz qqqq", "", "idk", "nothing", "no"])
    assert len(results[0].themes) == 1 and len(results[1].themes) == 1
    assert all(r.themes == () for r in results[2:])


def test_a_second_theme_only_over_its_threshold():
    keys = ("a", "b", "c")
    assert choose(keys, [0.9, 0.45, 0.2], [0.5, 0.5, 0.5], tokenize("some words")) == ("a",)
    assert choose(keys, [0.3, 0.6, 0.55], [0.5, 0.5, 0.5], tokenize("some words")) == ("b", "c")
    assert choose(keys, [0.1, 0.2, 0.05], [0.5, 0.5, 0.5], tokenize("some words")) == ("b",)


def test_batch_and_single_scores_agree_and_match_the_feature_sum():
    model = shipped_model()
    texts = ["my PA is sound", "my PA is sound", "", "school school school!!", "a brand new wurd"]
    tokens = [tokenize(t) for t in texts]
    batch = model.logits_many(tokens)
    for row, toks in zip(batch, tokens):
        counts = feature_counts(toks)
        expected = model.intercepts + sum(
            (value * model.weights[model.features[name]] for name, value in counts.items() if name in model.features),
            np.zeros(5))
        assert row == pytest.approx(expected)
        assert model.logits_many([toks])[0] == pytest.approx(row)


def test_a_retrained_model_survives_being_stored_as_its_changes():
    from participation.analysis import build_tagger

    taught = build_tagger(extra_examples=[(f"zorbing down the hill {i}", ["healthy"]) for i in range(5)])
    stored = taught.model.changes_from(shipped_model())
    again = ThemeModel.from_changes(shipped_model(), stored)
    probe = tokenize("zorbing down the hill with my foster carer")
    assert again.probabilities(probe) == pytest.approx(taught.model.probabilities(probe))
    assert len(stored["weights"]) < len(shipped_model().features) / 2  # only what changed is stored


def test_training_gives_the_same_numbers_from_the_same_texts(tmp_path):
    sys.path.insert(0, str(ROOT / "bench"))
    import theme_training

    rows = theme_training.product()
    first, second = theme_training.fit(rows), theme_training.fit(rows)
    first.save(tmp_path / "a.npz")
    second.save(tmp_path / "b.npz")
    a, b = np.load(tmp_path / "a.npz"), np.load(tmp_path / "b.npz")
    assert all(np.array_equal(a[name], b[name]) for name in a.files)
