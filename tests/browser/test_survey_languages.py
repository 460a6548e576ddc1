"""The demo answered on a phone in Welsh and in Arabic, and an officer's translation pages, in a real browser."""

from __future__ import annotations

from playwright.sync_api import expect

from participation.core.languages import offered
from tests.browser.conftest import assert_accessible, sign_in_at_surveys
from tests.respond.helpers import field_names, stored_answers


def _arabic_on(app) -> None:
    app.config.update(LANGUAGES="en,cy,ar", LANGUAGES_UNCHECKED_ON="ar")
    app.extensions["languages"] = offered(app)


def _page_is_in(page, lang: str, direction: str | None) -> None:
    expect(page.locator("html")).to_have_attribute("lang", lang)
    if direction:
        expect(page.locator("html")).to_have_attribute("dir", direction)
    else:
        assert page.locator("html").get_attribute("dir") is None
    # Nothing sideways: a hidden link once stretched right-to-left pages to ten thousand pixels wide.
    assert page.evaluate("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    assert_accessible(page)


def _answer_demo_in(page, live_server, names, code, lang, direction, words):
    """Answer every demo page in one language, tapping the translated labels of the answers to choose."""
    page.goto(f"{live_server}/s/demo?lang={code}")
    expect(page.get_by_role("heading", level=1)).to_have_text(words["title"])
    _page_is_in(page, lang, direction)
    page.locator("a.button-start").click()
    page.locator(f'input[name="{names[0]}"][value="4"]').check()
    page.locator(f'input[name="{names[1]}"][value="yes"]').check()
    page.get_by_label(words["foster carers"], exact=True).check()
    _page_is_in(page, lang, direction)
    page.locator("main form button[type=submit]").click()
    page.locator(f'input[name="{names[3]}"][value="3"]').check()
    page.get_by_label(words["my pa"], exact=True).check()
    page.get_by_label(words["a friend"], exact=True).check()
    _page_is_in(page, lang, direction)
    page.locator("main form button[type=submit]").click()
    page.locator(f'input[name="{names[5]}"][value="sometimes"]').check()
    page.locator(f'input[name="{names[6]}"][value="kept"]').check()
    _page_is_in(page, lang, direction)
    page.locator("main form button[type=submit]").click()
    page.locator(f'textarea[name="{names[7]}"]').fill("My foster mum listens to me")
    _page_is_in(page, lang, direction)
    page.locator("main form button[type=submit]").click()
    expect(page.get_by_text(words["my pa"])).to_be_visible()  # the check page shows the answers in the language
    _page_is_in(page, lang, direction)
    page.locator("#send").click()
    expect(page.get_by_text(words["thanks"])).to_be_visible()
    _page_is_in(page, lang, direction)


WELSH = {"title": "Dy fywyd, dy lais", "foster carers": "Gofalwyr maeth", "my pa": "Fy nghynghorydd personol (PA)",
         "a friend": "Ffrind", "thanks": "Diolch am dy amser."}
ARABIC = {"title": "حياتك، رأيك", "foster carers": "مع عائلة حاضنة", "my pa": "المستشار الشخصي (PA)",
          "a friend": "صديق أو صديقة", "thanks": "شكرًا لوقتك."}
ENGLISH = {"title": "Your life, your say", "foster carers": "Foster carers", "my pa": "My PA", "a friend": "A friend",
           "thanks": "Thank you for your time."}


def test_the_demo_answered_in_welsh_and_in_arabic_stores_what_english_stores(app, demo, live_server, browser,
                                                                              phone_settings):
    _arabic_on(app)
    names = field_names(app, "demo")
    stored = []
    for code, lang, direction, words in (("en", "en-GB", None, ENGLISH), ("cy", "cy", None, WELSH),
                                         ("ar", "ar", "rtl", ARABIC)):
        context = browser.new_context(**phone_settings, bypass_csp=True)
        page = context.new_page()
        page.set_default_timeout(15000)
        _answer_demo_in(page, live_server, names, code, lang, direction, words)
        context.close()
        stored.append(sorted(stored_answers(app)))
    english = stored[0]
    assert english and sorted(english * 2) == stored[1] and sorted(english * 3) == stored[2]


def test_the_translation_pages_pass_axe(app, demo, make_user, live_server, laptop):
    _arabic_on(app)
    make_user("officer", email="officer@council.example")
    sign_in_at_surveys(laptop, live_server, "officer@council.example")
    laptop.get_by_role("link", name="Your life, your say").first.click()
    laptop.get_by_role("link", name="Translations").click()
    expect(laptop.get_by_role("heading", name="Translations")).to_be_visible()
    assert_accessible(laptop)
    laptop.get_by_role("link", name="العربية (ar)").click()
    box = laptop.get_by_label("Title", exact=True)
    expect(box).to_have_value("حياتك، رأيك")
    expect(box).to_have_attribute("dir", "rtl")
    assert_accessible(laptop)
    box.fill("حياتك ورأيك")
    laptop.get_by_role("button", name="Save translations").click()
    expect(laptop.get_by_role("status")).to_contain_text("Saved 1 translation.")
    assert_accessible(laptop)
