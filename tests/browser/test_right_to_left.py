"""The demo's question pages with Arabic words read right to left on a phone: the page is mirrored,
the back link and the progress sit on the right, faces run from "very sad" on the right to "very
happy" on the left, and each choice's circle is on the right of its words."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.test_survey_languages import _arabic_on, _page_is_in

TEXT_BOX = """(selector) => {
  const el = document.querySelector(selector);
  const range = document.createRange();
  range.selectNodeContents(el);
  const box = range.getBoundingClientRect();
  const main = document.querySelector('main').getBoundingClientRect();
  return {left: box.left, right: box.right, mainLeft: main.left, mainRight: main.right};
}"""


def _on_the_right(page, selector: str) -> None:
    """The words of `selector` start at the right edge of the column, as Arabic text does."""
    box = page.evaluate(TEXT_BOX, selector)
    assert box["mainRight"] - box["right"] < 40 and box["left"] - box["mainLeft"] > 40, (selector, box)


def _circles_on_the_right(page, name: str) -> None:
    for choice in page.locator(f'input[name="{name}"]').all():
        circle = choice.bounding_box()
        words = page.locator(f'label[for="{choice.get_attribute("id")}"]').evaluate(
            "label => { const r = document.createRange(); r.selectNodeContents(label);"
            " const b = r.getBoundingClientRect(); return {left: b.left, right: b.right}; }")
        assert circle["x"] >= words["right"] - 2, (name, circle, words)


def test_the_demo_questions_in_arabic_are_mirrored(app, demo, live_server, phone):
    _arabic_on(app)
    phone.goto(f"{live_server}/s/demo?lang=ar")
    _page_is_in(phone, "ar", "rtl")
    phone.locator("a.button-start").click()

    # Part 1: faces, yes/no and one choice.
    _page_is_in(phone, "ar", "rtl")
    expect(phone.locator("a.back-link")).to_have_text("رجوع")
    _on_the_right(phone, "a.back-link")
    _on_the_right(phone, "p.caption")
    expect(phone.locator("p.caption")).to_have_text("الجزء 1 من 4")
    faces = phone.locator(".faces .choice-label")
    expect(faces.first).to_contain_text("حزين جدًا")
    expect(faces.last).to_contain_text("سعيد جدًا")
    # On a phone they wrap: each row runs right to left, "very sad" first at the top right.
    boxes = [face.bounding_box() for face in faces.all()]
    reading = sorted(range(len(boxes)), key=lambda i: (round(boxes[i]["y"]), -boxes[i]["x"]))
    assert reading == list(range(len(boxes))), boxes
    assert boxes[0]["x"] > boxes[1]["x"] and boxes[0]["y"] == boxes[1]["y"], boxes
    names = phone.locator(".radios:not(.faces) input[type=radio]").evaluate_all("els => [...new Set(els.map(e => e.name))]")
    assert names
    for name in names:
        _circles_on_the_right(phone, name)
    phone.locator(".faces input").nth(3).check()
    phone.locator(f'input[name="{names[0]}"]').first.check()
    phone.locator(".radios:not(.faces)").nth(1).locator("input").first.check()
    phone.locator("main form button[type=submit]").click()

    # Part 2: the 1 to 5 scale, lowest first, its circles on the right like every choice.
    _page_is_in(phone, "ar", "rtl")
    expect(phone.locator("p.caption")).to_have_text("الجزء 2 من 4")
    _on_the_right(phone, "a.back-link")
    scale = phone.locator(".radios").first.locator(".choice-label")
    expect(scale.first).to_have_text("1 (الأقل)")
    expect(scale.nth(4)).to_have_text("5 (الأعلى)")
    first_name = phone.locator(".radios input").first.get_attribute("name")
    _circles_on_the_right(phone, first_name)
    phone.locator(".checkboxes input").first.check()
    phone.locator(f'input[name="{first_name}"]').nth(2).check()
    phone.locator("main form button[type=submit]").click()
    _page_is_in(phone, "ar", "rtl")
    _on_the_right(phone, "a.back-link")


def test_the_board_and_asking_for_help_in_arabic_read_right_to_left(app, demo, live_server, phone):
    _arabic_on(app)
    phone.goto(f"{live_server}/you-said-we-did?lang=ar")
    expect(phone.get_by_role("heading", level=1)).to_have_text("قلتم، وفعلنا")
    _page_is_in(phone, "ar", "rtl")
    _on_the_right(phone, "h1")
    phone.goto(f"{live_server}/get-help")  # the choice is kept for the visit
    expect(phone.get_by_role("heading", level=1)).to_have_text("اطلب منا أن نتواصل معك")
    _page_is_in(phone, "ar", "rtl")
    box = phone.locator("textarea").first
    expect(box).to_have_attribute("dir", "auto")
    box.fill("I need help with my PA")  # English typed on an Arabic page reads left to right in its box
    assert box.evaluate("el => getComputedStyle(el).direction") == "ltr"
