#!/usr/bin/env python3
"""Expected figures for the Twilio Calls API JSON fixture.  A bare call log: no queue,
no agent, no wrap-up, so only volume and call duration are supported (SOURCE.md).
Calls are counted once per parent call: child legs (parent_call_sid set, direction
outbound-dial) belong to the same contact.  stdlib only.
usage: python3 expected.py [calls.json]"""
import json
import sys
from email.utils import parsedate_to_datetime
from fractions import Fraction


def show(name, frac, unit=""):
    print(f"{name}: {frac.numerator}/{frac.denominator} = {float(frac):.6f}{unit}")


def main(path):
    calls = json.load(open(path))["calls"]
    parents = [c for c in calls if not c["parent_call_sid"]]
    legs = [c for c in calls if c["parent_call_sid"]]
    print(f"call resources: {len(calls)}; parent calls (contacts): {len(parents)}; child legs: {len(legs)}")
    for d in ("inbound", "outbound-api"):
        sub = [c for c in parents if c["direction"] == d]
        st = {s: sum(1 for c in sub if c["status"] == s) for s in sorted({c["status"] for c in sub})}
        print(f"  {d}: {len(sub)} {st}")
    done = [c for c in parents if c["status"] == "completed"]
    durs = [int(c["duration"]) for c in done]
    show("mean call duration, completed parent calls (NOT AHT: includes IVR, no hold/ACW)",
         Fraction(sum(durs), len(durs)), " s")
    inbound = [c for c in parents if c["direction"] == "inbound"]
    ib_done = [c for c in inbound if c["status"] == "completed"]
    show("inbound calls completed / inbound calls (Twilio status, NOT an answer rate by an agent)",
         Fraction(100 * len(ib_done), len(inbound)), " %")
    # consistency: duration == end_time - start_time
    ok = all(int((parsedate_to_datetime(c["end_time"]) - parsedate_to_datetime(c["start_time"])).total_seconds())
             == int(c["duration"]) for c in calls if c["duration"])
    print(f"check: duration == end_time - start_time on every call with a duration: {ok}")
    naive = [int(c["duration"]) for c in calls if c["duration"]]
    show("trap: mean over all legs (double-counts dialled legs)", Fraction(sum(naive), len(naive)), " s")
    print("not supported: abandonment, ASA, service level (no queue); AHT (no hold/ACW, no agent); CSAT; FRT/resolution")
    print("note: queue_time is 'The wait time in milliseconds before the call is placed' - not a contact-centre queue wait")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "calls.json")
