#!/usr/bin/env python3
"""Independent cross-check of `cxkpi <metric> FILE --json` on the bundled period tables.

Usage: check_periods.py PATH_TO_CXKPI DATA_DIR

Every expected value is computed here from the raw file (csv / json modules only);
cxkpi's output is only ever compared against, never used to compute expectations.
"""
import csv
import json
import math
import re
import subprocess
import sys
from pathlib import Path

FILES = ["monthly.csv", "weekly.csv", "monthly.json", "weekly.json", "monthly_by_channel.csv"]

# metric -> list of (variant flags, numerator terms, denominator terms, factor);
# a term is (column, sign).  abandonment `--den queued` is skipped: no queued column.
METRICS = {
    "nps": [([], [("promoters", 1), ("detractors", -1)],
             [("promoters", 1), ("passives", 1), ("detractors", 1)], 100)],
    "csat": [([], [("csat_satisfied", 1)], [("csat_responses", 1)], 100)],
    "abandonment": [([], [("abandoned", 1), ("short_abandoned", -1)],
                     [("offered", 1), ("short_abandoned", -1)], 100)],
    "aht": [([], [("talk_s", 1), ("hold_s", 1), ("wrap_s", 1)], [("handled", 1)], 1),
            (["--components", "talk,hold"], [("talk_s", 1), ("hold_s", 1)], [("handled", 1)], 1)],
    "fcr": [([], [("resolved_first_contact", 1)], [("handled", 1)], 100),
            (["--den", "resolved"], [("resolved_first_contact", 1)], [("resolved", 1)], 100)],
    "contact-rate": [([], [("contacts", 1)], [("orders", 1)], 100),
                     (["--per", "customers"], [("contacts", 1)], [("customers", 1)], 100)],
    "cost-per-contact": [([], [("total_cost", 1)], [("contacts", 1)], 1),
                         (["--per", "handled"], [("total_cost", 1)], [("handled", 1)], 1)],
}
NUMERIC = {col for variants in METRICS.values() for _, num, den, _ in variants for col, _ in num + den}
NONFINITE = re.compile(r"(?i)\b(nan|-?inf(inity)?)\b")


def load_rows(path):
    """Raw rows as dicts of column -> value (str for CSV, JSON scalar for JSON)."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".csv":
        return list(csv.DictReader(text.splitlines()))
    data = json.loads(text)
    if isinstance(data, dict):
        arrays = [v for v in data.values() if isinstance(v, list)]
        if len(arrays) != 1:
            raise ValueError(f"{path}: expected exactly one array in the top-level object")
        data = arrays[0]
    return data


def cell(row, col):
    """Float value of a cell, or None when it is missing/empty."""
    v = row.get(col)
    if v is None or (isinstance(v, str) and v.strip() == ""):
        return None
    return float(v)


def close(actual, expected):
    return (isinstance(actual, (int, float)) and not isinstance(actual, bool)
            and abs(actual - expected) <= 1e-9 * max(1.0, abs(expected)))


def combine(row, terms):
    vals = [cell(row, col) for col, _ in terms]
    return None if None in vals else sum(sign * v for (_, sign), v in zip(terms, vals))


def compare(where, out, num, den, factor, errors):
    """Check value/numerator/denominator of one output record against num/den."""
    expected = None if den == 0 else factor * num / den
    for key, exp in (("numerator", num), ("denominator", den)):
        if not close(out.get(key), exp):
            errors.append(f"{where}: {key} is {out.get(key)!r}, expected {exp!r}")
    if expected is None:
        if out.get("value") is not None:
            errors.append(f"{where}: value is {out.get('value')!r}, expected null (denominator 0)")
    elif not close(out.get("value"), expected):
        errors.append(f"{where}: value is {out.get('value')!r}, expected {expected!r}")


def check(cxkpi, path, metric, flags, num_terms, den_terms, factor):
    """Return a list of mismatch messages (empty when the check passes)."""
    raw = load_rows(path)
    cmd = [cxkpi, metric, str(path), "--json", *flags]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        return [f"exit status {proc.returncode}: {proc.stderr.strip()}"]
    errors = []
    if NONFINITE.search(proc.stdout + proc.stderr):
        errors.append("output contains NaN/Infinity")

    def reject(token):
        raise ValueError(f"non-finite number {token} in JSON output")
    try:
        doc = json.loads(proc.stdout, parse_constant=reject)
    except ValueError as e:
        return errors + [f"unparseable JSON output: {e}"]

    if doc.get("metric") != metric:
        errors.append(f"metric is {doc.get('metric')!r}, expected {metric!r}")
    rows = doc.get("rows", [])
    if len(rows) != len(raw):
        errors.append(f"{len(rows)} rows in output, {len(raw)} data rows in file")
    sum_num = sum_den = 0.0
    for i, (src, out) in enumerate(zip(raw, rows), start=1):
        where = f"row {i} ({src.get('period')})"
        if out.get("period") != str(src.get("period")):
            errors.append(f"{where}: period is {out.get('period')!r}")
        group = {k: str(v) for k, v in src.items() if k != "period" and k not in NUMERIC}
        if out.get("group") != group:
            errors.append(f"{where}: group is {out.get('group')!r}, expected {group!r}")
        num, den = combine(src, num_terms), combine(src, den_terms)
        if num is None or den is None:  # a needed cell is empty: null with a reason, not in total
            if out.get("value") is not None or not out.get("reason"):
                errors.append(f"{where}: a needed cell is empty, expected value null with a reason, "
                              f"got value {out.get('value')!r}, reason {out.get('reason')!r}")
            continue
        sum_num += num
        sum_den += den
        compare(where, out, num, den, factor, errors)
        if out.get("value") is None and not out.get("reason"):
            errors.append(f"{where}: value is null without a reason")
    compare("total", doc.get("total") or {}, sum_num, sum_den, factor, errors)
    return errors


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    cxkpi, data_dir = argv[1], Path(argv[2])
    passed = failed = 0
    for name in FILES:
        path = data_dir / name
        for metric, variants in METRICS.items():
            for flags, num_terms, den_terms, factor in variants:
                label = f"{name} {metric} {' '.join(flags) or '(default)'}"
                try:
                    errors = check(cxkpi, path, metric, flags, num_terms, den_terms, factor)
                except (OSError, ValueError) as e:
                    errors = [f"cannot check: {e}"]
                if errors:
                    failed += 1
                    print(f"FAIL {label}")
                    for e in errors:
                        print(f"     {e}")
                else:
                    passed += 1
                    print(f"ok   {label}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
