"""The safeguarding lead's queue names each flag's kind in words, marks the words that raised it,
and puts the most urgent kinds first."""

from __future__ import annotations

import re

from tests.comments.helpers import send_two_comments


def _flags(page: str) -> list[tuple[str, str]]:
    """(heading, comment) for each flagged comment, in the order shown."""
    sections = re.findall(r'<section class="page-block flagged".*?</section>', page, re.S)
    return [(re.search(r'<strong class="tag tag-flag">(.*?)</strong>', s).group(1),
             re.search(r'<blockquote class="comment">(.*?)</blockquote>', s, re.S).group(1)) for s in sections]


def test_flags_show_their_kind_and_the_words_that_raised_them(app, demo, login_as):
    send_two_comments(app, "idk", "my carer hits me when she is angry & I <hate> it")
    page = login_as("officer").get("/comments/").text
    [(heading, comment)] = _flags(page)
    assert heading == "Safeguarding: physical abuse"
    assert comment == 'my carer <mark title="physical abuse">hits me</mark> when she is angry &amp; I &lt;hate&gt; it'


def test_the_most_urgent_kind_comes_first_whatever_order_they_came_in(app, demo, login_as):
    send_two_comments(app, "the wifi is rubbish", "theres no food in the house")
    send_two_comments(app, "i wanna kms tbh", "school is ok")
    send_two_comments(app, "older boys make me carry packages for them", "idk")
    page = login_as("officer").get("/comments/").text
    headings = [heading for heading, _ in _flags(page)]
    assert headings == ["Safeguarding: suicidal thoughts", "Safeguarding: criminal exploitation",
                        "Safeguarding: neglect"]
    assert '<mark title="suicidal thoughts">kms</mark>' in page


def test_a_flag_only_the_learnt_model_raised_says_so_in_plain_words(app, demo, login_as):
    text = "theres never food for me where i stay"
    send_two_comments(app, "idk", text)
    page = login_as("officer").get("/comments/").text
    [(heading, comment)] = _flags(page)
    assert heading == "Safeguarding: neglect"
    assert '<mark title="neglect">food</mark>' in comment
    note = re.search(r'<p class="meta flag-note">(.*?)</p>', page).group(1)
    assert note.startswith("Flagged by the learnt model (not a fixed rule): words like ")
    assert "\u201cfood\u201d" in note
