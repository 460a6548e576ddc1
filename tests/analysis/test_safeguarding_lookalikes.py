"""Comments that look like risk but are not (a trouble long over and supported, feeling safe, a play fight,
a figure of speech, an ordinary complaint) pass; disclosures of the kinds most often named wrongly
(criminal exploitation, domestic abuse, going missing, drink or drugs) are flagged with their kind among
those named."""

from participation.analysis import tag_many
from participation.analysis.safeguarding import _quick_plain
from participation.analysis.safeguarding_model import context_features

LOOK_ALIKES = {
    "resolved-past": [
        "i used to self harm when i was 13 but i havent for years and im fine now with my counsellor",
        "things were really bad at home years ago but im settled with my carers now and doing well",
    ],
    "safety-positive": [
        "i feel safe with my carers now, best place ive lived",
        "my keyworker is lovely and i feel safe here",
    ],
    "play-fight": [
        "me and my brother play fight all the time its just a laugh",
        "we had a massive pillow fight at the sleepover",
    ],
    "figure-of-speech": [
        "that meme killed me lol",
        "i could kill for a maccies rn",
    ],
    "ordinary-complaint": [
        "my pa keeps changing, this is my 4th one",
    ],
}

DISCLOSURES = {
    "criminal-exploitation": [
        "this older lad gave me free weed and now says i owe him so i have to do drops for him",
        "they gave me a second phone and send me to other towns with a bag",
    ],
    "domestic-abuse": [
        "my step dad hits my mum and i hear it from my room every night",
    ],
    "going-missing": [
        "ran off from my placement again last night and stayed out til morning",
    ],
    "substance-misuse": [
        "i need a drink before school now just to get through the day",
    ],
}


def test_look_alikes_in_each_family_are_not_flagged():
    for family, texts in LOOK_ALIKES.items():
        for tagging, text in zip(tag_many(texts), texts):
            assert not tagging.safeguarding, (family, text)
            assert tagging.risks == ()


def test_disclosures_of_the_kinds_often_named_wrongly_are_flagged_with_their_kind():
    for kind, texts in DISCLOSURES.items():
        for tagging, text in zip(tag_many(texts), texts):
            assert tagging.safeguarding, text
            assert kind in tagging.risks, (text, tagging.risks)


def test_a_past_trouble_reads_as_over_only_when_it_is_resolved_and_not_back():
    over = context_features(_quick_plain("i used to cut but im fine now and i have support"))
    assert "x over" in over and "x back" not in over
    back = context_features(_quick_plain("i used to cut and i did it again last night"))
    assert "x over" not in back and "x back" in back


def test_feeling_safe_is_told_apart_from_not_feeling_safe():
    assert "x safe" in context_features(_quick_plain("i feel safe with my carers"))
    unsafe = context_features(_quick_plain("i dont feel safe at my carers"))
    assert "x unsafe" in unsafe and "x safe" not in unsafe
