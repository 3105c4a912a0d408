#!/usr/bin/env python3
"""Expected KPI figures for the Amazon Connect data lake contact_record CSV
fixture (durations in milliseconds), computed with Amazon Connect's definitions
(SOURCE.md).  Exact rational arithmetic in ms; shown in seconds.  stdlib only.
usage: python3 expected.py [contact_record.csv]"""
import csv
import sys
from fractions import Fraction

T_MS = 20000  # service level threshold: 20 s, inclusive


def ms(v):
    return int(v) if v != "" else None


def show(name, frac, unit=""):
    print(f"{name}: {frac.numerator}/{frac.denominator} = {float(frac):.6f}{unit}")


def main(path):
    rows = list(csv.DictReader(open(path, newline="")))
    queued = [r for r in rows if r["queue_enqueue_timestamp"] != ""]
    handled = [r for r in rows if r["agent_connected_to_agent_timestamp"] != ""]
    answered = [r for r in queued if r["agent_connected_to_agent_timestamp"] != ""]
    abandoned = [r for r in queued if r["agent_connected_to_agent_timestamp"] == ""]
    print(f"contacts (rows): {len(rows)}")
    print(f"queued (queue_enqueue_timestamp not null): {len(queued)}")
    print(f"handled (agent_connected_to_agent_timestamp not null): {len(handled)}")
    print(f"queued and answered: {len(answered)}; abandoned (queued, never connected to agent): {len(abandoned)}")
    show("abandonment % = abandoned / queued", Fraction(100 * len(abandoned), len(queued)), " %")
    waits = [ms(r["queue_duration_ms"]) for r in answered]
    show("ASA = mean queue_duration_ms of answered, in s", Fraction(sum(waits), 1000 * len(waits)), " s")
    a_t = sum(1 for r in answered if ms(r["queue_duration_ms"]) <= T_MS)
    ab_t = sum(1 for r in abandoned if ms(r["queue_duration_ms"]) <= T_MS)
    show(f"service level 20 s (Admin Guide: answered {a_t} + abandoned {ab_t} removed <= 20 s, / queued)",
         Fraction(100 * (a_t + ab_t), len(queued)), " %")
    show("service level 20 s (data lake reference query: handled with answer time <= 20000 ms / queued)",
         Fraction(100 * a_t, len(queued)), " %")

    def handle(r):
        return (ms(r["agent_interaction_duration_ms"]) + ms(r["agent_customer_hold_duration_ms"])
                + ms(r["agent_after_contact_work_duration_ms"]))
    show("AHT = mean(interaction + customer hold + ACW) over all handled, in s",
         Fraction(sum(handle(r) for r in handled), 1000 * len(handled)), " s")
    show("AHT, queued-and-answered only, in s", Fraction(sum(handle(r) for r in answered), 1000 * len(answered)), " s")
    rounded = sum(1 for r in abandoned if round(ms(r["queue_duration_ms"]) / 1000) <= 20)
    print(f"trap check: rounding ms to whole seconds first would count {rounded} abandons <= 20 s instead of {ab_t}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "contact_record.csv")
