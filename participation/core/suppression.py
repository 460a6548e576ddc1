"""Small-number suppression, as councils publish figures. Pure: no Flask, no database."""

from __future__ import annotations

#: Counts from 1 up to this number are not shown to people who may not see exact figures.
SMALLEST_SHOWN = 5
FEWER_THAN = f"fewer than {SMALLEST_SHOWN}"
#: A count of 5 or more hidden only so that a small one cannot be worked out from the total.
HIDDEN = "hidden"


def suppress_small_count(count: int, exact: bool = False) -> int | str:
    """Return the count, or "fewer than 5" for 1 to 4 unless exact figures may be shown."""
    if exact or count == 0 or count >= SMALLEST_SHOWN:
        return count
    return FEWER_THAN


def group_shown(responses: int, exact: bool = False) -> bool:
    """True when a group of young people (a survey, or those a filter picks) is large enough for its
    figures and comments to be shown: 5 or more responses, or a reader who may see exact figures.
    participation.comments.services.in_groups_shown is the same rule in SQL."""
    return exact or responses >= SMALLEST_SHOWN


def suppress_counts(counts: dict[str, int], exact: bool = False) -> tuple[dict[str, int | str], int | str]:
    """Suppress a row of counts that add up to a total; return (shown counts, shown total).

    Counts from 1 to 4 become "fewer than 5". When the total and the other cells would give a
    hidden count away by subtraction, the next smallest cell is hidden too (secondary suppression),
    and shown as "hidden": it is not fewer than 5 unless it is.
    """
    total = sum(counts.values())
    if exact:
        return dict(counts), total
    shown: dict[str, int | str] = {k: suppress_small_count(v) for k, v in counts.items()}
    shown_total = suppress_small_count(total)
    hidden = [k for k, v in shown.items() if v == FEWER_THAN]
    if len(hidden) == 1 and shown_total != FEWER_THAN:
        others = sorted((v, k) for k, v in counts.items() if k not in hidden and v > 0)
        if others:
            shown[others[0][1]] = suppress_small_count(others[0][0]) if others[0][0] < SMALLEST_SHOWN else HIDDEN
        else:
            shown_total = FEWER_THAN
    return shown, shown_total


def share(count: int | str, total: int | str) -> float | None:
    """count / total, or None when either is hidden or there is nothing to divide by."""
    if isinstance(count, str) or isinstance(total, str) or not total:
        return None
    return count / total
