#!/usr/bin/env python3
"""Expected figures for the Chatwoot conversations-API JSON fixture: first response
time = first_reply_created_at - created_at (epoch seconds; 0 = no reply yet), as
Chatwoot's own reporting computes it (SOURCE.md).  stdlib only.
usage: python3 expected.py [conversations.json]"""
import json
import sys
from fractions import Fraction


def show(name, frac, unit=""):
    print(f"{name}: {frac.numerator}/{frac.denominator} = {float(frac):.6f}{unit}")


def med(xs):
    xs = sorted(xs)
    n = len(xs)
    return Fraction(xs[n // 2]) if n % 2 else Fraction(xs[n // 2 - 1] + xs[n // 2], 2)


def main(path):
    convs = json.load(open(path))["data"]["payload"]
    print(f"conversations: {len(convs)}")
    print("status counts:", {s: sum(1 for c in convs if c["status"] == s) for s in ("open", "resolved", "pending", "snoozed")})
    replied = [c for c in convs if c["first_reply_created_at"] > 0]
    frt = [c["first_reply_created_at"] - c["created_at"] for c in replied]
    print(f"replied: {len(replied)}; not replied (first_reply_created_at = 0): {len(convs) - len(replied)}")
    print(f"FRT seconds: {sorted(frt)}")
    show("FRT mean", Fraction(sum(frt), len(frt)), " s")
    show("FRT median", med(frt), " s")
    naive = [c["first_reply_created_at"] - c["created_at"] for c in convs]
    print(f"trap: treating 0 as a timestamp gives FRT values like {min(naive)} s")
    print("resolution time: not in this export (no resolved timestamp; last_activity_at is not a resolution time)")
    print("CSAT: not in this export (separate CSAT survey responses API)")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "conversations.json")
