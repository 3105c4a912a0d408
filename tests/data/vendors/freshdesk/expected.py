#!/usr/bin/env python3
"""Expected figures for the Freshdesk ticket-export CSV fixture (SOURCE.md).
Calendar FRT/resolution from the timestamp columns; business-hours values from the
'(in hrs)' hh:mm:ss columns; CSAT from 'Survey results' (classic labels).  stdlib only.
usage: python3 expected.py [tickets_export.csv]"""
import csv
import sys
from datetime import datetime
from fractions import Fraction

FMT = "%Y-%m-%d %H:%M:%S"


def show(name, frac, unit=""):
    print(f"{name}: {frac.numerator}/{frac.denominator} = {float(frac):.6f}{unit}")


def med(xs):
    xs = sorted(xs)
    n = len(xs)
    return Fraction(xs[n // 2]) if n % 2 else Fraction(xs[n // 2 - 1] + xs[n // 2], 2)


def secs(a, b):
    return int((datetime.strptime(b, FMT) - datetime.strptime(a, FMT)).total_seconds())


def hms(v):
    h, m, s = (int(x) for x in v.split(":"))
    return 3600 * h + 60 * m + s


def main(path):
    rows = list(csv.DictReader(open(path, newline="", encoding="utf-8-sig")))
    print(f"tickets: {len(rows)}")
    responded = [r for r in rows if r["Initial response time"] != ""]
    frt = [secs(r["Created time"], r["Initial response time"]) for r in responded]
    print(f"responded tickets: {len(responded)}; FRT calendar seconds: {sorted(frt)}")
    show("FRT mean, calendar (Initial response time - Created time)", Fraction(sum(frt), len(frt)), " s")
    show("FRT median, calendar", med(frt), " s")
    frb = [hms(r["First response time (in hrs)"]) for r in responded]
    show("FRT mean, business hours ('First response time (in hrs)', responded tickets only)",
         Fraction(sum(frb), len(frb)), " s")
    show("FRT median, business hours", med(frb), " s")
    naive = [hms(r["First response time (in hrs)"]) for r in rows]
    show("trap: business FRT mean over ALL rows (00:00:00 read as 0)", Fraction(sum(naive), len(naive)), " s")
    solved = [r for r in rows if r["Status"] in ("Resolved", "Closed") and r["Resolved time"] != ""]
    res = [secs(r["Created time"], r["Resolved time"]) for r in solved]
    print(f"resolved/closed tickets: {len(solved)}; resolution calendar seconds: {sorted(res)}")
    show("resolution mean, calendar (Resolved time - Created time)", Fraction(sum(res), len(res)), " s")
    show("resolution median, calendar", med(res), " s")
    resb = [hms(r["Resolution time (in hrs)"]) for r in solved]
    show("resolution mean, business hours ('Resolution time (in hrs)')", Fraction(sum(resb), len(resb)), " s")
    labels = [r["Survey results"] for r in rows if r["Survey results"] != ""]
    counts = {k: labels.count(k) for k in sorted(set(labels))}
    print(f"survey results: {counts}; rated {len(labels)} of {len(rows)}")
    show("CSAT % = 'Awesome' (happy) / rated", Fraction(100 * labels.count("Awesome"), len(labels)), " %")
    show("CSAT mean on 3-point scale (Not Good=1, Just Okay=2, Awesome=3)",
         Fraction(sum({"Not Good": 1, "Just Okay": 2, "Awesome": 3}[x] for x in labels), len(labels)))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "tickets_export.csv")
