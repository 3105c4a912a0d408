#!/usr/bin/env python3
"""Independent cross-check of duration units: ms, minutes, hours and clock-style cells.

Usage: check_units.py PATH_TO_CXKPI

A seeded generator writes a contact log whose talk time is in ms (`talk_ms`), hold time in
minutes (`hold (in minutes)`), after-call work as h:mm:ss text (`ACW (in hrs)`, Freshdesk's
form) and, in a second log, talk time in hours (`--map talk_s=t:h`). Some cells carry more
decimals than 1/10000 s can hold. Here each cell is converted with exact fractions (a cell
is kept when value × unit is a whole number of 1/10000 s, else its row is refused); the
rows cxkpi refuses (--rejects) and AHT per channel and in total are compared to that.
"""
import json
import random
import subprocess
import sys
import tempfile
from collections import defaultdict
from fractions import Fraction
from pathlib import Path

from common import check, tally

TICKS = {"ms": Fraction(1, 1000), "min": Fraction(60), "h": Fraction(3600)}  # seconds per unit


def decimal_text(rng, whole_max, decimals_max):
    whole = rng.randrange(0, whole_max)
    decimals = rng.randrange(0, decimals_max + 1)
    if decimals == 0:
        return str(whole)
    return f"{whole}.{rng.randrange(0, 10 ** decimals):0{decimals}d}"


def seconds_of(text, unit):
    """The cell in seconds, or None when 1/10000 s cannot hold it."""
    if unit == "clock":
        parts = [int(p) for p in text.split(":")]
        return Fraction(parts[0] * 3600 + parts[1] * 60 + parts[2])
    value = Fraction(text) * TICKS[unit]
    return value if (value * 10000).denominator == 1 else None


def clock_text(rng):
    return f"{rng.randrange(0, 3):02d}:{rng.randrange(0, 60):02d}:{rng.randrange(0, 60):02d}"


def write_log(path, rng, rows):
    expected = []
    with open(path, "w") as f:
        f.write("id,answered,channel,talk_ms,hold (in minutes),ACW (in hrs)\n")
        for i in range(1, rows + 1):
            cells = (decimal_text(rng, 900_000, 3), decimal_text(rng, 15, 7), clock_text(rng))
            parts = [seconds_of(c, u) for c, u in zip(cells, ("ms", "min", "clock"))]
            channel = rng.choice(["phone", "chat", "email"])
            f.write(f"{i},1,{channel},{','.join(cells)}\n")
            expected.append((i, channel, None if None in parts else sum(parts)))
    return expected


def run(binary, log, rejects, *args):
    out = subprocess.run(
        [binary, "aht", str(log), "--group", "channel", "--on-error", "skip", "--rejects", str(rejects), "--json", *args],
        check=True, capture_output=True, text=True).stdout
    refused = {int(json.loads(line)["row"].split(",")[0]) for line in rejects.read_text().splitlines()}
    return json.loads(out), refused


def compare(name, result, refused, expected):
    check(f"{name}: rows refused", sorted(refused), sorted(i for i, _, s in expected if s is None))
    kept = [(c, s) for _, c, s in expected if s is not None]
    by_channel = defaultdict(list)
    for c, s in kept:
        by_channel[c].append(s)
    for row in result["rows"]:
        sums = by_channel[row["group"]["channel"]]
        check(f"{name}: {row['group']['channel']} numerator", row["numerator"], float(sum(sums)))
        check(f"{name}: {row['group']['channel']} aht", row["value"], float(sum(sums) / len(sums)))
    total = sum(s for _, s in kept)
    check(f"{name}: total aht", result["total"]["value"], float(total / len(kept)))
    check(f"{name}: total n", result["total"]["n"], len(kept))


def hours_log(path, rng, rows):
    expected = []
    with open(path, "w") as f:
        f.write("id,answered,channel,t\n")
        for i in range(1, rows + 1):
            cell = decimal_text(rng, 3, 8)
            channel = rng.choice(["phone", "chat"])
            f.write(f"{i},1,{channel},{cell}\n")
            expected.append((i, channel, seconds_of(cell, "h")))
    return expected


def main():
    binary = sys.argv[1]
    rng = random.Random(20240304)
    with tempfile.TemporaryDirectory() as tmp:
        log, rejects = Path(tmp) / "units.csv", Path(tmp) / "rejects.ndjson"
        expected = write_log(log, rng, 3000)
        compare("ms, min, h:mm:ss", *run(binary, log, rejects), expected)
        expected = hours_log(log, rng, 2000)
        compare("hours", *run(binary, log, rejects, "--map", "talk_s=t:h"), expected)
    return tally.exit_code("units")


if __name__ == "__main__":
    sys.exit(main())
