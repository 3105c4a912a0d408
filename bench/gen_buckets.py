#!/usr/bin/env python3
"""Deterministic record log whose buckets are many: one row per (week, key) pair.

Usage: gen_buckets.py --keys N [--weeks W] [--seed S]   > log.csv

Each of the N keys (written to both the agent and the id column, so that --group agent
and --group id both see N distinct values) has one contact in each of W weeks starting
Monday 2026-01-05: --by week --group agent then makes N x W buckets, and --group id on
--weeks 1 makes N. Streams to stdout in constant memory; only Random.random() is used.
"""
import argparse
import random
import sys


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--keys", type=int, required=True)
    p.add_argument("--weeks", type=int, default=1)
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()
    rng = random.Random(a.seed)
    out = sys.stdout
    out.write("id,opened_at,channel,agent,offered,answered,abandoned,wait_s,talk_s,hold_s,wrap_s,csat\n")
    for week in range(a.weeks):
        day = 5 + 7 * week  # 2026-01-05 is a Monday; days past January roll over below
        month, mday = (1, day) if day <= 31 else (2, day - 31) if day <= 59 else (3, day - 59)
        for k in range(a.keys):
            second = int(rng.random() * 36000)
            stamp = "2026-%02d-%02dT%02d:%02d:%02dZ" % (month, mday, 8 + second // 3600,
                                                          second // 60 % 60, second % 60)
            talk = 60 + int(rng.random() * 600)
            wait = int(rng.random() * 90)
            csat = 1 + int(rng.random() * 5)
            out.write("w%d-k%d,%s,voice,k%d,1,1,0,%d,%d,%d,%d,%d\n"
                      % (week, k, stamp, k, wait, talk, talk // 10, 30, csat))


if __name__ == "__main__":
    main()
