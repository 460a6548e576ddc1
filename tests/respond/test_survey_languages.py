"""Young people read a survey in Welsh or Arabic only when every word of it is translated from the English
as it is now, and their answers are stored the same whatever the language."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from participation.core.languages import offered
from participation.core.transaction import run
from participation.db import db
from participation.surveys import translating
from participation.surveys.models import Question, Survey, SurveyTextTranslation
from tests.respond.helpers import answer_demo, send, stored_answers


def html_lang(html: str) -> tuple[str, str]:
    """The page's language and direction (left to right unless it says otherwise)."""
    found = re.search(r'<html lang="([^"]+)"(?: dir="([^"]+)")?>', html)
    assert found, html[:300]
    return found.group(1), found.group(2) or "ltr"


@pytest.fixture
def arabic_on(app):
    """A council that has turned Arabic on (its catalogue not yet checked by a fluent speaker)."""
    app.config.update(LANGUAGES="en,cy,ar", LANGUAGES_UNCHECKED_ON="ar")
    app.extensions["languages"] = offered(app)
    assert app.extensions["languages"] == ["en", "cy", "ar"]


def _demo(app) -> Survey:
    return db.session.scalar(select(Survey).where(Survey.slug == "demo"))


def test_the_demo_is_offered_in_welsh_and_arabic_with_the_page_direction_following(client, demo, arabic_on):
    english = client.get("/s/demo").text
    assert html_lang(english) == ("en-GB", "ltr")
    assert ">Cymraeg<" in english and ">العربية<" in english
    welsh = client.get("/s/demo?lang=cy").text
    assert html_lang(welsh) == ("cy", "ltr")
    assert "Dy fywyd, dy lais" in welsh and "Your life, your say" not in welsh
    arabic = client.get("/s/demo?lang=ar").text
    assert html_lang(arabic) == ("ar", "rtl")
    assert "حياتك، رأيك" in arabic and "Your life, your say" not in arabic
    page = client.get("/s/demo/1").text  # the choice carries on through the survey
    assert html_lang(page) == ("ar", "rtl")
    assert "مع من تعيش الآن؟" in page and "في دار للأطفال" in page and "Foster carers" not in page
    assert 'value="foster-carers"' in page  # the value stored stays the same


def test_a_language_the_council_has_not_turned_on_is_not_offered(client, demo):
    html = client.get("/s/demo?lang=ar").text
    assert html_lang(html) == ("en-GB", "ltr") and "Your life, your say" in html
    assert "العربية" not in html


def _answers_in(app, language: str) -> list:
    client = app.test_client()
    if language != "en":
        client.get(f"/s/demo?lang={language}")
    check = answer_demo(client, app)
    assert send(client, "demo", check).status_code == 302
    thanks = client.get("/s/demo/thanks").text
    return stored_answers(app), check, thanks


def test_answering_in_welsh_or_arabic_stores_the_same_answers_as_in_english(app, demo, arabic_on):
    english, _, thanks = _answers_in(app, "en")
    assert "Thank you for your time." in thanks
    stored = len(english)
    welsh, check, thanks = _answers_in(app, "cy")
    assert "Gofalwyr maeth" in check and "Foster carers" not in check  # the check page shows the Welsh labels
    assert "Diolch am dy amser." in thanks and html_lang(thanks) == ("cy", "ltr")
    arabic, check, thanks = _answers_in(app, "ar")
    assert "مع عائلة حاضنة" in check
    assert "شكرًا لوقتك." in thanks and html_lang(thanks) == ("ar", "rtl")
    # Each send stores the same answers: all three, each the English's own (question, value, text).
    assert len(welsh) == 2 * stored and len(arabic) == 3 * stored
    assert sorted(arabic) == sorted(english * 3)


def test_changing_the_english_marks_a_translation_out_of_date_and_the_language_stops_being_offered(
        app, client, demo, arabic_on):
    with app.app_context():
        survey = _demo(app)
        question = db.session.scalar(select(Question).where(Question.survey_id == survey.id,
                                                            Question.text == "Who do you live with now?"))
        assert translating.progress(survey, "cy", translating.stored(db.session, survey)).complete

        def reword():
            question.text = "Who do you live with at the moment?"
            db.session.flush()
        run(db.session, reword)
        progress = translating.progress(survey, "cy", translating.stored(db.session, survey))
        assert (progress.missing, progress.out_of_date) == (0, 1) and not progress.complete
    html = client.get("/s/demo?lang=cy").text
    assert html_lang(html) == ("en-GB", "ltr") and "Your life, your say" in html and "Cymraeg" not in html
    assert "Start now" in html  # the whole page in English, not half in Welsh
    arabic = client.get("/s/demo?lang=ar").text
    assert html_lang(arabic) == ("en-GB", "ltr")
    assert "Who do you live with at the moment?" in client.get("/s/demo/1").text


def test_a_partly_translated_survey_does_not_offer_the_language(app, client, demo, arabic_on):
    with app.app_context():
        survey = _demo(app)
        hint = db.session.scalar(select(SurveyTextTranslation).where(
            SurveyTextTranslation.survey_id == survey.id, SurveyTextTranslation.language == "ar",
            SurveyTextTranslation.key.like("question.%.help")))

        def forget():
            db.session.delete(hint)
            db.session.flush()
        run(db.session, forget)
    html = client.get("/s/demo?lang=ar").text
    assert html_lang(html) == ("en-GB", "ltr") and "حياتك" not in html
    welsh = client.get("/s/demo?lang=cy").text
    assert html_lang(welsh) == ("cy", "ltr") and "Dy fywyd, dy lais" in welsh


def test_every_page_in_welsh_and_in_arabic_with_everything_it_loads_is_under_30_kb(app, demo, arabic_on):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    from respondent import BUDGET, weigh_pages

    for code, words in (("cy", "Dy fywyd, dy lais"), ("ar", "حياتك، رأيك")):
        client = app.test_client()
        assert words in client.get(f"/s/demo?lang={code}").text  # chosen, and kept for the walk
        rows = weigh_pages(client)
        assert len(rows) >= 15
        heavy = [(label, total) for label, _, total in rows if total >= BUDGET]
        assert not heavy, (code, heavy)
