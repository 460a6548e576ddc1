"""Small-number suppression, as councils publish figures. Pure: no Flask, no database."""

from __future__ import annotations

#: Counts from 1 up to this number are not shown to people who may not see exact figures.
SMALLEST_SHOWN = 5
FEWER_THAN = f"fewer than {SMALLEST_SHOWN}"


def suppress_small_count(count: int, exact: bool = False) -> int | str:
    """Return the count, or "fewer than 5" for 1 to 4 unless exact figures may be shown."""
    if exact or count == 0 or count >= SMALLEST_SHOWN:
        return count
    return FEWER_THAN
