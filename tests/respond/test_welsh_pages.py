"""Every page a young person or the public sees is fully in Welsh when Welsh is chosen: no English
interface words are left in its templates outside the catalogues, and none on any page of the demo
journey (only the survey's own words, typed by an officer, stay as they were written)."""

from __future__ import annotations

import re
from datetime import timedelta
from html.parser import HTMLParser
from pathlib import Path

from babel.messages.pofile import read_po
from flask import render_template
from sqlalchemy import String, Text, select

from participation.db import db, today
from participation.extensions import TOO_MANY
from participation.surveys import translating
from participation.surveys.models import SurveyTextTranslation
from tests.factories import make_survey
from tests.helpers import csrf_token
from tests.respond.helpers import DEMO_ANSWERS, answer_demo, field_names, post_page, send

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "templates"
TRANSLATIONS = ROOT / "participation" / "translations"

#: The templates of every page a young person or the public can open (staff-only pages stay English).
RESPONDENT_TEMPLATES = sorted(
    [TEMPLATES / "base.html", *(TEMPLATES / "respond").glob("*.html"), TEMPLATES / "tracker" / "board.html",
     *(TEMPLATES / "help_requests" / name for name in ("_field.html", "ask.html", "asked.html")),
     *(TEMPLATES / "errors" / f"{code}.html" for code in (400, 404, 413, 429, 500))]
)

#: Attributes whose words are read out or shown.
SHOWN_ATTRIBUTES = {"aria-label", "title", "alt", "placeholder"}


class _VisibleText(HTMLParser):
    """The text a person sees or hears on a page: text nodes (not scripts or styles) and shown attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._hidden += 1
        self.pieces += [value for name, value in attrs if name in SHOWN_ATTRIBUTES and value]

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._hidden:
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden and data.strip():
            self.pieces.append(data.strip())


def visible_text(html: str) -> list[str]:
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    return parser.pieces


def literal_words(source: str) -> list[str]:
    """Words a template shows that do not come from a catalogue: its text once every Jinja comment,
    {% trans %} block, {{ expression }} and {% tag %} is taken out."""
    source = re.sub(r"{#.*?#}", " ", source, flags=re.S)
    source = re.sub(r"{%-?\s*trans\b.*?{%-?\s*endtrans\s*-?%}", " ", source, flags=re.S)
    source = re.sub(r"{{.*?}}", " ", source, flags=re.S)
    source = re.sub(r"{%.*?%}", " ", source, flags=re.S)
    return [piece for piece in visible_text(source) if re.search(r"[^\W\d_]", piece)]


def test_the_template_check_finds_english_outside_the_catalogues():
    assert literal_words('<p>Hello {{ name }}</p><a aria-label="Go back" href="/">{{ _("Back") }}</a>') == [
        "Hello", "Go back"]
    assert literal_words('<p>{{ _("Hello") }} {% trans n=1 %}It is {{ n }} <b>o’clock</b>{% endtrans %}</p>'
                         '{# Not shown #}<script>var a = "words";</script><p>0800 1111 – 999</p>') == []


def test_no_respondent_template_has_english_outside_the_catalogues():
    assert len(RESPONDENT_TEMPLATES) >= 21
    found = {str(t.relative_to(TEMPLATES)): literal_words(t.read_text(encoding="utf-8"))
             for t in RESPONDENT_TEMPLATES}
    assert not {name: words for name, words in found.items() if words}


def test_respondent_templates_look_up_only_their_own_words_with_gettext():
    # `_()` marks what it returns as safe HTML: given anything but the template's own words (a theme's name,
    # a stored answer), typed HTML would run. Such words go through the `translated` filter, which escapes.
    found = {str(t.relative_to(TEMPLATES)): re.findall(r"\b_\(\s*[^\s\"']\S*", t.read_text(encoding="utf-8"))
             for t in RESPONDENT_TEMPLATES}
    assert not {name: calls for name, calls in found.items() if calls}


def _catalogue(name: str):
    path = TRANSLATIONS / name
    with path.open("rb") as f:
        return read_po(f)


def _words(text: str) -> set[str]:
    text = re.sub(r"%\(\w+\)s|<[^>]+>", " ", text)
    return set(re.findall(r"[^\W\d_]+", text.lower()))


def _strings(message) -> list[str]:
    value = message if isinstance(message, (tuple, list)) else [message]
    return [v for v in value if v]


def test_every_interface_word_has_welsh_with_the_same_placeholders_and_links():
    english, welsh = _catalogue("messages.pot"), _catalogue("cy/LC_MESSAGES/messages.po")
    assert len(english) >= 90
    for message in english:
        if not message.id:
            continue
        translated = welsh.get(message.id)
        assert translated is not None and all(_strings(translated.string)), message.id
        assert len(_strings(translated.string)) == (welsh.num_plurals if message.pluralizable else 1), message.id
        placeholders = set(re.findall(r"%\(\w+\)s", " ".join(_strings(message.id))))
        tags = re.findall(r"<(/?\w+)", _strings(message.id)[0])
        for text in _strings(translated.string):
            assert set(re.findall(r"%\(\w+\)s", text)) == placeholders, message.id
            assert re.findall(r"<(/?\w+)", text) == tags, message.id


#: Everyday English words: any of them on a page in Welsh means English interface text is left over.
EVERYDAY = set("""the and you your to of is it this that we are for not what with on in be can have do will was were
our us they there here who how when which if or but all any one some more now again page answer answers survey
send sent help please thank back next check change code error problem try wait minute minutes
january february march april may june july august september october november december"""
               .split())


def english_words() -> set[str]:
    """Words of the English interface that no Welsh line uses (so "a", "i" or "am", Welsh words too, are not counted)."""
    english, welsh = _catalogue("messages.pot"), _catalogue("cy/LC_MESSAGES/messages.po")
    words = set(EVERYDAY)
    for message in english:
        for text in _strings(message.id):
            words |= _words(text)
    for message in welsh:
        for text in _strings(message.string):
            words -= _words(text)
    return words


def survey_content(app) -> list[str]:
    """Every piece of text held in the database, and the council's phone number and email (the survey's own
    words, the board's entries): shown as written, not interface text. The council's names are not among
    them: the shipped ones are translated, and a council gives its own in each language."""
    found: set[str] = {str(app.config[k]) for k in ("COUNCIL_HELP_PHONE", "COUNCIL_HELP_EMAIL") if app.config.get(k)}
    with app.app_context():
        for table in db.metadata.sorted_tables:
            columns = [c for c in table.columns if isinstance(c.type, (String, Text))]
            if columns:
                for row in db.session.execute(select(*columns)):
                    found |= {value for value in row if isinstance(value, str) and value.strip()}
    return sorted(found, key=len, reverse=True)


def leftover_english(html: str, content: list[str], words: set[str]) -> list[str]:
    """The pieces of a page's visible text that still hold English interface words."""
    left = []
    for piece in visible_text(html):
        for text in content:
            if text in piece:
                piece = re.sub(rf"(?<!\w){re.escape(text)}(?!\w)", " ", piece)
        if _words(piece) & words:
            left.append(piece)
    return left


def test_leftover_english_is_found_on_a_page():
    words = english_words()
    html = "<h1>Gwiria dy atebion</h1><p>Your life, your say</p><button>Send my answers</button>"
    assert leftover_english(html, ["Your life, your say"], words) == ["Send my answers"]


def in_welsh(session, survey) -> None:
    """Every piece of a survey's own words translated into Welsh, so its pages are offered in Welsh."""
    for piece in translating.pieces(survey):
        session.add(SurveyTextTranslation(survey=survey, key=piece.key, language="cy", text=f"Cymraeg {piece.key}",
                                          source_hash=translating.source_hash(piece.english)))
    session.commit()


def test_the_demo_journey_is_all_in_welsh(client, app, demo):
    with app.app_context():
        in_welsh(db.session, make_survey(db.session, "last-year", title="Last year's survey",
                                         closes_on=today() - timedelta(days=1)))
        in_welsh(db.session, make_survey(db.session, "soon", title="Next month", opens_on=today() + timedelta(days=9)))
        in_welsh(db.session, make_survey(db.session, "group-only", title="Only for one group",
                                         access_code="TIGER-LILY-42"))
    pages: dict[str, str] = {}
    intro = client.get("/s/demo?lang=cy")
    assert 'lang="cy"' in intro.text
    pages["intro"] = intro.text
    names = field_names(app, "demo")
    pages["page 1 with errors"] = post_page(client, "demo", 1, {}).text
    long_text = "a" * (app.config["MAX_TEXT_ANSWER"] + 1)
    pages["page 4 with too long an answer"] = post_page(client, "demo", 4, {names[7]: long_text}).text
    for number in range(1, len(DEMO_ANSWERS) + 1):
        pages[f"page {number}"] = client.get(f"/s/demo/{number}").text
    check = answer_demo(client, app)
    pages["check"] = check
    pages["change an answer"] = client.get("/s/demo/2?change=1").text
    assert send(client, "demo", check).status_code == 302
    pages["thanks"] = client.get("/s/demo/thanks").text
    pages["back after sending"] = client.get("/s/demo/check").text
    pages["closed"] = client.get("/s/last-year").text
    pages["not open yet"] = client.get("/s/soon").text
    code_intro = client.get("/s/group-only").text
    pages["access code"] = code_intro
    pages["wrong access code"] = client.post("/s/group-only/code", data={
        "csrf_token": csrf_token(code_intro), "code": "WRONG"}).text
    pages["too long a code"] = client.post("/s/group-only/code", data={
        "csrf_token": csrf_token(code_intro), "code": "X" * 50}).text
    pages["empty code"] = client.post("/s/group-only/code", data={"csrf_token": csrf_token(code_intro)}).text
    other = app.test_client()
    pages["answers lost"] = other.get("/s/demo/check?lang=cy").text

    assert "Gwiria dy atebion" in pages["check"] and "Diolch" in pages["thanks"]
    assert "Rhan 1 o 4" in pages["page 1"] and "Mae problem" in pages["page 1 with errors"]
    assert "Mae dy ateb yn rhy hir" in pages["page 4 with too long an answer"]
    assert "Dydy’r cod yna ddim yn iawn" in pages["wrong access code"]
    assert "Hapus" in pages["check"]  # a face's word, shown back in Welsh
    content, words = survey_content(app), english_words()
    left = {name: leftover_english(html, content, words) for name, html in pages.items()}
    assert not {name: pieces for name, pieces in left.items() if pieces}
    assert all('<html lang="cy"' in html for html in pages.values())


def test_getting_help_the_board_and_the_error_pages_are_all_in_welsh(client, app, demo):
    pages: dict[str, str] = {}
    pages["board"] = client.get("/you-said-we-did?lang=cy").text
    pages["board, second page"] = client.get("/you-said-we-did?page=2").text
    ask = client.get("/get-help").text
    pages["ask us to contact you"] = ask
    pages["ask, with nothing typed"] = client.post("/get-help", data={"csrf_token": csrf_token(ask)}).text
    pages["ask, with a contact that reaches nobody"] = client.post("/get-help", data={
        "csrf_token": csrf_token(ask), "contact": "abc", "name": "n" * 81, "best_time": "t" * 121,
        "message": "m" * 1001}).text
    for _ in range(5):
        assert client.post("/get-help", data={"csrf_token": csrf_token(ask), "contact": "07700 900123"}).status_code == 302
    pages["we will contact you"] = client.get("/get-help/sent").text
    pages["ask, too many times"] = client.post("/get-help", data={
        "csrf_token": csrf_token(ask), "contact": "07700 900123"}).text
    pages["not found"] = client.get("/s/nothing").text
    pages["unreadable address"] = client.get("/s/demo?x=%00").text
    pages["too much to send"] = client.post("/s/demo/1", data={"q": "x" * app.config["MAX_CONTENT_LENGTH"]}).text
    with app.test_request_context("/s/demo/check?lang=cy"):
        pages["too many tries"] = render_template("errors/429.html", message=TOO_MANY)
        pages["something went wrong"] = render_template("errors/500.html")

    assert "Gofynna i ni gysylltu â ti" in pages["ask us to contact you"]
    assert "Allwn ni ddim defnyddio hwnna i gysylltu â ti" in pages["ask, with a contact that reaches nobody"]
    assert "Defnyddia 80 llythyren neu lai" in pages["ask, with a contact that reaches nobody"]
    assert "Ysgrifenna rif ffôn neu e-bost" in pages["ask, with nothing typed"]
    assert "Doedden ni ddim yn gallu anfon hwn nawr" in pages["ask, too many times"]
    assert "Dywedaist ti, fe wnaethon ni" in pages["board"] and "Dywedaist ti:" in pages["board"]
    assert "Gormod o gynigion. Arhosa funud" in pages["too many tries"]
    content, words = survey_content(app), english_words()
    left = {name: leftover_english(html, content, words) for name, html in pages.items()}
    assert not {name: pieces for name, pieces in left.items() if pieces}
    assert all('<html lang="cy"' in html for html in pages.values())


def test_the_journey_stays_in_english_by_default(client, app, demo):
    check = answer_demo(client, app)
    assert "Check your answers" in check and "Send my answers" in check and "Happy" in check
    content, words = survey_content(app), english_words()
    assert leftover_english(check, content, words)  # the check itself sees English when it is there


def test_the_council_gives_its_names_in_welsh(app, client, demo):
    welsh = client.get("/get-help?lang=cy").text
    assert "Dy gyngor" in welsh and "staff y Tîm Cyfranogi" in welsh and "Participation Team" not in welsh
    app.config.update(COUNCIL_NAME="Ceredigion County Council", COUNCIL_NAME_CY="Cyngor Sir Ceredigion",
                      COUNCIL_HELP_NAME="the Children's Rights Officer", COUNCIL_HELP_NAME_CY="Swyddog Hawliau Plant")
    welsh = client.get("/get-help").text
    assert "Cyngor Sir Ceredigion" in welsh and "rywun o Swyddog Hawliau Plant gysylltu" in welsh
    assert "Ceredigion County Council" not in welsh and "Rights Officer" not in welsh
    english = client.get("/get-help?lang=en").text
    assert "Ceredigion County Council" in english and "someone from the Children&#39;s Rights Officer" in english
    assert "Cyngor Sir" not in english


def test_a_councils_names_in_other_languages_are_read_from_the_environment():
    from participation.config import Config

    config = Config({"COUNCIL_NAME_CY": " Cyngor Sir Ceredigion ", "COUNCIL_HELP_NAME_CY": "Swyddog Hawliau Plant",
                     "COUNCIL_NAME_cy": "ignored", "COUNCIL_NAME_CY_X": "ignored"})
    assert config.COUNCIL_NAME_CY == "Cyngor Sir Ceredigion" and config.COUNCIL_HELP_NAME_CY == "Swyddog Hawliau Plant"
    assert not hasattr(config, "COUNCIL_NAME_cy") and not hasattr(config, "COUNCIL_NAME_CY_X")
