#!/usr/bin/env python3
"""Property test of the missing-value rule (METRICS.md §0): random logs with random blank cells.

Usage: check_blanks.py PATH_TO_CXKPI [--seed N] [--logs N] [--rows N]

Each seeded log has one row per contact (answered, abandoned, wait_s, talk_s, hold_s, wrap_s,
resolved, first_contact_resolved, transferred, csat, nps, cost, channel and a day), whose cells
are then blanked at random: empty, or a word that means no value (N/A, NULL, -, null). The
expectations are computed here, row by row, straight from the rules, never from cxkpi's
output: a blank cell is missing for its row; a blank flag is derived as an absent column would
be (answered from abandoned, else from a known talk time; resolved from first-contact
resolution; first-contact resolution from an unresolved contact), or else unknown; each figure
is taken over the rows whose inputs are known, and reports how many it left out. cxkpi's
`report --by day --group channel --json` must give every figure (value, n and left_out) of
every bucket and of the total, and single-metric runs whose options read other counters
(service level with abandons positive, short abandons, cost per handled contact, AHT of some
components, FCR over resolved contacts) their totals. Every third log has no answered or
abandoned column (talk time tells the outcome); the last is large enough to be read in
blocks on two threads, whose sums must merge exactly.
"""
import argparse
import csv
import random
import sys
from collections import defaultdict
from fractions import Fraction

from common import check, cxkpi, tally, temporary

WORDS = ["", "", "", "N/A", "NULL", "-", "null", " "]  # what a blank cell may say
COLUMNS = ["id", "opened_at", "channel", "answered", "abandoned", "wait_s", "talk_s", "hold_s", "wrap_s",
           "resolved", "first_contact_resolved", "transferred", "csat", "nps", "cost"]
THRESHOLD = 20  # service level's default T, inclusive


def true_contact(rng, i):
    """A contact as it happened: every cell known, and consistent (cxkpi refuses a contradiction)."""
    answered = rng.random() < 0.75
    resolved = answered and rng.random() < 0.7
    return {
        "id": str(i + 1),
        "opened_at": f"2026-03-0{1 + rng.randrange(3)}T{rng.randrange(8, 18):02d}:{rng.randrange(60):02d}:00Z",
        "channel": rng.choice(["voice", "chat"]),
        "answered": int(answered),
        "abandoned": int(not answered),
        "wait_s": rng.choice([0, 5, 12, 20, 21, 40, 90, 300]),
        "talk_s": rng.randrange(30, 900) if answered else 0,
        "hold_s": rng.choice([0, 0, 30, 75]) if answered else 0,
        "wrap_s": rng.randrange(0, 120) if answered else 0,
        "resolved": int(resolved),
        "first_contact_resolved": int(resolved and rng.random() < 0.6),
        "transferred": int(answered and rng.random() < 0.15),
        "csat": rng.randrange(1, 6) if rng.random() < 0.5 else "",
        "nps": rng.randrange(0, 11) if rng.random() < 0.4 else "",
        "cost": f"{rng.randrange(0, 2000) / 100:.2f}",
    }


def blanked(rng, contact, rate):
    """The row as the export wrote it: some cells blank (never the id, time or channel)."""
    row = {k: str(v) for k, v in contact.items()}
    for column in COLUMNS[3:]:
        if rng.random() < rate:
            row[column] = rng.choice(WORDS)
    return row


def known(cell):
    text = cell.strip()
    return None if text == "" or text.lower() in ("n/a", "null", "-") else text


def read(row):
    """A row as the rules read it: each measure a number, or None when unknown."""
    v = {k: known(row[k]) for k in COLUMNS[3:]}
    num = {k: (None if v[k] is None else Fraction(v[k])) for k in ("wait_s", "talk_s", "hold_s", "wrap_s", "cost")}
    flag = {k: (None if v[k] is None else v[k] == "1") for k in
            ("answered", "abandoned", "resolved", "first_contact_resolved", "transferred")}
    answered = flag["answered"]
    if answered is None:  # derived as an absent column would be
        if flag["abandoned"] is not None:
            answered = not flag["abandoned"]
        elif num["talk_s"] is not None:
            answered = num["talk_s"] > 0
    resolved, fcr = flag["resolved"], flag["first_contact_resolved"]
    if resolved is None and fcr is True:
        resolved = True
    if fcr is None and resolved is False:
        fcr = False
    return {**num, "answered": answered, "resolved": resolved, "fcr": fcr, "transferred": flag["transferred"],
            "csat": None if v["csat"] is None else int(v["csat"]), "nps": None if v["nps"] is None else int(v["nps"])}


def mean_over(rows, keep, value, left_out, factor=1):
    """factor × Σ value / n over the rows `keep` accepts, n, and how many `left_out` counts."""
    kept = [r for r in rows if keep(r)]
    n = len(kept)
    return (None if n == 0 else float(factor * sum(value(r) for r in kept) / n)), n, sum(map(left_out, rows))


def expected(rows):
    """Every figure of `rows` by the rules: metric -> (value, n, left_out)."""
    unknown = lambda r: r["answered"] is None  # noqa: E731 - the outcome is unknown
    ans = lambda r: r["answered"] is True  # noqa: E731
    ab = lambda r: r["answered"] is False  # noqa: E731
    handle = ("talk_s", "hold_s", "wrap_s")
    costed = [r for r in rows if r["cost"] is not None and r["resolved"] is not None]
    resolved = sum(1 for r in costed if r["resolved"])
    csat = [r["csat"] for r in rows if r["csat"] is not None]
    nps = [r["nps"] for r in rows if r["nps"] is not None]
    return {
        "asa": mean_over(rows, lambda r: ans(r) and r["wait_s"] is not None, lambda r: r["wait_s"],
                         lambda r: unknown(r) or (ans(r) and r["wait_s"] is None)),
        "avg_wait": mean_over(rows, lambda r: not unknown(r) and r["wait_s"] is not None, lambda r: r["wait_s"],
                              lambda r: unknown(r) or r["wait_s"] is None),
        "abandonment": mean_over(rows, lambda r: not unknown(r), lambda r: ab(r), unknown, 100),
        "service_level": mean_over(rows, lambda r: not unknown(r) and not (ans(r) and r["wait_s"] is None),
                                   lambda r: ans(r) and r["wait_s"] <= THRESHOLD,
                                   lambda r: unknown(r) or (ans(r) and r["wait_s"] is None), 100),
        "aht": mean_over(rows, lambda r: ans(r) and all(r[k] is not None for k in handle),
                         lambda r: sum(r[k] for k in handle),
                         lambda r: unknown(r) or (ans(r) and any(r[k] is None for k in handle))),
        "hold": mean_over(rows, lambda r: ans(r) and r["hold_s"] is not None, lambda r: r["hold_s"],
                          lambda r: unknown(r) or (ans(r) and r["hold_s"] is None)),
        "transfer_rate": mean_over(rows, lambda r: ans(r) and r["transferred"] is not None,
                                   lambda r: r["transferred"],
                                   lambda r: unknown(r) or (ans(r) and r["transferred"] is None), 100),
        "fcr": mean_over(rows, lambda r: ans(r) and r["fcr"] is not None, lambda r: r["fcr"],
                         lambda r: unknown(r) or (ans(r) and r["fcr"] is None), 100),
        "cost_per_contact": mean_over(rows, lambda r: r["cost"] is not None, lambda r: r["cost"],
                                      lambda r: r["cost"] is None),
        "cost_per_resolution": ((None if resolved == 0 else float(sum(r["cost"] for r in costed) / resolved)),
                                resolved, len(rows) - len(costed)),
        "csat": ((None if not csat else 100 * sum(1 for s in csat if s >= 4) / len(csat)), len(csat), 0),
        "nps": ((None if not nps else 100 * (sum(1 for s in nps if s >= 9) - sum(1 for s in nps if s <= 6))
                 / len(nps)), len(nps), 0),
    }


def variants(rows):
    """Single-metric runs whose options read other left-out counters: (arguments, figure)."""
    unknown = lambda r: r["answered"] is None  # noqa: E731
    ans = lambda r: r["answered"] is True  # noqa: E731
    ab = lambda r: r["answered"] is False  # noqa: E731
    untimed = lambda r: not unknown(r) and r["wait_s"] is None  # noqa: E731
    timed = [r for r in rows if not unknown(r) and r["wait_s"] is not None]
    short = [r for r in timed if ab(r) and r["wait_s"] < 5]
    handled = [r for r in rows if ans(r) and r["cost"] is not None]
    kept_cost = [r for r in rows if not unknown(r) and r["cost"] is not None]
    resolved = [r for r in rows if r["resolved"] and not unknown(r) and not (ans(r) and r["fcr"] is None)]
    ratio = lambda num, den, factor=1: None if den == 0 else float(factor * Fraction(num) / den)  # noqa: E731
    return [
        (["service-level", "--mode", "abandons-positive"],
         (ratio(sum(1 for r in timed if r["wait_s"] <= THRESHOLD), len(timed), 100), len(timed),
          sum(1 for r in rows if unknown(r) or untimed(r)))),
        (["abandonment", "--short-abandon", "5"],
         (ratio(sum(1 for r in rows if ab(r) and r["wait_s"] is not None) - len(short),
                sum(1 for r in rows if not unknown(r) and not (ab(r) and r["wait_s"] is None)) - len(short), 100),
          sum(1 for r in rows if not unknown(r) and not (ab(r) and r["wait_s"] is None)) - len(short),
          sum(1 for r in rows if unknown(r) or (ab(r) and r["wait_s"] is None)))),
        (["cost-per-contact", "--per", "handled"],
         (ratio(sum(r["cost"] for r in kept_cost), len(handled)), len(handled),
          sum(1 for r in rows if r["cost"] is None or unknown(r)))),
        (["aht", "--components", "talk,wrap"],
         mean_over(rows, lambda r: ans(r) and r["talk_s"] is not None and r["wrap_s"] is not None,
                   lambda r: r["talk_s"] + r["wrap_s"],
                   lambda r: unknown(r) or (ans(r) and (r["talk_s"] is None or r["wrap_s"] is None)))),
        (["fcr", "--den", "resolved"],
         (ratio(sum(1 for r in resolved if ans(r) and r["fcr"]), len(resolved), 100), len(resolved),
          sum(1 for r in rows if r["resolved"] is None or (r["resolved"] and (unknown(r) or (ans(r) and r["fcr"] is None)))))),
    ]


def compare(where, got, want):
    for metric, (value, n, left_out) in want.items():
        figure = got.get(metric) or {}
        check(f"{where} {metric} value", figure.get("value"), value)
        check(f"{where} {metric} n", figure.get("n"), n)
        check(f"{where} {metric} left_out", figure.get("left_out", 0), left_out)


def run_log(binary, rng, rows, rate, columns, threads):
    """One generated log; `columns` may leave out answered and abandoned, so that talk time tells."""
    contacts = [true_contact(rng, i) for i in range(rows)]
    written = [blanked(rng, c, rate) for c in contacts]
    for row in written:
        for column in set(COLUMNS) - set(columns):
            row[column] = ""  # a column the log does not have reads as no value
    with temporary(".csv") as f:
        w = csv.DictWriter(f, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
        w.writeheader()
        w.writerows(written)
    metrics = ",".join(m.replace("_", "-") for m in expected([]))
    doc = cxkpi(binary, "report", f.name, "--by", "day", "--group", "channel", "--metrics", metrics,
                "--threads", str(threads))
    parsed = [read(r) for r in written]
    buckets = defaultdict(list)
    for raw, r in zip(written, parsed):
        buckets[(raw["opened_at"][:10], raw["channel"])].append(r)
    for row in doc["rows"]:
        key = (row["period"], row["group"]["channel"])
        compare(f"{f.name} {key}", row, expected(buckets.pop(key, [])))
    check(f"{f.name} buckets cxkpi did not report", sorted(buckets), [])
    compare(f"{f.name} total", doc["total"], expected(parsed))
    for args, (value, n, left_out) in variants(parsed):
        total = cxkpi(binary, *args[:1], f.name, *args[1:])["total"]
        where = f"{f.name} {' '.join(args)}"
        check(f"{where} value", total.get("value"), value)
        check(f"{where} n", total.get("n"), n)
        check(f"{where} left_out", total.get("left_out", 0), left_out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cxkpi")
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--logs", type=int, default=6)
    ap.add_argument("--rows", type=int, default=800)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    without_outcome = [c for c in COLUMNS if c not in ("answered", "abandoned")]
    for i in range(args.logs):
        run_log(args.cxkpi, rng, args.rows, [0.02, 0.1, 0.3, 0.6][i % 4], COLUMNS if i % 3 else without_outcome, 1)
    # Enough rows for blocks on two threads (about 2 MB each): their sums must merge exactly.
    run_log(args.cxkpi, rng, 40 * args.rows, 0.1, COLUMNS, 2)
    return tally.exit_code("missing values")


if __name__ == "__main__":
    sys.exit(main())
