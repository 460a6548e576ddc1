"""How well the safeguarding detector does on comments it was never built from.

Prints, for the held-out set (bench/data/safeguarding-heldout.jsonl, see SAFEGUARDING-HELDOUT.md):
recall per kind of risk (flagged at all) and how often the right kind was named, the false-alarm rate
per family of harmless look-alikes, and overall recall and false-alarm rate with Wilson 95% intervals,
against the targets a safeguarding lead has set.

    python bench/safeguarding_eval.py [--data PATH] [--show-misses]

--show-misses prints the missed disclosures and the false alarms themselves. Those texts are for the
safeguarding lead only: whoever writes the detector's rules must not see them, or the set stops
measuring anything.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from participation.analysis import tag_many  # noqa: E402

DEFAULT_DATA = ROOT / "bench" / "data" / "safeguarding-heldout.jsonl"
RECALL_TARGET = 0.97
FALSE_ALARM_TARGET = 0.10
Z95 = 1.959963984540054


def wilson(hits: int, n: int, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval for a proportion hits/n (0-1 both ends); (0, 1) when n is 0."""
    if n == 0:
        return 0.0, 1.0
    p = hits / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return max(0.0, centre - half), min(1.0, centre + half)


def load(path: Path) -> list[dict]:
    rows = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as error:
                    raise SystemExit(f"{path}:{number}: not a JSON line ({error})")
    return rows


def kinds_of(result) -> tuple[tuple[str, ...], bool]:
    """The kinds the detector named, and whether it reports kinds at all (`.risks`)."""
    if hasattr(result, "risks"):
        return tuple(result.risks or ()), True
    return tuple(getattr(result, "safeguarding_reasons", ()) or ()), False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="JSON-lines file to score")
    parser.add_argument("--show-misses", action="store_true",
                        help="print missed and falsely flagged texts (for the safeguarding lead only)")
    args = parser.parse_args(argv)

    rows = load(args.data)
    results = tag_many([row["text"] for row in rows])
    risk = defaultdict(lambda: [0, 0, 0])  # kind -> [comments, flagged, right kind named]
    benign = defaultdict(lambda: [0, 0])  # family -> [comments, flagged]
    misses, wrong_kind, false_alarms = [], [], []
    reports_kinds = True
    for row, result in zip(rows, results):
        flagged = bool(result.safeguarding)
        named, has_risks = kinds_of(result)
        reports_kinds = reports_kinds and has_risks
        if row["label"] == "risk":
            counts = risk[row["kind"]]
            counts[0] += 1
            counts[1] += flagged
            counts[2] += row["kind"] in named
            if not flagged:
                misses.append((row["kind"], row["text"]))
            elif row["kind"] not in named:
                wrong_kind.append((row["kind"], named, row["text"]))
        else:
            counts = benign[row["family"]]
            counts[0] += 1
            counts[1] += flagged
            if flagged:
                false_alarms.append((row["family"], named, row["text"]))

    print(f"Held-out safeguarding set: {args.data.name}, {len(rows)} comments "
          f"({sum(c[0] for c in risk.values())} risk, {sum(c[0] for c in benign.values())} benign)\n")
    if not reports_kinds:
        print("kinds not reported: the detector has no `.risks`, so the kind column compares against "
              "`safeguarding_reasons`\n")
    print(f"{'kind of risk':<24}{'n':>4}{'recall':>8}{'kind right':>12}")
    for kind in sorted(risk, key=lambda k: risk[k][1] / risk[k][0]):
        n, hit, right = risk[kind]
        print(f"{kind:<24}{n:>4}{hit / n:>8.0%}{right / n:>12.0%}")
    print(f"\n{'benign family':<24}{'n':>4}{'false alarms':>14}")
    for family in sorted(benign, key=lambda f: -benign[f][1] / benign[f][0]):
        n, hit = benign[family]
        print(f"{family:<24}{n:>4}{hit / n:>14.0%}")

    n_risk = sum(c[0] for c in risk.values())
    hits = sum(c[1] for c in risk.values())
    right = sum(c[2] for c in risk.values())
    n_benign = sum(c[0] for c in benign.values())
    alarms = sum(c[1] for c in benign.values())
    print()
    if n_risk:
        low, high = wilson(hits, n_risk)
        verdict = "meets" if hits / n_risk >= RECALL_TARGET else "below"
        print(f"overall recall       {hits / n_risk:6.1%}  ({hits}/{n_risk}, 95% CI {low:.1%} to {high:.1%})"
              f"  target >= {RECALL_TARGET:.0%}: {verdict}")
        print(f"kind named correctly {right / n_risk:6.1%}  ({right}/{n_risk})")
    if n_benign:
        low, high = wilson(alarms, n_benign)
        verdict = "meets" if alarms / n_benign <= FALSE_ALARM_TARGET else "above"
        print(f"overall false alarms {alarms / n_benign:6.1%}  ({alarms}/{n_benign}, 95% CI {low:.1%} to {high:.1%})"
              f"  target <= {FALSE_ALARM_TARGET:.0%}: {verdict}")

    if args.show_misses:
        print(f"\nMissed disclosures ({len(misses)}):")
        for kind, text in sorted(misses):
            print(f"  [{kind}] {text}")
        print(f"\nFlagged with the wrong kind ({len(wrong_kind)}):")
        for kind, named, text in sorted(wrong_kind):
            print(f"  [{kind}; named {', '.join(named) or 'nothing'}] {text}")
        print(f"\nFalse alarms ({len(false_alarms)}):")
        for family, named, text in sorted(false_alarms):
            print(f"  [{family}; named {', '.join(named) or 'nothing'}] {text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
