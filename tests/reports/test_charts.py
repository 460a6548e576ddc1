"""Charts are plain data in, a Plotly figure out; hidden counts are never drawn."""

from __future__ import annotations

import json
from datetime import date

from participation.reports import charts
from participation.core.suppression import FEWER_THAN


def test_responses_chart_leaves_hidden_weeks_out():
    fig = json.loads(charts.to_json(charts.responses_over_time([(date(2026, 1, 5), 12), (date(2026, 1, 12), FEWER_THAN),
                                                                (date(2026, 1, 19), 0)])))
    (bar,) = fig["data"]
    assert bar["type"] == "bar" and bar["x"] == ["2026-01-05", "2026-01-12", "2026-01-19"]
    assert bar["y"] == [12, None, 0]
    assert fig["layout"]["title"]["text"] == "Responses each week"
    assert fig["layout"]["xaxis"]["title"]["text"] == "Week starting"


def test_themes_chart_has_counts_and_feeling_on_its_own_axis():
    rows = [charts.ThemeRow("Involve me", 20, 0.4, 0.25), charts.ThemeRow("Keep me healthy", FEWER_THAN, None, -0.5)]
    fig = json.loads(charts.to_json(charts.themes(rows)))
    bars, feeling = fig["data"]
    assert bars["y"] == [20, None]
    assert feeling["y"] == [0.25, None]  # the feeling of a hidden group is hidden too
    assert feeling["yaxis"] == "y2" and fig["layout"]["yaxis2"]["range"] == [-1, 1]


def test_promises_chart_stacks_each_answer_this_year_beside_last_year():
    bars = [charts.PromiseBar("We listen", 2025, {"kept": 0.5, "sometimes": 0.3, "not-yet": 0.2, "dont-know": 0.0}),
            charts.PromiseBar("We listen", 2026, {"kept": 0.75, "sometimes": None, "not-yet": None, "dont-know": 0.0})]
    fig = json.loads(charts.to_json(charts.promises(bars)))
    assert [t["name"] for t in fig["data"]] == ["Kept", "Sometimes", "Not yet", "Don't know"]
    assert fig["data"][0]["x"] == [["We listen", "We listen"], ["2025", "2026"]]
    assert fig["data"][0]["y"] == [50.0, 75.0] and fig["data"][1]["y"] == [30.0, None]
    assert fig["layout"]["barmode"] == "stack" and fig["layout"]["yaxis"]["range"] == [0, 100]


def test_actions_chart_is_red_amber_green_by_month():
    fig = json.loads(charts.to_json(charts.actions([(date(2026, 10, 31), {"red": 6, "amber": FEWER_THAN, "green": 9})])))
    assert [(t["name"], t["y"], t["marker"]["color"]) for t in fig["data"]] == [
        ("Red", [6], charts.RED), ("Amber", [None], charts.AMBER), ("Green", [9], charts.GREEN)]
