#!/usr/bin/env python3
"""--color auto on a real terminal: cxkpi runs on a pseudo-terminal (the pty module), as in
an interactive shell, and must colour its status line and heatmap there; NO_COLOR (any
non-empty value), TERM=dumb, --color never and a pipe must give no escape at all."""
import os
import subprocess
import sys

from terminal import on_terminal

CXKPI, ROOT = sys.argv[1], sys.argv[2]
CHECK = ["abandonment", "data/calls.csv", "--warn", "~:8", "--crit", "~:9"]  # 9.53 % > 9: CRITICAL, exit 2
HEATMAP = ["best-time-to-call", "data/fixture_f.csv", "--min-n", "2"]
BASE_ENV = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "TERM")}


def on_tty(args, **env):
    """Runs cxkpi with stdout and stderr on a new pseudo-terminal; returns what it printed and its exit code."""
    return on_terminal([CXKPI, *args], {**BASE_ENV, **env}, cwd=ROOT)


def on_pipe(args, **env):
    run = subprocess.run([CXKPI, *args], capture_output=True, text=True, cwd=ROOT, env={**BASE_ENV, **env})
    return run.stdout + run.stderr, run.returncode


ESC = "\x1b["
CASES = [  # (what, output and exit code, escape expected, text that must be there)
    ("tty, TERM=xterm: CRITICAL in bold red", on_tty(CHECK, TERM="xterm"), True, "\x1b[1;31mCRITICAL\x1b[0m"),
    ("tty, NO_COLOR empty counts as unset", on_tty(CHECK, TERM="xterm", NO_COLOR=""), True, "CRITICAL"),
    ("tty, heatmap shades in colour", on_tty(HEATMAP, TERM="xterm-256color"), True, "\x1b[31m░░\x1b[0m"),
    ("tty, NO_COLOR=1", on_tty(CHECK, TERM="xterm", NO_COLOR="1"), False, "CRITICAL"),
    ("tty, NO_COLOR=0 (any non-empty value)", on_tty(CHECK, TERM="xterm", NO_COLOR="0"), False, "CRITICAL"),
    ("tty, heatmap with NO_COLOR=1", on_tty(HEATMAP, TERM="xterm", NO_COLOR="1"), False, "░░"),
    ("tty, TERM=dumb", on_tty(CHECK, TERM="dumb"), False, "CRITICAL"),
    ("tty, --color never", on_tty(CHECK + ["--color", "never"], TERM="xterm"), False, "CRITICAL"),
    ("tty, NO_COLOR=1 but --color always", on_tty(CHECK + ["--color", "always"], TERM="xterm", NO_COLOR="1"),
     True, "\x1b[1;31mCRITICAL"),
    ("pipe, TERM=xterm", on_pipe(CHECK, TERM="xterm"), False, "CRITICAL"),
]

failed = 0
for what, (text, code), coloured, needle in CASES:
    problems = []
    if (ESC in text) != coloured:
        problems.append("colour expected" if coloured else "an escape where none belongs")
    if needle not in text:
        problems.append(f"missing {needle!r}")
    expected_code = 2 if "CRITICAL" in needle else 0
    if code != expected_code:
        problems.append(f"exit {code}, expected {expected_code}")
    print(("FAIL " if problems else "ok   ") + what + ("" if not problems else ": " + "; ".join(problems)))
    if problems:
        print("  " + repr(text[:300]))
    failed += bool(problems)
print(f"{len(CASES) - failed} passed, {failed} failed")
sys.exit(1 if failed else 0)
