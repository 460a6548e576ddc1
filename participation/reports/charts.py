"""Charts for committee reports. Pure: plain data in, a Plotly figure out; no Flask, no database.

Every figure is static (no toolbar, nothing to focus), with titled axes and colours that keep
their contrast when printed. Each chart on a page sits beside a data table with the same
numbers, which is what screen readers read; hidden (suppressed) numbers are simply left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Mapping, Sequence

import plotly.graph_objects as go

#: Colours with at least 3:1 contrast on white, after the GOV.UK palette.
BLUE, DARK_BLUE, GREEN, RED, AMBER, GREY, PURPLE = ("#1d70b8", "#003078", "#00703c", "#d4351c", "#f47738",
                                                    "#505a5f", "#4c2c92")
RAG_COLOURS = {"red": RED, "amber": AMBER, "green": GREEN}
RATING_COLOURS = {"kept": GREEN, "sometimes": AMBER, "not-yet": RED, "dont-know": GREY}
#: Passed to Plotly.newPlot: a picture, not a widget.
CONFIG = {"staticPlot": True, "displayModeBar": False, "responsive": True}


def _figure(traces: list[dict], title: str, x_title: str = "", y_title: str = "", height: int = 360,
            **layout: object) -> go.Figure:
    """One figure from plain trace dicts, with the house layout, built (and checked) in one go."""
    base: dict[str, object] = {
        "template": "none", "title": {"text": title, "x": 0}, "height": height,
        "margin": {"l": 60, "r": 20, "t": 50, "b": 60},
        "font": {"family": "Arial, sans-serif", "size": 14, "color": "#0b0c0c"},
        "paper_bgcolor": "#ffffff", "plot_bgcolor": "#ffffff", "legend": {"orientation": "h", "y": -0.2},
        "xaxis": {"title": {"text": x_title}, "showgrid": False, "linecolor": "#0b0c0c"},
        "yaxis": {"title": {"text": y_title}, "gridcolor": "#b1b4b6", "zeroline": True, "zerolinecolor": "#0b0c0c"},
    }
    for key, value in layout.items():
        current = base.get(key)
        base[key] = {**current, **value} if isinstance(value, dict) and isinstance(current, dict) else value
    return go.Figure(data=traces, layout=base)


def _shown(value: int | str | None) -> int | None:
    """A count a chart may draw: hidden counts ("fewer than 5") are left out."""
    return value if isinstance(value, int) else None


def responses_over_time(weeks: Sequence[tuple[date, int | str]], step: str = "week") -> go.Figure:
    """Responses a week (or a month), as bars; weeks whose count is hidden have no bar."""
    return _figure([{"type": "bar", "x": [w.isoformat() for w, _ in weeks], "y": [_shown(c) for _, c in weeks],
                     "marker": {"color": BLUE}, "name": "Responses"}], f"Responses each {step}",
                   "Week starting" if step == "week" else "Month", "Responses")


@dataclass(frozen=True)
class ThemeRow:
    """How often young people wrote about a theme, and how they felt."""

    name: str
    count: int | str
    share: float | None
    sentiment: float | None


def themes(rows: Sequence[ThemeRow]) -> go.Figure:
    """Comments per theme as bars, with the average feeling (-1 to 1) as dots on a second axis."""
    names = [r.name for r in rows]
    return _figure([
        {"type": "bar", "x": names, "y": [_shown(r.count) for r in rows], "name": "Comments",
         "marker": {"color": BLUE}},
        {"type": "scatter", "x": names, "y": [r.sentiment if isinstance(r.count, int) else None for r in rows],
         "name": "Average feeling (-1 to 1)", "mode": "markers", "yaxis": "y2",
         "marker": {"color": PURPLE, "size": 14, "symbol": "diamond"}},
    ], "What young people wrote about", "", "Comments",
        yaxis2={"title": {"text": "Average feeling", "standoff": 12}, "overlaying": "y", "side": "right",
                "range": [-1, 1], "showgrid": False, "automargin": True},
        margin={"r": 80})


@dataclass(frozen=True)
class PromiseBar:
    """One promise's answers in one year, as shares of everyone who answered (None when hidden)."""

    label: str
    year: int
    shares: dict[str, float | None]


def _percent(share: float | None) -> float | None:
    return None if share is None else round(share * 100, 1)


RATING_NAMES = {"kept": "Kept", "sometimes": "Sometimes", "not-yet": "Not yet", "dont-know": "Don't know"}


def promises(bars: Sequence[PromiseBar]) -> go.Figure:
    """Each promise's answers stacked to 100%, this year beside last year."""
    labels = [[b.label for b in bars], [str(b.year) for b in bars]]
    traces = [{"type": "bar", "x": labels, "name": name, "marker": {"color": RATING_COLOURS[key]},
               "y": [_percent(b.shares.get(key)) for b in bars]}
              for key, name in RATING_NAMES.items()]
    return _figure(traces, "Is each promise kept? This year and last", "", "Share of answers", height=420,
                   barmode="stack", yaxis={"range": [0, 100], "ticksuffix": "%"})


def _wrapped(label: str, width: int = 42) -> str:
    """A long label over two or more lines, so it is read whole rather than cut off."""
    import textwrap

    return "<br>".join(textwrap.wrap(label, width)) or label


def promises_as_rows(bars: Sequence[PromiseBar]) -> go.Figure:
    """Each promise's answers stacked to 100% as a row, in full words across the page rather than rotated
    under the legend; the least kept first."""
    rows = [_wrapped(b.label, 46) for b in bars]
    traces = [{"type": "bar", "orientation": "h", "y": rows, "name": name, "marker": {"color": RATING_COLOURS[key]},
               "x": [_percent(b.shares.get(key)) for b in bars]}
              for key, name in RATING_NAMES.items()]
    return _figure(traces, "Is each promise kept?", "Share of answers", "", height=120 + 42 * len(bars),
                   barmode="stack", legend={"orientation": "h", "y": 1.0, "x": 0, "yanchor": "bottom",
                                            "traceorder": "normal"},
                   margin={"l": 10, "t": 70, "b": 50}, xaxis={"range": [0, 100], "ticksuffix": "%",
                                                              "gridcolor": "#b1b4b6", "showgrid": True},
                   yaxis={"autorange": "reversed", "automargin": True, "showgrid": False, "zeroline": False})


def themes_as_rows(rows: Sequence[ThemeRow]) -> go.Figure:
    """Comments per theme as rows with the theme's name across the page, and how they felt written on each bar."""
    def words(r: ThemeRow) -> str:
        return "" if r.sentiment is None or not isinstance(r.count, int) else f"feeling {r.sentiment:+.2f}"

    return _figure([{"type": "bar", "orientation": "h", "y": [_wrapped(r.name, 36) for r in rows],
                     "x": [_shown(r.count) for r in rows], "marker": {"color": BLUE}, "name": "Comments",
                     "text": [words(r) for r in rows], "textposition": "outside", "cliponaxis": False}],
                   "What young people wrote about", "Comments", "", height=80 + 44 * len(rows), showlegend=False,
                   margin={"l": 10, "t": 50, "b": 50, "r": 90},
                   xaxis={"showgrid": True, "gridcolor": "#b1b4b6"},
                   yaxis={"autorange": "reversed", "automargin": True, "showgrid": False, "zeroline": False})


def actions(rag_by_month: Sequence[tuple[date, Mapping[str, int | str]]]) -> go.Figure:
    """Actions by RAG at the end of each month, stacked."""
    months = [m.strftime("%b %Y") for m, _ in rag_by_month]
    traces = [{"type": "bar", "x": months, "y": [_shown(counts.get(colour, 0)) for _, counts in rag_by_month],
               "name": colour.capitalize(), "marker": {"color": RAG_COLOURS[colour]}}
              for colour in ("red", "amber", "green")]
    return _figure(traces, "Actions by RAG rating, month by month", "End of month", "Actions", barmode="stack",
                   legend={"orientation": "h", "y": 1.0, "x": 0, "yanchor": "bottom"}, margin={"t": 70})


def to_json(fig: go.Figure) -> str:
    """The figure as JSON for the page, which draws it with the vendored plotly.js."""
    return fig.to_json()


def answers(title: str, labels: Sequence[str], counts: Sequence[int | str]) -> go.Figure:
    """How many chose each answer to one question, as bars; hidden counts have no bar."""
    return _figure([{"type": "bar", "x": list(labels), "y": [_shown(c) for c in counts],
                     "marker": {"color": BLUE}, "name": "Young people"}], title, "", "Young people", height=320)
