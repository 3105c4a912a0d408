#!/usr/bin/env python3
"""Expected figures for a CSV download of the dbt_zendesk model
zendesk__ticket_metrics (calendar minutes, 4-decimal numerics), using the model's
column definitions (SOURCE.md).  Exact decimal arithmetic.  stdlib only.
usage: python3 expected.py [zendesk__ticket_metrics.csv]"""
import csv
import sys
from decimal import Decimal
from fractions import Fraction


def show(name, frac, unit=""):
    print(f"{name}: {frac.numerator}/{frac.denominator} = {float(frac):.6f}{unit}")


def med(xs):
    xs = sorted(xs)
    n = len(xs)
    return xs[n // 2] if n % 2 else (xs[n // 2 - 1] + xs[n // 2]) / 2


def main(path):
    rows = list(csv.DictReader(open(path, newline="")))
    print(f"tickets (rows): {len(rows)}")
    sc = [r["ticket_satisfaction_score"] for r in rows]
    good, bad = sc.count("good"), sc.count("bad")
    print(f"ticket_satisfaction_score: good {good}, bad {bad}, empty {sc.count('')}")
    show("CSAT % = good / (good + bad)", Fraction(100 * good, good + bad), " %")
    frt = [Fraction(Decimal(r["first_reply_time_calendar_minutes"])) for r in rows
           if r["first_reply_time_calendar_minutes"] != ""]
    print(f"first_reply_time_calendar_minutes present on {len(frt)} rows (null when count_public_agent_comments = 0)")
    show("FRT mean (minutes)", sum(frt) / len(frt), " min")
    show("FRT mean (seconds)", 60 * sum(frt) / len(frt), " s")
    show("FRT median (minutes)", med(frt), " min")
    show("FRT median (seconds)", 60 * med(frt), " s")
    res = [Fraction(int(r["final_resolution_calendar_minutes"])) for r in rows
           if r["status"] in ("solved", "closed") and r["final_resolution_calendar_minutes"] != ""]
    print(f"final_resolution_calendar_minutes on {len(res)} solved/closed rows")
    show("resolution mean, final (minutes)", sum(res) / len(res), " min")
    show("resolution mean, final (seconds)", 60 * sum(res) / len(res), " s")
    show("resolution median, final (minutes)", med(res), " min")
    fres = [Fraction(int(r["first_resolution_calendar_minutes"])) for r in rows
            if r["first_resolution_calendar_minutes"] != ""]
    show("resolution mean, first (minutes)", sum(fres) / len(fres), " min")
    bres = [Fraction(Decimal(r["full_resolution_business_minutes"])) for r in rows
            if r["full_resolution_business_minutes"] != ""]
    show("resolution mean, full business (minutes)", sum(bres) / len(bres), " min")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "zendesk__ticket_metrics.csv")
