#!/usr/bin/env python3
"""The progress line while a large file is read: cxkpi runs with stderr on a pseudo-terminal
(the pty module), as in an interactive shell, and CXKPI_PROGRESS_BYTES lowers the 200 MB a
file must exceed so that a small generated log shows the line. It must be drawn there (bytes
of the file's size, rows a second, time left) and erased before anything else is written;
a pipe, --quiet, standard input from a pipe and a file under the threshold get none.

Usage: check_progress.py PATH_TO_CXKPI"""
import os
import re
import subprocess
import sys
import tempfile

from terminal import on_terminal

CXKPI = sys.argv[1]
ERASE = "\r\x1b[K"


def write_log(path, rows):
    with open(path, "w") as f:
        f.write("id,answered,wait_s\n")
        for i in range(rows):
            f.write(f"{i + 1},{i % 4 != 0:d},{i % 60}\n")


def run(args, env, stdin_path=None):
    return on_terminal([CXKPI, *args], env, stdin_path=stdin_path)


def on_pipe(args, env, stdin=None):
    run = subprocess.run([CXKPI, *args], capture_output=True, text=True, env=env, stdin=stdin)
    return run.stdout + run.stderr, run.returncode


failed = 0


def expect(what, ok, text):
    global failed
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        print("  " + repr(text[:400]))
        failed += 1


with tempfile.TemporaryDirectory() as tmp:
    log = os.path.join(tmp, "calls.csv")
    write_log(log, 20000)  # about 200 kB
    size = os.path.getsize(log)
    low = {**os.environ, "CXKPI_PROGRESS_BYTES": "100000", "TERM": "xterm"}
    args = ["abandonment", log]
    # abandoned: every fourth row of 20000 → 5000 / 20000 = 25 %.
    text, code = run(args, low)
    line = re.search(r"cxkpi: " + re.escape(log) + r": [0-9.]+ [kMG]?B of ([0-9.]+ kB) \((\d+) %\)", text)
    expect("terminal: a progress line with bytes of the file's size", line is not None and code == 0, text)
    expect("terminal: the size is the file's", line is not None and line.group(1) == f"{size / 1000:.1f} kB", text)
    expect("terminal: the line is erased before the table", ERASE in text and "25" in text.split(ERASE)[-1], text)
    expect("terminal: nothing of the line after its erasure", "of " not in text.split(ERASE)[-1], text)
    text, code = run(args + ["--quiet"], low)
    expect("terminal, --quiet: no progress line", " of " not in text and ERASE not in text and code == 0, text)
    text, code = run(args + ["-q"], low)
    expect("terminal, -q: no progress line", " of " not in text and ERASE not in text and code == 0, text)
    text, code = run(args, {**low, "CXKPI_PROGRESS_BYTES": str(size)})
    expect("terminal, a file not over the threshold: none", ERASE not in text and code == 0, text)
    text, code = run(args, {**os.environ, "TERM": "xterm"})
    expect("terminal, a small file at the real 200 MB threshold: none", ERASE not in text and code == 0, text)
    text, code = on_pipe(args, low)
    expect("pipe (a cron job, a log file): none", ERASE not in text and "\x1b" not in text and code == 0, text)
    text, code = run(["abandonment", "-"], low, stdin_path=log)
    expect("terminal, standard input redirected from the file: a progress line", ERASE in text and code == 0, text)
    # standard input from a pipe, stderr on the terminal: `cat LOG | cxkpi abandonment -`
    text, code = on_terminal(["/bin/sh", "-c", 'cat "$1" | exec "$2" abandonment -', "sh", log, CXKPI], low)
    expect("terminal, standard input from a pipe (no size to measure by): none", ERASE not in text and code == 0, text)

print(f"{failed} failed")
sys.exit(1 if failed else 0)
