#!/usr/bin/env python3
"""Function sizes of src/ and include/ from universal-ctags (blank and comment lines
included, as STYLE.md counts them). Fails when more than 3 % of functions are over 40 lines;
lists the long ones so a reviewer sees which grew."""
import json
import subprocess
import sys

LIMIT_LINES, LIMIT_SHARE = 40, 0.03
tags = subprocess.run(["ctags", "--kinds-c++=f", "--fields=+ne", "--output-format=json", "-R", "src", "include"],
                      capture_output=True, text=True, check=True).stdout.splitlines()
functions = [json.loads(t) for t in tags if t.startswith("{")]
sizes = [(f["end"] - f["line"] + 1, f"{f['path']}:{f['line']} {f['name']}") for f in functions if "end" in f]
long = sorted((s for s in sizes if s[0] > LIMIT_LINES), reverse=True)
share = len(long) / max(len(sizes), 1)
print(f"functions: {len(sizes)}, over {LIMIT_LINES} lines: {len(long)} ({share:.1%}; the limit is {LIMIT_SHARE:.0%})")
for lines, where in long:
    print(f"  {lines:4} {where}")
sys.exit(0 if share <= LIMIT_SHARE and sizes else 1)
