"""RAG is worked out from status and due date; statuses and dates are read as councils write them."""

from __future__ import annotations

from datetime import date

import pytest

from participation.tracker.rules import rag, read_date, read_status

TODAY = date(2026, 11, 23)


@pytest.mark.parametrize("status, due, override, expected", [
    ("in-progress", date(2026, 11, 1), "", "red"),        # overdue
    ("not-progressed", None, "", "red"),
    ("not-progressed", date(2027, 6, 1), "", "red"),
    ("in-progress", date(2026, 12, 20), "", "amber"),     # due within 30 days
    ("not-started", date(2026, 12, 23), "", "amber"),     # exactly 30 days
    ("in-progress", date(2026, 12, 24), "", "green"),     # on track
    ("in-progress", None, "", "amber"),                  # open with no due date: nothing says it is on track
    ("not-started", None, "", "amber"),
    ("done", None, "", "green"),
    ("done", date(2020, 1, 1), "", "green"),              # done, even if it was late
    ("wont-do", None, "", ""),
    ("in-progress", date(2026, 11, 1), "green", "green"),  # an officer's override wins
    ("done", None, "red", "red"),
])
def test_rag(status, due, override, expected):
    assert rag(status, due, TODAY, override) == expected


@pytest.mark.parametrize("text, expected", [
    ("31/05/2014", date(2014, 5, 31)), ("1/6/14", date(2014, 6, 1)), ("2014-05-31", date(2014, 5, 31)),
    ("12 March 2014", date(2014, 3, 12)), ("Target date May 2014", date(2014, 5, 31)),
    ("April 2017", date(2017, 4, 30)), ("Sept 2015", date(2015, 9, 30)), ("In place since late 2012", date(2012, 11, 30)),
    ("by 2016", date(2016, 12, 31)), ("31/02/2014", None), ("soon", None), ("", None),
])
def test_dates_as_councils_write_them(text, expected):
    assert read_date(text) == expected


@pytest.mark.parametrize("text, status, due, done, override, note", [
    ("Completed", "done", None, None, "", ""),
    ("Complete", "done", None, None, "", ""),
    ("Completed on 12/03/2014", "done", None, date(2014, 3, 12), "", "Completed on 12/03/2014"),
    ("In place since late 2012. Completed", "done", None, date(2012, 11, 30), "", "In place since late 2012. Completed"),
    ("Target date May 2014", "in-progress", date(2014, 5, 31), None, "", "Target date May 2014"),
    ("Due for completion April 2014.", "in-progress", date(2014, 4, 30), None, "", "Due for completion April 2014."),
    ("Not yet progressed", "not-progressed", None, None, "", ""),
    ("Not progressed as yet.", "not-progressed", None, None, "", "Not progressed as yet."),
    ("Agreed in Principle", "not-started", None, None, "", "Agreed in Principle"),  # undated: amber by the rule
    ("Red", "in-progress", None, None, "red", "Red"),
    ("A", "in-progress", None, None, "amber", "A"),
    ("Overdue", "in-progress", None, None, "red", "Overdue"),
    ("Not agreed", "wont-do", None, None, "", "Not agreed"),
    ("Sorted by the team last spring", "not-started", None, None, "", "Sorted by the team last spring"),
    ("", "not-started", None, None, "", ""),
])
def test_statuses_as_councils_write_them(text, status, due, done, override, note):
    read = read_status(text)
    assert (read.status, read.due_on, read.done_on, read.rag_override, read.note) == (status, due, done, override,
                                                                                       note)
    if status in ("not-started", "in-progress", "not-progressed") and due is None:
        assert rag(read.status, read.due_on, TODAY, read.rag_override) != "green"  # an undated open item


def test_a_separate_due_column_is_read_and_overdue_with_a_date_is_worked_out():
    assert read_status("Agreed in Principle", "June 2012").due_on == date(2012, 6, 30)
    overdue = read_status("Overdue", "31/07/2013")
    assert overdue.rag_override == "" and overdue.due_on == date(2013, 7, 31)
    assert rag(overdue.status, overdue.due_on, TODAY) == "red"


def test_references_sort_as_councils_number_them():
    from participation.tracker.rules import natural_key
    refs = ["10a", "13.10", "2a", "1b", "13.2", "13.1.2", "1a", "13.1", "5j", "13.1.10", "13.1.9", ""]
    assert sorted(refs, key=natural_key) == ["", "1a", "1b", "2a", "5j", "10a", "13.1", "13.1.2", "13.1.9",
                                             "13.1.10", "13.2", "13.10"]


def test_every_status_is_either_open_or_closed():
    from participation.tracker.rules import CLOSED_STATUSES, OPEN_STATUSES, STATUSES

    assert sorted(OPEN_STATUSES + CLOSED_STATUSES) == sorted(STATUSES)
    assert set(CLOSED_STATUSES) == {"done", "wont-do"}


@pytest.mark.parametrize("text, status, unsure", [
    ("Completed", "done", False),
    ("Not yet progressed", "not-progressed", False),
    ("Agreed in Principle", "not-started", False),
    ("There is a real risk of this not being achieved", "in-progress", True),
    ("Completed phase one, the rest is ongoing", "done", True),
    ("Sorted by the team last spring", "not-started", True),
    ("31/05/2014", "in-progress", True),
])
def test_readings_that_may_be_wrong_say_why(text, status, unsure):
    reading = read_status(text)
    assert reading.status == status
    assert bool(reading.doubt) is unsure


def test_a_season_or_a_year_is_a_rough_date_and_a_day_is_not():
    from participation.tracker.rules import rough_date

    assert rough_date("late 2012") and rough_date("during 2013")
    assert not rough_date("31 May 2014") and not rough_date("Q2 2027/28") and not rough_date("May 2014")
    assert not rough_date("no date here")
