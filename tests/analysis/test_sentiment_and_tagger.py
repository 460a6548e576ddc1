"""Sentiment follows TextBlob; themes come from the shipped theme model and councils' own examples."""

from __future__ import annotations

import pytest
from textblob.en import sentiment as textblob_sentiment

from participation.analysis import Taxonomy, ThemeSpec, build_tagger, default_taxonomy, tag, tag_many
from participation.analysis.sentiment import polarity
from participation.analysis.tokens import tokenize


@pytest.mark.parametrize("text", [
    "my foster mum is amazing and I love living here", "school is boring!", "very good", "not happy",
    "the worst placement ever", "great support from my PA",
])
def test_polarity_is_textblobs_where_textblob_understands_the_words(text):
    assert polarity(tokenize(text)) == pytest.approx(textblob_sentiment(text)[0], abs=1e-9)


def test_young_peoples_negations_turn_feelings_round():
    assert polarity(tokenize("I don't feel listened to")) < 0
    assert polarity(tokenize("i dont like my placement")) < 0
    assert polarity(tokenize("nobody listens its rubbish")) < 0
    assert polarity(tokenize("my PA is really helpful")) > 0
    assert -1 <= polarity(tokenize("worst worst worst!!!!")) <= 1


def test_a_comment_can_have_several_themes_best_first():
    tagging = tag("My PA helps me with money for my flat but I never see my little brother")
    assert "adult-life" in tagging.themes and "safe-home" in tagging.themes
    assert tagging.themes[0] == max(tagging.scores, key=tagging.scores.get)
    assert set(tagging.scores) == {"involve-me", "safe-home", "healthy", "achieve", "adult-life"}


@pytest.mark.parametrize("text, theme", [
    ("my social worker never listens to me", "involve-me"),
    ("I want to stay near my friends when I move", "safe-home"),
    ("waiting forever for CAMHS", "healthy"),
    ("I need help with my GCSE revision", "achieve"),
    ("can't afford rent on universal credit", "adult-life"),
])
def test_each_theme_is_found_in_young_peoples_words(text, theme):
    assert theme in tag(text).themes


def test_nothing_fits_gives_no_theme_and_tag_many_keeps_order():
    results = tag_many(["idk", "no", "my foster carer is lovely"])
    assert results[0].themes == () and results[1].themes == ()
    assert "safe-home" in results[2].themes


def test_every_tagging_has_sentiment_safeguarding_and_redaction():
    tagging = tag("my sw is dave, call me on 07700 900123, i dont want to be here anymore")
    assert tagging.safeguarding and "suicidal-thoughts" in tagging.safeguarding_reasons
    assert "[phone]" in tagging.redacted and "[name]" in tagging.redacted and "07700" not in tagging.redacted
    assert -1 <= tagging.sentiment <= 1


def test_a_councils_own_theme_is_learned_from_its_keywords_and_examples():
    taxonomy = Taxonomy(default_taxonomy().themes + (
        ThemeSpec("justice", "Keep me out of trouble", ("youth offending", "police", "court"),
                  ("the police keep stopping me", "i have court next month", "my yot worker is ok")),))
    tagger = build_tagger(taxonomy)
    assert "justice" in tagger.tag("I was arrested by the police and now I have court").themes
    renamed = Taxonomy(tuple(t for t in taxonomy.themes if t.key != "healthy"))
    assert "healthy" not in build_tagger(renamed).tag("waiting for CAMHS").scores


def test_confirmed_examples_teach_the_tagger_new_words():
    before = build_tagger().tag("zorbing and parkour are the best")
    assert "healthy" not in before.themes
    taught = build_tagger(extra_examples=[(f"I love zorbing and parkour {i}", ["healthy"]) for i in range(8)])
    assert "healthy" in taught.tag("zorbing and parkour are the best").themes
    # What the tagger knew still holds.
    assert taught.tag("my foster carer is lovely").themes == ("safe-home",)


def test_threats_read_negative_not_positive():
    from participation.analysis.sentiment import polarity
    from participation.analysis.tokens import tokenize

    for text in ("older boys say they will hurt me", "he threatened to stab me", "they beat me up after school",
                 "my carer hits me"):
        assert polarity(tokenize(text)) < 0, text
