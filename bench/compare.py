#!/usr/bin/python3
"""Compare a tool's per-(period, group) CSV result with a reference result.

Usage: compare.py REFERENCE.csv RESULT.csv [--rel 1e-9] [--show 10] [--names RESULT REFERENCE]

Both files have cxkpi's layout (header: period,channel,contacts,abandonment,asa,
service_level,aht,csat,nps).  Rows are matched by (period, channel); a 'total' row is
ignored, and so is row order.  Numbers agree when they are within --rel of each other
(relative; values within 1e-12 of zero count as zero); an empty cell (no value) agrees
only with an empty cell.  Prints 'agree (N buckets)' and exits 0, or lists the
disagreements and exits 1.  Stdlib only.
"""
import argparse
import csv
import math
import sys

KEY = ("period", "channel")


def load(path):
    """{(period, channel): {column: text}} and the value columns, in file order."""
    with open(path, newline="", encoding="utf-8-sig") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames is None or any(k not in reader.fieldnames for k in KEY):
            raise SystemExit("compare.py: %s: no header with %s" % (path, ", ".join(KEY)))
        columns = [c for c in reader.fieldnames if c not in KEY]
        rows = {}
        for row in reader:
            if row["period"] == "total":
                continue
            key = (row["period"], row["channel"])
            if key in rows:
                raise SystemExit("compare.py: %s: bucket %s twice" % (path, "/".join(key)))
            rows[key] = row
    return rows, columns


def same(a, b, rel):
    a, b = a.strip(), b.strip()
    if a == "" or b == "":
        return a == b
    try:
        x, y = float(a), float(b)
    except ValueError:
        return a == b
    if math.isnan(x) or math.isnan(y):
        return False
    return math.isclose(x, y, rel_tol=rel, abs_tol=1e-12)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("reference")
    ap.add_argument("result")
    ap.add_argument("--rel", type=float, default=1e-9, help="relative tolerance")
    ap.add_argument("--show", type=int, default=10, help="disagreements to list")
    ap.add_argument("--names", nargs=2, metavar=("RESULT", "REFERENCE"),
                    help="tool names for the messages (default: the file names)")
    args = ap.parse_args()

    ref, columns = load(args.reference)
    got, got_columns = load(args.result)
    problems = []
    missing_columns = [c for c in columns if c not in got_columns]
    if missing_columns:
        problems.append("columns missing: %s" % ", ".join(missing_columns))
    for key in sorted(ref.keys() - got.keys()):
        problems.append("%s: missing" % "/".join(key))
    for key in sorted(got.keys() - ref.keys()):
        problems.append("%s: not in the reference" % "/".join(key))
    for key in sorted(ref.keys() & got.keys()):
        for c in columns:
            if c in got_columns and not same(ref[key][c], got[key][c], args.rel):
                problems.append("%s %s: reference %r, got %r"
                                % ("/".join(key), c, ref[key][c], got[key][c]))
    if not ref:
        problems.append("the reference has no buckets")
    if problems:
        result_name, ref_name = args.names or (args.result, args.reference)
        print("DISAGREE: %d difference(s), %s vs %s" % (len(problems), result_name, ref_name))
        for p in problems[:args.show]:
            print("  " + p)
        if len(problems) > args.show:
            print("  ... and %d more" % (len(problems) - args.show))
        return 1
    print("agree (%d buckets)" % len(ref))
    return 0


if __name__ == "__main__":
    sys.exit(main())
