"""Risk texts are flagged with their kind; look-alikes (sayings, play fights, sorted past troubles,
school nerves, ordinary complaints, films and games, feeling safe, care words) are not."""

import pytest

from participation.analysis import tag_many
from participation.analysis.safeguarding import assess, check
from participation.analysis.safeguarding_kinds import KINDS

RISKS = {
    "suicidal-thoughts": [
        "ive made a plan and a date for it", "been having dark thoughts again",
        "i just want everything to stop forever", "gave my sister my best hoodie so she can have it after",
        "looked up how many paracetamol it takes", "i keep thinking about jumping off the bridge",
        "whats the point in being here", "said goodbye to my friends like it was the last time",
        "i dont want to be here anymore", "whats the point of living", "sometimes I think about killing myself",
        "i wanna kms", "thinking about sewerslide tbh", "gonna unalive myself tonite", "i hope i dont wake up tmrw",
        "ive been saving up my tablets", "i keep going to the bridge and looking down",
        "wrote goodbye letters to everyone", "everyone would be better off without me",
        "i wish i was never born", "i cant go on like this",
    ],
    "self-harm": [
        "i wear long sleeves in summer so nobody asks", "i burn my arms with my straighteners",
        "cutting is the only way i can cope",
        "I have been self harming again", "i cut myself when it gets bad", "been burning myself with a lighter",
        "i relapsed on sh last week", "started cutting my arms again", "i hurt myself so i feel something",
        "took too many pills on purpose",
    ],
    "sexual-abuse": [
        "he touches me and i dont like it", "my foster dad comes into my room at night",
        "he gets into my bed with me", "he says its our little secret", "i was raped last year and never told",
        "she makes me watch porn with her",
    ],
    "sexual-exploitation": [
        "he wants to move to a secret app so no one sees",
        "a man i met online wants me to meet him", "older guys give me vodka and lifts and take me to parties",
        "he keeps asking for nudes", "he said he will share my pictures if i dont send more",
        "i think i was groomed", "my boyfriend is 24 and im 14",
    ],
    "physical-abuse": [
        "my carer pulled me by my hair", "he held my head under the bath water",
        "my carer hits me when im naughty", "staff restrained me and sat on my back",
        "they lock me in my room", "he slaps me", "i have bruises from him", "she pulls my hair and kicks me",
    ],
    "domestic-abuse": [
        "my bf put his hands round my neck", "my ex keeps turning up at my flat",
        "my boyfriend hits me when hes drunk", "he strangled me last night", "my dad beats my mum",
    ],
    "criminal-exploitation": [
        "older boys make me carry packages to other towns", "i owe them money and they said theyll hurt my family",
        "they make me hold stuff for them", "been going country doing county lines",
        "had to stay in a trap house for a week", "i do runs for my olders",
    ],
    "violence-threats": [
        "they said they will stab me after school", "he carries a knife", "i got jumped on the way home",
        "they said theyre gonna get me", "people are after me", "i get bullied every day",
    ],
    "homelessness": [
        "been sofa surfing for weeks", "dont know where ill sleep tonight",
        "I have nowhere to sleep tonight", "got kicked out of my flat today", "mum chucked me out last night",
        "been sofa surfing for weeks", "slept in the park last night", "im homeless",
    ],
    "going-missing": [
        "i go awol most nights", "slept in a shed last night",
        "i ran away last week and slept in the park", "i keep going missing", "police brought me back again",
        "i stayed out all night and didnt tell anyone", "i sneak out the window at night",
    ],
    "neglect": [
        "nobody gives me food at the place i stay", "i have to beg for food", "i dont get fed at the weekends",
        "i never get dinner money", "theres nothing in the fridge again", "mum leaves us home alone all weekend",
        "theres no food in the house", "no electric and no gas", "my baby has no milk", "havent eaten for two days",
        "i go to bed hungry", "they dont let me eat when im bad", "mum is always drunk",
    ],
    "emotional-abuse": [
        "she calls me names like fat and ugly", "they wont let me call my social worker",
        "they tell me im worthless", "she only keeps me for the money", "they told me not to tell anyone",
        "he screams in my face",
    ],
    "substance-misuse": [
        "i take my nans pills to numb it all",
        "i drink every night to cope", "smoking weed so i dont feel anything", "i take xans to sleep",
        "addicted to ket", "i cant stop drinking",
    ],
    "radicalisation": [
        "they say violence is the only way", "the group told me we have to fight them",
        "a guy on discord keeps telling me to fight for the cause", "i want to join isis",
        "immigrants are the problem and should be sent back", "they showed me how to make a bomb",
    ],
    "feeling-unsafe": [
        "im scared to go back there tonight", "I don't feel safe at night in my placement",
        "im scared of the older lads in my home", "pleeease help me", "i sleep with a chair against my door",
        "im scared he will come back",
    ],
}

BENIGN = {
    "figure-of-speech": [
        "I'd kill for a pizza", "dying to see the film", "this homework is killing me", "I killed it in my exams",
        "this survey is killing me lol", "my PA is a lifesaver", "school is murder", "my sister would kill me if i told you her secret",
        "i nearly died laughing", "i cud murder a kebab rn", "that was dead funny",
    ],
    "play-fight": [
        "we were play fighting and he punched me lol", "he tackled me in football and i hurt my knee",
        "my brother beat me at fifa again", "we have water fights in the garden", "me and my mates wrestle for a laugh",
        "i hurt myself at football",
    ],
    "resolved-past": [
        "I used to self-harm but I've been fine for two years and have support",
        "i used to get bullied but it got sorted and im happy now",
        "years ago my dad hit me but im safe now and i have counselling",
        "i used to run away loads but ive been settled for ages now",
    ],
    "school-nerves": [
        "nervous about my first day at new school", "scared of my exams", "im worried about my gcses",
        "starting college is scary", "i get anxious before tests",
    ],
    "ordinary-complaint": [
        "nothing in the fridge i like", "my foster carer never takes me to the cinema", "im starving lol",
        "the wifi is rubbish", "not enough pocket money", "bedtime is too early", "the food here is boring",
        "my social worker keeps changing and its annoying", "i cant afford driving lessons",
        "my carer took my phone at bedtime", "moving house again is annoying", "i hate maths",
    ],
    "media-and-games": [
        "the film was about a girl who gets kidnapped", "i love the song about a knife fight",
        "in fortnite i got killed loads", "watching a documentary about county lines", "the news about the stabbing was sad",
    ],
    "safety-positive": [
        "I feel safe here", "nobody hurts me", "I don't feel unsafe", "noone has ever hit me in this placement",
        "i feel safe and happy where I live", "i never self harm anymore and im proud",
    ],
    "care-words": [
        "i slept in the car on the way to contact", "i looked up how many points i need for college",
        "my contact with mum got moved", "the LADO took ages to reply about my complaint",
        "i had a placement move last month", "respite was fun", "my review meeting was long",
        "i want more say in my care plan", "missing my brother loads", "I got my hair cut",
    ],
}


@pytest.mark.parametrize("kind, text", [(kind, text) for kind, texts in RISKS.items() for text in texts])
def test_risk_texts_are_flagged_with_their_kind(kind, text):
    assert kind in check(text)


def test_every_kind_has_cases():
    assert set(RISKS) == set(KINDS)


@pytest.mark.parametrize("family, text", [(family, text) for family, texts in BENIGN.items() for text in texts])
def test_look_alikes_are_not_flagged(family, text):
    assert check(text) == ()


def test_the_words_that_raised_a_flag_are_given_as_written():
    [finding] = assess("tbh i wanna KMS bc nobody cares")
    assert finding.kind == "suicidal-thoughts" and finding.label == "suicidal thoughts"
    assert finding.evidence == ("KMS",)
    text = "My foster dad comes into my room at night"
    [finding] = assess(text)
    assert finding.kind == "sexual-abuse" and finding.evidence == ("comes into my room at night",)
    assert text[slice(*finding.spans[0])] == "comes into my room at night"


def test_the_cheap_first_look_never_hides_a_risk():
    for texts in RISKS.values():
        for text in texts:
            assert check(text) == tuple(f.kind for f in assess(text, prefilter=False))


def test_taggings_name_the_kinds_of_risk_most_urgent_first():
    flagged, plain = tag_many(["they said they will stab me and i want to kill myself", "the wifi is slow"])
    assert flagged.safeguarding and flagged.risks == ("suicidal-thoughts", "violence-threats")
    assert flagged.evidence["suicidal-thoughts"] == ("want to kill myself",) or "kill myself" in \
        flagged.evidence["suicidal-thoughts"][0]
    assert not plain.safeguarding and plain.risks == () and plain.evidence == {}
