#!/usr/bin/env python3
"""NDJSON streams: the first period is written before the input ends, from a log and from a
period table.

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

# A period table streams too: one NDJSON line per row, written as the rows are read (a batch
# of 64 KiB at a time), so lines come out while the pipe is still open. Each row's figure and
# the total are checked against Python's.
proc = subprocess.Popen([CXKPI, "abandonment", "-", "--format", "ndjson"],
                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
table = [(f"2026-01-{1 + i % 28:02d}#{i}", 100 + i % 7, i % 11) for i in range(3000)]
proc.stdin.write(("period,offered,abandoned\n" + "".join(f"{p},{o},{a}\n" for p, o, a in table)).encode())
proc.stdin.flush()
ready, _, _ = select.select([proc.stdout], [], [], 10)
first = json.loads(proc.stdout.readline()) if ready else None
ok = first is not None and first["period"] == table[0][0] and abs(first["value"] - 100 * table[0][2] / table[0][1]) < 1e-9
print(("ok  " if ok else "FAIL") + " a period table's first row was written while the input was still open")
failed += 0 if ok else 1
proc.stdin.close()
lines = ([first] if first else []) + [json.loads(line) for line in proc.stdout.read().decode().splitlines()]
proc.wait(timeout=10)
offered = sum(o for _, o, _ in table)
abandoned = sum(a for _, _, a in table)
ok = (len(lines) == len(table) + 1 and proc.returncode == 0 and lines[-1]["period"] == "total" and
      lines[-1]["numerator"] == abandoned and lines[-1]["denominator"] == offered and
      all(r["period"] == p and r["numerator"] == a and r["denominator"] == o for r, (p, o, a) in zip(lines, table)))
print(("ok  " if ok else "FAIL") + f" then every row in input order and the total ({abandoned} of {offered})")
failed += 0 if ok else 1
print(f"{4 - failed} passed, {failed} failed")
sys.exit(1 if failed else 0)
