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


if __name__ == "__main__" and sys.argv[1] != "--others":
    lines = Path(sys.argv[1]).read_text(encoding="utf-8").splitlines()[3:64]
    with open(Path(__file__).parent / "care_leavers_review_2012.csv", "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(HEADER)
        writer.writerows(rows(lines))


# The other seed tables, written the same way (run with the seeds' folder):
#     python tests/data/make_seed_tables.py --others /work/shared/seeds
# strategy_action_plan_2015.csv: seed 001 lines 508-546, "Ref, Action, Who", outcome headings kept as rows
#   with only their title in the Ref column, and cells that ran onto a second line joined back.
# fostering_task_and_finish.csv: seed 003, "Reco, mmendations, Response, Proposed, Lead & timescale, Risk
#   Factors" (its header as printed, split word and all), the header repeated on each page left out.
# merton_care_leaver_strategy_2016.csv: seed 004's seven "Action, Update, RAG" tables, each row with the
#   numbered heading it sits under ("3. Employment") in an "Area" column; lines a cell wrapped onto joined.
import re  # noqa: E402


def _join(row, cells, start=0):
    """Join the lines a cell ran onto back to the row's cells, from column `start`."""
    for i, text in enumerate(cells, start=start):
        if text and i < len(row):
            row[i] = f"{row[i]} {text}".strip()


def strategy_rows(lines):
    table = []
    for line in lines:
        cells = [re.sub(r"</?b>", "", c).strip() for c in line.split("\t")] + ["", ""]
        if not line.strip() or cells[0] == "Ref":
            continue
        if cells[0] and not re.fullmatch(r"\d[a-z]", cells[0]) and not cells[1]:
            table.append([cells[0], "", ""])  # an outcome's heading
        elif not cells[0] and table:
            _join(table[-1], cells[:3])
        else:
            table.append(cells[:3])
    return table


def task_and_finish_rows(lines):
    table = []
    for line in lines:
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) < 2 or cells[0] == "Reco":
            continue
        table.append((cells + [""] * 6)[:6])
    return table


def merton_rows(lines):
    table, area, inside = [], "", False
    for line in lines:
        heading = re.match(r"^(\d+)\. (\S.*)$", line.strip())
        if heading and "\t" not in line:
            area, inside = line.strip(), False
            continue
        if line.startswith("Action\tUpdate\tRAG"):
            inside = True
            continue
        if not inside:
            continue
        if line.strip() and "\t" not in line:
            inside = False
            continue
        if not line.strip():
            continue
        cells = ([c.strip() for c in line.split("\t")] + ["", "", ""])[:3]
        previous = table[-1] if table else None
        # "Local Work Programme" / "Providers will record..." and "...delivery of the ILS" / "Workshops" are
        # one cell each that ran onto a second line starting with a capital.
        starts_row = (cells[0][:1].isupper() and not (previous and previous[1] == "Local Work Programme")
                      and not (previous and " " not in cells[0] and not any(cells[1:])))
        if previous and not starts_row:
            _join(previous, cells, start=1)
        else:
            table.append([area, *cells])
    return table


def _write(name, header, rows):
    with open(Path(__file__).parent / name, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        writer.writerows(rows)


if __name__ == "__main__" and sys.argv[1] == "--others":
    seeds = Path(sys.argv[2])
    text = {n: next(seeds.glob(f"{n}_*.txt")).read_text(encoding="utf-8").splitlines() for n in ("001", "003", "004")}
    _write("strategy_action_plan_2015.csv", ["Ref", "Action", "Who"], strategy_rows(text["001"][507:546]))
    _write("fostering_task_and_finish.csv", ["Reco", "mmendations", "Response", "Proposed", "Lead & timescale",
                                             "Risk Factors"], task_and_finish_rows(text["003"]))
    _write("merton_care_leaver_strategy_2016.csv", ["Area", "Action", "Update", "RAG"], merton_rows(text["004"]))
