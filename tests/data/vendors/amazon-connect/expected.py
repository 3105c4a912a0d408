#!/usr/bin/env python3
"""Expected KPI figures for the Amazon Connect CTR fixture, computed with the
vendor's own definitions (SOURCE.md).  stdlib only.

usage: python3 expected.py [ctr.json | ctr-firehose.json | ctr-flattened.csv]
Reads a JSON array, JSON objects written back to back (Kinesis Firehose), or the
records flattened to a CSV with dotted headers (Agent.AgentInteractionDuration): a
blank cell is a null, a record whose Agent.* or Queue.* cells are all blank has no
Agent or Queue, and the whole-second durations are read back as integers.
Duplicate ContactIds are collapsed keeping the copy with the latest
LastUpdateTimestamp (the dedupe rule the data model recommends)."""
import csv
import json
import sys
from fractions import Fraction

T = 20  # service level threshold, seconds


DURATIONS = ("Duration", "AgentInteractionDuration", "CustomerHoldDuration", "AfterContactWorkDuration",
             "LongestHoldDuration", "NumberOfHolds")


def unflatten(row):
    """A CSV row with dotted headers back to the nested record; blank cells are nulls."""
    rec = {}
    for header, cell in row.items():
        *parents, leaf = header.split(".")
        node = rec
        for p in parents:
            node = node.setdefault(p, {})
        node[leaf] = None if cell == "" else int(cell) if leaf in DURATIONS else cell
    for part in ("Agent", "Queue"):  # an object whose every member is null was null
        if all_null(rec.get(part)):
            rec[part] = None
    return rec


def all_null(node):
    return node is None or (isinstance(node, dict) and all(all_null(v) for v in node.values()))


def read_records(path):
    if path.endswith(".csv"):
        return [unflatten(r) for r in csv.DictReader(open(path, newline=""))]
    text = open(path).read()
    dec = json.JSONDecoder()
    i, out = 0, []
    while i < len(text):
        while i < len(text) and text[i].isspace():
            i += 1
        if i >= len(text):
            break
        obj, i = dec.raw_decode(text, i)
        out.extend(obj if isinstance(obj, list) else [obj])
    return out


def dedupe(recs):
    latest = {}
    for r in recs:
        k = r["ContactId"]
        if k not in latest or r["LastUpdateTimestamp"] > latest[k]["LastUpdateTimestamp"]:
            latest[k] = r
    return list(latest.values())


def show(name, frac, unit=""):
    if frac is None:
        print(f"{name}: null")
        return
    print(f"{name}: {frac.numerator}/{frac.denominator} = {float(frac):.6f}{unit}")


def main(path):
    raw = read_records(path)
    recs = dedupe(raw)
    print(f"file: {path}")
    print(f"records read: {len(raw)}; distinct ContactId: {len(recs)}")
    queued = [r for r in recs if r.get("Queue") and r["Queue"].get("EnqueueTimestamp")]
    handled = [r for r in recs if r.get("Agent")]
    q_answered = [r for r in queued if r.get("Agent")]
    abandoned = [r for r in queued if not r.get("Agent")]
    print(f"contacts (CTRs): {len(recs)}")
    print(f"contacts queued (Queue.EnqueueTimestamp present): {len(queued)}")
    print(f"not queued (no Queue or never enqueued): {len(recs) - len(queued)}")
    print(f"contacts handled (Agent present, any InitiationMethod): {len(handled)}")
    print(f"queued and answered: {len(q_answered)}")
    print(f"contacts abandoned (queued, no Agent): {len(abandoned)}")
    show("abandonment % = abandoned / queued", Fraction(100 * len(abandoned), len(queued)), " %")
    waits = [r["Queue"]["Duration"] for r in q_answered]
    show("ASA (Average queue answer time) = mean Queue.Duration of answered", Fraction(sum(waits), len(waits)), " s")
    ans_t = sum(1 for r in q_answered if r["Queue"]["Duration"] <= T)
    ab_t = sum(1 for r in abandoned if r["Queue"]["Duration"] <= T)
    show(f"service level {T}s (Connect: removed from queue in <= {T}s [answered {ans_t} + abandoned {ab_t}] / queued)",
         Fraction(100 * (ans_t + ab_t), len(queued)), " %")
    show(f"service level {T}s, answered-only variant (answered <= {T}s / queued)", Fraction(100 * ans_t, len(queued)), " %")

    def handle(r):
        a = r["Agent"]
        return a["AgentInteractionDuration"] + a["CustomerHoldDuration"] + a["AfterContactWorkDuration"]
    show("AHT = mean(AgentInteractionDuration + CustomerHoldDuration + AfterContactWorkDuration), all handled",
         Fraction(sum(handle(r) for r in handled), len(handled)), " s")
    show("AHT, queued-and-answered contacts only", Fraction(sum(handle(r) for r in q_answered), len(q_answered)), " s")
    held = [r for r in handled if r["Agent"]["NumberOfHolds"] > 0]
    show("average customer hold time (Connect: only contacts that went on hold)",
         Fraction(sum(r["Agent"]["CustomerHoldDuration"] for r in held), len(held)), " s")
    ab_waits = [r["Queue"]["Duration"] for r in abandoned]
    show("average queue abandon time", Fraction(sum(ab_waits), len(ab_waits)), " s")
    if len(raw) != len(recs):
        print(f"NOTE: without dedupe a naive count would see {len(raw)} contacts")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "ctr.json")
