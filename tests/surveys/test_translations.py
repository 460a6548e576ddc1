"""An officer translates a survey on its page or in a spreadsheet; young people are offered the language once
every piece is translated from the English as it is now."""

from __future__ import annotations

import io
import re

from sqlalchemy import func, select

from participation.core.transaction import run
from participation.db import db
from participation.core.spreadsheets import read_upload
from participation.surveys import translating
from participation.surveys.models import Question, Survey, SurveyTextTranslation
from tests.factories import make_survey
from tests.helpers import csrf_token

WELSH = {"Your home": "Dy gartref", "Tell us about where you live.": "Dwed wrthon ni am ble rwyt ti'n byw.",
         "Where you live": "Ble rwyt ti'n byw", "Do you feel safe where you live?": "Wyt ti'n teimlo'n ddiogel?",
         "Tell us more": "Dwed fwy", "Who do you live with?": "Gyda phwy rwyt ti'n byw?",
         "Foster carers": "Gofalwyr maeth", "Somewhere else": "=Rhywle arall"}
SECTIONS = [{"title": "Where you live", "questions": [
    {"kind": "yesno", "text": "Do you feel safe where you live?", "required": True},
    {"kind": "single", "text": "Who do you live with?", "options": ["Foster carers", "Somewhere else"]},
    {"kind": "text", "text": "Tell us more"}]}]


def _survey(app) -> int:
    with app.app_context():
        return make_survey(db.session, "home", sections=SECTIONS).id


def _translations(app, survey_id: int) -> dict[str, str]:
    with app.app_context():
        return {t.key: t.text for t in db.session.scalars(select(SurveyTextTranslation).where(
            SurveyTextTranslation.survey_id == survey_id, SurveyTextTranslation.language == "cy"))}


def _page_boxes(html: str) -> dict[str, tuple[str, str]]:
    """Each box on the translation page by its name: (the English beside it, its hidden hash)."""
    boxes = {}
    for english, name in re.findall(r'English: <span lang="en-GB">([^<]*)</span></div>.*?name="(t-[^"]+)"', html, re.S):
        hashed = re.search(rf'name="h-{re.escape(name[2:])}" value="([^"]+)"', html).group(1)
        boxes[name] = (english.replace("&#39;", "'"), hashed)
    return boxes


def _young_person_sees(app, path: str = "/s/home?lang=cy") -> str:
    return app.test_client().get(path).text


def test_an_officer_translates_the_survey_on_its_page_and_young_people_are_offered_welsh(app, login_as):
    survey_id = _survey(app)
    client = login_as("officer")
    overview = client.get(f"/surveys/{survey_id}/translations").text
    assert "Not offered until every piece is translated and up to date" in overview
    page = client.get(f"/surveys/{survey_id}/translations/cy")
    assert page.status_code == 200 and 'lang="cy" dir="ltr"' in page.text
    boxes = _page_boxes(page.text)
    assert sorted(english for english, _ in boxes.values()) == sorted(WELSH)
    almost = {name: WELSH[english] for name, (english, _) in boxes.items() if english != "Tell us more"}
    hashes = {"h-" + name[2:]: hashed for name, (_, hashed) in boxes.items()}
    saved = client.post(f"/surveys/{survey_id}/translations/cy",
                        data={"csrf_token": csrf_token(page.text), **almost, **hashes})
    assert saved.status_code == 302
    intro = _young_person_sees(app)
    assert '<html lang="en-GB"' in intro and "Dy gartref" not in intro  # one piece left: not offered yet

    page = client.get(f"/surveys/{survey_id}/translations/cy").text
    done = {name: WELSH[english] for name, (english, _) in _page_boxes(page).items()}
    client.post(f"/surveys/{survey_id}/translations/cy", data={"csrf_token": csrf_token(page), **done, **hashes})
    intro = _young_person_sees(app)
    assert '<html lang="cy"' in intro and "Dy gartref" in intro and "Dwed wrthon ni am ble rwyt ti" in intro
    client_of_young_person = app.test_client()
    client_of_young_person.get("/s/home?lang=cy")
    question = client_of_young_person.get("/s/home/1").text
    assert "Gofalwyr maeth" in question and "=Rhywle arall" in question and 'value="foster-carers"' in question
    assert "Offered" in client.get(f"/surveys/{survey_id}/translations").text


def _translate_all(app, survey_id: int) -> None:
    with app.app_context():
        survey = db.session.get(Survey, survey_id)
        entries = [translating.Entry(p.key, WELSH[p.english], translating.source_hash(p.english))
                   for p in translating.pieces(survey)]
        run(db.session, lambda: translating.save(db.session, None, survey, "cy", entries, translatable=["cy"],
                                                 empty_removes=True))


def _reword(app, text: str, new_text: str) -> None:
    """Change a question's English, as an officer does in the builder."""
    with app.app_context():
        question = db.session.scalar(select(Question).where(Question.text == text))

        def reword():
            question.text = new_text
            db.session.flush()
        run(db.session, reword)


def test_changing_the_english_shows_the_translation_out_of_date_until_it_is_redone_or_confirmed(app, login_as):
    survey_id = _survey(app)
    _translate_all(app, survey_id)
    assert '<html lang="cy"' in _young_person_sees(app)
    client = login_as("officer")
    _reword(app, "Tell us more", "Tell us more about it")
    assert '<html lang="en-GB"' in _young_person_sees(app)
    page = client.get(f"/surveys/{survey_id}/translations/cy").text
    assert page.count("Out of date: the English has changed") == 1
    # Saving the page unchanged does not make it up to date: only a new translation or a confirmation does.
    boxes = _page_boxes(page)
    data = {"csrf_token": csrf_token(page), **{name: WELSH.get(english, "Dwed fwy") for name, (english, _) in boxes.items()},
            **{"h-" + name[2:]: hashed for name, (_, hashed) in boxes.items()}}
    client.post(f"/surveys/{survey_id}/translations/cy", data=data)
    assert '<html lang="en-GB"' in _young_person_sees(app)
    stale = next(name for name, (english, _) in boxes.items() if english == "Tell us more about it")
    client.post(f"/surveys/{survey_id}/translations/cy", data={**data, "ok-" + stale[2:]: "y"})
    assert '<html lang="cy"' in _young_person_sees(app)
    assert "Out of date" not in client.get(f"/surveys/{survey_id}/translations/cy").text


def _upload(client, survey_id: int, data: bytes, filename: str):
    page = client.get(f"/surveys/{survey_id}/translations").text
    return client.post(f"/surveys/{survey_id}/translations/upload", follow_redirects=True, data={
        "csrf_token": csrf_token(page), "upload": (io.BytesIO(data), filename)}, content_type="multipart/form-data")


def _filled(header: list[str], rows: list[list[str]], words: dict[str, str]) -> tuple[list[str], list[list[str]]]:
    cy = header.index("cy")
    return header, [[*row[:cy], words.get(row[1], ""), *row[cy + 1:]] for row in rows]


def test_a_spreadsheet_goes_out_and_comes_back_in_excel_and_csv(app, login_as):
    from participation.core.spreadsheets import encode_table

    app.config["LANGUAGES"] = "en,cy,ar"
    survey_id = _survey(app)
    client = login_as("officer")
    download = client.get(f"/surveys/{survey_id}/translations.xlsx")
    assert download.status_code == 200 and download.mimetype.endswith("spreadsheetml.sheet")
    header, rows = read_upload(download.data, "x.xlsx")
    assert header == ["key", "en", "cy", "ar"]
    assert sorted(row[1] for row in rows) == sorted(WELSH) and all(row[2:] == ["", ""] for row in rows)
    assert len({row[0] for row in rows}) == len(rows)
    header, rows = _filled(header, rows, WELSH)
    reply = _upload(client, survey_id, encode_table("xlsx", header, rows, "Translations"), "home.xlsx")
    assert f"Saved {len(WELSH)} translations from the spreadsheet." in reply.text
    assert sorted(_translations(app, survey_id).values()) == sorted(WELSH.values())
    assert '<html lang="cy"' in _young_person_sees(app)

    csv = client.get(f"/surveys/{survey_id}/translations.csv")
    text = csv.data.decode("utf-8-sig")
    assert "'=Rhywle arall" in text and "\n=" not in text and ",=" not in text  # never a formula
    reply = _upload(client, survey_id, csv.data, "home.csv")  # sent back as it came: nothing changes
    assert "The spreadsheet has no new translations, so nothing changed." in reply.text
    assert _translations(app, survey_id)[next(k for k, v in _translations(app, survey_id).items()
                                              if v.endswith("Rhywle arall"))] == "=Rhywle arall"
    header, rows = read_upload(csv.data, "home.csv")
    rows = [[*row[:2], "Dwed fwy, plis" if row[1] == "Tell us more" else row[2], row[3]] for row in rows]
    reply = _upload(client, survey_id, encode_table("csv", header, rows, "Translations"), "home.csv")
    assert "Saved 1 translation from the spreadsheet." in reply.text
    assert "Dwed fwy, plis" in _translations(app, survey_id).values()


def test_a_bad_or_half_wrong_spreadsheet_saves_nothing_and_says_why(app, login_as):
    from participation.core.spreadsheets import encode_table

    survey_id = _survey(app)
    client = login_as("officer")
    reply = _upload(client, survey_id, b"PK\x03\x04 not really a workbook", "home.xlsx")
    assert "Nothing was saved." in reply.text
    reply = _upload(client, survey_id, encode_table("csv", ["Text", "Welsh"], [["a", "b"]], "x"), "home.csv")
    assert "Nothing was saved. The first row must head the columns “key” and “en”" in reply.text
    header, rows = read_upload(client.get(f"/surveys/{survey_id}/translations.csv").data, "home.csv")
    header, rows = _filled(header, rows, WELSH)
    rows[-1][2] = "x" * (translating.MAX_TEXT + 1)  # one piece too long: none of the file is kept
    reply = _upload(client, survey_id, encode_table("csv", header, rows, "x"), "home.csv")
    assert "Nothing was saved. The translation of" in reply.text and "is too long" in reply.text
    reply = _upload(client, survey_id, encode_table("csv", [*header, "fr"], [[*r, ""] for r in rows], "x"), "home.csv")
    assert "Nothing was saved. The column “fr” is not one of the council&#39;s languages (cy)." in reply.text
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(SurveyTextTranslation)) == 0


def test_a_copy_of_a_survey_keeps_its_translations_with_the_new_title_to_translate(app, login_as):
    from tests.helpers import post_form

    survey_id = _survey(app)
    _translate_all(app, survey_id)
    client = login_as("officer")
    copied = post_form(client, f"/surveys/{survey_id}/duplicate", {}, form_page=f"/surveys/{survey_id}")
    copy_id = int(copied.headers["Location"].rstrip("/").split("/")[-1])
    assert copy_id != survey_id
    with app.app_context():
        copy = db.session.get(Survey, copy_id)
        progress = translating.progress(copy, "cy", translating.stored(db.session, copy))
        assert (progress.total, progress.missing, progress.out_of_date) == (len(WELSH), 0, 1)  # "(copy)" is new
    assert sorted(_translations(app, copy_id).values()) == sorted(WELSH.values())


def test_a_spreadsheet_too_big_is_refused_before_it_is_read(app, login_as):
    survey_id = _survey(app)
    client = login_as("officer")
    reply = _upload(client, survey_id, b"key,en,cy\r\n" + b"x" * translating.MAX_FILE, "home.csv")
    assert "Nothing was saved. The file is too big. Upload a file under 1024 KB." in reply.text
    assert _translations(app, survey_id) == {}


def test_the_survey_page_says_which_languages_young_people_can_read_it_in(app, login_as):
    survey_id = _survey(app)
    client = login_as("officer")
    assert "Young people can read it in English." in client.get(f"/surveys/{survey_id}").text
    _translate_all(app, survey_id)
    assert "Young people can read it in English, Cymraeg." in client.get(f"/surveys/{survey_id}").text
    _reword(app, "Tell us more", "Tell us more about it")
    html = client.get(f"/surveys/{survey_id}").text
    assert ("Young people can read it in English. Cymraeg is not offered until it is finished: 1 translation out "
            "of date because the English changed.") in html


def test_a_pasted_direction_override_is_dropped_but_the_marks_mixed_text_needs_are_kept(app):
    survey_id = _survey(app)
    with app.app_context():
        survey = db.session.get(Survey, survey_id)
        title = next(p for p in translating.pieces(survey) if p.key == "survey.title")
        entry = translating.Entry(title.key, "\u202eDy gartref\u202c \u200f(PA)\u200f", translating.source_hash(title.english))
        run(db.session, lambda: translating.save(db.session, None, survey, "cy", [entry], translatable=["cy"],
                                                 empty_removes=True))
    assert _translations(app, survey_id) == {"survey.title": "Dy gartref \u200f(PA)\u200f"}


def test_an_officer_previews_the_survey_in_welsh_before_it_is_finished(app, login_as):
    survey_id = _survey(app)
    client = login_as("officer")
    with app.app_context():
        survey = db.session.get(Survey, survey_id)
        question = next(p for p in translating.pieces(survey) if p.english == "Who do you live with?")
        run(db.session, lambda: translating.save(db.session, None, survey, "cy", [
            translating.Entry(question.key, "Gyda phwy rwyt ti'n byw?", translating.source_hash(question.english))],
            translatable=["cy"], empty_removes=True))
    page = client.get(f"/surveys/{survey_id}/translations/cy").text
    assert f'href="/surveys/{survey_id}/preview/?lang=cy"' in page
    intro = client.get(f"/surveys/{survey_id}/preview/?lang=cy").text
    assert '<html lang="cy"' in intro and "Your home" in intro  # the title is not translated yet
    first = client.get(f"/surveys/{survey_id}/preview/1").text  # the choice carries on through the preview
    assert "Gyda phwy rwyt ti&#39;n byw?" in first and "Foster carers" in first
    assert "Who do you live with?" not in first
    with app.app_context():  # nothing of the preview was saved
        assert db.session.scalar(select(Question.text).where(Question.id == int(question.key.split(".")[1]))) == \
            "Who do you live with?"
    staff_page = client.get(f"/surveys/{survey_id}").text  # staff pages stay in English
    assert '<html lang="en-GB"' in staff_page and "Skip to main content" in staff_page
    assert '<html lang="en-GB"' in app.test_client().get("/s/home?lang=cy").text


def test_every_page_of_the_demo_previews_in_welsh(app, demo, login_as):
    client = login_as("officer")
    with app.app_context():
        survey_id = db.session.scalar(select(Survey.id).where(Survey.slug == "demo"))
    assert "Dy fywyd, dy lais" in client.get(f"/surveys/{survey_id}/preview/?lang=cy").text
    for number, words in enumerate(["Gofalwyr maeth", "Neb", "Byddwn ni'n gwrando arnat ti", "Dwed fwy wrthon ni"], 1):
        page = client.get(f"/surveys/{survey_id}/preview/{number}")
        assert page.status_code == 200 and words in page.text.replace("&#39;", "'"), number


def test_a_small_workbook_of_a_million_tiny_cells_is_refused_in_plain_words(app, login_as):
    # 4,900 rows of 200 one-digit cells: about 40 KB, within the row and column limits, yet it held a worker
    # for 20 seconds before it was refused; now it is refused at once by its count of cells.
    from tests import hostile_workbooks as hostile

    survey_id = _survey(app)
    client = login_as("officer")
    reply = _upload(client, survey_id, hostile.dense_cells(4_900, 200), "home.xlsx")
    assert "Nothing was saved." in reply.text and "100,000 cells in all" in reply.text
    assert _translations(app, survey_id) == {}
