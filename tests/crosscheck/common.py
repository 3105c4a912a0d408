"""What the cross-check scripts share: a tally of checks with a tolerant comparison, running
cxkpi for its JSON, ISO timestamps and weeks, percentiles, and temporary files removed at exit."""
import atexit
import datetime as dt
import json
import math
import os
import subprocess
import tempfile


def close(a, b):
    """Equal within 1e-9 relative (or both missing)."""
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-9 * max(1.0, abs(b))


class Tally:
    """Counts checks and failures; a failure is printed when it happens."""

    def __init__(self):
        self.checks = 0
        self.failures = 0

    def check(self, name, actual, expected):
        self.checks += 1
        numeric = expected is None or (isinstance(expected, (int, float)) and not isinstance(expected, bool))
        if not (close(actual, expected) if numeric else actual == expected):
            self.failures += 1
            print(f"FAIL {name}: cxkpi {actual!r}, expected {expected!r}")

    def exit_code(self, what):
        """Prints the summary; 1 when a check failed or none ran."""
        print(f"{what} cross-check: {self.checks - self.failures} of {self.checks} agree")
        return 1 if self.failures or self.checks == 0 else 0


tally = Tally()
check = tally.check


def cxkpi(binary, *args):
    out = subprocess.run([binary, *args, "--json"], check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def ts(text):
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def iso_week(t):
    y, w, _ = t.date().isocalendar()
    return f"{y}-W{w:02d}"


def type7(xs, p):
    """The p-th percentile, interpolated between closest ranks (R type 7, numpy's default)."""
    xs = sorted(xs)
    h = (len(xs) - 1) * p / 100
    lo = math.floor(h)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (h - lo) * (xs[hi] - xs[lo])


def temporary(suffix):
    """An open text file (use it in a with block) that is removed when the script ends."""
    f = tempfile.NamedTemporaryFile("w", suffix=suffix, delete=False)
    atexit.register(os.unlink, f.name)
    return f
