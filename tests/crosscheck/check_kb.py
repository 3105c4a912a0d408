#!/usr/bin/env python3
"""Independent cross-check of article-reads, article-read-time, self-service-ratio and
agent-satisfaction on generated logs (METRICS.md §5b).

Usage: check_kb.py PATH_TO_CXKPI

A seeded generator writes a knowledge-base view log (viewed_at, article_id, read_s with
whole and fractional seconds, some views under the bounce time) and an agent survey
(date, agent_score, enps_score, some cells empty); the expectations are computed here in
plain Python (sorting, type-7 percentiles, counting) and cxkpi's JSON is compared to them.
"""
import csv
import datetime as dt
import json
import math
import random
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from common import check, cxkpi, tally, type7


def write_views(path, rng):
    start = dt.datetime(2024, 3, 1, tzinfo=dt.timezone.utc)
    rows = []
    for _ in range(3000):
        at = start + dt.timedelta(seconds=rng.randrange(0, 14 * 86400))
        read = rng.choice([0, 1, 4, 9, 9.5, 10, 10.25]) if rng.random() < 0.2 else round(rng.expovariate(1 / 80), 2)
        rows.append((at.strftime("%Y-%m-%dT%H:%M:%SZ"), f"kb-{rng.randrange(1, 9)}", read))
    rows.sort()
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["viewed_at", "article_id", "read_s"])
        w.writerows(rows)
    return rows


def check_read_time(binary, path, rows, bounce):
    groups = defaultdict(list)
    for at, article, read in rows:
        groups[(at[:10], article)].append(read)
    args = ["--by", "day", "--group", "article_id", "--bounce", str(bounce), "--percentiles", "50,90,99"]
    out = cxkpi(binary, "article-read-time", str(path), *args)
    seen = set()
    for row in out["rows"]:
        key = (row["period"], row["group"]["article_id"])
        seen.add(key)
        xs = groups[key]
        name = f"read time {key} bounce {bounce}"
        check(name + " n", row["n"], len(xs))
        check(name + " mean", row["value"], sum(xs) / len(xs))
        for p, field in ((50, "median"), (90, "p90"), (99, "p99")):
            check(f"{name} {field}", row[field], type7(xs, p))
        check(name + " max", row["max"], max(xs))
        check(name + " bounce_pct", row["bounce_pct"], 100 * sum(1 for x in xs if x < bounce) / len(xs))
    check("read time buckets", len(seen), len(groups))
    every = [r[2] for r in rows]
    check("read time total mean", out["total"]["value"], sum(every) / len(every))
    check("read time total p90", out["total"]["p90"], type7(every, 90))


def check_reads_and_ratio(binary, path, rows, tmp):
    per_day = defaultdict(int)
    for at, _, _ in rows:
        per_day[at[:10]] += 1
    out = cxkpi(binary, "article-reads", str(path), "--by", "day")
    for row in out["rows"]:
        check(f"reads {row['period']}", row["value"], per_day[row["period"]])
    check("reads total", out["total"]["value"], len(rows))
    contacts = {day: 50 + i * 7 for i, day in enumerate(sorted(per_day))}
    base = tmp / "contacts.csv"
    with open(base, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["period", "contacts"])
        w.writerows(sorted(contacts.items()))
    out = cxkpi(binary, "self-service-ratio", str(path), "--by", "day", "--base-file", str(base))
    for row in out["rows"]:
        check(f"ratio {row['period']}", row["value"], per_day[row["period"]] / contacts[row["period"]])
    check("ratio total", out["total"]["value"], len(rows) / sum(contacts.values()))


def check_agent_survey(binary, tmp, rng):
    rows = []
    for i in range(800):
        day = dt.date(2024, 3, 1) + dt.timedelta(days=rng.randrange(0, 10))
        score = "" if rng.random() < 0.15 else rng.randint(1, 7)
        enps = "" if rng.random() < 0.15 else rng.randint(0, 10)
        rows.append((day.isoformat(), f"a{i % 23}", score, enps))
    path = tmp / "agents.csv"
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["date", "agent", "agent_score", "enps_score"])
        w.writerows(rows)
    by_day = defaultdict(list)
    for r in rows:
        by_day[r[0]].append(r)
    out = cxkpi(binary, "agent-satisfaction", str(path), "--by", "day", "--scale", "7")
    for row in out["rows"]:
        day_rows = by_day[row["period"]]
        scores = [r[2] for r in day_rows if r[2] != ""]
        answers = [r[3] for r in day_rows if r[3] != ""]
        promoters = sum(1 for a in answers if a >= 9)
        detractors = sum(1 for a in answers if a <= 6)
        name = f"agent {row['period']}"
        check(name + " mean", row["value"], sum(scores) / len(scores))
        check(name + " n", row["n"], len(scores))
        check(name + " enps", row["enps"], 100 * (promoters - detractors) / len(answers))
        check(name + " enps answers", row["enps_answers"], len(answers))
    scores = [r[2] for r in rows if r[2] != ""]
    check("agent total mean", out["total"]["value"], sum(scores) / len(scores))


def main():
    binary = sys.argv[1]
    rng = random.Random(20240304)
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        views = tmp / "views.csv"
        rows = write_views(views, rng)
        for bounce in (10, 9.5, 0):
            check_read_time(binary, views, rows, bounce)
        check_reads_and_ratio(binary, views, rows, tmp)
        check_agent_survey(binary, tmp, rng)
    return tally.exit_code("knowledge-base")


if __name__ == "__main__":
    sys.exit(main())
