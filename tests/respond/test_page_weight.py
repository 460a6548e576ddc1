"""Every page a young person sees, with everything it loads, stays under 30 KB."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import pytest  # noqa: E402

from participation.core.languages import html_lang  # noqa: E402
from respondent import BUDGET, weigh_pages  # noqa: E402  (the same walk bench/respondent.py prints)
from tests.respond.helpers import offer_every_language, shipped_languages  # noqa: E402


def test_every_respondent_page_with_its_assets_is_under_30_kb(app, runner):
    assert runner.invoke(args=["seed-demo", "--responses", "0"]).exit_code == 0
    rows = weigh_pages(app.test_client())
    assert len(rows) >= 15
    assert {label for label, _, _ in rows} >= {"intro /s/demo", "check your answers", "thank you",
                                              "you said, we did board", "ask us to contact you"}
    heavy = [(label, total) for label, _, total in rows if total >= BUDGET]
    assert not heavy, heavy
    # Each page loaded its stylesheet: a page that lost it would look light and be broken.
    assert all(total - html > 5000 for _, html, total in rows)


@pytest.mark.parametrize("code", shipped_languages())
def test_every_respondent_page_in_every_shipped_language_is_under_30_kb_too(app, runner, code):
    assert runner.invoke(args=["seed-demo", "--responses", "0"]).exit_code == 0
    offer_every_language(app)
    client = app.test_client()
    lang = html_lang(code)
    assert f'lang="{lang}"' in client.get(f"/get-help?lang={code}").text  # remembered for the whole walk
    rows = weigh_pages(client)
    assert len(rows) >= 15
    assert f'<html lang="{lang}"' in client.get("/you-said-we-did").text
    heavy = [(label, total) for label, _, total in rows if total >= BUDGET]
    assert not heavy, heavy
    assert all(total - html > 5000 for _, html, total in rows)
