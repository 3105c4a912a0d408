#!/usr/bin/env python3
"""NDJSON streams: the first period is written before the input ends.

Feeds a log into `cxkpi nps - --by day --format ndjson` through a pipe: first day 1, then
one row of day 2 (which closes day 1), then waits. cxkpi must write day 1 while the pipe is
still open; only then does the rest follow and the pipe close.
"""
import json
import select
import subprocess
import sys

CXKPI = sys.argv[1]
proc = subprocess.Popen([CXKPI, "nps", "-", "--by", "day", "--format", "ndjson"],
                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
rows = ["id,opened_at,answered,nps"]
rows += [f"{i},2026-03-02T{8 + i:02d}:00:00Z,1,{i}" for i in range(1, 6)]   # day 1: 1..5
rows += ["6,2026-03-03T08:00:00Z,1,10"]                                       # day 2 starts
proc.stdin.write(("\n".join(rows) + "\n").encode())
proc.stdin.flush()

ready, _, _ = select.select([proc.stdout], [], [], 10)
failed = 0
if not ready:
    print("FAIL day 1 was not written while the input was still open")
    failed += 1
else:
    first = json.loads(proc.stdout.readline())
    ok = first["period"] == "2026-03-02" and first["n"] == 5 and first["numerator"] == -5
    print(("ok  " if ok else "FAIL") + f" first line before the input ended: {first['period']} n={first['n']}")
    failed += 0 if ok else 1
proc.stdin.write(b"7,2026-03-03T09:00:00Z,1,9\n")
proc.stdin.close()
rest = [json.loads(line) for line in proc.stdout.read().decode().splitlines()]
proc.wait(timeout=10)
ok = [r["period"] for r in rest] == ["2026-03-03", "total"] and rest[-1]["n"] == 7 and proc.returncode == 0
print(("ok  " if ok else "FAIL") + f" then day 2 and the total: {[r['period'] for r in rest]}")
failed += 0 if ok else 1
print(f"{2 - failed} passed, {failed} failed")
sys.exit(1 if failed else 0)
