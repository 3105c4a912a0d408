#!/usr/bin/env python3
"""Expected figures for the Zendesk fixture: Tickets API JSON (CSAT) joined on
ticket_id with Ticket Metrics API JSON (first reply time, resolution time, whole
minutes, calendar hours).  stdlib only.
usage: python3 expected.py [tickets.json] [ticket_metrics.json]"""
import json
import statistics
import sys
from fractions import Fraction


def show(name, frac, unit=""):
    print(f"{name}: {frac.numerator}/{frac.denominator} = {float(frac):.6f}{unit}")


def median(xs):
    return Fraction(statistics.median(sorted(xs))).limit_denominator()


def main(tpath, mpath):
    tickets = json.load(open(tpath))["tickets"]
    mets = json.load(open(mpath))["ticket_metrics"]
    print(f"tickets: {len(tickets)}; ticket_metrics records: {len(mets)}")
    # CSAT from tickets[].satisfaction_rating.score
    scores = [(t["satisfaction_rating"] or {}).get("score") for t in tickets]
    good = scores.count("good")
    bad = scores.count("bad")
    print("satisfaction_rating.score counts:", {s: scores.count(s) for s in ("good", "bad", "offered", "unoffered", None)})
    show("CSAT % = good / (good + bad)", Fraction(100 * good, good + bad), " %")
    # first reply time: only tickets that have a first public agent reply
    frt = [m["reply_time_in_minutes"]["calendar"] for m in mets
           if m["replies"] > 0 and m["reply_time_in_minutes"]["calendar"] is not None]
    print(f"first reply time (calendar minutes), n={len(frt)}: {sorted(frt)}")
    show("FRT mean (minutes)", Fraction(sum(frt), len(frt)), " min")
    show("FRT mean (seconds)", Fraction(60 * sum(frt), len(frt)), " s")
    show("FRT median (minutes)", median(frt), " min")
    show("FRT median (seconds)", 60 * median(frt), " s")
    frt_b = [m["reply_time_in_minutes"]["business"] for m in mets
             if m["replies"] > 0 and m["reply_time_in_minutes"]["business"] is not None]
    show("FRT mean, business hours (minutes)", Fraction(sum(frt_b), len(frt_b)), " min")
    # resolution time: solved/closed tickets, full resolution, calendar
    by_id = {t["id"]: t for t in tickets}
    res = [m["full_resolution_time_in_minutes"]["calendar"] for m in mets
           if m["solved_at"] and by_id[m["ticket_id"]]["status"] in ("solved", "closed")]
    print(f"full resolution time (calendar minutes), n={len(res)}: {sorted(res)}")
    show("resolution mean (minutes)", Fraction(sum(res), len(res)), " min")
    show("resolution mean (seconds)", Fraction(60 * sum(res), len(res)), " s")
    show("resolution median (minutes)", median(res), " min")
    first = [m["first_resolution_time_in_minutes"]["calendar"] for m in mets if m["solved_at"]]
    show("first resolution mean (minutes)", Fraction(sum(first), len(first)), " min")


if __name__ == "__main__":
    a = sys.argv[1:] + ["tickets.json", "ticket_metrics.json"][len(sys.argv[1:]):]
    main(a[0], a[1])
