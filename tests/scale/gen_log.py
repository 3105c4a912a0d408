#!/usr/bin/python3
"""A contact log for the scale-out tests (partial states, merge, shard), with the cases that
break naive splitting: one customer's contacts in the same second with ids whose byte order
differs from a locale's (a-2 / a1), numeric ids that sort differently as text (9 / 10),
empty customer_id, first_response_at and resolved_at cells, a DST change (Europe/Berlin,
2026-03-29) inside business hours, multibyte group values and fractional seconds.

usage: gen_log.py ROWS [SEED] > log.csv"""
import csv
import random
import sys
from datetime import datetime, timedelta, timezone

CHANNELS = ["phone", "chat", "e-mail", "téléphone", "メール"]
QUEUES = ["billing", "sales", "support"]
START = datetime(2026, 3, 23, 6, 0, tzinfo=timezone.utc)  # a week before and after the DST change


def stamp(t):
    text = t.strftime("%Y-%m-%dT%H:%M:%S")
    if t.microsecond:
        text += ".%03d" % (t.microsecond // 1000)
    return text + "Z"


def contact(rng, i, customer, opened, ident):
    offered = 1
    answered = rng.random() < 0.85
    abandoned = not answered
    wait = rng.randint(0, 300) if rng.random() > 0.02 else ""
    talk = rng.randint(30, 900) if answered else 0
    hold = rng.choice([0, 0, 0, rng.randint(5, 120)]) if answered else 0
    wrap = rng.randint(0, 90) if answered else 0
    resolved = answered and rng.random() < 0.7
    fcr = resolved and rng.random() < 0.8
    first = opened + timedelta(seconds=rng.randint(1, 4 * 3600)) if answered and rng.random() < 0.9 else None
    done = opened + timedelta(seconds=rng.randint(60, 5 * 86400)) if resolved and rng.random() < 0.9 else None
    return {
        "id": ident,
        "opened_at": stamp(opened),
        "channel": rng.choice(CHANNELS),
        "queue": rng.choice(QUEUES),
        "agent": "ag%02d" % rng.randint(1, 12) if answered else "",
        "customer_id": customer,
        "case_id": "k%d" % (i // 3),
        "offered": offered,
        "answered": int(answered),
        "abandoned": int(abandoned),
        "wait_s": wait,
        "talk_s": talk,
        "hold_s": hold,
        "wrap_s": wrap,
        "resolved": int(resolved),
        "first_contact_resolved": int(fcr),
        "transferred": int(answered and rng.random() < 0.1),
        "csat": rng.randint(1, 5) if rng.random() < 0.3 else "",
        "nps": rng.randint(0, 10) if rng.random() < 0.2 else "",
        "ces": rng.randint(1, 7) if rng.random() < 0.2 else "",
        "cost": "%.2f" % (rng.randint(10, 900) / 100),
        "first_response_at": stamp(first) if first else "",
        "resolved_at": stamp(done) if done else "",
    }


def rows(n, rng):
    customers = [("ç%04d" if k % 7 == 3 else "c%04d") % k for k in range(max(1, n // 4))]  # some keys multibyte
    t = START
    out = []
    for i in range(n):
        t += timedelta(seconds=rng.randint(0, 2 * 14 * 86400 * 2 // max(n, 1)))
        if rng.random() < 0.05:
            t += timedelta(milliseconds=rng.randint(1, 999))
        customer = "" if rng.random() < 0.03 else rng.choice(customers)
        out.append(contact(rng, i, customer, t, str(i + 1)))
    # The same second, one customer, ids in a different byte and locale order; and 9 / 10.
    same = START + timedelta(days=3, hours=4)
    for ident in ["a-2", "a1", "A1", "b\u00e9"]:
        out.append(contact(rng, len(out), "c0001", same, ident))
    return out


def main():
    n = int(sys.argv[1])
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 7)
    data = rows(n, rng)
    data.sort(key=lambda r: r["opened_at"])
    w = csv.DictWriter(sys.stdout, fieldnames=list(data[0].keys()), lineterminator="\n")
    w.writeheader()
    w.writerows(data)


if __name__ == "__main__":
    main()
