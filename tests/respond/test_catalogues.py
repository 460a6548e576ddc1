"""Every shipped catalogue compiles, says whether a fluent speaker checked it, keeps the placeholders
and links of its English words, and covers every word on the pages young people see; and each
language's dates and numbers come out right on a page."""

from __future__ import annotations

import io
import re
from datetime import date, datetime, timezone

import pytest
from babel.messages.mofile import write_mo
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

from participation import create_app
from participation.config import TestConfig
from participation.core.languages import CATALOGUES, NAMES, RTL, TRANSLATIONS, offered
from tests.respond.helpers import offer_every_language, shipped_languages

PLACEHOLDER = re.compile(r"%\((\w+)\)s")
MARKUP = re.compile(r"<[^>]+>")
EXPECTED = {"cy", "ar", "fa", "prs", "ps", "ckb", "ti", "am", "vi", "sq"}


def catalogue(code: str):
    with (TRANSLATIONS / CATALOGUES.get(code, code) / "LC_MESSAGES" / "messages.po").open("rb") as po:
        return read_po(po)


def template_ids() -> list:
    with (TRANSLATIONS / "messages.pot").open("rb") as pot:
        return [m.id for m in read_po(pot) if m.id]


def test_the_languages_the_council_was_promised_are_shipped():
    assert set(shipped_languages()) >= EXPECTED
    for code in shipped_languages():
        assert code in NAMES and NAMES[code] != code, f"{code} has no name of its own to show"
    assert {"ar", "fa", "prs", "ps", "ckb"} <= RTL and not {"ti", "am", "vi", "sq", "cy"} & RTL


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_catalogue_compiles_with_a_right_header(code):
    po_path = TRANSLATIONS / CATALOGUES.get(code, code) / "LC_MESSAGES" / "messages.po"
    header = po_path.read_text(encoding="utf-8").split("\n\n", 1)[0]
    checked = re.findall(r"^# Checked by a fluent speaker: (yes|no)$", header, re.MULTILINE)
    assert len(checked) == 1, f"{code}: the header must say once whether a fluent speaker checked it"
    cat = catalogue(code)
    locale = CATALOGUES.get(code, code)
    assert str(cat.locale) == locale
    assert cat.num_plurals == get_plural(locale).num_plurals
    problems = [(m.id, [str(e) for e in errors]) for m, errors in cat.check()]
    assert not problems, problems
    write_mo(io.BytesIO(), cat)  # what `pybabel compile` does


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_every_word_is_translated_keeping_its_placeholders_and_links(code):
    cat = catalogue(code)
    missing, broken = [], []
    for msgid in template_ids():
        message = cat.get(msgid)
        forms = () if message is None else (message.string if isinstance(message.string, tuple) else (message.string,))
        if not forms or not all(forms):
            missing.append(msgid)
            continue
        english = msgid if isinstance(msgid, tuple) else (msgid,)
        wanted = set(PLACEHOLDER.findall(english[-1]))
        tags = sorted(MARKUP.findall(english[-1]))
        for form in forms:
            if set(PLACEHOLDER.findall(form)) != wanted or sorted(MARKUP.findall(form)) != tags:
                broken.append((msgid, form))
    assert not missing, f"{code} has no words for: {missing}"
    assert not broken, broken


def test_a_new_catalogue_is_not_offered_until_the_council_turns_it_on(database_url):
    config = TestConfig(database_url)
    config.LANGUAGES = "en,ar,prs"
    assert offered(create_app(config)) == ["en"]
    config.LANGUAGES_UNCHECKED_ON = "ar"
    assert offered(create_app(config)) == ["en", "ar"]


def test_the_app_starts_with_every_language_listed(database_url):
    codes = shipped_languages()
    config = TestConfig(database_url)
    config.LANGUAGES = ",".join(["en", *codes])
    config.LANGUAGES_UNCHECKED_ON = ",".join(codes)
    app = create_app(config)
    assert app.extensions["languages"] == ["en", *codes]


def test_each_language_shows_its_words_direction_dates_and_numbers(app, client, demo):
    from flask_babel import format_date, format_datetime, format_decimal, format_percent
    for code in offer_every_language(app):
        # Asking for help is in every language (a survey's pages only in those its words are translated into).
        html = client.get(f"/get-help?lang={code}").get_data(as_text=True)
        want = catalogue(code).get("Ask us to contact you").string
        assert want in html and "Ask us to contact you" not in html, code
        assert ('dir="rtl"' in html) == (code in RTL), code
        with app.test_request_context(f"/?lang={code}"):
            shown = [format_date(date(2027, 3, 14), "long"), format_decimal(12345.5), format_percent(0.75),
                     format_datetime(datetime(2027, 3, 14, 9, 30, tzinfo=timezone.utc), "short")]
            assert all(shown), (code, shown)
            if code != "vi":  # Vietnamese writes the year after "năm", still as 2027
                assert any("2027" in s or "۲۰۲۷" in s or "٢٠٢٧" in s for s in shown[:1]), (code, shown)


def test_dari_is_chosen_as_prs_and_read_from_the_afghan_catalogue(app, client, demo):
    offer_every_language(app)
    html = client.get("/get-help?lang=prs").get_data(as_text=True)
    assert '<html lang="fa-AF" dir="rtl">' in html
    assert catalogue("prs").get("Ask us to contact you").string in html
    phone = "Your phone number or email"  # Dari's own words, not Iran's Farsi
    assert catalogue("prs").get(phone).string in html and catalogue("fa").get(phone).string not in html
    again = client.get("/get-help").get_data(as_text=True)  # kept for the visit
    assert '<html lang="fa-AF" dir="rtl">' in again


def test_the_survey_lists_its_languages_by_their_own_names_in_their_own_direction(app, client, demo):
    codes = offer_every_language(app)
    html = client.get("/s/demo").get_data(as_text=True)
    for code in ("cy", "ar"):  # the demo's words are translated into these two
        direction = "rtl" if code in RTL else "ltr"
        link = f'<a href="?lang={code}" lang="{code}" hreflang="{code}" dir="{direction}">{NAMES[code]}</a>'
        assert link in html, link
    for code in set(codes) - {"cy", "ar"}:  # a survey is never offered half in a language
        assert f'href="?lang={code}"' not in html, code
