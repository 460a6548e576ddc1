"""The review queue as an officer uses it on a busy day: 20 comments a page, filters and a search kept in the
address, each comment's day, replies that are not comments set aside, and a message where they were after
each action."""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy import func, select

from participation.comments.models import CommentAnalysis, CommentTheme
from participation.db import db
from participation.respond.models import Answer
from participation.surveys.models import Question, Survey
from participation.themes.models import Theme
from tests.helpers import csrf_token, post_form

CARD = re.compile(r'<section class="page-block[^"]*" id="c(\d+)"')


def _cards(html: str) -> list[int]:
    return [int(n) for n in CARD.findall(html)]


def _count(where) -> int:
    return db.session.scalar(select(func.count()).select_from(CommentAnalysis)
                             .join(Answer, Answer.id == CommentAnalysis.answer_id).where(*where)) or 0


def _waiting():
    return (CommentAnalysis.status == "suggested") | (CommentAnalysis.flag_status == "open")


@pytest.fixture
def seeded(app, runner):
    result = runner.invoke(args=["seed-demo"])
    assert result.exit_code == 0, result.output


def test_the_queue_shows_20_comments_a_page_and_pages_keep_the_filters(app, seeded, login_as):
    officer = login_as("officer")
    with app.app_context():
        waiting = _count([_waiting()])
    assert waiting > 40
    first = officer.get("/comments/").text
    assert len(_cards(first)) == 20
    pages = -(-waiting // 20)
    assert f"Comments 1 to 20 of {waiting}. Page 1 of {pages}." in first
    second = officer.get("/comments/?page=2").text
    assert len(_cards(second)) == 20 and not set(_cards(first)) & set(_cards(second))
    last = officer.get(f"/comments/?page={pages}").text
    assert len(_cards(last)) == waiting - 20 * (pages - 1)
    assert "Next page" not in last and "Previous page" in last
    # Past the last page is the last page, not an empty one.
    assert _cards(officer.get("/comments/?page=9999").text) == _cards(last)
    # The bulk buttons come before the first comment as well as after the last.
    assert first.index("Accept suggested themes for the selected") < first.index('id="c')
    assert first.rindex("Accept suggested themes for the selected") > first.rindex('id="c')

    with app.app_context():
        theme = db.session.scalars(select(Theme).order_by(Theme.position)).first()
        themed = _count([_waiting(), select(CommentTheme.answer_id).where(
            CommentTheme.answer_id == CommentAnalysis.answer_id, CommentTheme.theme_id == theme.id).exists()])
    assert 20 < themed < waiting
    filtered = officer.get(f"/comments/?theme={theme.key}").text
    assert f"of {themed}." in filtered
    next_link = re.search(r'<a href="([^"]+)" rel="next">', filtered).group(1).replace("&amp;", "&")
    assert parse_qs(urlsplit(next_link).query) == {"theme": [theme.key], "page": ["2"]}


def test_each_filter_and_the_search_narrow_the_queue(app, seeded, login_as):
    officer = login_as("officer")
    with app.app_context():
        surveys = db.session.execute(select(CommentAnalysis.survey_id, func.count())
                                     .where(_waiting()).group_by(CommentAnalysis.survey_id)).all()
        survey_id, in_survey = min(surveys, key=lambda row: row[1])
        question_id = db.session.scalars(select(CommentAnalysis.question_id)
                                         .where(CommentAnalysis.survey_id == survey_id)).first()
        in_question = _count([_waiting(), CommentAnalysis.question_id == question_id])
        question_text = db.session.get(Question, question_id).text
        survey_title = db.session.get(Survey, survey_id).title
        flagged = _count([CommentAnalysis.flag_status == "open"])
        days = sorted(d for d in db.session.scalars(select(CommentAnalysis.submitted_on).where(_waiting())) if d)
        since, until = days[len(days) // 3], days[2 * len(days) // 3]
        in_dates = _count([_waiting(), CommentAnalysis.submitted_on >= since, CommentAnalysis.submitted_on <= until])
        with_word = _count([_waiting(), Answer.text.icontains("school")])
    assert 0 < in_survey and 0 < flagged and 0 < in_dates and 0 < with_word

    def shown(query: str) -> tuple[int, str]:
        html = officer.get(f"/comments/?{query}").text
        total = re.search(r'<p id="shown">(?:Comments \d+ to \d+ of (\d+)\.|(\d+) comments?\.)', html)
        return int(total.group(1) or total.group(2)), html

    count, html = shown(f"survey={survey_id}")
    assert count == in_survey and f'<option value="{survey_id}" selected>' in html
    count, html = shown(f"question={question_id}")
    assert count == in_question
    assert f"{survey_title} · {question_text}" in html
    count, html = shown("flag=open")
    assert count == flagged and html.count("tag tag-flag") == min(flagged, 20)
    count, html = shown(f"from={since}&to={until}")
    assert count == in_dates
    assert f'value="{since.isoformat()}"' in html
    count, html = shown("q=SCHOOL")
    assert count == with_word
    for text in re.findall(r'<blockquote class="comment">(.*?)</blockquote>', html, re.S):
        assert "school" in text.lower()
    assert 'value="SCHOOL"' in html
    # A search for "%" looks for that sign, not for everything.
    assert "No comments match these filters." in officer.get("/comments/?q=%25%25zz").text
    # Nonsense in the address is ignored rather than breaking the page.
    assert len(_cards(officer.get("/comments/?survey=abc&from=2026-13-45&flag=maybe&page=-3").text)) == 20


def test_each_comment_shows_the_day_it_was_sent_and_never_a_time(app, seeded, login_as):
    officer = login_as("officer")
    html = officer.get("/comments/").text
    first = _cards(html)[0]
    with app.app_context():
        day = db.session.get(CommentAnalysis, first).submitted_on
    card = html[html.index(f'id="c{first}"'):]
    card = card[:card.index("</section>")]
    assert f"sent {day.day} {day:%B %Y}" in card
    assert not re.search(r"\b\d{1,2}:\d{2}\b", card)


def test_not_a_comment_sets_replies_aside_out_of_the_count_and_they_can_be_put_back(app, seeded, login_as):
    officer = login_as("officer")
    with app.app_context():
        shortest = db.session.execute(
            select(CommentAnalysis.answer_id, Answer.text).join(Answer, Answer.id == CommentAnalysis.answer_id)
            .where(CommentAnalysis.status == "suggested", CommentAnalysis.flag_status == "")
            .order_by(func.length(Answer.text), CommentAnalysis.answer_id).limit(3)).all()
        flagged = db.session.scalars(select(CommentAnalysis.answer_id)
                                     .where(CommentAnalysis.flag_status == "open")).first()
        waiting = _count([CommentAnalysis.status == "suggested"])
    ids = [row.answer_id for row in shortest]
    before = officer.get("/comments/").text
    assert f"{waiting} comments to review." in before
    reply = post_form(officer, "/comments/set-aside", {"selected": [str(i) for i in ids] + [str(flagged)],
                                                       "back": "theme=safe-home"}, form_page="/comments/")
    assert reply.status_code == 302
    assert parse_qs(urlsplit(reply.headers["Location"]).query) == {"theme": ["safe-home"]}
    after = officer.get(reply.headers["Location"]).text
    assert "Set aside 3 replies as not comments." in after
    assert "1 with an open safeguarding flag stays here for the safeguarding lead." in after
    assert f"{waiting - 3} comments to review." in after
    aside = officer.get("/comments/?show=set-aside").text
    assert sorted(_cards(aside)) == sorted(ids)
    assert all(row.text in aside for row in shortest if "<" not in row.text and "&" not in row.text)
    assert flagged not in _cards(aside)
    with app.app_context():
        assert db.session.get(CommentAnalysis, flagged).status == "suggested"

    post_form(officer, "/comments/put-back", {"selected": str(ids[0])}, form_page="/comments/?show=set-aside")
    assert sorted(_cards(officer.get("/comments/?show=set-aside").text)) == sorted(ids[1:])
    assert f"{waiting - 2} comments to review." in officer.get("/comments/").text


def test_save_themes_returns_to_the_same_place_with_the_filters_and_a_message(app, seeded, login_as):
    officer = login_as("officer")
    html = officer.get("/comments/?flag=none&page=2").text
    cards = _cards(html)
    chosen, following = cards[3], cards[4]
    form = html[html.index(f'action="/comments/{chosen}"'):]
    back = re.search(r'name="back" value="([^"]*)"', form).group(1).replace("&amp;", "&")
    at = re.search(r'name="at" value="([^"]*)"', form).group(1)
    assert at == str(following)
    reply = officer.post(f"/comments/{chosen}", data={"csrf_token": csrf_token(html), "back": back, "at": at,
                                                      f"themes-{chosen}": ["healthy"]})
    location = reply.headers["Location"]
    assert location.endswith("#done")
    assert parse_qs(urlsplit(location).query) == {"flag": ["none"], "page": ["2"], "at": [str(following)]}
    page = officer.get(location).text
    message = f"Saved the themes for comment {chosen}."
    assert page.count(message) == 1
    # The message sits just before the comment that came next, where the officer was.
    assert page.index('id="done"') < page.index(message) < page.index(f'id="c{following}"')
    assert page.index(f'id="c{cards[2]}"') < page.index('id="done"')
    with app.app_context():
        comment = db.session.get(CommentAnalysis, chosen)
        assert comment.status == "confirmed" and [t.theme.key for t in comment.themes] == ["healthy"]


def test_a_reviewed_comment_can_be_evidence_for_a_you_said_with_its_themes_and_survey(app, seeded, login_as):
    officer = login_as("officer")
    html = officer.get("/comments/?flag=none").text
    chosen = _cards(html)[0]
    post_form(officer, f"/comments/{chosen}", {f"themes-{chosen}": ["healthy", "involve-me"]},
              form_page="/comments/")
    reviewed = officer.get("/comments/?show=reviewed").text
    assert chosen in _cards(reviewed)
    assert f'name="selected" value="{chosen}"' in reviewed
    assert "Make a “you said” from the selected" in reviewed
    form = officer.post("/tracker/new", data={"csrf_token": csrf_token(reviewed), "selected": str(chosen)}).text
    assert re.search(r'id="theme-healthy" name="themes" value="healthy" checked', form)
    assert re.search(r'id="theme-involve-me" name="themes" value="involve-me" checked', form)
    with app.app_context():
        comment = db.session.get(CommentAnalysis, chosen)
        survey = db.session.get(Survey, comment.survey_id).title
        question = db.session.get(Question, comment.question_id).text
        text = db.session.get(Answer, chosen).text
    assert f"From the survey “{survey}”, question “{question}”." in form.replace("&#34;", '"')
    saved = officer.post("/tracker/new", data={
        "csrf_token": csrf_token(form), "step": "save", "summary": "More say in what happens at my review",
        "themes": ["healthy", "involve-me"], "source": "survey", "evidence": str(chosen),
        "source_survey_id": re.search(r'name="source_survey_id"[^>]*value="(\d+)"', form).group(1),
        "source_question_id": re.search(r'name="source_question_id"[^>]*value="(\d+)"', form).group(1),
        "raised_on": date.today().isoformat()})
    assert saved.status_code == 302, saved.text
    item = officer.get(saved.headers["Location"].replace("/actions/new", "")).text
    assert f"A survey: the survey “{survey}”, question “{question}”" in item
    assert text.split()[0] in item
