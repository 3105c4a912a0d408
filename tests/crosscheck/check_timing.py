#!/usr/bin/env python3
"""Independent cross-check of the record-only metrics: repeat-contact-rate and FCR's window
method on data/calls.csv, and first-response-time / resolution-time on generated tickets,
with and without business hours.

Usage: check_timing.py PATH_TO_CXKPI PATH_TO_DATA_DIR

Expectations are computed here in plain Python (sorting, numpy-style type-7 percentiles, and
business seconds by stepping minute by minute through zoneinfo local time); cxkpi's output is
only compared against them.
"""
import csv
import datetime as dt
import json
import math
import random
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from zoneinfo import ZoneInfo

from common import check, cxkpi, iso_week, tally, temporary, ts, type7


def check_windows(binary, data):
    rows = list(csv.DictReader(open(data / "calls.csv", newline="")))
    by_customer = defaultdict(list)
    for r in rows:
        by_customer[r["customer_id"]].append(r)
    for contacts in by_customer.values():
        contacts.sort(key=lambda r: (ts(r["opened_at"]), r["id"]))
    for window_s, label in [(7 * 86400, "7d"), (86400, "24h")]:
        repeats, totals = defaultdict(int), defaultdict(int)
        for contacts in by_customer.values():
            for i, r in enumerate(contacts):
                week = iso_week(ts(r["opened_at"]))
                totals[week] += 1
                if i > 0 and (ts(r["opened_at"]) - ts(contacts[i - 1]["opened_at"])).total_seconds() <= window_s:
                    repeats[week] += 1
        out = cxkpi(binary, "repeat-contact-rate", str(data / "calls.csv"), "--window", label, "--by", "week")
        for row in out["rows"]:
            check(f"repeat {label} {row['period']}", row["value"], 100 * repeats[row["period"]] / totals[row["period"]])
        check(f"repeat {label} total", out["total"]["value"], 100 * sum(repeats.values()) / len(rows))
    # FCR window 30 d by month: a handled contact followed by the same customer within 30 days fails.
    judged, kept = defaultdict(int), defaultdict(int)
    for contacts in by_customer.values():
        for i, r in enumerate(contacts):
            if r["answered"] != "1":
                continue
            month = r["opened_at"][:7]
            judged[month] += 1
            followed = i + 1 < len(contacts) and (
                ts(contacts[i + 1]["opened_at"]) - ts(r["opened_at"])).total_seconds() <= 30 * 86400
            kept[month] += not followed
    out = cxkpi(binary, "fcr", str(data / "calls.csv"), "--window", "30d", "--by", "month")
    for row in out["rows"]:
        check(f"fcr window {row['period']}", row["value"], 100 * kept[row["period"]] / judged[row["period"]])


def business_seconds(a, b, zone, holidays):
    """Minute by minute: every tick is 60 s of real time, counted if its local time is open."""
    total = 0
    t = a
    while t < b:
        local = t.astimezone(zone)
        step = min(60 - t.second, (b - t).total_seconds())
        open_ = local.weekday() < 5 and 9 <= local.hour < 17 and local.date().isoformat() not in holidays
        total += step if open_ else 0
        t += dt.timedelta(seconds=step)
    return total


def check_durations(binary):
    rng = random.Random(5)
    zone = ZoneInfo("Europe/Riga")
    start = dt.datetime(2026, 3, 20, tzinfo=dt.timezone.utc)  # spans the 2026-03-29 DST change
    holidays = {"2026-03-25", "2026-04-01"}
    rows = []
    for i in range(400):
        opened = start + dt.timedelta(seconds=rng.randrange(0, 20 * 86400))
        first = opened + dt.timedelta(seconds=int(rng.expovariate(1 / 3000)))
        resolved = rng.random() < 0.7
        done = first + dt.timedelta(seconds=int(rng.expovariate(1 / 90000))) if resolved else None
        rows.append((i + 1, opened, first, done))
    with temporary(".csv") as f:
        f.write("id,opened_at,first_response_at,resolved_at,resolved\n")
        for i, o, fr, d in rows:
            z = lambda t: t.strftime("%Y-%m-%dT%H:%M:%SZ")
            f.write(f"{i},{z(o)},{z(fr)},{z(d) if d else ''},{1 if d else 0}\n")
        path = f.name
    with temporary(".txt") as h:
        h.write("\n".join(sorted(holidays)) + "\n")
        holidays_path = h.name
    calendar = [(r[2] - r[1]).total_seconds() for r in rows]
    resolution = [(r[3] - r[1]).total_seconds() for r in rows if r[3]]
    business = [business_seconds(r[1], r[2], zone, holidays) for r in rows]
    for name, args, values in [
        ("first-response-time", [], calendar),
        ("resolution-time", [], resolution),
        ("first-response-time", ["--business-hours", "Mon-Fri 09:00-17:00", "--holidays", holidays_path,
                                 "--tz", "Europe/Riga"], business),
    ]:
        out = cxkpi(binary, name, path, "--percentiles", "50,90,95,99", *args)["total"]
        label = f"{name}{' business' if args else ''}"
        check(f"{label} mean", out["value"], sum(values) / len(values))
        for p, key in [(50, "median"), (90, "p90"), (95, "p95"), (99, "p99")]:
            check(f"{label} {key}", out[key], type7(values, p))
        check(f"{label} max", out["max"], max(values))


def check_many_distinct(binary):
    """300 000 views with read times to 1/10000 s, nearly all distinct: past the 262 144 distinct
    values that once turned percentiles approximate. Exact by default; --approx within 1 %."""
    rng = random.Random(9)
    reads = [round(rng.expovariate(1 / 90), 4) for _ in range(300_000)]
    with temporary(".csv") as f:
        f.write("viewed_at,article_id,read_s\n")
        f.writelines(f"2026-03-02T10:00:00Z,a{i % 7},{r:.4f}\n" for i, r in enumerate(reads))
        path = f.name
    check("distinct read times", len(set(reads)) > 262_144, True)
    percentiles = [(50, "median"), (90, "p90"), (99, "p99"), (99.9, "p99.9")]
    exact = {key: type7(reads, p) for p, key in percentiles}
    out = cxkpi(binary, "article-read-time", path, "--percentiles", "50,90,99,99.9")["total"]
    check("many distinct: exact by default", "approximate" in out, False)
    check("many distinct mean", out["value"], sum(reads) / len(reads))
    for key, value in exact.items():
        check(f"many distinct {key}", out[key], value)
    out = cxkpi(binary, "article-read-time", path, "--percentiles", "50,90,99,99.9", "--approx")["total"]
    check("--approx says which figures", out.get("approximate"),
          {"figures": [key for _, key in percentiles], "relative_error": 0.01})
    for key, value in exact.items():
        check(f"--approx {key} within 1 %", abs(out[key] - value) <= 0.01 * value + 1e-9, True)
    check("--approx mean stays exact", out["value"], sum(reads) / len(reads))


def main():
    binary, data = sys.argv[1], Path(sys.argv[2])
    check_windows(binary, data)
    check_durations(binary)
    check_many_distinct(binary)
    sys.exit(tally.exit_code("timing"))


if __name__ == "__main__":
    main()
