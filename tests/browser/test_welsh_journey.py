"""A young person who chooses Cymraeg answers the demo on a phone, and every page they meet is in Welsh:
its `lang` says so, axe-core finds nothing wrong, and no English interface word is left on it."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.respond.helpers import count_responses
from tests.respond.test_welsh_pages import english_words, leftover_english, survey_content


def _answer_this_page(page) -> None:
    """The first answer of every question on the page, and a few words in every box."""
    names = page.eval_on_selector_all("input[type=radio], input[type=checkbox]",
                                      "inputs => [...new Set(inputs.map(i => i.name))]")
    for name in names:
        page.locator(f'input[name="{name}"]').first.check()
    for box in page.locator("textarea").all():
        box.fill("Mwy o amser gyda fy ngweithiwr")


def test_the_demo_answered_in_welsh_on_a_phone(app, demo, live_server, phone):
    content, words = survey_content(app), english_words()
    seen: list[str] = []

    def in_welsh(name: str) -> None:
        assert phone.evaluate("() => document.documentElement.lang") == "cy", name
        assert leftover_english(phone.content(), content, words) == [], name
        assert_accessible(phone)
        seen.append(name)

    phone.goto(f"{live_server}/s/demo")
    phone.get_by_role("link", name="Cymraeg").click()
    expect(phone.get_by_role("heading", name="Fydd neb yn gwybod mai ti roddodd yr atebion hyn")).to_be_visible()
    in_welsh("intro")
    phone.get_by_role("button", name="Dechrau nawr").click()

    phone.get_by_role("button", name="Ymlaen").click()
    expect(phone.get_by_role("alert")).to_contain_text("Mae problem")
    assert phone.title().startswith("Gwall:")
    in_welsh("page 1 with errors")

    for number in range(1, 5):
        expect(phone.get_by_text(f"Rhan {number} o 4")).to_be_visible()
        _answer_this_page(phone)
        in_welsh(f"page {number}")
        phone.get_by_role("button", name="Ymlaen" if number < 4 else "Gwirio fy atebion").click()

    expect(phone.get_by_role("heading", name="Gwiria dy atebion")).to_be_visible()
    in_welsh("check your answers")
    phone.get_by_role("button", name="Anfon fy atebion").click()

    expect(phone.get_by_role("heading", name="Diolch", exact=True)).to_be_visible()
    in_welsh("thank you")
    phone.go_back()
    expect(phone.get_by_role("heading", name="Mae dy atebion wedi’u hanfon")).to_be_visible()
    in_welsh("back after sending")

    phone.get_by_role("link", name="gofynna i ni gysylltu â ti").click()
    expect(phone.get_by_role("heading", name="Gofynna i ni gysylltu â ti")).to_be_visible()
    in_welsh("ask us to contact you")
    phone.get_by_label("Dy rif ffôn neu dy e-bost").fill("abc")
    phone.get_by_role("button", name="Gofynna i ni gysylltu â ti").click()
    expect(phone.get_by_role("alert")).to_contain_text("Allwn ni ddim defnyddio hwnna i gysylltu â ti")
    in_welsh("ask, with a contact that reaches nobody")

    phone.goto(f"{live_server}/you-said-we-did")
    expect(phone.get_by_role("heading", name="Dywedaist ti, fe wnaethon ni")).to_be_visible()
    in_welsh("you said, we did")
    assert count_responses(app) == 1
    assert len(seen) == 12
