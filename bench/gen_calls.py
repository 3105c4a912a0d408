#!/usr/bin/env python3
"""Deterministic generator of record-level contact logs (one row per contact).

Usage: gen_calls.py --rows N [--seed S] [--format csv|ndjson] [--dirty]
                    [--start 2026-01-05] [--days D]   > calls.csv

Streams to stdout in constant memory.  The same --rows/--seed/--start/--days give the
same contacts in every format: --format and --dirty change only the spelling.

  --dirty (csv only): UTF-8 BOM, CRLF line ends, every text field (and header) quoted,
          and agents shown as names with a comma ("Ozols, A01"), one name per agent id.
  ndjson: one object per line, same keys; numbers as numbers, no survey answer and no
          agent (unanswered) as null.

Only Random.random() and the math module are used, so the output does not depend on
the Python version's implementation of randint/choices/gauss.
"""
import argparse
import bisect
import datetime as dt
import math
import os
import random
import sys

HEADER = ("id,opened_at,channel,queue,agent,customer_id,offered,answered,abandoned,"
          "wait_s,talk_s,hold_s,wrap_s,resolved,first_contact_resolved,csat,nps,cost").split(",")
TEXT = {"opened_at", "channel", "queue", "agent", "customer_id"}  # quoted when --dirty

# Share of the day's contacts starting in each UTC hour (about 95 % in 07:00-20:00).
HOURLY = [0.05] * 7 + [0.6, 1.0, 1.3, 1.4, 1.3, 1.1, 1.2, 1.2, 1.1, 1.0, 0.8, 0.6, 0.4] \
    + [0.1, 0.08, 0.05, 0.05]
WEEKDAY = [1.15, 1.05, 1.0, 1.0, 0.95, 0.45, 0.3]  # Monday .. Sunday

AGENTS = ["a%02d" % i for i in range(1, 13)]
NAMES = ["Ozols", "Bērziņa", "Kalniņš", "Lee", "Novak", "García", "Okafor", "Müller",
         "O'Brien", "Nakamura", 'Jansen "JJ"', "Silva"]
DIRTY_AGENT = {a: "%s, %s" % (n, a.upper()) for a, n in zip(AGENTS, NAMES)}
AGENT_RANGE = {"voice": (0, 8), "chat": (4, 10), "email": (8, 12)}  # index slices into AGENTS

# (talk median s, wrap median s, cost cents fixed, cost cents per handled second,
#  cost cents per second of abandoned wait)
CHANNEL = {"voice": (240, 45, 35, 1.2, 0.3), "chat": (420, 30, 25, 0.6, 0.05),
           "email": (180, 60, 20, 0.9, 0.0)}
QUEUE_TALK = {"billing": 1.0, "tech": 1.3, "sales": 0.9}
QUEUE_RESOLVE = {"billing": 0.87, "tech": 0.80, "sales": 0.90}

CSAT_HAPPY = [0.03, 0.08, 0.20, 0.55, 1.0]  # cumulative over scores 1..5
CSAT_UNHAPPY = [0.20, 0.45, 0.70, 0.90, 1.0]
NPS_HAPPY = [0.01, 0.02, 0.03, 0.05, 0.07, 0.10, 0.15, 0.25, 0.45, 0.70, 1.0]  # scores 0..10
NPS_UNHAPPY = [0.08, 0.15, 0.25, 0.35, 0.45, 0.58, 0.72, 0.82, 0.90, 0.96, 1.0]


def day_counts(rng, rows, start, days):
    """Contacts per day: weekday profile with +-10 % jitter, summing exactly to rows."""
    weights = [WEEKDAY[(start + dt.timedelta(d)).weekday()] * (0.9 + 0.2 * rng.random())
               for d in range(days)]
    total = sum(weights)
    exact = [rows * w / total for w in weights]
    counts = [int(x) for x in exact]
    by_remainder = sorted(range(days), key=lambda d: counts[d] - exact[d])
    for d in by_remainder[:rows - sum(counts)]:
        counts[d] += 1
    return counts


def generate(rng, rows, start, days):
    """Yield contacts as tuples in HEADER order (csat/nps None when not surveyed,
    agent '' when unanswered, cost as integer cents), opened_at non-decreasing."""
    random_ = rng.random
    log, exp, sqrt, cos, tau = math.log, math.exp, math.sqrt, math.cos, 2 * math.pi
    hour_cum = [0.0]
    for w in HOURLY:
        hour_cum.append(hour_cum[-1] + w)
    hour_cum = [c / hour_cum[-1] for c in hour_cum]
    hour_cum[-1] = 1.0 + 1e-12  # x < 1 always falls in hour 23 at the latest
    pool = max(20, 2 * rows)  # customer ids c00001 .. c<pool>
    recent = [1 + int(random_() * pool) for _ in range(256)]  # recent callers call again

    def lognormal(median, sigma):
        return median * exp(sigma * sqrt(-2.0 * log(1.0 - random_())) * cos(tau * random_()))

    cid = 0
    for d, n in enumerate(day_counts(rng, rows, start, days)):
        date = start + dt.timedelta(d)
        prefix = date.isoformat() + "T"
        weekday = date.weekday()
        day_abandon = 0.10 * (1.25 if weekday == 0 else 0.7 if weekday >= 5 else 1.0)
        x, last_sec, stamp = 0.0, -1, ""
        for k in range(n, 0, -1):
            # Ascending uniform order statistics, one at a time (constant memory).
            x = 1.0 - (1.0 - x) * (1.0 - random_()) ** (1.0 / k)
            h = bisect.bisect_right(hour_cum, x) - 1
            sec = min(86399, int((h + (x - hour_cum[h]) / (hour_cum[h + 1] - hour_cum[h])) * 3600))
            if sec != last_sec:
                last_sec = sec
                stamp = "%s%02d:%02d:%02dZ" % (prefix, sec // 3600, sec // 60 % 60, sec % 60)
            cid += 1

            r = random_()
            channel = "voice" if r < 0.6 else "chat" if r < 0.9 else "email"
            r = random_()
            queue = "billing" if r < 0.45 else "tech" if r < 0.80 else "sales"
            if random_() < 0.12:
                customer = recent[int(random_() * 256)]
            else:
                customer = 1 + int(random_() * pool)
                recent[cid & 255] = customer
            talk_med, wrap_med, fixed, per_s, per_wait = CHANNEL[channel]

            if channel == "email":
                answered, wait = 1, 0
            else:
                p = day_abandon * (1.4 if 10 <= h <= 11 else 0.6 if h < 7 or h >= 20 else 1.0)
                answered = 0 if random_() < p else 1
                r = random_()
                if answered:
                    wait = min(60, int(-15.0 * log(1.0 - r))) if r < 0.87 else 61 + int(random_() * 240)
                else:
                    wait = int(random_() * 5) if r < 0.2 else 5 + int(random_() * 196)

            if answered:
                lo, hi = AGENT_RANGE[channel]
                agent = AGENTS[lo + int(random_() * (hi - lo))]
                talk = max(20, min(3600, int(lognormal(talk_med * QUEUE_TALK[queue], 0.5))))
                hold = 0 if random_() < 0.6 else max(5, min(900, int(lognormal(60, 0.7))))
                wrap = max(5, min(600, int(lognormal(wrap_med, 0.4))))
                resolved = 1 if random_() < QUEUE_RESOLVE[queue] else 0
                fcr = 1 if resolved and random_() < 0.82 else 0
                csat = nps = None
                if random_() < 0.30:
                    csat = 1 + bisect.bisect_right(CSAT_HAPPY if resolved else CSAT_UNHAPPY, random_())
                if random_() < 0.25:
                    nps = bisect.bisect_right(NPS_HAPPY if resolved else NPS_UNHAPPY, random_())
                cost = fixed + int((talk + hold + wrap) * per_s + random_() * 20)
            else:
                agent, talk, hold, wrap, resolved, fcr, csat, nps = "", 0, 0, 0, 0, 0, None, None
                cost = int(wait * per_wait)
            yield (cid, stamp, channel, queue, agent, "c%05d" % customer, 1, answered,
                   1 - answered, wait, talk, hold, wrap, resolved, fcr, csat, nps, cost)


def quote(s):
    return '"' + s.replace('"', '""') + '"'


def csv_line(row):
    c = row[17]
    return "%d,%s,%s,%s,%s,%s,%d,%d,%d,%d,%d,%d,%d,%d,%d,%s,%s,%d.%02d" % (
        row[:15] + ("" if row[15] is None else row[15], "" if row[16] is None else row[16],
                    c // 100, c % 100))


def dirty_line(row):
    c = row[17]
    agent = DIRTY_AGENT[row[4]] if row[4] else ""
    return "%d,%s,%s,%s,%s,%s,%d,%d,%d,%d,%d,%d,%d,%d,%d,%s,%s,%d.%02d" % (
        (row[0], quote(row[1]), quote(row[2]), quote(row[3]), quote(agent), quote(row[5]))
        + row[6:15] + ("" if row[15] is None else row[15], "" if row[16] is None else row[16],
                       c // 100, c % 100))


def ndjson_line(row):
    c = row[17]
    return ('{"id":%d,"opened_at":"%s","channel":"%s","queue":"%s","agent":%s,"customer_id":"%s",'
            '"offered":%d,"answered":%d,"abandoned":%d,"wait_s":%d,"talk_s":%d,"hold_s":%d,'
            '"wrap_s":%d,"resolved":%d,"first_contact_resolved":%d,"csat":%s,"nps":%s,'
            '"cost":%d.%02d}') % (
        row[:4] + ('"%s"' % row[4] if row[4] else "null",) + row[5:15]
        + ("null" if row[15] is None else row[15], "null" if row[16] is None else row[16],
           c // 100, c % 100))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rows", type=int, required=True, help="number of contacts (rows)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--format", choices=["csv", "ndjson"], default="csv")
    ap.add_argument("--dirty", action="store_true", help="BOM, CRLF, quoted text, agent names")
    ap.add_argument("--start", type=dt.date.fromisoformat, default=dt.date(2026, 1, 5),
                    help="first day (UTC), YYYY-MM-DD")
    ap.add_argument("--days", type=int, default=42, help="number of days spanned")
    args = ap.parse_args()
    if args.rows < 0 or args.days < 1:
        ap.error("--rows must be >= 0 and --days >= 1")

    if args.format == "ndjson":
        fmt, eol, head = ndjson_line, "\n", ""
    elif args.dirty:
        fmt, eol, head = dirty_line, "\r\n", "\ufeff" + ",".join(quote(h) for h in HEADER) + "\r\n"
    else:
        fmt, eol, head = csv_line, "\n", ",".join(HEADER) + "\n"

    out = sys.stdout.buffer
    chunk = []
    try:
        out.write(head.encode("utf-8"))
        for row in generate(random.Random(args.seed), args.rows, args.start, args.days):
            chunk.append(fmt(row))
            if len(chunk) == 20000:
                chunk.append("")
                out.write(eol.join(chunk).encode("utf-8"))
                chunk = []
        if chunk:
            chunk.append("")
            out.write(eol.join(chunk).encode("utf-8"))
        out.flush()
    except BrokenPipeError:  # e.g. piped into head: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


if __name__ == "__main__":
    sys.exit(main())
