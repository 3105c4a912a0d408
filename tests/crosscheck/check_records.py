#!/usr/bin/env python3
"""Independent cross-check of `cxkpi report FILE --by BY [--group channel] --json` on contact logs.

Usage: check_records.py PATH_TO_CXKPI [--rows N]

Generates a record-level log with bench/gen_calls.py (N rows, default 100000, csv), loads
it into an in-memory sqlite3 database and computes every bucket with SQL GROUP BY; cxkpi's
output is only ever compared against, never used to compute expectations.  Runs BY in
day, week, month, all, with and without --group channel, then data/calls.ndjson by week,
then a small --dirty log (BOM, CRLF, quoted fields, agents with commas) by day, whose
small buckets include empty survey denominators (value null with a reason).
"""
import argparse
import csv
import datetime as dt
import functools
import json
import re
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GENERATOR = ROOT / "bench" / "gen_calls.py"
# 2025-12-29..31 fall in ISO week 2026-W01 and 2027-01-01..03 in 2026-W53: both traps for
# a week label built from the calendar year.
GEN_ARGS = ["--seed", "11", "--start", "2025-12-22", "--days", "380"]
BYS = ["day", "week", "month", "all"]
SHOWN = 8  # mismatches printed per failing run

# metric -> (numerator SQL, denominator SQL, factor); value = factor * numerator / denominator
METRICS = {
    "abandonment": ("SUM(abandoned)", "SUM(offered)", 100),
    "asa": ("SUM(CASE WHEN answered = 1 THEN wait_s ELSE 0 END)", "SUM(answered)", 1),
    "avg_wait": ("SUM(CASE WHEN offered = 1 THEN wait_s ELSE 0 END)", "SUM(offered)", 1),
    "service_level": ("SUM(answered = 1 AND wait_s <= 20)", "SUM(offered)", 100),
    "aht": ("SUM(CASE WHEN answered = 1 THEN talk_s + hold_s + wrap_s ELSE 0 END)", "SUM(answered)", 1),
    "hold": ("SUM(CASE WHEN answered = 1 THEN hold_s ELSE 0 END)", "SUM(answered)", 1),
    "csat": ("COUNT(CASE WHEN csat >= 4 THEN 1 END)", "COUNT(csat)", 100),
    "nps": ("COUNT(CASE WHEN nps >= 9 THEN 1 END) - COUNT(CASE WHEN nps <= 6 THEN 1 END)",
            "COUNT(nps)", 100),
    "fcr": ("SUM(answered = 1 AND first_contact_resolved = 1)", "SUM(answered)", 100),
    "cost_per_contact": ("SUM(cost_cents) / 100.0", "COUNT(*)", 1),
}
INTS = ["offered", "answered", "abandoned", "wait_s", "talk_s", "hold_s", "wrap_s",
        "first_contact_resolved"]
NONFINITE = re.compile(r"(?i)\b(nan|-?inf(inity)?)\b")


@functools.lru_cache(maxsize=None)
def labels(day):
    """(day, ISO week, month) labels of a UTC date 'YYYY-MM-DD'."""
    year, week, _ = dt.date.fromisoformat(day).isocalendar()
    return day, f"{year}-W{week:02d}", day[:7]


def utc_day(stamp):
    t = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    return t.astimezone(dt.timezone.utc).date().isoformat()


def opt_int(v):
    return None if v is None or v == "" else int(v)


def load(path):
    """In-memory database with one row per contact of a csv or ndjson log."""
    if path.suffix == ".ndjson":
        with path.open(encoding="utf-8") as f:
            records = [json.loads(line) for line in f if line.strip()]
    else:
        with path.open(encoding="utf-8-sig", newline="") as f:
            records = list(csv.DictReader(f))
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE c (day TEXT, week TEXT, month TEXT, channel TEXT, "
               + ", ".join(f"{col} INTEGER" for col in INTS)
               + ", csat INTEGER, nps INTEGER, cost_cents INTEGER)")
    db.executemany(f"INSERT INTO c VALUES ({', '.join('?' * (len(INTS) + 7))})", (
        (*labels(utc_day(r["opened_at"])), r["channel"], *(int(r[col]) for col in INTS),
         opt_int(r["csat"]), opt_int(r["nps"]), round(float(r["cost"]) * 100))
        for r in records))
    return db


def expected(db, by, group):
    """(rows, total): each a dict with period, group, contacts and metric -> (num, den)."""
    period = "'all'" if by == "all" else by
    sums = ", ".join(f"{num}, {den}" for num, den, _ in METRICS.values())

    def bucket(rec, period_label, group_dict):
        out = {"period": period_label, "group": group_dict, "contacts": rec[0]}
        for i, name in enumerate(METRICS):
            out[name] = (rec[1 + 2 * i], rec[2 + 2 * i])
        return out

    keys = period + (", channel" if group else "")
    rows = [bucket(rec[2 if group else 1:], rec[0], {"channel": rec[1]} if group else {})
            for rec in db.execute(f"SELECT {keys}, COUNT(*), {sums} FROM c "
                                  f"GROUP BY {keys} ORDER BY {keys}")]
    total = bucket(db.execute(f"SELECT COUNT(*), {sums} FROM c").fetchone(), None, None)
    return rows, total


def close(actual, expected):
    return (isinstance(actual, (int, float)) and not isinstance(actual, bool)
            and abs(actual - expected) <= 1e-9 * max(1.0, abs(expected)))


def compare_bucket(where, out, exp, errors):
    if not close(out.get("contacts"), exp["contacts"]):
        errors.append(f"{where}: contacts is {out.get('contacts')!r}, expected {exp['contacts']}")
    for name, (_, _, factor) in METRICS.items():
        num, den = exp[name]
        got = out.get(name)
        if not isinstance(got, dict):
            hint = " (found %r)" % name.replace("_", "-") if name.replace("_", "-") in out else ""
            errors.append(f"{where}: metric {name} is missing{hint}")
            continue
        for key, want in (("numerator", num), ("denominator", den)):
            if not close(got.get(key), want):
                errors.append(f"{where}: {name}.{key} is {got.get(key)!r}, expected {want!r}")
        if den == 0:
            if got.get("value") is not None or not got.get("reason"):
                errors.append(f"{where}: {name} has denominator 0, expected value null with a reason, "
                              f"got value {got.get('value')!r}, reason {got.get('reason')!r}")
        elif not close(got.get("value"), factor * num / den):
            errors.append(f"{where}: {name}.value is {got.get('value')!r}, "
                          f"expected {factor * num / den!r} ({factor} * {num} / {den})")


def check(cxkpi, path, db, by, group):
    """Return a list of mismatch messages (empty when the run agrees)."""
    cmd = [cxkpi, "report", str(path), "--by", by, *(["--group", "channel"] if group else []), "--json"]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        return [f"exit status {proc.returncode}: {proc.stderr.strip()[:500]}"]
    errors = []
    if NONFINITE.search(proc.stdout):
        errors.append("output contains NaN/Infinity")

    def reject(token):
        raise ValueError(f"non-finite number {token} in JSON output")
    try:
        doc = json.loads(proc.stdout, parse_constant=reject)
    except ValueError as e:
        return errors + [f"unparseable JSON output: {e}"]

    for key, want in (("schema", 1), ("by", by), ("tz", "UTC")):
        if doc.get(key) != want:
            errors.append(f"{key} is {doc.get(key)!r}, expected {want!r}")
    listed = doc.get("metrics") if isinstance(doc.get("metrics"), list) else []
    if [m for m in METRICS if m not in listed]:
        errors.append(f"metrics list {listed!r} lacks {[m for m in METRICS if m not in listed]}")

    exp_rows, exp_total = expected(db, by, group)
    rows = doc.get("rows") if isinstance(doc.get("rows"), list) else []
    key = lambda r: (r.get("period"), json.dumps(r.get("group"), sort_keys=True))  # noqa: E731
    got_keys, exp_keys = [key(r) for r in rows], [key(r) for r in exp_rows]
    if got_keys != exp_keys:
        got_set, exp_set = set(got_keys), set(exp_keys)
        missing = [k for k in exp_keys if k not in got_set]
        extra = [k for k in got_keys if k not in exp_set]
        if missing or extra:
            errors.append(f"{len(rows)} rows, expected {len(exp_rows)}; missing buckets "
                          f"{missing[:4]}, unexpected buckets {extra[:4]}")
        else:
            i = next(i for i, (g, e) in enumerate(zip(got_keys, exp_keys)) if g != e)
            errors.append(f"rows out of order: row {i + 1} is {got_keys[i]}, expected {exp_keys[i]}")
    got_by_key = dict(zip(got_keys, rows))
    for k, exp in zip(exp_keys, exp_rows):
        if k in got_by_key:
            compare_bucket(f"{exp['period']} {exp['group'] or ''}".rstrip(), got_by_key[k], exp, errors)
    compare_bucket("total", doc.get("total") if isinstance(doc.get("total"), dict) else {},
                   exp_total, errors)
    return errors


def generate(path, rows, *extra):
    with path.open("wb") as f:
        subprocess.run([sys.executable, str(GENERATOR), "--rows", str(rows), *extra],
                       stdout=f, check=True)


def main(argv):
    ap = argparse.ArgumentParser(description="Cross-check cxkpi report on generated contact logs.")
    ap.add_argument("cxkpi", help="path to the cxkpi binary")
    ap.add_argument("--rows", type=int, default=100000, help="rows of the generated log")
    args = ap.parse_args(argv[1:])
    passed = failed = 0
    with tempfile.TemporaryDirectory(prefix="cxkpi-records-") as tmp:
        calls, dirty = Path(tmp) / "calls.csv", Path(tmp) / "calls_dirty.csv"
        generate(calls, args.rows, *GEN_ARGS)
        generate(dirty, 3000, "--seed", "5", "--dirty")
        runs = [(calls, by, group) for by in BYS for group in (True, False)]
        runs += [(ROOT / "data" / "calls.ndjson", "week", True), (dirty, "day", True)]
        databases = {}
        for path, by, group in runs:
            label = f"{path.name} --by {by}{' --group channel' if group else ''}"
            try:
                if path not in databases:
                    databases[path] = load(path)
                errors = check(args.cxkpi, path, databases[path], by, group)
            except (OSError, ValueError, KeyError, sqlite3.Error) as e:
                errors = [f"cannot check: {type(e).__name__}: {e}"]
            if errors:
                failed += 1
                print(f"FAIL {label}: {len(errors)} mismatch(es)")
                for e in errors[:SHOWN]:
                    print(f"     {e}")
                if len(errors) > SHOWN:
                    print(f"     ... and {len(errors) - SHOWN} more")
            else:
                passed += 1
                print(f"ok   {label}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
