"""Young people read the survey pages in the language they choose, and it is kept for the visit."""

from __future__ import annotations

import re

from participation import create_app
from participation.config import TestConfig
from participation.core.languages import offered


def html_lang(html: str) -> str:
    return re.search(r'<html lang="([^"]+)"', html).group(1)


def test_english_by_default_with_a_link_to_welsh(client, demo):
    html = client.get("/s/demo").get_data(as_text=True)
    assert html_lang(html) == "en-GB"
    assert "Start now" in html
    assert 'href="?lang=cy"' in html and ">Cymraeg<" in html


def test_lang_cy_shows_welsh_and_is_remembered_for_the_visit(client, demo):
    html = client.get("/s/demo?lang=cy").get_data(as_text=True)
    assert html_lang(html) == "cy"
    assert "Dechrau nawr" in html and "Start now" not in html
    assert "Fydd neb yn gwybod mai ti roddodd yr atebion hyn" in html
    again = client.get("/s/demo").get_data(as_text=True)  # no ?lang: the choice carries on
    assert html_lang(again) == "cy" and "Dechrau nawr" in again
    back = client.get("/s/demo?lang=en").get_data(as_text=True)
    assert "Start now" in back and html_lang(back) == "en-GB"


def test_browser_language_is_used_when_nothing_was_chosen(client, demo):
    html = client.get("/s/demo", headers={"Accept-Language": "cy-GB,cy;q=0.9,en;q=0.5"}).get_data(as_text=True)
    assert html_lang(html) == "cy" and "Dechrau nawr" in html
    html = client.get("/s/demo", headers={"Accept-Language": "fr"}).get_data(as_text=True)
    assert html_lang(html) == "en-GB"


def test_a_language_not_on_offer_is_ignored(client, demo):
    html = client.get("/s/demo?lang=xx").get_data(as_text=True)
    assert html_lang(html) == "en-GB" and "Start now" in html


def test_only_listed_languages_are_offered(database_url):
    config = TestConfig(database_url)
    config.LANGUAGES = "en"
    app = create_app(config)
    assert offered(app) == ["en"]
    with app.test_request_context("/?lang=cy"):
        from participation.core.languages import select_locale
        assert select_locale() == "en"
