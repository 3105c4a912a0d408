#!/usr/bin/python3
"""cxkpi merge refuses what it cannot add up, with the documented exit code and a message
that names the cause (SCALE-OUT acceptance test scale/merge-errors).

usage: check_merge_errors.py CXKPI"""
import sys

from scale_common import Scale


def refused(s, name, args, code, words, stdin=None):
    got, _, err = s.run(args, stdin)
    text = err.decode(errors="replace")
    s.check(f"{name}: exit code", got, code)
    for w in words:
        s.check(f"{name}: message names {w!r} ({text.strip()!r})", w in text, True)


def state(s, name, args):
    return s.write(name, s.ok(args + ["--emit-state"]))


def main():
    s = Scale(sys.argv[1])
    log = s.log(800)
    for name, a, b, key in [
        ("tz", ["report", log, "--tz", "UTC"], ["report", log, "--tz", "Europe/Berlin"], "tz is"),
        ("threshold", ["service-level", log], ["service-level", log, "--threshold", "30"], "threshold is"),
        ("window", ["fcr", log, "--method", "window", "--window", "3d"], ["fcr", log, "--method", "window"],
         "window is"),
        ("exact limit", ["resolution-time", log, "--approx", "--exact-limit", "50"],
         ["resolution-time", log, "--approx", "--exact-limit", "60"], "exact_limit is"),
        ("command", ["abandonment", log], ["aht", log], "command is"),
    ]:
        sa, sb = state(s, f"{name}-a.state", a), state(s, f"{name}-b.state", b)
        refused(s, f"{name} mismatch", ["merge", sa, sb], 64, [key, f"{sa}:1", f"{sb}:1"])

    # Two states whose offered sums pass 2^63 - 1 together (each fits).
    base = s.ok(["abandonment", log, "--emit-state"]).decode()
    big = []
    for line in base.splitlines():
        cells = line.split("\t")
        if cells[0] == "D" and cells[-3] == "offered":
            cells[-1] = str(2**62 + 5)
        big.append("\t".join(cells))
    big_path = s.write("big.state", ("\n".join(big) + "\n").encode())
    offered_line = next(i for i, line in enumerate(big, 1) if line.split("\t")[-3:-2] == ["offered"])
    refused(s, "offered past 2^63", ["merge", big_path, big_path, "--format", "json"], 65,
            ["offered", "int64", f"{big_path}:{offered_line}"])

    parts = [state(s, f"shard{i}.state", ["report", log, "--sharded-by", "customer_id", "--shard", f"{i}/3"])
             for i in (1, 3)]
    refused(s, "missing shard", ["merge"] + parts, 64, ["shard 2/3 missing"])
    code, _, err = s.run(["merge"] + parts + ["--allow-partial", "--format", "json"])
    s.check("--allow-partial: exit 0", code, 0)
    s.check("--allow-partial: says so", b"partial result: shard 2/3 missing" in err, True)
    refused(s, "shard twice", ["merge", parts[0], parts[0], parts[1]], 64, ["shard 1/3 is given twice"])

    refused(s, "--censor without --as-of", ["fcr", log, "--method", "window", "--censor", "--emit-state"], 64,
            ["--censor", "--as-of"])
    refused(s, "--shard without --sharded-by", ["report", log, "--shard", "1/2", "--emit-state"], 64,
            ["--sharded-by"])
    refused(s, "--shard 0/2", ["report", log, "--sharded-by", "customer_id", "--shard", "0/2", "--emit-state"], 64,
            ["--shard"])

    good = s.ok(["abandonment", log, "--emit-state"])
    sha = good.split(b"\t")[1].decode()
    n = good.count(b"\n")
    for name, line, words in [
        ("unknown hash", "D\t0123456789abcdef\t0\tall\tchat\toffered\t\t1", ["hash names no S line"]),
        ("unknown kind", f"X\t{sha}\t1", ["not a line kind"]),
        ("value not a number", f"D\t{sha}\t0\tall\toffered\t\tmany", ["not a whole number"]),
        ("unknown field", f"D\t{sha}\t0\tall\tofered\t\t1", ["ofered", "not a field"]),
        ("rule broken", f"D\t{sha}\t0\tall\tchk:answered_over_offered\t123\t4",
         ["4 rows break the rule answered_over_offered", "123"]),
    ]:
        bad = s.write("bad.state", good + line.encode() + b"\n")
        refused(s, name, ["merge", bad, "--format", "json"], 65, words + [f"{bad}:{n + 1}"])
    refused(s, "not a state", ["merge", log], 65, ["no S line"])
    return s.finish("scale/merge-errors")


if __name__ == "__main__":
    sys.exit(main())
