#!/usr/bin/env python3
"""Fault injection: cxkpi whose writes fail or who is signalled part of the way through.

    check_write_failures.py CXKPI FAIL_WRITE_SO

check_faults.sh covers the faults a shell can make (2>/dev/full, 2>&-, --rejects /dev/full, a
signal while reading); this covers those it cannot: a write that fails part of the way
through a file (fail_write.cpp, loaded with LD_PRELOAD), a pipe whose reader has already
gone, and a signal that comes while the -o temporary file is being written.

Each case states what must hold; the expected results are the contract (DESIGN.md, "Errors
and exit codes"): an output that cannot be written is exit 74 with a message, a reader that
went away (a closed pipe) is a quiet exit 0, a stderr that cannot be written changes
nothing, and -o / --rejects never leave a partial target or a temporary file behind.
"""
import errno
import os
import signal
import subprocess
import sys
import tempfile
import time

CXKPI = os.path.abspath(sys.argv[1])
SHIM = os.path.abspath(sys.argv[2])
# A run whose result comes with a warning on stderr: AHT on talk time alone says it counts
# talk only. 2 handled, talk 600 s: AHT 300 s.
WARNED = ["aht", "-", "--format", "csv"]
WARNED_INPUT = b"period,handled,talk_s\nMon,2,600\n"
NPS = ["nps", "data/monthly.csv"]
BAD_ROWS = ["nps", "tests/cli/inputs/bad_passives.csv", "--on-error", "skip"]

failures = []


def check(name, ok, detail=""):
    print(("ok   " if ok else "FAIL ") + name + ("" if ok else ": " + detail))
    if not ok:
        failures.append(name)


def env(**faults):
    e = dict(os.environ, NO_COLOR="1")
    if faults:
        e["LD_PRELOAD"] = SHIM
        # An ASan build wants its runtime first; the shim only wraps write(2).
        e["ASAN_OPTIONS"] = (e.get("ASAN_OPTIONS", "") + ":verify_asan_link_order=0").lstrip(":")
        e.update({"CXKPI_FAULT_" + k.upper(): str(v) for k, v in faults.items()})
    return e


def run(args, stdin=b"", stdout=subprocess.PIPE, stderr=subprocess.PIPE, **faults):
    return subprocess.run([CXKPI] + args, input=stdin, stdout=stdout, stderr=stderr, env=env(**faults), timeout=60)


def closed_pipe():
    """The write end of a pipe whose reader has gone: writing to it is EPIPE."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    return write_end


def stderr_unwritable():
    """2>/dev/full and 2>&- are in check_faults.sh; here stderr is a pipe whose reader left."""
    good = run(WARNED, WARNED_INPUT)
    check("the warned run writes its result and a warning", good.returncode == 0 and good.stdout and b"warning" in good.stderr,
          repr(good))
    pipe = closed_pipe()
    r = run(WARNED, WARNED_INPUT, stderr=pipe)
    os.close(pipe)
    check("stderr a closed pipe: same result, same exit", (r.returncode, r.stdout) == (0, good.stdout), repr(r))


def stdout_unwritable():
    with open("/dev/full", "wb") as full:
        r = run(NPS, stdout=full)
    check(">/dev/full: exit 74 with a message",
          r.returncode == 74 and b"cannot write output: No space left on device" in r.stderr, repr(r))
    pipe = closed_pipe()
    r = run(NPS, stdout=pipe)
    os.close(pipe)
    check("stdout a closed pipe: quiet exit 0", (r.returncode, r.stderr) == (0, b""), repr(r))
    pipe = closed_pipe()
    r = run(["report", "data/calls.csv", "--group", "id"], stdout=pipe)  # a large output
    os.close(pipe)
    check("a large output to a closed pipe: quiet exit 0", (r.returncode, r.stderr) == (0, b""), repr(r))


def failing_disk():
    """EIO (a failing disk, a lost network mount) on stdout and on stderr, both files."""
    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(d, "out.txt"), "wb") as out:
            r = run(NPS, stdout=out, path=os.path.join(d, "out.txt"), errno=errno.EIO)
        check("stdout a file on a failing disk (EIO): exit 74 with a message",
              r.returncode == 74 and b"cannot write output: Input/output error" in r.stderr, repr(r))
        good = run(WARNED, WARNED_INPUT)
        with open(os.path.join(d, "err.txt"), "wb") as err:
            r = run(WARNED, WARNED_INPUT, stderr=err, path=os.path.join(d, "err.txt"), errno=errno.EIO)
        check("stderr a file on a failing disk (EIO): same result, same exit", (r.returncode, r.stdout) == (0, good.stdout),
              repr(r))
        target = os.path.join(d, "nps.txt")
        r = run(NPS + ["-o", target], path=target, errno=errno.EIO)
        check("-o on a failing disk (EIO): exit 74 naming the file, no file left",
              r.returncode == 74 and f"{target}: Input/output error".encode() in r.stderr
              and sorted(listing(d)) == ["err.txt", "out.txt"], repr((r, listing(d))))


def listing(folder):
    return sorted(os.listdir(folder))


def read(path):
    with open(path, "rb") as f:
        return f.read()


def output_fails_part_way():
    with tempfile.TemporaryDirectory() as d:
        target = os.path.join(d, "nps.txt")
        with open(target, "wb") as f:
            f.write(b"the previous report\n")
        r = run(NPS + ["-o", target], path=d, after=10)
        check("-o failing after 10 bytes: exit 74 naming the file",
              r.returncode == 74 and f"cannot write output: {target}: No space left on device".encode() in r.stderr,
              repr(r))
        check("-o failing part way: the target keeps its old content", read(target) == b"the previous report\n",
              repr(read(target)))
        check("-o failing part way: no temporary file left", listing(d) == ["nps.txt"], repr(listing(d)))
        fresh = os.path.join(d, "new.txt")
        r = run(NPS + ["-o", fresh], path=d)
        check("-o to a new file failing: exit 74, no file at all", r.returncode == 74 and listing(d) == ["nps.txt"],
              repr((r, listing(d))))


def rejects_fail():
    with tempfile.TemporaryDirectory() as d:
        rejects = os.path.join(d, "rejects.ndjson")
        r = run(BAD_ROWS + ["--rejects", rejects], path=d, after=5)
        check("--rejects failing: exit 74 naming it",
              r.returncode == 74 and b"No space left on device" in r.stderr and rejects.encode() in r.stderr, repr(r))
        check("--rejects failing: no rejects file, no temporary file", listing(d) == [], repr(listing(d)))


def wait_for(folder, prefix, seconds=20):
    end = time.time() + seconds
    while time.time() < end:
        if any(n.startswith(prefix) and n != prefix for n in os.listdir(folder)):
            return True
        time.sleep(0.02)
    return False


def signalled(sig, during, args, temp_prefix, stdin=None, slow_writes=False):
    """cxkpi signalled `during` something while the temporary file `temp_prefix`… exists;
    `args(folder, target)` is its command line, `target` an -o file with an old content."""
    name = signal.Signals(sig).name
    with tempfile.TemporaryDirectory() as d:
        target = os.path.join(d, "nps.txt")
        with open(target, "wb") as f:
            f.write(b"the previous report\n")
        faults = {"path": d, "sleep_ms": 30000} if slow_writes else {}
        p = subprocess.Popen([CXKPI] + args(d, target), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, env=env(**faults))
        if stdin:
            p.stdin.write(stdin)
            p.stdin.flush()
        seen = wait_for(d, temp_prefix)
        p.send_signal(sig)
        p.communicate(timeout=60)
        check(f"{name} {during}: the temporary file existed", seen)
        check(f"{name} {during}: ended by the signal", p.returncode == -sig, repr(p.returncode))
        check(f"{name} {during}: temporary file removed, target untouched",
              listing(d) == ["nps.txt"] and read(target) == b"the previous report\n", repr(listing(d)))


def signalled_while_writing(sig):
    """The output write is slowed down; the signal comes while its temporary file exists."""
    signalled(sig, "while -o is written", lambda d, target: NPS + ["-o", target], "nps.txt.", slow_writes=True)


def signalled_while_reading(sig):
    """A long run: input still coming on a pipe, --rejects open, -o not yet written."""
    args = lambda d, target: ["nps", "-", "--on-error", "skip", "--rejects", os.path.join(d, "rejects.ndjson"), "-o",
                              target]
    signalled(sig, "during a long read", args, "rejects.ndjson.",
              stdin=b"period,promoters,passives,detractors\nMon,5,3,2\nTue,1,x,1\nWed,2,2,2\n")


def main():
    os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    stderr_unwritable()
    stdout_unwritable()
    failing_disk()
    output_fails_part_way()
    rejects_fail()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signalled_while_writing(sig)
        signalled_while_reading(sig)
    print(f"{len(failures)} failed" if failures else "every fault case holds")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
