"""A survey written for more than one audience has a link for each, and its results can be filtered by the
link young people came through: every figure on the page and in the downloads is for that audience, the page
says so, and committee members' small-number rules apply to the audience chosen."""

from __future__ import annotations

import csv
import io

from sqlalchemy import select

from participation.core.suppression import FEWER_THAN, HIDDEN
from participation.db import db
from participation.respond.models import Response
from participation.respond.storing import AnswerRow, Sent, store
from participation.surveys.services import survey_by_slug
from tests.factories import make_survey
from tests.reports.helpers import MARCH, signed_in_again, table_row, tallies_agree
from tests.respond.helpers import answer_demo, send


def test_a_young_person_who_came_through_a_groups_link_is_counted_in_that_group(app, client, runner, login_as):
    assert runner.invoke(args=["seed-demo", "--responses", "0"]).exit_code == 0
    share = signed_in_again(client, login_as, "officer")
    with app.app_context():
        demo = survey_by_slug(db.session, "demo")
        survey_id = demo.id
    page = share.get(f"/surveys/{survey_id}/share").text
    assert "/s/demo/for/care-leavers" in page and "/s/demo/for/cared-for-8-11" in page
    with client.session_transaction() as session:
        session.clear()
    # Through the care leavers' link, then the survey's own link, then a made-up one.
    for path in ("/s/demo/for/care-leavers", "/s/demo", "/s/demo/for/my-name-is-sam"):
        with client.session_transaction() as session:
            session.clear()
        assert client.get(path).status_code in (200, 302)
        assert send(client, "demo", answer_demo(client, app)).status_code == 302
    with app.app_context():
        assert sorted(db.session.scalars(select(Response.audience))) == ["", "", "care-leavers"]
    tallies_agree(app, runner)


def _three_groups(app, own_link: int = 6):
    """A survey for everyone: 8 care leavers (6 of them happy), 10 cared for children aged 11 to 18 (3 of them
    happy) and `own_link` through the survey's own link (all happy)."""
    with app.app_context():
        survey = make_survey(db.session, "groups", audience="everyone", sections=[{"title": "You", "questions": [
            {"kind": "yesno", "text": "Are you happy where you live?"}]}])
        happy = survey.ordered_questions[0].id
        sent = [Sent(MARCH, [AnswerRow(happy, choice="yes" if i < 6 else "no")], "care-leavers") for i in range(8)]
        sent += [Sent(MARCH, [AnswerRow(happy, choice="yes" if i < 3 else "no")], "cared-for-11-18")
                 for i in range(10)]
        sent += [Sent(MARCH, [AnswerRow(happy, choice="yes")], "") for _ in range(own_link)]
        store(db.session, survey.id, sent)
        db.session.commit()
        return survey.id, happy


def test_every_figure_is_for_the_audience_chosen_and_the_page_says_so(app, client, login_as):
    survey, happy = _three_groups(app)
    officer = signed_in_again(client, login_as, "officer")
    page = officer.get(f"/surveys/{survey}/results").text
    assert 'id="audience"' in page and "24 responses" in page
    page = officer.get(f"/surveys/{survey}/results?audience=cared-for-11-18").text
    assert "10 responses from young people" in page
    assert "Every figure on this page is for young people’s responses from young people who came through the " \
           "link for cared for children aged 11 to 18" in page
    assert table_row(page, "Yes") == ("3", "30%") and table_row(page, "No") == ("7", "70%")
    page = officer.get(f"/surveys/{survey}/results?audience=own-link").text
    assert "6 responses from young people" in page and table_row(page, "Yes") == ("6", "100%")
    # With a cross-break too: care leavers who are happy.
    page = officer.get(f"/surveys/{survey}/results?audience=care-leavers&breakdown={happy}:yes").text
    assert "6 responses from young people" in page
    rows = list(csv.reader(io.StringIO(officer.get(
        f"/surveys/{survey}/results/results.csv?audience=care-leavers").data.decode("utf-8-sig"))))
    assert {(a, c) for _, a, c, _ in rows[1:]} == {("Yes", "6"), ("No", "2")}
    page = officer.get(f"/surveys/{survey}/results?audience=someone-else").text
    assert "Choose who from the list." in page and "responses from young people" not in page


def test_a_committee_member_sees_an_audience_with_small_numbers_protected(app, client, login_as):
    survey, happy = _three_groups(app)
    committee = signed_in_again(client, login_as, "committee")
    page = committee.get(f"/surveys/{survey}/results?audience=care-leavers").text
    assert "8 responses from young people" in page
    # 2 care leavers are not happy: fewer than 5, and the 6 who are with it, so the total gives nothing away.
    assert table_row(page, "No") == (FEWER_THAN, "–") and table_row(page, "Yes") == (HIDDEN, "–")
    rows = list(csv.reader(io.StringIO(committee.get(
        f"/surveys/{survey}/results/results.csv?audience=care-leavers").data.decode("utf-8-sig"))))
    assert {(a, c) for _, a, c, _ in rows[1:]} == {("Yes", HIDDEN), ("No", FEWER_THAN)}
    # For everyone the figures are exact; through the survey's own link all 6 are happy, but "No: 0" there,
    # beside everyone's, would say the 2 + 7 who are not came through the other links: hidden too.
    everyone = committee.get(f"/surveys/{survey}/results").text
    assert table_row(everyone, "Yes") == ("15", "62%") and table_row(everyone, "No") == ("9", "38%")
    own = committee.get(f"/surveys/{survey}/results?audience=own-link").text
    assert table_row(own, "No") == (FEWER_THAN, "–") and table_row(own, "Yes") == (HIDDEN, "–")


def test_an_audience_beside_one_of_fewer_than_5_shows_a_committee_member_nothing(app, client, login_as):
    # Only 3 came through the survey's own link: everyone less the two audiences' links would be them.
    survey, _ = _three_groups(app, own_link=3)
    committee = signed_in_again(client, login_as, "committee")
    page = committee.get(f"/surveys/{survey}/results?audience=care-leavers").text
    assert "would single out fewer than 5 young people" in page and '<td class="num">' not in page
    page = committee.get(f"/surveys/{survey}/results?audience=own-link").text
    assert "Too few young people answered in this group" in page and '<td class="num">' not in page
    officer = signed_in_again(client, login_as, "officer").get(f"/surveys/{survey}/results?audience=own-link").text
    assert "3 responses from young people" in officer


def test_a_survey_for_one_audience_has_no_audience_filter_nor_links(app, client, login_as):
    with app.app_context():
        survey = make_survey(db.session, "leavers", audience="care-leavers", sections=[{"title": "You", "questions": [
            {"kind": "yesno", "text": "Do you have a PA?"}]}]).id
        db.session.commit()
    officer = signed_in_again(client, login_as, "officer")
    assert 'id="audience"' not in officer.get(f"/surveys/{survey}/results").text
    assert "/for/" not in officer.get(f"/surveys/{survey}/share").text
