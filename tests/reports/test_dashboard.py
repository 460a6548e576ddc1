"""The committee dashboard: who may see it, what it counts, and that small numbers never show."""

from __future__ import annotations

import io
import re
from datetime import timedelta

from openpyxl import load_workbook
from sqlalchemy import select

from participation.db import db, today
from participation.reports.services import ScoreRow
from participation.surveys.models import Survey
from tests.helpers import csrf_token
from tests.factories import make_survey
from tests.respond.helpers import answer_demo, send


def _answers(app, n: int, slug: str = "demo"):
    for _ in range(n):
        young_person = app.test_client()
        send(young_person, slug, answer_demo(young_person, app, slug))


def _cells(html: str) -> list[str]:
    """The dashboard's number cells. The council's scorecard is left out: it holds counts of the council's own
    work (actions overdue), which are not people and are shown, as are the actions section's counts; its counts of people are tested in
    tests/scorecard."""
    html = re.sub(r'<script type="application/json".*?</script>', "", html, flags=re.S)
    html = re.sub(r'<section aria-labelledby="scorecard-heading".*?</section>', "", html, flags=re.S)
    html = re.sub(r'<section aria-labelledby="actions".*?</section>', "", html, flags=re.S)
    return [c.strip() for c in re.findall(r'<td class="num">([^<]*)</td>', html)]


def test_the_dashboard_counts_what_young_people_said(app, demo, login_as):
    _answers(app, 6)
    admin = login_as("administrator")
    page = admin.get("/reports/").text
    assert "6 responses from young people between" in page
    assert re.search(r"Responses each week.*?<td class=\"num\">6</td>", page, re.S)
    # Every demo answer says "yes" to feeling safe, and 4 out of 5 for being listened to.
    assert re.search(r"Feel safe where they live</th><td>High</td>\s*<td class=\"num\">90%</td>\s*<td class=\"num\">"
                     r"100%</td>", page)
    assert 'data-figure="fig-responses"' in page and 'data-figure="fig-themes"' in page
    assert 'src="/static/vendor/plotly/plotly-basic.min.js"' in page


def test_a_committee_member_never_sees_a_count_under_5(app, demo, login_as):
    _answers(app, 3)
    committee = login_as("committee")
    for path in ("/reports/print", "/reports/"):  # the printed paper, then the dashboard
        page = committee.get(path).text
        cells = _cells(page)
        assert "fewer than 5" in cells, path
        assert not [c for c in cells if c.isdigit() and 0 < int(c) < 5], (path, cells)
        assert not re.search(r"\b[1-4] responses from young people", page)
        assert "fewer than 5 responses from young people" in page
        # A share built on a hidden count is hidden too.
        assert re.search(r"Feel safe where they live</th><td>High</td>\s*<td class=\"num\">90%</td>\s*"
                         r"<td class=\"num\">–</td>", page), path
    # The council's own actions are not people: their small counts are shown as they are.
    actions = re.search(r'<section aria-labelledby="actions".*?</section>', page, re.S).group(0)
    assert re.search(r'<td class="num">[1-4]</td>', actions) and "fewer than 5" not in actions
    csv_text = committee.get("/reports/export.csv").data.decode("utf-8-sig")
    people = "\n".join(line for line in csv_text.splitlines() if not line.startswith("Actions by status,"))
    assert not re.search(r",[1-4],", people) and "fewer than 5" in csv_text
    book = load_workbook(io.BytesIO(committee.get("/reports/export.xlsx").data))
    values = [c.value for row in book.active.iter_rows() for c in row]
    people = [c.value for row in book.active.iter_rows() if row[0].value != "Actions by status" for c in row]
    assert "fewer than 5" in values and not [v for v in people if isinstance(v, int) and 0 < v < 5]


def test_filters_narrow_the_report_and_bad_filters_fall_back(app, demo, login_as):
    _answers(app, 5)
    with app.app_context():
        make_survey(db.session, "other")
        survey_id = db.session.scalar(select(Survey.id).where(Survey.slug == "other"))
    admin = login_as("administrator")
    assert "0 responses from young people" in admin.get(f"/reports/?survey={survey_id}").text
    old = (today() - timedelta(days=800)).isoformat()
    assert "0 responses" in admin.get(f"/reports/?start={old}&end={old}").text
    for bad in ("?start=yesterday", "?start=2030-01-01&end=2020-01-01", "?audience=<script>", "?survey=abc"):
        reply = admin.get("/reports/" + bad)
        assert reply.status_code == 200 and "5 responses from young people" in reply.text, bad


def test_the_printable_report_and_exports_are_for_report_readers_only(app, demo, login_as, client):
    assert client.get("/reports/print").status_code == 302
    committee = login_as("committee")
    page = committee.get("/reports/print").text
    assert "Corporate Parenting Committee" in page and "The scorecard" in page and "Committee is asked to" in page
    csp = committee.get("/reports/").headers["Content-Security-Policy"]
    assert "script-src 'self';" in csp and "unsafe-eval" not in csp


def test_text_that_looks_like_a_formula_is_never_a_formula_in_an_export(app, demo, login_as):
    from participation.themes.models import Theme
    _answers(app, 5)
    admin = login_as("administrator")
    with app.app_context():
        db.session.execute(db.update(Theme).where(Theme.key == "healthy").values(name='=HYPERLINK("http://x")'))
        db.session.commit()
    csv_text = admin.get("/reports/export.csv").data.decode("utf-8-sig")
    assert """'=HYPERLINK(""http://x"")""" in csv_text
    assert not re.search(r'(^|,)"?[=+@]', csv_text, re.M)
    book = load_workbook(io.BytesIO(admin.get("/reports/export.xlsx").data))
    formulas = [c for row in book.active.iter_rows() for c in row if str(c.value or "").startswith("=")]
    assert formulas and all(c.data_type == "s" for c in formulas)


def test_scorecard_direction_and_rag_follow_polarity():
    up = ScoreRow("Feel safe", True, 0.9, 0.85, 0.8)
    assert (up.direction, up.rag) == ("Better", "amber")
    assert ScoreRow("Feel safe", True, 0.9, 0.95, 0.97).rag == "green"
    assert ScoreRow("Feel safe", True, 0.9, 0.5, 0.6).rag == "red"
    overdue = ScoreRow("Actions overdue", False, 0, 3, 1, percent=False)
    assert (overdue.direction, overdue.rag) == ("Worse", "red")
    assert ScoreRow("Actions overdue", False, 0, 0, 2, percent=False).rag == "green"
    assert ScoreRow("Answered", True, None, "fewer than 5", 10, percent=False).direction == "–"



def _responses_said(page: str) -> str:
    found = re.search(r"([\w ]+?) responses from young people between", page)
    return found.group(1).strip() if found else "none"


def test_a_committee_member_cannot_single_out_a_day_or_a_month_by_comparing_periods(app, runner, login_as):
    """Two periods a day apart, or a month apart, never differ by 1 to 4 young people for a committee member."""
    assert runner.invoke(args=["seed-demo"]).exit_code == 0  # 120 answers over the last 90 days
    with app.app_context():
        demo_id = db.session.scalar(select(Survey.id).where(Survey.slug == "demo"))
    on = today()
    committee = login_as("committee")
    # A day's difference: both periods widen to the same whole months, so the pages say the same.
    compared = 0
    for survey in ("", str(demo_id)):
        for back in range(0, 100, 7):
            end = on - timedelta(days=back)
            if end.day == 1:
                continue
            start = (end - timedelta(days=45)).isoformat()
            one = committee.get("/reports/", query_string={"survey": survey, "start": start,
                                                             "end": end.isoformat()}).text
            other = committee.get("/reports/", query_string={"survey": survey, "start": start,
                                                               "end": (end - timedelta(days=1)).isoformat()}).text
            assert _cells(one) == _cells(other) and _responses_said(one) == _responses_said(other)
            compared += 1
    assert compared > 20
    # A month's difference: every figure is made of survey-months of 0 or at least 5 young people.
    starts, month = [], on.replace(day=1)
    for _ in range(5):
        starts.append(month)
        month = (month - timedelta(days=1)).replace(day=1)
    totals = []
    for start in starts:
        said = _responses_said(committee.get("/reports/", query_string={
            "survey": str(demo_id), "start": start.isoformat(), "end": on.isoformat()}).text)
        totals.append(int(said) if said.isdigit() else 0)
    assert totals == sorted(totals) and totals[-1] >= 100, totals
    assert all(later - earlier == 0 or later - earlier >= 5 for earlier, later in zip(totals, totals[1:])), totals


def test_a_month_that_1_to_4_answered_is_left_out_of_every_committee_figure(app, demo, login_as):
    _answers(app, 3)
    client = login_as("committee")
    committee = client.get("/reports/").text
    assert "Too few young people answered in this period" in committee
    # The last 12 months, widened to whole months, with the current one ending today: nothing is sent after it.
    first, on = (today() - timedelta(days=364)).replace(day=1), today()
    assert f"between {first:%d %B %Y} and {on:%d %B %Y}" in committee
    assert "fewer than 5 responses from young people" in committee
    assert not [c for c in _cells(committee) if c.isdigit() and 0 < int(c) < 5]
    client.post("/logout", data={"csrf_token": csrf_token(committee)})
    # An administrator, who may see exact figures, sees the period as chosen and all 3.
    admin = login_as("administrator").get("/reports/").text
    assert "3 responses from young people between" in admin and "cover whole months" not in admin


def _theme_rows(csv_text: str) -> dict[str, tuple[str, str]]:
    import csv
    return {row[1]: (row[2], row[4]) for row in csv.reader(io.StringIO(csv_text)) if row and row[0] == "Themes"}


def test_a_committee_member_cannot_work_out_a_small_theme_count_from_all_surveys_less_one(app, runner, login_as):
    """All surveys' theme counts minus one survey's once gave another survey's 1 to 4 comments, and the average
    feeling of a hidden count was downloaded: one young person's."""
    assert runner.invoke(args=["seed-demo"]).exit_code == 0  # the demo survey and the Pledge review, with comments
    with app.app_context():
        surveys = [str(i) for i in db.session.scalars(select(Survey.id).where(Survey.status != "draft"))]
    assert len(surveys) >= 2
    committee = login_as("committee")
    on = today()
    start = on.replace(day=1)
    checked = 0
    for _ in range(4):
        period = {"start": start.isoformat(), "end": on.isoformat()}
        every = _theme_rows(committee.get("/reports/export.csv", query_string=period).data.decode("utf-8-sig"))
        for survey in surveys:
            one = _theme_rows(committee.get("/reports/export.csv", query_string={**period, "survey": survey})
                              .data.decode("utf-8-sig"))
            for theme, (count, feeling) in one.items():
                if not count.isdigit():
                    assert feeling == "", (theme, count, feeling)
                all_count = every[theme][0]
                if count.isdigit() and all_count.isdigit():
                    assert int(all_count) - int(count) == 0 or int(all_count) - int(count) >= 5, (theme, survey)
                    checked += 1
        start = (start - timedelta(days=1)).replace(day=1)
    assert checked >= 10
