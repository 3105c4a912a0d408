#!/usr/bin/env python3
"""Expected KPI figures for the Genesys Cloud Interactions-view CSV fixture
(durations in milliseconds), computed with Genesys Cloud's definitions
(SOURCE.md).  stdlib only.  usage: python3 expected.py [interactions.csv]"""
import csv
import sys
from fractions import Fraction

T_MS = 20000  # queue service level target 20 s (Genesys default 80/20), inclusive here


def n(v):
    return int(v) if v.strip() != "" else None


def show(name, frac, unit=""):
    print(f"{name}: {frac.numerator}/{frac.denominator} = {float(frac):.6f}{unit}")


def main(path):
    rows = list(csv.DictReader(open(path, newline="", encoding="utf-8-sig")))
    acd = [r for r in rows if r["Non-ACD"] == "NO"]
    non_acd = [r for r in rows if r["Non-ACD"] == "YES"]
    offered = [r for r in acd if r["Queue"] != ""]
    abandoned = [r for r in offered if r["Abandoned"] == "YES"]
    answered = [r for r in offered if r["Abandoned"] == "NO"]
    handled = [r for r in rows if n(r["Total Handle"])]
    print(f"interactions (rows): {len(rows)}; Non-ACD=YES rows (not queue traffic): {len(non_acd)}")
    print(f"offered (ACD rows with a queue): {len(offered)} = answered {len(answered)} + abandoned {len(abandoned)} (+ flow-outs 0)")
    show("abandon % = Abandoned / Offered", Fraction(100 * len(abandoned), len(offered)), " %")
    waits = [n(r["Total Queue"]) for r in answered]
    show("ASA = sum(Total Queue of answered) / answered, in s", Fraction(sum(waits), 1000 * len(waits)), " s")
    met = sum(1 for w in waits if w <= T_MS)
    show("service level % = answered within 20 s / (answered + abandoned)", Fraction(100 * met, len(answered) + len(abandoned)), " %")
    print(f"  (answered within target: {met}; answered missing target: {len(answered) - met})")
    show("AHT = sum(Total Handle) / handled, all handled rows (ACD + non-ACD, incl. outbound dialing)",
         Fraction(sum(n(r["Total Handle"]) for r in handled), 1000 * len(handled)), " s")
    acd_h = [r for r in handled if r["Non-ACD"] == "NO"]
    show("AHT, ACD (queue) interactions only", Fraction(sum(n(r["Total Handle"]) for r in acd_h), 1000 * len(acd_h)), " s")

    def comp(r, c):
        v = n(r[c])
        return v or 0
    mism = [r["Conversation ID"] for r in handled
            if sum(comp(r, c) for c in ("Total Talk", "Total Hold", "Total ACW", "Total Dialing")) != n(r["Total Handle"])]
    print(f"check: Total Handle == Talk + Hold + ACW + Dialing (blank = no such segment) on every handled row: {not mism} {mism}")
    held = [r for r in handled if n(r["Total Hold"])]
    show("avg hold per held interaction", Fraction(sum(n(r["Total Hold"]) for r in held), 1000 * len(held)), " s")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "interactions.csv")
