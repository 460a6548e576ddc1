"""The committee dashboard: every figure counted in SQL, then suppressed for people who may not see exact counts."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from sqlalchemy import and_, case, func, not_, or_, select
from sqlalchemy.orm import Session

from participation.comments.models import CommentTally
from participation.db import today
from participation.pledges import services as pledges
from participation.pledges.models import PledgeVersion
from participation.reports import charts
from participation.core.suppression import FEWER_THAN, HIDDEN, SMALLEST_SHOWN, group_shown, share, suppress_counts, suppress_small_count
from participation.respond.models import AnswerTally, ResponseTally
from participation.surveys.models import Question, Survey
from participation.themes.models import Theme
from participation.tracker.models import Action, YouSaid, overdue_expression, rag_expression
from participation.tracker.rules import STATUSES, ActionStatus, Rag


#: One survey's month (survey id, first day, last day) that fewer than 5 young people answered.
Piece = tuple[int, date, date]


@dataclass(frozen=True)
class Filters:
    """The survey, period and audience a report covers; the period before is the same length.

    `left_out` lists the surveys' months that fewer than 5 young people answered, which every figure
    leaves out for readers who must not see small counts (see `protected`)."""

    start: date
    end: date
    survey_id: int | None = None
    audience: str = ""
    left_out: tuple[Piece, ...] = ()
    #: Count comments by survey, month and theme, leaving out any such piece of 1 to 4 comments (see `protected`).
    in_pieces: bool = False

    @property
    def previous(self) -> Filters:
        """The period before: the same number of whole months for readers of whole months."""
        if self.in_pieces:
            months = (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1
            end = self.start - timedelta(days=1)
            return Filters(_months_before(self.start, months), end, self.survey_id, self.audience)
        length = self.end - self.start
        return Filters(self.start - length - timedelta(days=1), self.start - timedelta(days=1), self.survey_id,
                       self.audience)


def _months_before(first: date, months: int) -> date:
    """The first day of the month `months` months before the month starting on `first`."""
    index = first.year * 12 + first.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)


def whole_months(start: date, end: date) -> tuple[date, date]:
    """The range widened to the first day of start's month and the last day of end's month."""
    return start.replace(day=1), end.replace(day=calendar.monthrange(end.year, end.month)[1])


def _month_pieces(session: Session, filters: Filters) -> dict[tuple[int, date], int]:
    """Responses per survey and month in the filters (whole months), from the daily totals."""
    rows = session.execute(select(ResponseTally.survey_id, ResponseTally.day, ResponseTally.count)
                           .where(*_in_period(ResponseTally, replace(filters, left_out=()))))
    pieces: dict[tuple[int, date], int] = {}
    for survey_id, day, count in rows:
        key = (survey_id, day.replace(day=1))
        pieces[key] = pieces.get(key, 0) + int(count or 0)
    return pieces


def protected(session: Session, filters: Filters) -> Filters:
    """The filters as a reader who must not see counts under 5 gets them.

    Taking one period's figures from another's would single out the young people in between (1 to 30
    November minus 1 to 29 November is whoever answered on the 30th). So the period is widened to whole
    months, and every survey's month that 1 to 4 young people answered is left out of every figure: then
    any figure, and any sum or difference of figures such a reader can get, is made of pieces of 0 or at
    least 5 young people. Comments are counted the same way: a survey's month's comments on a theme are
    left out when there are 1 to 4 of them, so no difference of theme counts (all surveys against one
    survey, say) comes to 1 to 4 comments or gives one comment's feeling."""
    start, end = whole_months(filters.start, filters.end)
    # Nothing is sent after today, so the current month ends today on the page.
    snapped = Filters(start, min(end, max(today(), start)), filters.survey_id, filters.audience)
    small = sorted((survey_id, first, first.replace(day=calendar.monthrange(first.year, first.month)[1]))
                   for (survey_id, first), n in _month_pieces(session, snapped).items() if 0 < n < SMALLEST_SHOWN)
    return replace(snapped, left_out=tuple(small), in_pieces=True)


def default_filters(on: date) -> Filters:
    """The last 12 months."""
    return Filters(on - timedelta(days=364), on)


def _in_period(model, filters: Filters) -> list:
    """Conditions on a running-totals table (with `day` and `survey_id`) for the filters."""
    conditions = [model.day >= filters.start, model.day <= filters.end]
    if filters.survey_id:
        conditions.append(model.survey_id == filters.survey_id)
    if filters.audience:
        conditions.append(model.survey_id.in_(select(Survey.id).where(Survey.audience == filters.audience)))
    if filters.left_out:
        conditions.append(not_(or_(*(and_(model.survey_id == survey_id, model.day >= first, model.day <= last)
                                     for survey_id, first, last in filters.left_out))))
    return conditions


def responses_by_week(session: Session, filters: Filters, by_month: bool = False) -> list[tuple[date, int]]:
    """Responses each week (weeks start on Monday), or each month, added up in SQL from the daily totals."""
    rows = session.execute(select(ResponseTally.day, func.sum(ResponseTally.count))
                           .where(*_in_period(ResponseTally, filters)).group_by(ResponseTally.day))

    def bin_of(day: date) -> date:
        return day.replace(day=1) if by_month else day - timedelta(days=day.weekday())

    bins: dict[date, int] = {}
    step = bin_of(filters.start)
    while step <= filters.end:
        bins[step] = 0
        step = (step.replace(day=28) + timedelta(days=4)).replace(day=1) if by_month else step + timedelta(days=7)
    for day, count in rows:
        bins[bin_of(day)] = bins.get(bin_of(day), 0) + int(count or 0)
    return sorted(bins.items())


@dataclass(frozen=True)
class ThemeCount:
    key: str
    name: str
    count: int
    sentiment: float | None


def _comment_sums(session: Session, filters: Filters) -> dict[int, tuple[int, float, int]]:
    """(comments, feelings added up, positive comments) per theme id; theme 0 is every comment."""
    if filters.in_pieces:
        return _comment_sums_in_pieces(session, filters)
    rows = session.execute(
        select(CommentTally.theme_id, func.sum(CommentTally.count), func.sum(CommentTally.sentiment_sum),
               func.sum(CommentTally.positive)).where(*_in_period(CommentTally, filters))
        .group_by(CommentTally.theme_id))
    return {theme_id: (int(n or 0), float(total or 0.0), int(positive or 0)) for theme_id, n, total, positive in rows}


def _comment_sums_in_pieces(session: Session, filters: Filters) -> dict[int, tuple[int, float, int]]:
    """The same, added up from each survey's month per theme, leaving out pieces of 1 to 4 comments."""
    pieces: dict[tuple[int, int, date], list] = {}
    for theme_id, survey_id, day, n, total, positive in session.execute(
            select(CommentTally.theme_id, CommentTally.survey_id, CommentTally.day, CommentTally.count,
                   CommentTally.sentiment_sum, CommentTally.positive).where(*_in_period(CommentTally, filters))):
        piece = pieces.setdefault((theme_id, survey_id, day.replace(day=1)), [0, 0.0, 0])
        piece[0] += int(n or 0)
        piece[1] += float(total or 0.0)
        piece[2] += int(positive or 0)
    sums: dict[int, tuple[int, float, int]] = {}
    for (theme_id, _, _), (n, total, positive) in pieces.items():
        if n >= SMALLEST_SHOWN:
            was = sums.get(theme_id, (0, 0.0, 0))
            sums[theme_id] = (was[0] + n, was[1] + total, was[2] + positive)
    return sums


def theme_counts(session: Session, filters: Filters) -> tuple[list[ThemeCount], int]:
    """Comments per theme with their average feeling, and how many comments there were in all."""
    sums = _comment_sums(session, filters)
    themes = session.execute(select(Theme.id, Theme.key, Theme.name).where(Theme.archived.is_(False))
                             .order_by(Theme.position, Theme.id))
    rows = []
    for theme_id, key, name in themes:
        count, total, _ = sums.get(theme_id, (0, 0.0, 0))
        rows.append(ThemeCount(key, name, count, total / count if count else None))
    return rows, sums.get(0, (0, 0.0, 0))[0]


def _choice_share(session: Session, filters: Filters, kind: str, theme: str, good: tuple[str, ...]) -> tuple[int, int]:
    """(good answers, all answers) to questions of a kind filed under a theme, in the period."""
    row = session.execute(
        select(func.sum(AnswerTally.count), func.sum(case((AnswerTally.choice.in_(good), AnswerTally.count),
                                                          else_=0)))
        .join(Question, Question.id == AnswerTally.question_id).join(Theme, Theme.id == Question.theme_id)
        .where(Question.kind == kind, Theme.key == theme, *_in_period(AnswerTally, filters))).one()
    return int(row[1] or 0), int(row[0] or 0)


def _positive_comments(session: Session, filters: Filters) -> tuple[int, int]:
    count, _, positive = _comment_sums(session, filters).get(0, (0, 0.0, 0))
    return positive, count


@dataclass(frozen=True)
class ScoreRow:
    """One line of the scorecard, as councils set them out for committee."""

    measure: str
    high_is_good: bool
    target: float | None
    current: float | int | str | None
    previous: float | int | str | None
    percent: bool = True

    @property
    def direction(self) -> str:
        if not isinstance(self.current, (int, float)) or not isinstance(self.previous, (int, float)):
            return "–"
        if abs(self.current - self.previous) < 1e-9:
            return "No change"
        better = (self.current > self.previous) == self.high_is_good
        return "Better" if better else "Worse"

    @property
    def rag(self) -> str:
        """Green at or past the target, amber within a tenth of it, red further off; "" with no target."""
        if self.target is None or not isinstance(self.current, (int, float)):
            return ""
        gap = (self.current - self.target) if self.high_is_good else (self.target - self.current)
        if gap >= 0:
            return Rag.GREEN
        return Rag.AMBER if abs(gap) <= max(abs(self.target) * 0.1, 0.05 if self.percent else 1) else Rag.RED


def _pct(pair: tuple[int, int], exact: bool) -> float | None:
    good, total = pair
    return share(suppress_small_count(good, exact) if good else 0, suppress_small_count(total, exact))


@dataclass(frozen=True)
class ActionsSummary:
    by_status: dict[str, int]
    rag_by_month: list[tuple[date, dict[str, int]]]
    overdue: list[tuple[str, str, date | None, str]]
    overdue_count: int
    done_count: int
    total: int


def _month_ends(on: date, months: int = 6) -> list[date]:
    ends = []
    year, month = on.year, on.month
    for _ in range(months):
        ends.append(min(on, date(year, month, calendar.monthrange(year, month)[1])))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return ends[::-1]


def actions_summary(session: Session, on: date) -> ActionsSummary:
    """Actions by status, by RAG at each month end (counted in SQL), and the overdue list."""
    counts = dict(session.execute(select(Action.status, func.count()).group_by(Action.status)).all())
    # Actions are the council's own work, not people: their counts are never suppressed.
    by_status = {k: counts.get(k, 0) for k in STATUSES}
    history = []
    for end in _month_ends(on):
        raised = YouSaid.raised_on <= end
        rag = rag_expression(end)
        rows = session.execute(select(rag, func.count()).select_from(Action).join(YouSaid, YouSaid.id == Action.item_id)
                               .where(raised, Action.status != ActionStatus.WONT_DO).group_by(rag)).all()
        history.append((end, {c.value: dict(rows).get(c, 0) for c in Rag}))
    overdue_rows = session.execute(
        select(YouSaid.summary, Action.what, Action.due_on, Action.owner).join(YouSaid, YouSaid.id == Action.item_id)
        .where(overdue_expression(on)).order_by(Action.due_on).limit(20)).all()
    overdue_count = session.scalar(select(func.count()).select_from(Action).where(overdue_expression(on))) or 0
    overdue = [(r.summary, r.what, r.due_on, r.owner) for r in overdue_rows]
    return ActionsSummary(by_status, history, overdue, overdue_count, counts.get(ActionStatus.DONE, 0), sum(counts.values()))


@dataclass
class Dashboard:
    """Everything /reports shows for one set of filters."""

    filters: Filters
    exact: bool
    #: Responses in each week, or in each month for readers who see whole months only.
    weeks: list[tuple[date, int | str]]
    responses: int | str
    comments: int | str
    themes: list[charts.ThemeRow]
    promise_version: PledgeVersion | None
    promise_results: list = field(default_factory=list)
    promise_bars: list[charts.PromiseBar] = field(default_factory=list)
    at_risk: list = field(default_factory=list)
    actions: ActionsSummary | None = None
    scorecard: list[ScoreRow] = field(default_factory=list)
    highlights: list[tuple[str, str]] = field(default_factory=list)
    #: Fewer than 5 young people answered in the filters: nothing about them is shown to this reader.
    too_few: bool = False

    @property
    def step(self) -> str:
        """How the responses over time are counted: "week", or "month" for readers of whole months."""
        return "week" if self.exact else "month"

    @property
    def left_out_months(self) -> int:
        """Surveys' months left out of every figure because 1 to 4 young people answered in them."""
        return len(self.filters.left_out)

    def figures(self) -> dict[str, str]:
        """Each chart as JSON for the page."""
        figures = {"responses": charts.to_json(charts.responses_over_time(self.weeks, self.step)),
                   "themes": charts.to_json(charts.themes(self.themes))}
        if self.promise_bars:
            figures["promises"] = charts.to_json(charts.promises(self.promise_bars))
        if self.actions and self.actions.total:
            figures["actions"] = charts.to_json(charts.actions(self.actions.rag_by_month))
        return figures


def _kept_total(results) -> tuple[int, int]:
    kept = sum(r.counts["kept"] for r in results if isinstance(r.counts["kept"], int))
    total = sum(r.total for r in results if isinstance(r.total, int))
    return kept, total


def dashboard(session: Session, filters: Filters, exact: bool, on: date) -> Dashboard:
    """Count everything for the filters; `exact` is False for anyone who must not see counts under 5,
    who get whole months with every survey's small months left out (see `protected`)."""
    if not exact:
        filters = protected(session, filters)
    raw_weeks = responses_by_week(session, filters, by_month=not exact)
    week_counts, total = suppress_counts({w.isoformat(): c for w, c in raw_weeks}, exact)
    weeks = [(w, week_counts[w.isoformat()]) for w, _ in raw_weeks]
    theme_rows, comment_total = theme_counts(session, filters)
    themes = [charts.ThemeRow(t.name, suppress_small_count(t.count, exact),
                              share(suppress_small_count(t.count, exact), suppress_small_count(comment_total, exact)),
                              # A hidden count's average feeling is hidden too: it may be one comment's.
                              t.sentiment if group_shown(t.count, exact) else None) for t in theme_rows]
    board = Dashboard(filters, exact, weeks, total, suppress_small_count(comment_total, exact), themes, None)
    shown_total = sum(c for _, c in raw_weeks)
    if (not group_shown(shown_total, exact) and total != 0) or (shown_total == 0 and filters.left_out):
        # Fewer than 5 answered: nothing about them is shown, only that too few answered (comments too,
        # since 2 young people can write 5 comments).
        board.too_few, board.weeks, board.themes, board.comments = True, [], [], HIDDEN
        if filters.left_out:
            # Everyone who answered is in a month that 1 to 4 answered: say so, never "no responses".
            total = board.responses = FEWER_THAN

    versions = pledges.reviewed_versions(session)
    if versions:
        version = versions[0]
        results = pledges.promise_results(session, version, exact=exact, original=False)
        board.promise_version, board.promise_results, board.at_risk = version, results, pledges.at_risk(results)
        before = pledges.previous_version(session, version)
        previous = {r.promise.identity: r for r in pledges.promise_results(session, before, exact, False)} \
            if before else {}
        for r in results:
            short = r.promise.wording()
            short = short if len(short) <= 40 else short[:38] + "…"
            if before is not None and r.promise.identity in previous:
                old = previous[r.promise.identity]
                board.promise_bars.append(charts.PromiseBar(short, before.year, {
                    k: share(v, old.total) for k, v in old.counts.items()}))
            board.promise_bars.append(charts.PromiseBar(short, version.year, {
                k: share(v, r.total) for k, v in r.counts.items()}))
        kept_now = _kept_total(results)
        kept_before = _kept_total(list(previous.values()))
        board.scorecard.append(ScoreRow("Pledge answers saying the promise is kept", True, 0.7,
                                        _pct(kept_now, exact), _pct(kept_before, exact) if previous else None))

    board.actions = actions_summary(session, on)
    prev = filters.previous if exact else protected(session, filters.previous)
    prev_total = sum(c for _, c in responses_by_week(session, prev))
    people_rows = [
        ScoreRow("Young people who answered", True, None, total,
                 suppress_counts({"n": prev_total}, exact)[1], percent=False),
        ScoreRow("Feel safe where they live", True, 0.9, _pct(_choice_share(session, filters, "yesno", "safe-home",
                                                                            ("yes",)), exact),
                 _pct(_choice_share(session, prev, "yesno", "safe-home", ("yes",)), exact)),
        ScoreRow("Say adults listen to them (4 or 5 out of 5)", True, 0.75,
                 _pct(_choice_share(session, filters, "scale", "involve-me", ("4", "5")), exact),
                 _pct(_choice_share(session, prev, "scale", "involve-me", ("4", "5")), exact)),
        ScoreRow("Comments that sound positive", True, 0.6, _pct(_positive_comments(session, filters), exact),
                 _pct(_positive_comments(session, prev), exact)),
    ]
    for i, row in enumerate(people_rows[1:], start=1):
        # A period fewer than 5 answered shows no share of their answers, now or before.
        people_rows[i] = replace(row, current=None if board.too_few else row.current,
                                 previous=row.previous if group_shown(prev_total, exact) or not prev_total else None)
    board.scorecard[0:0] = people_rows
    # Actions are the council's own work, not people: never suppressed.
    board.scorecard.append(ScoreRow("Actions overdue", False, 0, board.actions.overdue_count, None, percent=False))
    board.highlights = you_said_highlights(session)
    return board


def you_said_highlights(session: Session, limit: int = 5) -> list[tuple[str, str]]:
    """The latest finished "you said, we did" items that are on the public board."""
    rows = session.execute(select(YouSaid.summary, Action.we_did).join(Action, Action.item_id == YouSaid.id)
                           .where(YouSaid.published.is_(True), Action.status == ActionStatus.DONE, Action.we_did != "")
                           .order_by(func.coalesce(Action.done_on, YouSaid.raised_on).desc()).limit(limit))
    return [(r.summary, r.we_did) for r in rows]


def summary_words(board: Dashboard) -> list[str]:
    """The dashboard in a few plain sentences, for the top of the page and the printed report."""
    f = board.filters
    if board.too_few:
        lines = [f"{board.responses} responses from young people between {f.start:%d %B %Y} and {f.end:%d %B %Y}: "
                 "too few to show anything about what they said, so nobody can be picked out."]
    else:
        lines = [f"{board.responses} responses from young people between {f.start:%d %B %Y} and {f.end:%d %B %Y}, "
                 f"with {board.comments} comments."]
    counted = [(t.count, t) for t in board.themes if isinstance(t.count, int) and t.count]
    ranked = [t for _, t in sorted(counted, key=lambda pair: -pair[0])]
    if ranked:
        top = ", ".join(f"{t.name} ({round(t.share * 100)}%)" if t.share is not None else t.name for t in ranked[:2])
        lines.append(f"They wrote most about {top}.")
        feelings = [(t.sentiment, t) for t in ranked if t.sentiment is not None]
        if feelings:
            worst = min(feelings, key=lambda pair: pair[0])[1]
            lines.append(f"Comments about {worst.name} were the least positive.")
    if board.promise_version is not None:
        lines.append(f"{len(board.at_risk)} of {len(board.promise_results)} promises in "
                     f"{board.promise_version.pledge.name} {board.promise_version.year} are at risk.")
    if board.actions is not None:
        # The council's own actions, not people: shown as they are.
        done, overdue = board.actions.done_count, board.actions.overdue_count
        lines.append(f"In “you said, we did”, {done} actions are done and {overdue} are overdue.")
    return lines


def export_rows(board: Dashboard) -> tuple[list[str], list[list[object]]]:
    """The dashboard's tables as rows: section, what, then the figures, suppressed as on screen."""
    def pct(value: float | None) -> str:
        return "" if value is None else f"{round(value * 100)}%"

    rows: list[list[object]] = [["Period", f"{board.filters.start.isoformat()} to {board.filters.end.isoformat()}",
                                 "", "", "", ""]]
    rows += [[f"Responses each {board.step}", w.isoformat(), c, "", "", ""] for w, c in board.weeks]
    rows += [["Themes", t.name, t.count, pct(t.share), "" if t.sentiment is None else round(t.sentiment, 2), ""]
             for t in board.themes]
    for r in board.promise_results:
        rows.append(["Promises", r.promise.wording(), r.total, pct(r.kept_share), pct(r.previous_share),
                     "" if r.change is None else r.change])
    for row in board.scorecard:
        def value(v):
            return pct(v) if row.percent and isinstance(v, float) else ("" if v is None else v)
        rows.append(["Scorecard", row.measure, value(row.current), value(row.previous), row.direction, row.rag])
    if board.actions:
        rows += [["Actions by status", STATUSES[k], v, "", "", ""] for k, v in board.actions.by_status.items()]
    return ["Section", "What", "Figure", "Share or previous", "Feeling or last year", "Change or RAG"], rows
