"""The demo survey at /s/demo: short, written for young people, with every kind of question, in English,
Welsh and Arabic."""

from __future__ import annotations

DEMO_SURVEY = {
    "slug": "demo",
    "title": "Your life, your say",
    "audience": "everyone",
    "status": "open",
    "intro": (
        "We want to know what life is like for you, so we can make things better. "
        "Your answers help the council keep its promises to children in care and care leavers."
    ),
    "thanks": "Thank you for your time. What you told us will help us make things better.",
    "sections": [
        {
            "title": "Where you live",
            "questions": [
                {"kind": "faces", "text": "How do you feel about where you live?", "required": True,
                 "theme": "safe-home"},
                {"kind": "yesno", "text": "Do you feel safe where you live?", "required": True,
                 "theme": "safe-home"},
                {"kind": "single", "text": "Who do you live with now?", "theme": "safe-home",
                 "options": ["Foster carers", "In a children's home", "With my family",
                             "In my own place", "Somewhere else"]},
            ],
        },
        {
            "title": "Being listened to",
            "questions": [
                {"kind": "scale", "text": "How much do adults listen to you when they make plans for you?",
                 "help": "1 means not at all. 5 means all the time.", "required": True,
                 "theme": "involve-me"},
                {"kind": "multiple", "text": "Who can you talk to when something is wrong?",
                 "help": "Choose all that fit.", "theme": "involve-me",
                 "options": ["My carer or key worker", "My social worker", "My PA",
                             "A teacher", "A friend", "Someone in my family", "Nobody"]},
            ],
        },
        {
            "title": "Our promises to you",
            "intro": "We made promises to you. Tell us if we keep them.",
            "questions": [
                {"kind": "promise", "text": "We will listen to you and take your views seriously.",
                 "required": True, "theme": "involve-me"},
                {"kind": "promise", "text": "We will help you do well at school or college.",
                 "theme": "achieve"},
            ],
        },
        {
            "title": "Tell us more",
            "intro": "You can write as much or as little as you like.",
            "questions": [
                {"kind": "text", "text": "What is the best thing about where you live?",
                 "theme": "safe-home"},
                {"kind": "text", "text": "What is one thing we should change?"},
            ],
        },
    ],
}


#: The demo survey's words in other languages, in the shape and order of DEMO_SURVEY (see
#: surveys.translating.add_from_outline). Faces, scales, yes/no and promises are the app's own words.
DEMO_TRANSLATIONS = {
    "cy": {
        "title": "Dy fywyd, dy lais",
        "intro": ("Rydyn ni eisiau gwybod sut mae bywyd i ti, er mwyn i ni wneud pethau'n well. Mae dy atebion "
                  "yn helpu'r cyngor i gadw ei addewidion i blant mewn gofal a phobl sy'n gadael gofal."),
        "thanks": "Diolch am dy amser. Bydd beth ddwedaist ti yn ein helpu i wneud pethau'n well.",
        "sections": [
            {"title": "Ble rwyt ti'n byw", "questions": [
                {"text": "Sut rwyt ti'n teimlo am ble rwyt ti'n byw?"},
                {"text": "Wyt ti'n teimlo'n ddiogel lle rwyt ti'n byw?"},
                {"text": "Gyda phwy rwyt ti'n byw nawr?",
                 "options": ["Gofalwyr maeth", "Mewn cartref plant", "Gyda fy nheulu", "Yn fy lle fy hun",
                             "Rhywle arall"]},
            ]},
            {"title": "Cael dy glywed", "questions": [
                {"text": "Faint mae oedolion yn gwrando arnat ti pan maen nhw'n gwneud cynlluniau i ti?",
                 "help": "Mae 1 yn golygu dim o gwbl. Mae 5 yn golygu drwy'r amser."},
                {"text": "Gyda phwy gelli di siarad pan mae rhywbeth yn bod?",
                 "help": "Dewis bob un sy'n iawn.",
                 "options": ["Fy ngofalwr neu fy ngweithiwr allweddol", "Fy ngweithiwr cymdeithasol",
                             "Fy nghynghorydd personol (PA)", "Athro neu athrawes", "Ffrind",
                             "Rhywun yn fy nheulu", "Neb"]},
            ]},
            {"title": "Ein haddewidion i ti",
             "intro": "Gwnaethon ni addewidion i ti. Dwed wrthon ni os ydyn ni'n eu cadw nhw.",
             "questions": [
                 {"text": "Byddwn ni'n gwrando arnat ti ac yn cymryd dy farn o ddifri."},
                 {"text": "Byddwn ni'n dy helpu i wneud yn dda yn yr ysgol neu'r coleg."},
             ]},
            {"title": "Dwed fwy wrthon ni",
             "intro": "Gelli di ysgrifennu cymaint neu gyn lleied ag yr hoffet ti.",
             "questions": [
                 {"text": "Beth yw'r peth gorau am ble rwyt ti'n byw?"},
                 {"text": "Beth yw un peth dylen ni ei newid?"},
             ]},
        ],
    },
    "ar": {
        "title": "حياتك، رأيك",
        "intro": ("نريد أن نعرف كيف هي حياتك، حتى نجعل الأمور أفضل. إجاباتك تساعد المجلس على الوفاء بوعوده "
                  "للأطفال في الرعاية وللشباب الذين تركوا الرعاية."),
        "thanks": "شكرًا لوقتك. ما قلته لنا سيساعدنا على جعل الأمور أفضل.",
        "sections": [
            {"title": "المكان الذي تعيش فيه", "questions": [
                {"text": "ما شعورك تجاه المكان الذي تعيش فيه؟"},
                {"text": "هل تشعر بالأمان في المكان الذي تعيش فيه؟"},
                {"text": "مع من تعيش الآن؟",
                 "options": ["مع عائلة حاضنة", "في دار للأطفال", "مع عائلتي", "في مكاني الخاص", "في مكان آخر"]},
            ]},
            {"title": "هل يستمع إليك الكبار؟", "questions": [
                {"text": "كم يستمع إليك الكبار عندما يضعون خططًا لك؟",
                 "help": "1 تعني أبدًا. 5 تعني دائمًا."},
                {"text": "مع من يمكنك أن تتكلم عندما يكون هناك شيء خطأ؟",
                 "help": "اختر كل ما ينطبق عليك.",
                 "options": ["مقدم الرعاية أو المشرف عليّ", "الأخصائي الاجتماعي", "المستشار الشخصي (PA)",
                             "معلم أو معلمة", "صديق أو صديقة", "شخص من عائلتي", "لا أحد"]},
            ]},
            {"title": "وعودنا لك",
             "intro": "قطعنا لك وعودًا. أخبرنا هل نفي بها.",
             "questions": [
                 {"text": "سنستمع إليك ونأخذ رأيك بجدية."},
                 {"text": "سنساعدك على النجاح في المدرسة أو الكلية."},
             ]},
            {"title": "أخبرنا المزيد",
             "intro": "يمكنك أن تكتب كثيرًا أو قليلًا، كما تحب.",
             "questions": [
                 {"text": "ما أفضل شيء في المكان الذي تعيش فيه؟"},
                 {"text": "ما الشيء الواحد الذي يجب أن نغيّره؟"},
             ]},
        ],
    },
}
