"""The results page's filters: a date range and one cross-break apply to every figure and the page says
so; the figures under filters match counts made directly from the stored answers; a From after To is an
error; committee members get whole months and nothing from a group under 5. Comments are listed with
their themes and feeling, newest first, paged and searchable."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from sqlalchemy import select

from participation.db import db
from participation.respond.models import Answer, Response
from participation.respond.storing import AnswerRow, Sent, store
from tests.factories import make_survey
from tests.reports.helpers import APRIL, MARCH, filters_survey, signed_in_again, table_row


def _direct(app, survey, question, start=None, end=None, only=None):
    """Counts of each choice to `question` made from the stored answers, in Python."""
    with app.app_context():
        rows = db.session.execute(select(Answer.response_id, Answer.question_id, Answer.choice, Response.submitted_on)
                                  .join(Response, Response.id == Answer.response_id)
                                  .where(Response.survey_id == survey)).all()
    picked = {r.response_id for r in rows if (start is None or r.submitted_on >= start)
              and (end is None or r.submitted_on <= end)}
    if only:
        picked &= {r.response_id for r in rows if (r.question_id, r.choice) == only}
    return len(picked), Counter(r.choice for r in rows if r.response_id in picked and r.question_id == question)


def test_figures_under_a_date_range_and_a_cross_break_match_the_stored_answers(app, client, login_as):
    survey, age, helps, happy, more = filters_survey(app)
    officer = signed_in_again(client, login_as, "officer")
    page = officer.get(f"/surveys/{survey}/results?start=2026-04-01&end=2026-05-31&breakdown={age}:yes").text
    total, helpers = _direct(app, survey, helps, APRIL, date(2026, 5, 31), (age, "yes"))
    _, scale = _direct(app, survey, happy, APRIL, date(2026, 5, 31), (age, "yes"))
    assert total == 10 and f"{total} responses from young people" in page
    assert ("sent from 1 April 2026 to 31 May 2026 and from young people who answered “Yes” to "
            "“Are you 16 or over?”") in page
    assert table_row(page, "Carer") == (str(helpers["carer"]), "100%")
    assert table_row(page, "Friend")[0] == str(helpers["friend"])
    for value, label in zip("12345", ["1 (lowest)", "2", "3", "4", "5 (highest)"]):
        assert table_row(page, label)[0] == str(scale[value]), value
    # Unfiltered, the same page counts everyone.
    everyone = officer.get(f"/surveys/{survey}/results").text
    assert "30 responses from young people" in everyone and "for every young person who answered" in everyone
    assert table_row(everyone, "Carer") == ("30", "100%")


def test_a_from_after_to_is_an_error_and_shows_no_figures(app, client, login_as):
    survey, *_ = filters_survey(app)
    page = signed_in_again(client, login_as, "officer").get(f"/surveys/{survey}/results?start=2026-05-01&end=2026-04-01").text
    assert "There is a problem" in page and "The From date must be the same as or before the To date." in page
    assert 'value="2026-05-01"' in page and 'value="2026-04-01"' in page
    assert '<td class="num">' not in page
    bad = signed_in_again(client, login_as, "officer").get(f"/surveys/{survey}/results?breakdown=999:yes").text
    assert "Choose a group from the list." in bad and '<td class="num">' not in bad


def test_a_committee_member_gets_whole_months_and_nothing_from_a_small_group(app, client, login_as):
    survey, age, helps, happy, more = filters_survey(app)
    committee = signed_in_again(client, login_as, "committee")
    page = committee.get(f"/surveys/{survey}/results?start=2026-04-20&end=2026-04-21").text
    # Widened to April: the 10 sent on 15 April count.
    assert "from 1 April 2026 to 30 April 2026" in page and "10 responses from young people" in page
    # In April, 3 young people chose "Friend".
    small = committee.get(f"/surveys/{survey}/results?start=2026-04-01&end=2026-04-30&breakdown={helps}:friend").text
    assert "Too few young people answered in this group" in small
    assert '<td class="num">' not in small and "comment number" not in small
    comments = committee.get(f"/surveys/{survey}/results/comments/{more}"
                             f"?start=2026-04-01&end=2026-04-30&breakdown={helps}:friend").text
    assert "comment number" not in comments and "Too few young people answered" in comments
    officer = signed_in_again(client, login_as, "officer").get(
        f"/surveys/{survey}/results?start=2026-04-01&end=2026-04-30&breakdown={helps}:friend").text
    assert "3 responses from young people" in officer


def test_comments_are_listed_newest_first_with_themes_and_feeling_paged_and_searchable(app, client, login_as):
    survey, age, helps, happy, more = filters_survey(app)
    officer = signed_in_again(client, login_as, "officer")
    page = officer.get(f"/surveys/{survey}/results").text
    # 20 comments, sent in March and April; the results page shows the newest 5 (sent in April), with
    # their feeling and themes.
    listed = re.findall(r"comment number (\d+) my carer is kind", page)
    # Within a day comments come in no order (their ids are random), so the list never shows who sent last.
    assert len(set(listed)) == 5 and all(int(n) % 3 == 1 for n in listed)
    assert "Feeling: Positive. Themes: Provide me with a good, safe home. Sent on 15 April 2026." in page
    url = f"/surveys/{survey}/results/comments/{more}"
    first = officer.get(url).text
    assert "20 comments, newest first" in first and "Page 1 of 1" not in first
    found = re.findall(r"comment number (\d+) ", first)
    assert len(found) == 20 and [int(n) % 3 for n in found] == [1] * 10 + [0] * 10
    search = officer.get(url + "?q=number+12+").text
    assert "1 comment containing" in search and re.findall(r"comment number (\d+) ", search) == ["12"]
    # Filters apply to comments too.
    may = officer.get(url + "?start=2026-05-01&end=2026-05-31").text
    assert "0 comments" in may
    march = officer.get(url + "?start=2026-03-01&end=2026-03-31").text
    assert "10 comments" in march and "Sent on 10 March 2026" in march


def test_comments_are_paged(app, client, login_as):
    with app.app_context():
        survey = make_survey(db.session, "many-comments", sections=[{"title": "You", "questions": [
            {"kind": "text", "text": "Tell us more"}]}])
        (more,) = (q.id for q in survey.ordered_questions)
        store(db.session, survey.id, [Sent(MARCH, [AnswerRow(more, text=f"idea {i:02d} for trips")]) for i in range(30)])
        db.session.commit()
        survey = survey.id
    officer = signed_in_again(client, login_as, "officer")
    first = officer.get(f"/surveys/{survey}/results/comments/{more}").text
    assert "Page 1 of 2" in first
    second = officer.get(f"/surveys/{survey}/results/comments/{more}?page=2").text
    # All sent the same day, so in no order; the two pages hold each comment once.
    on_first, on_second = (re.findall(r"idea (\d+) for trips", html) for html in (first, second))
    assert len(on_second) == 5 and sorted(on_first + on_second) == [f"{i:02d}" for i in range(30)]


def test_a_committee_member_searches_only_the_redacted_words(app, client, login_as):
    with app.app_context():
        survey = make_survey(db.session, "names", sections=[{"title": "You", "questions": [
            {"kind": "text", "text": "Tell us more"}]}])
        (more,) = (q.id for q in survey.ordered_questions)
        store(db.session, survey.id, [Sent(MARCH, [AnswerRow(more, text=f"my PA is called Priya and she is kind {i}")])
                                      for i in range(6)])
        db.session.commit()
        survey = survey.id
    committee = signed_in_again(client, login_as, "committee")
    assert "0 comments containing" in committee.get(f"/surveys/{survey}/results/comments/{more}?q=Priya").text
    page = committee.get(f"/surveys/{survey}/results/comments/{more}?q=kind").text
    assert "6 comments containing" in page and "my PA is called [name] and she is kind" in page and "Priya" not in page
