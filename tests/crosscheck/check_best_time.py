#!/usr/bin/env python3
"""Independent cross-check of best-time-to-call: the weekday × hour grid, its marginals and
the best bucket, recomputed in plain Python (zoneinfo for local time, Fraction for exact ties)
on data/calls.csv in several zones, on METRICS.md's fixture F, and on a generated outbound
dialling log whose times carry no offset (local to --tz, across a DST change).

Usage: check_best_time.py PATH_TO_CXKPI PROJECT_ROOT
"""
import csv
import datetime as dt
import json
import random
import subprocess
import sys
import tempfile
from fractions import Fraction
from pathlib import Path
from zoneinfo import ZoneInfo

from common import check, cxkpi, tally

DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def local_time(text, zone):
    if text.endswith("Z") or "+" in text[10:] or text[19:20] == "-":
        t = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        return t.astimezone(ZoneInfo(zone)) if zone != "UTC" else t.astimezone(dt.timezone.utc)
    return dt.datetime.fromisoformat(text)  # no offset: already local to --tz


def grid_of(rows, zone, offered_col="offered", answered_col="answered"):
    grid = {(d, h): [0, 0, Fraction(0)] for d in range(7) for h in range(24)}
    for r in rows:
        t = local_time(r["opened_at"], zone)
        cell = grid[(t.weekday(), t.hour)]
        offered = r.get(offered_col, "1") in ("1", "")
        answered = r[answered_col] == "1"
        cell[0] += 1 if offered else 0
        if answered:
            cell[1] += 1
            cell[2] += Fraction(r["wait_s"] or "0")
    return grid


def figures(c):
    offered, answered, wait = c
    rate = 100.0 * answered / offered if offered else None
    asa = float(wait / answered) if answered else None
    return rate, asa


def best_of(grid, min_n):
    best = None
    for d in range(7):
        for h in range(24):
            o, a, w = grid[(d, h)]
            if o < min_n:
                continue
            # higher rate, larger n, lower asa (none ranks last), earlier: compare as a key
            key = (Fraction(a, o), o, 1 if a else 0, -(w / a) if a else 0)
            if best is None or key > best[0]:
                best = (key, (DAYS[d], h))
    return best[1] if best else None


def compare(name, doc, grid, min_n):
    for row in doc["grid"]:
        d, h = DAYS.index(row["weekday"]), row["hour"]
        cell = grid[(d, h)]
        rate, asa = figures(cell)
        where = f"{name} {row['weekday']} {h:02}"
        check(f"{where} offered", row["offered"], cell[0])
        check(f"{where} answered", row["answered"], cell[1])
        check(f"{where} answer_rate", row["answer_rate"], rate)
        check(f"{where} asa", row["asa"], asa)
    check(f"{name} grid size", len(doc["grid"]), 168)

    def total(cells):
        cells = list(cells)
        return [sum(c[0] for c in cells), sum(c[1] for c in cells), sum((c[2] for c in cells), Fraction(0))]

    for row in doc["weekdays"]:
        d = DAYS.index(row["weekday"])
        rate, asa = figures(total(grid[(d, h)] for h in range(24)))
        check(f"{name} {row['weekday']} answer_rate", row["answer_rate"], rate)
        check(f"{name} {row['weekday']} asa", row["asa"], asa)
    for row in doc["hours"]:
        h = row["hour"]
        rate, asa = figures(total(grid[(d, h)] for d in range(7)))
        check(f"{name} hour {h:02} answer_rate", row["answer_rate"], rate)
        check(f"{name} hour {h:02} asa", row["asa"], asa)
    rate, asa = figures(total(grid.values()))
    check(f"{name} total answer_rate", doc["total"]["answer_rate"], rate)
    check(f"{name} total asa", doc["total"]["asa"], asa)
    best = best_of(grid, min_n)
    got = (doc["best"]["weekday"], doc["best"]["hour"]) if doc["best"] else None
    check(f"{name} best", got, best)
    if best is None:
        check(f"{name} best_reason", doc.get("best_reason", "").startswith("no bucket with n ≥ min-n"), True)
    return best


def exists_in(t, zone):
    """Whether local time t is a reading of the zone's clocks (not one they skip in spring)."""
    there = t.replace(tzinfo=ZoneInfo(zone)).astimezone(dt.timezone.utc).astimezone(ZoneInfo(zone))
    return there.replace(tzinfo=None) == t


def outbound_log(path):
    """Dial attempts with local times (no offset) around Riga's spring-forward, 2026-03-29.
    Readings the change skips (03:00-03:59) are left out: cxkpi refuses them."""
    rnd = random.Random(7)
    start = dt.datetime(2026, 3, 16, 0, 0, 0)
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["dial_id", "opened_at", "attempts", "connected", "wait_s"])
        for i in range(2500):
            t = start + dt.timedelta(seconds=rnd.randrange(0, 28 * 86400))
            if not exists_in(t, "Europe/Riga"):
                continue
            connected = rnd.random() < 0.35 + 0.03 * (t.hour % 12)
            w.writerow([f"d{i}", t.strftime("%Y-%m-%dT%H:%M:%S"), 1, int(connected), rnd.randrange(0, 40)])


def main():
    binary, root = sys.argv[1], Path(sys.argv[2])
    calls = list(csv.DictReader(open(root / "data/calls.csv", newline="")))
    for zone, min_n in [("UTC", 30), ("Europe/Riga", 25), ("America/New_York", 1), ("Asia/Kolkata", 10_000)]:
        doc = cxkpi(binary, "best-time-to-call", str(root / "data/calls.csv"), "--tz", zone, "--min-n", str(min_n))
        best = compare(f"calls.csv {zone} min-n {min_n}", doc, grid_of(calls, zone), min_n)
        print(f"ok   calls.csv --tz {zone} --min-n {min_n}: best {best}")

    # --from/--to are local to --tz: from included, to excluded.
    lo, hi = dt.datetime(2026, 2, 9), dt.datetime(2026, 3, 1, 12)
    window = [r for r in calls if lo <= local_time(r["opened_at"], "Europe/Riga").replace(tzinfo=None) < hi]
    doc = cxkpi(binary, "best-time", str(root / "data/calls.csv"), "--tz", "Europe/Riga", "--from", "2026-02-09",
                "--to", "2026-03-01T12:00", "--min-n", "12")
    best = compare("calls.csv Europe/Riga --from/--to", doc, grid_of(window, "Europe/Riga"), 12)
    print(f"ok   calls.csv --tz Europe/Riga --from 2026-02-09 --to 2026-03-01T12:00: {len(window)} rows, best {best}")

    fixture = list(csv.DictReader(open(root / "data/fixture_f.csv", newline="")))
    for min_n, expected in [(2, ("Mon", 9)), (1, ("Wed", 9))]:
        doc = cxkpi(binary, "best-time", str(root / "data/fixture_f.csv"), "--min-n", str(min_n))
        best = compare(f"fixture F min-n {min_n}", doc, grid_of(fixture, "UTC"), min_n)
        check(f"fixture F min-n {min_n} is METRICS.md's answer", best, expected)
        print(f"ok   fixture F --min-n {min_n}: best {best}")

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "dials.csv"
        outbound_log(path)
        dials = list(csv.DictReader(open(path, newline="")))
        doc = cxkpi(binary, "best-time-to-call", str(path), "--outbound", "--tz", "Europe/Riga", "--min-n", "20")
        check("outbound flag in JSON", doc["outbound"], True)
        best = compare("outbound dials Europe/Riga", doc, grid_of(dials, "Europe/Riga", "attempts", "connected"), 20)
        print(f"ok   generated outbound log --tz Europe/Riga: best {best}")

    sys.exit(tally.exit_code("best-time"))


main()
