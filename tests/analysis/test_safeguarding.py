"""Risk texts are flagged; negations and everyday sayings are not."""

import pytest

from participation.analysis.safeguarding import check


@pytest.mark.parametrize("text, reason", [
    ("i dont want to be here anymore", "suicide"),
    ("whats the point of living", "suicide"),
    ("sometimes I think about killing myself", "suicide"),
    ("I have been self harming again", "self-harm"),
    ("i cut myself when it gets bad", "self-harm"),
    ("my carer hits me when im naughty", "abuse"),
    ("he touches me and i dont like it", "abuse"),
    ("I don't feel safe at night in my placement", "unsafe-at-home"),
    ("im scared of the older lads in my home", "unsafe-at-home"),
    ("i ran away last week and slept in the park", "missing"),
    ("older boys make me carry stuff for them", "exploitation"),
    ("a man gives me money and weed to meet him", "exploitation"),
    ("I have nowhere to sleep tonight", "homeless"),
    ("got kicked out of my flat today", "homeless"),
    ("they said they will stab me after school", "bullying-threats"),
])
def test_risk_texts_are_flagged_with_their_reason(text, reason):
    assert reason in check(text)


@pytest.mark.parametrize("text", [
    "I don't feel unsafe", "nobody hurts me", "I never self harm anymore and im proud",
    "I killed it in my exams", "this survey is killing me lol", "I'd die for a pizza", "my PA is a lifesaver",
    "dying to see my brother", "school is murder", "my sister would kill me if i told you her secret",
    "my foster carer is strict about bedtime", "i hate maths", "moving house again is annoying",
    "I feel safe and happy where I live", "missing my brother loads", "I got my hair cut",
])
def test_everyday_words_are_not_flagged(text):
    assert check(text) == ()


def test_taggings_name_the_kinds_of_risk_most_urgent_first():
    from participation.analysis import tag_many
    flagged, plain = tag_many(["they said they will stab me and i want to kill myself", "the wifi is slow"])
    assert flagged.safeguarding and flagged.risks == ("suicidal-thoughts", "violence-threats")
    assert not plain.safeguarding and plain.risks == ()
