#!/usr/bin/env python3
"""Independent cross-check of repeated ids: two generated logs of 120 000 rows each (several
blocks each, so read on two threads in blocks), with ids of every kind (numbered one per row,
whole numbers in no order, long texts) and about 1 % of rows repeating an earlier id of
either file, nearby or far away.

Usage: check_duplicates.py PATH_TO_CXKPI

Expectations are computed here in plain Python from the rows as written: the first repeat in
input order and the message naming it; the rows kept when repeats are skipped or --dedupe
first keeps each id's first row; the rows kept by --dedupe last; and abandonment over them.
cxkpi's output is only compared against them, on one thread and on two.
"""
import json
import random
import subprocess
import sys

from common import check, cxkpi, tally, temporary

ROWS = 120_000


def make_rows(rng):
    """Rows (file index, line, id, answered) of two files, in input order."""
    rows, seen = [], []
    for f in range(2):
        for line in range(2, ROWS + 2):
            kind = rng.random()
            if kind < 0.01 and seen:
                rid = rng.choice(seen) if rng.random() < 0.5 else seen[-rng.randrange(1, min(len(seen), 50) + 1)]
            elif kind < 0.6:
                rid = str(f * 10_000_000 + line)  # numbered one per line
            elif kind < 0.8:
                rid = str(rng.randrange(10**12, 10**13))  # whole numbers in no order
            else:
                rid = "conv-%032x" % rng.getrandbits(128)  # long texts, kept by hash and text
            seen.append(rid)
            rows.append((f, line, rid, int(rng.random() < 0.9)))
    return rows


def abandonment(rows):
    kept = list(rows)
    return {"numerator": sum(1 - r[3] for r in kept), "denominator": len(kept)}


def main():
    binary = sys.argv[1]
    rows = make_rows(random.Random(12))
    paths = []
    for f in range(2):
        with temporary(".csv") as out:
            out.write("id,opened_at,answered\n")
            out.writelines(f"{r[2]},2026-03-02T10:00:00Z,{r[3]}\n" for r in rows if r[0] == f)
            paths.append(out.name)
    first_place, firsts, repeats = {}, [], []
    for r in rows:
        if r[2] in first_place:
            repeats.append(r)
        else:
            first_place[r[2]] = r
            firsts.append(r)
    last_place = {r[2]: r for r in rows}
    lasts = [r for r in rows if last_place[r[2]] is r]
    check("the logs repeat ids", len(repeats) > 1000, True)

    bad, earlier = repeats[0], first_place[repeats[0][2]]
    where = f"line {earlier[1]}" if earlier[0] == bad[0] else f"{paths[earlier[0]]}:{earlier[1]}"
    message = f'cxkpi: {paths[bad[0]]}:{bad[1]}:1: id: "{bad[2]}" repeats {where}'
    for threads in ("1", "2"):
        run = subprocess.run([binary, "abandonment", *paths, "--threads", threads], capture_output=True, text=True)
        check(f"threads {threads}: exit", run.returncode, 65)
        check(f"threads {threads}: the first repeat", run.stderr.strip(), message)
        for args, kept in [(["--on-error", "skip"], firsts), (["--dedupe", "first"], firsts),
                           (["--dedupe", "last"], lasts)]:
            out = cxkpi(binary, "abandonment", *paths, "--threads", threads, *args)["total"]
            expected = abandonment(kept)
            check(f"threads {threads} {' '.join(args)}: rows", out["denominator"], expected["denominator"])
            check(f"threads {threads} {' '.join(args)}: abandoned", out["numerator"], expected["numerator"])
    sys.exit(tally.exit_code("duplicates"))


if __name__ == "__main__":
    main()
