"""A "Listen" button reads each question aloud in the page's language, when the phone has a voice for it."""

from __future__ import annotations

import json

from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible

#: The phone's speech, stubbed: the voices it has, and every sentence it was asked to say, in order.
STUB = """
(voices => {
  window.spoken = [];
  const synth = {
    getVoices: () => voices,
    speak: u => window.spoken.push({text: u.text, lang: u.lang, voice: u.voice && u.voice.name}),
    cancel: () => window.spoken.push("cancel"),
    addEventListener: () => {},
  };
  Object.defineProperty(window, "speechSynthesis", {value: synth, configurable: true});
  window.SpeechSynthesisUtterance = function (text) { this.text = text; };
})(%s);
"""


def _phone_with_voices(phone, *voices: tuple[str, str]):
    phone.add_init_script(STUB % json.dumps([{"name": name, "lang": lang} for name, lang in voices]))
    return phone


def test_listen_reads_the_question_and_its_answers_one_sentence_at_a_time(demo, live_server, phone):
    _phone_with_voices(phone, ("Daniel", "en-GB"), ("Amélie", "fr-CA"))
    phone.goto(f"{live_server}/s/demo/1")
    question = phone.get_by_role("group", name="Do you feel safe where you live?")
    listen = question.get_by_role("button", name="Listen")
    expect(listen).to_be_visible()
    # One button for every question on the page.
    assert phone.get_by_role("button", name="Listen").count() == phone.locator(".group").count() >= 3
    assert phone.evaluate("() => window.spoken") == []  # nothing is said until it is tapped

    listen.tap()
    spoken = phone.evaluate("() => window.spoken")
    assert spoken[0] == "cancel"
    said = [s["text"] for s in spoken[1:]]
    assert said[0] == "Do you feel safe where you live?"
    assert {"Yes", "No"} <= set(said)
    assert {s["voice"] for s in spoken[1:]} == {"Daniel"} and {s["lang"] for s in spoken[1:]} == {"en-GB"}
    assert_accessible(phone)


def test_no_listen_button_when_the_phone_has_no_voice_for_the_language(demo, live_server, phone):
    _phone_with_voices(phone, ("Daniel", "en-GB"))
    phone.goto(f"{live_server}/s/demo?lang=cy")
    phone.goto(f"{live_server}/s/demo/1")
    expect(phone.locator("html")).to_have_attribute("lang", "cy")
    expect(phone.locator("form[data-listen]")).to_be_visible()
    assert phone.locator(".listen").count() == 0


def test_a_welsh_voice_reads_the_welsh_page_with_a_welsh_button(demo, live_server, phone):
    _phone_with_voices(phone, ("Daniel", "en-GB"), ("Gwyneth", "cy-GB"))
    phone.goto(f"{live_server}/s/demo?lang=cy")
    phone.goto(f"{live_server}/s/demo/1")
    listen = phone.get_by_role("button", name="Gwrando")
    expect(listen.first).to_be_visible()
    assert phone.get_by_role("button", name="Listen").count() == 0
    listen.first.tap()
    spoken = [s for s in phone.evaluate("() => window.spoken") if s != "cancel"]
    assert spoken and {s["voice"] for s in spoken} == {"Gwyneth"}
