"""Writes the seed tables used by the tracker tests as CSV, from the council papers' text.

care_leavers_review_2012.csv: the Care Leavers Review 2012 appendix (Cheshire East), seed
000_9ba1de0d668a191a.txt lines 4-64, its four columns as printed; page headers left out and the
lines a cell ran onto after a page break joined back to that cell. Run once:
    python tests/data/make_seed_tables.py /work/shared/seeds/000_9ba1de0d668a191a.txt
"""

import csv
import sys
from pathlib import Path

HEADER = ["No", "RECOMMENDATION", "Response", "COMPLETED ON"]


def rows(lines):
    table = []
    for line in lines:
        cells = line.rstrip("\n").split("\t")
        if not line.strip() or cells[0].startswith(("Recommendations from", "No")):
            continue
        cells = [c.strip() for c in cells] + [""] * 4
        if not cells[0] and table:  # a cell that ran onto the next page
            for i, text in enumerate(cells[1:4], start=1):
                if text:
                    table[-1][i] = f"{table[-1][i]} {text}".strip()
            continue
        table.append(cells[:4])
    return table


if __name__ == "__main__":
    lines = Path(sys.argv[1]).read_text(encoding="utf-8").splitlines()[3:64]
    with open(Path(__file__).parent / "care_leavers_review_2012.csv", "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(HEADER)
        writer.writerows(rows(lines))
