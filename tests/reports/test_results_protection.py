"""Small numbers stay hidden from committee members however they take one set of results from another:
within a question (the total minus the counts shown), across cross-breaks (everyone minus a group), and
across date ranges (March to May minus April to May). A count hidden only to protect another is
labelled "hidden", never "fewer than 5" unless it is."""

from __future__ import annotations

import csv
import io
import random
import re
from itertools import combinations

from openpyxl import load_workbook

from participation.core.suppression import FEWER_THAN, HIDDEN, protect
from participation.db import db
from participation.reports import groups, results
from participation.respond.storing import AnswerRow, Sent, store
from participation.surveys.models import Survey
from tests.factories import make_survey
from tests.reports.helpers import APRIL, MARCH, MAY, figures_of, signed_in_again, table_row



def test_a_single_small_count_takes_the_next_smallest_with_it_labelled_by_its_own_size():
    shown, total_ok = protect({"yes": 16, "no": 2, "not sure": 30})
    assert shown == {"yes": HIDDEN, "no": FEWER_THAN, "not sure": 30} and total_ok
    # Two small counts that add up to under 5 would still give their sum away: one more is hidden.
    shown, _ = protect({"a": 1, "b": 2, "c": 4, "d": 40})
    assert shown == {"a": FEWER_THAN, "b": FEWER_THAN, "c": FEWER_THAN, "d": 40}
    shown, _ = protect({"a": 1, "b": 2, "c": 9, "d": 40})
    assert shown == {"a": FEWER_THAN, "b": FEWER_THAN, "c": HIDDEN, "d": 40}
    # A count that another group would give away is hidden, with a partner so the total does not give it.
    shown, _ = protect({"a": 12, "b": 20, "c": 30}, must_hide={"b"})
    assert shown == {"a": HIDDEN, "b": HIDDEN, "c": 30}
    assert protect({"a": 0, "b": 7}) == ({"a": 0, "b": 7}, True)


def _survey_two_groups(app):
    """20 young people: 12 aged 16 or over (7 of them helped by a friend), 8 under 16 (2 helped by a
    friend). March: 10 (3 helped by a carer); April: 10 (8 helped by a carer)."""
    with app.app_context():
        survey = make_survey(db.session, "differencing", sections=[{"title": "You", "questions": [
            {"kind": "yesno", "text": "Are you 16 or over?"},
            {"kind": "multiple", "text": "Who helps you?", "options": ["Carer", "Social worker", "Friend"]},
        ]}])
        age, helps = (q.id for q in survey.ordered_questions)
        sent = []
        for i in range(20):
            older = i < 12
            friend = (i < 7) if older else (i < 14)
            day = MARCH if i % 2 else APRIL
            carer = (i in (1, 3, 5)) if day == MARCH else (i not in (0, 2))
            rows = [AnswerRow(age, choice="yes" if older else "no"), AnswerRow(helps, choice="social-worker")]
            rows += [AnswerRow(helps, choice="friend")] if friend else []
            rows += [AnswerRow(helps, choice="carer")] if carer else []
            sent.append(Sent(day, rows))
        store(db.session, survey.id, sent)
        db.session.commit()
        return survey.id, age, helps


def test_everyone_minus_a_cross_break_never_gives_a_small_count_away(app, client, login_as):
    survey, age, helps = _survey_two_groups(app)
    committee = signed_in_again(client, login_as, "committee")
    everyone = committee.get(f"/surveys/{survey}/results").text
    assert table_row(everyone, "Friend")[0] == "9"
    older = committee.get(f"/surveys/{survey}/results?breakdown={age}:yes").text
    assert "12 responses from young people" in older
    # 9 minus 7 would be the 2 under 16 helped by a friend.
    assert table_row(older, "Friend") == (HIDDEN, "–")
    assert table_row(older, "Social worker") == ("12", "100%")
    officer = signed_in_again(client, login_as, "officer").get(f"/surveys/{survey}/results?breakdown={age}:yes").text
    assert table_row(officer, "Friend") == ("7", "58%")


def test_one_date_range_minus_another_never_gives_a_small_count_away(app, client, login_as):
    survey, age, helps = _survey_two_groups(app)
    committee = signed_in_again(client, login_as, "committee")
    assert table_row(committee.get(f"/surveys/{survey}/results").text, "Carer")[0] == "11"
    for query in ("start=2026-04-01&end=2026-04-30", "start=2026-04-01", "start=2026-03-01&end=2026-04-30",
                  "end=2026-03-31"):
        page = committee.get(f"/surveys/{survey}/results?{query}").text
        # April's 8 would leave March's 3; March to April is everyone again, but March alone is 3.
        assert table_row(page, "Carer")[0] in (HIDDEN, FEWER_THAN), query
    assert table_row(signed_in_again(client, login_as, "officer").get(f"/surveys/{survey}/results?start=2026-04-01").text,
                "Carer")[0] == "8"


def test_a_group_that_leaves_fewer_than_5_beside_it_shows_a_committee_member_nothing(app, client, login_as):
    with app.app_context():
        made = make_survey(db.session, "close-groups", sections=[{"title": "You", "questions": [
            {"kind": "yesno", "text": "Are you 16 or over?", "required": False},
            {"kind": "text", "text": "Tell us more"}]}])
        age, more = (q.id for q in made.ordered_questions)
        # 10 said yes, 8 no, 2 did not say: yes and no together would single out the 2.
        store(db.session, made.id, [Sent(MARCH, [AnswerRow(age, choice="yes" if i < 10 else "no"),
                                                 AnswerRow(more, text=f"a thing I said {i}")]) for i in range(18)]
              + [Sent(MARCH, [AnswerRow(more, text="I did not say my age")])] * 2)
        db.session.commit()
        survey = made.id
    committee = signed_in_again(client, login_as, "committee")
    page = committee.get(f"/surveys/{survey}/results?breakdown={age}:no").text
    assert "would single out fewer than 5 young people" in page and '<td class="num">' not in page
    assert "a thing I said" not in page and "8 responses" not in page
    comments = committee.get(f"/surveys/{survey}/results/comments/{more}?breakdown={age}:no").text
    assert "a thing I said" not in comments
    download = committee.get(f"/surveys/{survey}/results/comments.csv?breakdown={age}:no").data.decode()
    assert "a thing I said" not in download
    # On the whole survey, the 2 who did not say are hidden and so is one answer beside them.
    everyone = committee.get(f"/surveys/{survey}/results").text
    assert table_row(everyone, "No") == (HIDDEN, "–") and "hidden answered, fewer than 5 skipped" in everyone
    officer = signed_in_again(client, login_as, "officer").get(f"/surveys/{survey}/results?breakdown={age}:no").text
    assert "8 responses from young people" in officer and re.search(r"a thing I said 1[0-7]\b", officer)


def _random_survey(app, seed: int):
    rng = random.Random(seed)
    with app.app_context():
        survey = make_survey(db.session, f"attack-{seed}", sections=[{"title": "You", "questions": [
            {"kind": "yesno", "text": "Are you 16 or over?", "required": False},
            {"kind": "multiple", "text": "Who helps you?", "options": ["Carer", "Social worker", "Friend"]},
            {"kind": "scale", "text": "How happy are you at home?", "required": False},
            {"kind": "single", "text": "Do you have a pathway plan?", "options": ["Yes", "No"], "required": False},
        ]}])
        age, helps, happy, plan = survey.ordered_questions
        plan.show_if_question_id, plan.show_if_value = age.id, "yes"
        sent = []
        for _ in range(90):
            rows, said = [], rng.choices(["yes", "no", None], [6, 5, 1])[0]
            if said:
                rows.append(AnswerRow(age.id, choice=said))
            for value, weight in (("carer", 0.7), ("social-worker", 0.4), ("friend", 0.15)):
                if rng.random() < weight:
                    rows.append(AnswerRow(helps.id, choice=value))
            if rng.random() < 0.9:
                rows.append(AnswerRow(happy.id, choice=str(rng.choices("12345", [1, 2, 4, 6, 8])[0])))
            if said == "yes" and rng.random() < 0.9:
                rows.append(AnswerRow(plan.id, choice=rng.choices(["yes", "no"], [8, 2])[0]))
            sent.append(Sent(rng.choice([MARCH, APRIL, MAY]), rows))
        store(db.session, survey.id, sent)
        db.session.commit()
        return survey.id


def test_no_two_results_a_committee_member_can_open_differ_by_fewer_than_5(app):
    """An attacker opens every group a committee member can choose and takes each from every group it
    lies inside: no difference singles out 1 to 4 young people, and no count is given away by its total."""
    survey_id = _random_survey(app, 7)
    months = [("2026-03-01", "2026-03-31"), ("2026-04-01", "2026-04-30"), ("2026-05-01", "2026-05-31")]
    ranges = [(None, None)] + [(months[a][0], months[b][1]) for a in range(3) for b in range(a, 3)]
    with app.app_context():
        survey = db.session.get(Survey, survey_id)
        breakdowns = [""] + [value for value, _, _ in groups.breakdown_choices(survey)]
        seen: dict[tuple, dict] = {}
        for (start, end) in ranges:
            for breakdown in breakdowns:
                group, form = groups.read_group({"start": start or "", "end": end or "", "breakdown": breakdown},
                                                survey, whole_months=True)
                assert not form.errors
                res = results.results(db.session, survey, exact=False, group=group)
                seen[(start, end, breakdown)] = {} if res.too_few else {
                    "responses": res.responses, **figures_of(res)}

        def inside(small, big) -> bool:
            (s1, e1, b1), (s2, e2, b2) = small, big
            in_range = (s2 is None or (s1 is not None and s1 >= s2)) and (e2 is None or (e1 is not None and e1 <= e2))
            return small != big and in_range and (b2 == "" or b1 == b2)

        compared = 0
        for small, big in combinations(seen, 2):
            for a, b in ((small, big), (big, small)):
                if not inside(a, b):
                    continue
                for key, value in seen[a].items():
                    other = seen[b].get(key)
                    if isinstance(value, int) and isinstance(other, int):
                        compared += 1
                        assert not 0 < other - value < 5, (a, b, key, other, value)
        shown_in_groups = sum(isinstance(v, int) and v > 0 for k, figs in seen.items() if k != (None, None, "")
                              for v in figs.values())
    # The check compared real figures, not only hidden ones.
    assert compared > 100 and shown_in_groups > 50


def test_no_count_is_given_away_by_its_total(app, client, login_as):
    """On each question, those shown it minus what is shown never leaves a single hidden count or 1 to 4."""
    survey = _random_survey(app, 11)
    page = signed_in_again(client, login_as, "committee").get(f"/surveys/{survey}/results").text
    sections = page.split('<section aria-labelledby="q')[1:]
    checked = 0
    for section in sections:
        if "could choose more than one" in section or "<table" not in section:
            continue
        meta = re.search(r"(?:Shown to (\S+) young people.*?)?(\S+) answered, (\S+) skipped", section)
        shown = meta.group(1) or re.search(r"(\d+) responses from young people", page).group(1)
        cells = re.findall(r'<th scope="row">[^<]*</th><td class="num">([^<]*)</td>', section)
        counts = [*cells, meta.group(3)]
        if not shown.isdigit():
            assert not [c for c in counts if c.isdigit() and c != "0"], section
            continue
        hidden = [c for c in counts if not c.isdigit()]
        left = int(shown) - sum(int(c) for c in counts if c.isdigit())
        assert len(hidden) != 1 and not 0 < left < 5, section
        checked += 1
    assert checked >= 3


def test_a_zero_another_group_gives_away_is_protected_as_a_small_count():
    # A 0 that comparing with another group would give away is hidden as a small count, and takes another
    # with it; a 0 nothing gives away is shown.
    assert protect({"a": 0, "b": 7, "c": 30}, must_hide={"a"}) == ({"a": FEWER_THAN, "b": HIDDEN, "c": 30}, True)
    assert protect({"a": 0, "b": 7, "c": 30}) == ({"a": 0, "b": 7, "c": 30}, True)


def _where_they_live(app):
    """20 young people: 12 feel safe where they live, 8 do not. The 3 who live somewhere else all feel
    safe, so among those who do not, nobody lives somewhere else."""
    with app.app_context():
        survey = make_survey(db.session, "zeros", sections=[{"title": "You", "questions": [
            {"kind": "yesno", "text": "Do you feel safe where you live?"},
            {"kind": "single", "text": "Where do you live?",
             "options": ["Foster care", "Residential home", "Somewhere else"]},
        ]}])
        safe, where = (q.id for q in survey.ordered_questions)
        sent = []
        for i in range(20):
            home = ("somewhere-else" if i < 3 else "foster-care" if i < 8 else "residential-home") if i < 12 else (
                "foster-care" if i < 18 else "residential-home")
            sent.append(Sent(MARCH, [AnswerRow(safe, choice="yes" if i < 12 else "no"), AnswerRow(where, choice=home)]))
        store(db.session, survey.id, sent)
        db.session.commit()
        return survey.id, safe, where


def test_a_committee_member_never_sees_a_zero_that_says_how_a_small_group_answered(app, client, login_as):
    survey, safe, where = _where_they_live(app)
    committee = signed_in_again(client, login_as, "committee")
    everyone = committee.get(f"/surveys/{survey}/results").text
    assert table_row(everyone, "Somewhere else")[0] == FEWER_THAN
    query = f"?breakdown={safe}:no"
    page = committee.get(f"/surveys/{survey}/results{query}").text
    assert "8 responses from young people" in page
    # "Somewhere else: 0" here would say that the fewer than 5 who live somewhere else all feel safe.
    assert table_row(page, "Somewhere else") == (FEWER_THAN, "–")
    assert table_row(page, "Residential home") == (FEWER_THAN, "–") and table_row(page, "Foster care") == (HIDDEN, "–")
    # A 0 that nothing gives away is still shown: nobody skipped, and on the cross-break's own question
    # nobody in the group gave the other answer.
    assert page.count("8 answered, 0 skipped") == 2
    assert table_row(page, "No") == ("8", "100%") and table_row(page, "Yes") == ("0", "0%")
    rows = list(csv.reader(io.StringIO(
        committee.get(f"/surveys/{survey}/results/results.csv{query}").data.decode("utf-8-sig"))))
    table = {(q, a): c for q, a, c, _ in rows[1:]}
    assert table[("Where do you live?", "Somewhere else")] == FEWER_THAN
    assert table[("Where do you live?", "Foster care")] == HIDDEN
    book = load_workbook(io.BytesIO(committee.get(f"/surveys/{survey}/results/results.xlsx{query}").data))
    cells = {(r[0], r[1]): r[2] for r in list(book.active.values)[1:]}
    assert cells[("Where do you live?", "Somewhere else")] == FEWER_THAN
    officer = signed_in_again(client, login_as, "officer").get(f"/surveys/{survey}/results{query}").text
    assert table_row(officer, "Somewhere else") == ("0", "0%") and table_row(officer, "Foster care") == ("6", "75%")
