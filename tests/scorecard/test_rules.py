"""Periods, targets, values, RAG and direction as a committee reads them."""

from __future__ import annotations

from datetime import date

import pytest

from participation.scorecard.rules import (
    Direction, Period, Polarity, Rag, arrow, direction, period_for, rag, read_period, read_polarity, read_target,
    read_value)


@pytest.mark.parametrize("heading, key, starts, ends", [
    ("Qu 1 17-18", "Q1 2017-18", date(2017, 4, 1), date(2017, 6, 30)),
    ("Qu 2 17-18", "Q2 2017-18", date(2017, 7, 1), date(2017, 9, 30)),
    ("Q3 17-18", "Q3 2017-18", date(2017, 10, 1), date(2017, 12, 31)),
    ("Q4 17-18", "Q4 2017-18", date(2018, 1, 1), date(2018, 3, 31)),
    ("Q2 2027/28", "Q2 2027-28", date(2027, 7, 1), date(2027, 9, 30)),
    ("Quarter 1 2024-25", "Q1 2024-25", date(2024, 4, 1), date(2024, 6, 30)),
    ("2017-18 Q3", "Q3 2017-18", date(2017, 10, 1), date(2017, 12, 31)),
    ("Yr. end 16-17", "2016-17", date(2016, 4, 1), date(2017, 3, 31)),
    ("2016-17", "2016-17", date(2016, 4, 1), date(2017, 3, 31)),
    ("Year end 2016-17", "2016-17", date(2016, 4, 1), date(2017, 3, 31)),
])
def test_financial_year_periods_are_read_as_councils_mean_them(heading, key, starts, ends):
    period = read_period(heading)
    assert period is not None and period.key == key
    assert (period.starts_on, period.ends_on) == (starts, ends)
    assert read_period(period.key) == period and read_period(period.heading) == period


@pytest.mark.parametrize("heading", ["Target", "Ref", "Comments", "2016-18", "Q5 17-18", "Stat Neigh Av", ""])
def test_other_headings_are_not_periods(heading):
    assert read_period(heading) is None


def test_a_year_end_figure_comes_after_its_fourth_quarter_and_days_fall_in_their_quarter():
    assert sorted([Period(2017, 1), Period(2016), Period(2016, 4), Period(2016, 3)]) == [
        Period(2016, 3), Period(2016, 4), Period(2016), Period(2017, 1)]
    assert period_for(date(2018, 3, 31)) == Period(2017, 4)
    assert period_for(date(2018, 4, 1)) == Period(2018, 1)
    assert period_for(date(2026, 12, 2)) == Period(2026, 3)


@pytest.mark.parametrize("written, kind, low, high", [
    ("95%", "number", 95, 95), ("121", "number", 121, 121), ("380-430", "range", 380, 430),
    ("50.7-57.3", "range", 50.7, 57.3), ("30 annually", "words", None, None), ("", "none", None, None),
])
def test_targets_are_numbers_ranges_or_words(written, kind, low, high):
    target = read_target(written)
    assert (target.kind, target.low, target.high) == (kind, low, high)


@pytest.mark.parametrize("written, number", [
    ("98%", 98), ("95.50%", 95.5), ("10.0%", 10), ("93% (July fig)", 93), ("1,234", 1234), ("0", 0),
    ("Data not available at quarter 3", None), ("This data will be presented annually.", None),
])
def test_values_keep_their_words_and_give_their_number(written, number):
    value = read_value(written)
    assert value.written == written and value.number == number


def test_polarity_words():
    assert read_polarity("High is Good") is Polarity.HIGH
    assert read_polarity("Low is good") is Polarity.LOW
    assert read_polarity("") is Polarity.NONE
    assert read_polarity("sideways") is None


HIGH, LOW, NONE = Polarity.HIGH, Polarity.LOW, Polarity.NONE


@pytest.mark.parametrize("polarity, target, value, expected", [
    (HIGH, "95%", 96, Rag.GREEN), (HIGH, "95%", 95, Rag.GREEN), (HIGH, "95%", 91, Rag.AMBER),
    (HIGH, "95%", 90.25, Rag.AMBER), (HIGH, "95%", 90, Rag.RED),
    (LOW, "10%", 9, Rag.GREEN), (LOW, "10%", 10.5, Rag.AMBER), (LOW, "10%", 11, Rag.RED),
    (LOW, "121", 88, Rag.GREEN), (LOW, "426", 541, Rag.RED),
    (NONE, "380-430", 422, Rag.GREEN), (NONE, "380-430", 440, Rag.AMBER), (NONE, "380-430", 470, Rag.RED),
    (NONE, "380-430", 370, Rag.AMBER), (NONE, "380-430", 350, Rag.RED),
    (HIGH, "380-430", 470, Rag.GREEN), (LOW, "380-430", 350, Rag.GREEN), (LOW, "380-430", 470, Rag.RED),
    (NONE, "95%", 95, None), (HIGH, "30 annually", 13, None), (HIGH, "", 13, None), (HIGH, "95%", None, None),
])
def test_rag_follows_target_polarity_and_tolerance(polarity, target, value, expected):
    assert rag(polarity, read_target(target), value) is expected


def test_a_wider_tolerance_turns_red_to_amber():
    assert rag(HIGH, read_target("100%"), 85) is Rag.RED
    assert rag(HIGH, read_target("100%"), 85, tolerance=0.2) is Rag.AMBER


@pytest.mark.parametrize("polarity, before, after, expected, drawn", [
    (HIGH, 466, 470, Direction.BETTER, "↑"), (HIGH, 470, 466, Direction.WORSE, "↓"),
    (LOW, 118, 114, Direction.BETTER, "↓"), (LOW, 114, 118, Direction.WORSE, "↑"),
    (NONE, 466, 470, Direction.UP, "↑"), (NONE, 470, 466, Direction.DOWN, "↓"),
    (HIGH, 97, 97, Direction.SAME, "→"), (HIGH, None, 97, None, ""),
])
def test_direction_of_travel_says_better_or_worse_and_draws_the_arrow(polarity, before, after, expected, drawn):
    assert direction(polarity, before, after) is expected
    assert arrow(before, after) == drawn
    if expected is not None:
        assert expected.words.endswith("the period before")


@pytest.mark.parametrize("polarity, target, value, tolerance, expected", [
    (NONE, "380-430", 460, 0.05, Rag.RED), (NONE, "380-430", 460, 0.1, Rag.AMBER),  # 30 over 430: 7%
    (LOW, "10%", 11.5, 0.05, Rag.RED), (LOW, "10%", 11.5, 0.2, Rag.AMBER),
    (HIGH, "380-430", 350, 0.1, Rag.AMBER), (HIGH, "380-430", 330, 0.1, Rag.RED),
    (HIGH, "95%", 95, 0, Rag.GREEN), (HIGH, "95%", 94.9, 0, Rag.RED),
])
def test_each_measures_own_tolerance_sets_where_amber_ends_for_numbers_and_ranges(
        polarity, target, value, tolerance, expected):
    assert rag(polarity, read_target(target), value, tolerance) is expected
