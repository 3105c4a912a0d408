"""What the scale-out tests share: the generated log, cxkpi runs, and a tally of checks."""
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


class Scale:
    """cxkpi at `binary`, a temporary directory, and a tally of checks and failures."""

    def __init__(self, binary):
        self.binary = binary
        self.dir = tempfile.mkdtemp(prefix="cxkpi-scale-")
        self.checks = 0
        self.failures = 0

    def log(self, rows, seed=7, name="log.csv"):
        path = os.path.join(self.dir, name)
        with open(path, "w", encoding="utf-8") as out:
            subprocess.run([sys.executable, os.path.join(HERE, "gen_log.py"), str(rows), str(seed)], stdout=out,
                           check=True)
        return path

    def run(self, args, stdin=None):
        """cxkpi's exit code, stdout and stderr (bytes)."""
        p = subprocess.run([self.binary] + args, input=stdin, capture_output=True, check=False)
        return p.returncode, p.stdout, p.stderr

    def ok(self, args, stdin=None):
        code, out, err = self.run(args, stdin)
        if code != 0:
            raise SystemExit(f"cxkpi {' '.join(args)} exited {code}: {err.decode(errors='replace')}")
        return out

    def check(self, name, actual, expected):
        self.checks += 1
        if actual != expected:
            self.failures += 1
            a = actual if len(repr(actual)) < 400 else repr(actual)[:400] + "…"
            e = expected if len(repr(expected)) < 400 else repr(expected)[:400] + "…"
            print(f"FAIL {name}:\n  got      {a!r}\n  expected {e!r}")

    def finish(self, what):
        print(f"{what}: {self.checks - self.failures} of {self.checks} checks pass")
        subprocess.run(["rm", "-rf", self.dir], check=False)
        return 1 if self.failures or self.checks == 0 else 0

    def write(self, name, data):
        path = os.path.join(self.dir, name)
        with open(path, "wb") as f:
            f.write(data)
        return path


def run_mode(modes, rows):
    """The command line `check_X.py CXKPI MODE`: runs modes[MODE] on a generated log of `rows`
    rows and returns the exit code of its tally."""
    s = Scale(os.path.abspath(sys.argv[1]))
    mode = sys.argv[2]
    modes[mode](s, s.log(rows))
    return s.finish(f"scale/{mode}")
