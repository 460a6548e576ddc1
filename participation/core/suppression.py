"""Small-number suppression, as councils publish figures. Pure: no Flask, no database."""

from __future__ import annotations

from typing import Collection, Hashable, Mapping, TypeVar

K = TypeVar("K", bound=Hashable)

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


def protect(counts: Mapping[K, int], must_hide: Collection[K] = ()) -> tuple[dict[K, int | str], bool]:
    """Hide counts of young people that add up to a total the reader knows; return (shown counts, whether the
    total may still be shown).

    A count from 1 to 4 is shown as "fewer than 5"; so is any count in `must_hide` (one that could be worked
    out by comparing with another group) when it is under 5, 0 included, and as "hidden" otherwise. A 0 there
    matters as much as a 1: in a group chosen by an answer, "Somewhere else: 0" beside "fewer than 5" for
    everyone says how each of those few young people answered the question that chose the group. Then, while the total
    minus the shown counts would give a single hidden count away, or a sum of hidden counts under 5, the
    smallest count still shown is hidden too (secondary suppression), labelled by its own size: "hidden" is
    never "fewer than 5" unless it is. Ties go to the earlier key, so the same figures always hide the same
    cells. When nothing is left to hide, the total itself would give a count away and must not be shown.
    """
    hidden = [k for k, v in counts.items() if 0 < v < SMALLEST_SHOWN or k in must_hide]
    total_ok = True
    while hidden and (len(hidden) == 1 or sum(counts[k] for k in hidden) < SMALLEST_SHOWN):
        rest = [k for k, v in counts.items() if v > 0 and k not in hidden]
        if not rest:
            total_ok = False
            break
        hidden.append(min(rest, key=lambda k: counts[k]))
    return {k: (hidden_label(v) if k in hidden else v) for k, v in counts.items()}, total_ok


def hidden_label(count: int) -> str:
    """How a suppressed count is shown: "fewer than 5" when it is, otherwise "hidden"."""
    return FEWER_THAN if count < SMALLEST_SHOWN else HIDDEN


def suppress_counts(counts: dict[str, int], exact: bool = False) -> tuple[dict[str, int | str], int | str]:
    """Suppress a row of counts that add up to a total; return (shown counts, shown total).

    Counts from 1 to 4 become "fewer than 5", and others are hidden with them so that neither one nor a
    sum under 5 can be worked out from the total (see protect).
    """
    total = sum(counts.values())
    if exact:
        return dict(counts), total
    shown_total = suppress_small_count(total)
    if shown_total == FEWER_THAN:
        return {k: suppress_small_count(v) for k, v in counts.items()}, shown_total
    shown, total_ok = protect(counts)
    return shown, (total if total_ok else hidden_label(total))


def share(count: int | str, total: int | str) -> float | None:
    """count / total, or None when either is hidden or there is nothing to divide by."""
    if isinstance(count, str) or isinstance(total, str) or not total:
        return None
    return count / total
