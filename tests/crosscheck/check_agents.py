#!/usr/bin/env python3
"""Independent cross-check of resolved-per-agent and contacts-to-resolution.

Usage: check_agents.py PATH_TO_CXKPI PATH_TO_DATA_DIR

resolved-per-agent (with handled, AHT, CSAT and FCR per agent) and contacts-to-resolution
chained by customer are recomputed in plain Python on data/calls.csv; contacts-to-resolution
by case id on a generated log with a case_id column. cxkpi's JSON is only compared.
"""
import csv
import datetime as dt
import json
import random
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

from common import check, cxkpi, iso_week, tally, temporary, ts


def ratio(num, den, factor=1.0):
    return factor * num / den if den else None


def check_per_agent(binary, data):
    rows = list(csv.DictReader(open(data / "calls.csv", newline="")))
    for by, period_of in [("all", lambda r: "all"), ("week", lambda r: iso_week(ts(r["opened_at"])))]:
        acc = defaultdict(lambda: defaultdict(float))
        for r in rows:
            a = acc[(period_of(r), r["agent"])]
            answered = r["answered"] == "1"
            a["handled"] += answered
            a["resolved"] += r["resolved"] == "1"
            a["handle"] += float(r["talk_s"] or 0) + float(r["hold_s"] or 0) + float(r["wrap_s"] or 0)
            a["fcr"] += answered and r["first_contact_resolved"] == "1"
            if r["csat"]:
                a["responses"] += 1
                a["satisfied"] += int(r["csat"]) >= 4
        out = cxkpi(binary, "resolved-per-agent", str(data / "calls.csv"), "--by", by)
        seen = set()
        for row in out["rows"]:
            key = (row["period"], row["group"]["agent"])
            seen.add(key)
            a = acc[key]
            name = f"per-agent {by} {key}"
            named = key[1] != "" and a["handled"] > 0
            check(f"{name} value", row["value"], a["resolved"] if named else None)
            check(f"{name} handled", row["handled"], a["handled"])
            check(f"{name} aht", row["aht"], ratio(a["handle"], a["handled"]))
            check(f"{name} csat", row["csat"], ratio(a["satisfied"], a["responses"], 100))
            check(f"{name} fcr", row["fcr"], ratio(a["fcr"], a["handled"], 100))
        check(f"per-agent {by} rows", len(seen), len(acc))
        agents = {r["agent"] for r in rows if r["agent"] and r["answered"] == "1"}
        resolved = sum(r["resolved"] == "1" for r in rows)
        check(f"per-agent {by} mean", out["total"]["value"], resolved / len(agents))
        check(f"per-agent {by} agents", out["total"]["denominator"], len(agents))


def cases_of(contacts, window_s):
    """contacts: (opened, id, resolved, period) sorted; yields (first period, n, resolved)."""
    case = []
    for i, c in enumerate(contacts):
        if case and (c[0] - case[-1][0]).total_seconds() > window_s:
            yield case[0][3], len(case), case[-1][2]
            case = []
        case.append(c)
    if case:
        yield case[0][3], len(case), case[-1][2]


def expected_cases(keyed, window_s):
    per = defaultdict(lambda: [0, 0, 0, 0])  # resolved cases, their contacts, one-contact, open
    for contacts in keyed.values():
        contacts.sort(key=lambda c: (c[0], c[1]))
        for period, n, resolved in cases_of(contacts, window_s):
            p = per[period]
            if resolved:
                p[0] += 1
                p[1] += n
                p[2] += n == 1
            else:
                p[3] += 1
    return per


def compare_cases(label, out, per):
    for row in out["rows"]:
        p = per[row["period"]]
        check(f"{label} {row['period']} mean", row["value"], ratio(p[1], p[0]))
        check(f"{label} {row['period']} one-contact", row["one_contact_pct"], ratio(p[2], p[0], 100))
        check(f"{label} {row['period']} open", row["open_cases"], p[3])
    t = [sum(p[i] for p in per.values()) for i in range(4)]
    check(f"{label} mean", out["total"]["value"], ratio(t[1], t[0]))
    check(f"{label} one-contact", out["total"]["one_contact_pct"], ratio(t[2], t[0], 100))
    check(f"{label} open", out["total"]["open_cases"], t[3])


def check_cases_by_customer(binary, data):
    rows = list(csv.DictReader(open(data / "calls.csv", newline="")))
    keyed = defaultdict(list)
    for r in rows:
        keyed[r["customer_id"]].append((ts(r["opened_at"]), r["id"], r["resolved"] == "1",
                                        iso_week(ts(r["opened_at"]))))
    for window in ["7d", "3d"]:
        window_s = int(window[:-1]) * 86400
        out = cxkpi(binary, "contacts-to-resolution", str(data / "calls.csv"), "--case-by", "customer", "--window",
                    window, "--by", "week")
        compare_cases(f"cases by customer {window}", out, expected_cases({k: list(v) for k, v in keyed.items()},
                                                                         window_s))


def check_cases_by_id(binary):
    rng = random.Random(7)
    start = dt.datetime(2026, 3, 1, tzinfo=dt.timezone.utc)
    rows = []
    for i in range(600):
        opened = start + dt.timedelta(seconds=rng.randrange(0, 40 * 86400))
        case = f"K{rng.randrange(0, 220)}" if rng.random() < 0.95 else ""
        rows.append((i + 1, opened, case, int(rng.random() < 0.55)))
    with temporary(".csv") as f:
        f.write("id,opened_at,Case ID,resolved\n")
        for i, o, case, resolved in rows:
            f.write(f"{i},{o.strftime('%Y-%m-%dT%H:%M:%SZ')},{case},{resolved}\n")
        path = f.name
    keyed = defaultdict(list)
    for i, o, case, resolved in rows:
        if case:
            keyed[case].append((o, str(i), resolved == 1, o.strftime("%Y-%m")))
    out = cxkpi(binary, "contacts-to-resolution", path, "--by", "month")
    compare_cases("cases by id", out, expected_cases(keyed, float("inf")))
    check("cases by id no_case", out["total"]["no_case"], sum(1 for r in rows if not r[2]))


def main():
    binary, data = sys.argv[1], Path(sys.argv[2])
    check_per_agent(binary, data)
    check_cases_by_customer(binary, data)
    check_cases_by_id(binary)
    sys.exit(tally.exit_code("agents and cases"))


if __name__ == "__main__":
    main()
