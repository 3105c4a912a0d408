#!/usr/bin/env python3
"""Independent cross-check of --definitions: service level and abandonment as each vendor's
documents define them, on random logs.

Usage: check_definitions.py PATH_TO_CXKPI

The formulas below are written from the vendors' own words, not from cxkpi's --mode names:
- Amazon Connect, Historical metrics definitions: service level X = contacts removed from the
  queue (answered or abandoned) between 0 and X seconds / contacts queued; abandonment rate =
  abandoned / queued (a record that entered the queue is offered in cxkpi's terms).
- Genesys Cloud, Configure the service level calculation: (answered − answered that missed the
  target) / (answered + abandoned − short abandons when "Include Short Abandons" is off);
  glossary: abandoned rate = abandoned / offered.
- Cisco ICM/CCE: ServiceLevelCallsOffered counts calls with a service-level event less short
  calls (abandoned under the Abandoned Call Wait Time); ServiceLevelAband the calls abandoned
  within T (short calls not among them); Ignored = SLCalls / (SLCO − SLAband), Negative =
  SLCalls / SLCO, Positive = (SLCalls + SLAband) / SLCO. Abandonment leaves short calls out of
  both counts.
cxkpi's JSON is only compared.
"""
import csv
import random
import sys

from common import check, cxkpi, tally, temporary


def random_log(rng, n):
    rows = []
    for i in range(n):
        answered = rng.random() < 0.75
        wait = rng.choice([0, 1, 2, 4, 5, 6, 9, 10, 11, 19, 20, 21, 30, 45, 60, 90])
        rows.append({"id": i + 1, "answered": int(answered), "abandoned": int(not answered), "wait_s": wait})
    return rows


def expected(rows, pack, t, s):
    answered = [r["wait_s"] for r in rows if r["answered"]]
    abandoned = [r["wait_s"] for r in rows if r["abandoned"]]
    offered = len(rows)
    a_t = sum(w <= t for w in answered)
    ab_t = sum(w <= t for w in abandoned)
    short = sum(w < s for w in abandoned)
    ratio = lambda num, den: 100 * num / den if den else None  # noqa: E731
    if pack == "amazon-connect":
        return ratio(a_t + ab_t, offered), ratio(len(abandoned), offered)
    if pack == "genesys":
        return ratio(a_t, len(answered) + len(abandoned) - short), ratio(len(abandoned), offered)
    # Cisco's counters: short calls are no service-level event and no abandon.
    sl_offered = offered - short
    sl_aband = ab_t - short
    abandonment = ratio(len(abandoned) - short, offered - short)
    if pack == "cisco-ignored":
        return ratio(a_t, sl_offered - sl_aband), abandonment
    if pack == "cisco-negative":
        return ratio(a_t, sl_offered), abandonment
    return ratio(a_t + sl_aband, sl_offered), abandonment


def main():
    binary = sys.argv[1]
    rng = random.Random(20261207)
    # Four random logs; each pack is checked at two of the three short-abandon limits, a
    # different pair each trial, so every pack meets every limit at two thirds of the runs.
    for trial in range(4):
        rows = random_log(rng, rng.randint(20, 60))
        with temporary(".csv") as f:
            w = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
            w.writeheader()
            w.writerows(rows)
        path = f.name
        t = rng.choice([10, 20, 30])
        for pack in ["amazon-connect", "genesys", "cisco-ignored", "cisco-negative", "cisco-positive"]:
            shorts = [0] if pack == "amazon-connect" else ([0, 5], [5, 10], [0, 10])[trial % 3]
            for s in shorts:
                args = ["--threshold", str(t)] + (["--short-abandon", str(s)] if s else [])
                sl, ab = expected(rows, pack, t, s)
                name = f"trial {trial} {pack} T={t} S={s}"
                out = cxkpi(binary, "service-level", path, "--definitions", pack, *args)
                check(f"{name} service level", out["total"]["value"], sl)
                check(f"{name} names the definitions", out.get("definitions"), pack)
                out = cxkpi(binary, "abandonment", path, "--definitions", pack, *(args[2:]))
                check(f"{name} abandonment", out["total"]["value"], ab)
                out = cxkpi(binary, "report", path, "--definitions", pack, "--metrics", "service-level,abandonment",
                            *args)
                check(f"{name} report service level", out["total"]["service_level"]["value"], sl)
                check(f"{name} report abandonment", out["total"]["abandonment"]["value"], ab)
                check(f"{name} report names the definitions", out.get("definitions"), pack)
    return tally.exit_code("--definitions")


if __name__ == "__main__":
    sys.exit(main())
