#!/usr/bin/python3
"""Partial states (--emit-state) and cxkpi merge on a generated log (gen_log.py).

usage: check_states.py CXKPI roundtrip|split|algebra

roundtrip: for every record metric, `M log --emit-state | merge - --format json` is
           byte-identical to `M log --format json` (stdout and stderr), and the state's sums
           and histograms equal those computed here from the CSV.
split:     the log cut into k = 2, 3, 7 row chunks (header kept), each emitted, then merged:
           identical to one run (report, which holds every additive sum, and the options
           that change sums). Window metrics after `shard --key customer_id`: identical;
           from row chunks: refused (64), checked at k = 2 (the refusal reads the settings,
           not the rows, so more chunks prove nothing more and cost a run each).
algebra:   shuffled state lines, different merge trees and merges of merges: identical.
sketch:    durations past --exact-limit fold into the sketch: a merge of 3 row chunks is
           identical to one run, the figures are marked approximate, and every sketched
           percentile is within the stated 1 % of the exact one (computed here from the CSV).
"""
import csv
import json
import random
import sys
from datetime import datetime

from scale_common import run_mode

ROWS = 6000
COMMON = ["--by", "week", "--tz", "Europe/Berlin", "--group", "channel"]
# Every metric the log supports, with the options that change its sums.
CASES = [
    ["report"],
    ["report", "--metrics", "fcr,repeat-contact-rate,contacts-to-resolution"],
    ["report", "--metrics", "repeat-contact-rate,aht"],
    ["cost-per-contact"],
    ["csat"],
    ["nps"],
    ["ces"],
    ["abandonment", "--short-abandon", "5"],
    ["aht"],
    ["fcr"],
    ["fcr", "--method", "window", "--window", "3d"],
    ["fcr", "--method", "window", "--censor", "--as-of", "2026-04-10T00:00:00Z"],
    ["asa"],
    ["avg-wait"],
    ["service-level", "--threshold", "30"],
    ["hold"],
    ["cost-per-resolution"],
    ["transfer-rate"],
    ["first-response-time", "--percentiles", "50,90,99"],
    ["first-response-time", "--business-hours", "Mon-Fri 09:00-18:00"],
    ["resolution-time"],
    ["resolution-time", "--approx", "--exact-limit", "50"],
    ["repeat-contact-rate"],
    ["contacts-to-resolution"],
    ["contacts-to-resolution", "--case-by", "customer"],
    ["best-time-to-call"],
]
# Split into chunks: report (every additive metric at once) and the sums report does not hold.
SPLIT_CASES = [["report"], ["abandonment", "--short-abandon", "5"], ["service-level", "--threshold", "30"],
               ["first-response-time", "--business-hours", "Mon-Fri 09:00-18:00"],
               ["resolution-time", "--approx", "--exact-limit", "50"], ["best-time-to-call"]]
WINDOW_CASES = [c for c in CASES if "window" in c or c[0] in ("repeat-contact-rate", "contacts-to-resolution")
                or "repeat-contact-rate" in " ".join(c)]


def chosen_at_merge(case):
    """The options of `case` that a state leaves to merge (how durations are summarised)."""
    if "--percentiles" in case:
        i = case.index("--percentiles")
        return case[i:i + 2]
    return []


def command(case, log):
    extra = [] if case[0] == "best-time-to-call" else COMMON
    return [case[0], log] + extra + case[1:]


def roundtrip(s, log):
    for case in CASES:
        args = command(case, log)
        code, local, local_err = s.run(args + ["--format", "json"])
        s.check(f"{case}: local run exits 0 ({local_err[:200]!r})", code, 0)
        state = s.ok(args + ["--emit-state"])
        code, merged, merged_err = s.run(["merge", "-", "--format", "json"] + chosen_at_merge(case), state)
        s.check(f"{case}: merge exits 0 ({merged_err[:200]!r})", code, 0)
        s.check(f"{case}: merged JSON = local JSON", merged, local)
        s.check(f"{case}: merged stderr = local stderr", merged_err, local_err)
    code, _, err = s.run(["resolved-per-agent", log, "--emit-state"])
    s.check("resolved-per-agent --emit-state is refused (distinct agents)", (code, b"distinct agents" in err), (64, True))
    check_state_sums(s, log)


def state_lines(text):
    return [line.split("\t") for line in text.decode().splitlines()]


def seconds(stamp):
    return datetime.fromisoformat(stamp.replace("Z", "+00:00")).timestamp()


def check_state_sums(s, log):
    """The state's sums for --by all, against the CSV read here."""
    with open(log, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    state = state_lines(s.ok(["report", log, "--emit-state"]))
    sums = {d[-3]: int(d[-1]) for d in state if d[0] == "D" and d[-2] == ""}
    s.check("state: offered", sums.get("offered"), sum(int(r["offered"]) for r in rows))
    s.check("state: abandoned", sums.get("abandoned"), sum(int(r["abandoned"]) for r in rows))
    s.check("state: talk_s (1/10000 s)", sums.get("talk_s"), 10000 * sum(int(r["talk_s"]) for r in rows))
    s.check("state: total_cost (1/10000)", sums.get("total_cost"),
            sum(round(float(r["cost"]) * 10000) for r in rows))
    hist = {}
    for d in state:
        if d[0] == "D" and d[-3] == "hist:resolution":
            hist[int(d[-2])] = hist.get(int(d[-2]), 0) + int(d[-1])
    expected = {}
    for r in rows:
        if r["resolved_at"] and r["resolved"] == "1":
            v = round((seconds(r["resolved_at"]) - seconds(r["opened_at"])) * 10000)
            expected[v] = expected.get(v, 0) + 1
    s.check("state: resolution histogram (value → count)", hist, expected)


def chunks(text, k, rng):
    """The log's rows cut into k random chunks (contiguous, header on each)."""
    lines = text.splitlines(keepends=True)
    header, body = lines[0], lines[1:]
    cuts = sorted(rng.sample(range(1, len(body)), k - 1))
    bounds = [0] + cuts + [len(body)]
    return [header + "".join(body[a:b]) for a, b in zip(bounds, bounds[1:])]


def split(s, log):
    rng = random.Random(11)
    with open(log, encoding="utf-8") as f:
        text = f.read()
    # One local run per case, compared with every split of the same log.
    local = {" ".join(case): s.ok(command(case, log) + ["--format", "json"]) for case in SPLIT_CASES + WINDOW_CASES}
    for k in (2, 3, 7):
        parts = [s.write(f"part{k}-{i}.csv", c.encode()) for i, c in enumerate(chunks(text, k, rng))]
        for case in SPLIT_CASES:
            states = [s.write(f"s{k}-{i}.state", s.ok(command(case, p) + ["--emit-state"])) for i, p in enumerate(parts)]
            s.check(f"k={k} {case}: merged = one run",
                    s.ok(["merge"] + states + ["--format", "json"] + chosen_at_merge(case)), local[" ".join(case)])
        if k != 2:
            continue
        for case in WINDOW_CASES:
            states = [s.write(f"w{k}-{i}.state", s.ok(command(case, p) + ["--emit-state"])) for i, p in enumerate(parts)]
            code, _, err = s.run(["merge"] + states + ["--format", "json"])
            why = b"--sharded-by" in err or b"no one split" in err
            s.check(f"k={k} {case}: row chunks refused ({err[:120]!r})", (code, why), (64, True))
    for n in (2, 5):
        s.ok(["shard", log, "--key", "customer_id", "--shards", str(n), "--out", f"{s.dir}/shard{n}-{{}}.csv"])
        for case in WINDOW_CASES:
            if "contacts-to-resolution" in " ".join(case) and "customer" not in case:
                continue  # cases by case_id need a split by case_id
            states = [s.write(f"c{n}-{i}.state",
                              s.ok(command(case, f"{s.dir}/shard{n}-{i}.csv") +
                                   ["--sharded-by", "customer_id", "--shard", f"{i}/{n}", "--emit-state"]))
                      for i in range(1, n + 1)]
            s.check(f"{n} shards by customer {case}: merged = one run",
                    s.ok(["merge"] + states + ["--format", "json"]), local[" ".join(case)])


def algebra(s, log):
    rng = random.Random(5)
    with open(log, encoding="utf-8") as f:
        text = f.read()
    parts = [s.write(f"a{i}.csv", c.encode()) for i, c in enumerate(chunks(text, 4, rng))]
    for case in (["report"], ["first-response-time", "--percentiles", "50,90"],
                 ["resolution-time", "--approx", "--exact-limit", "40"], ["best-time-to-call"]):
        local = s.ok(command(case, log) + ["--format", "json"])
        states = [s.ok(command(case, p) + ["--emit-state"]) for p in parts]
        lines = [line for st in states for line in st.splitlines(keepends=True)]
        rng.shuffle(lines)
        at_merge = ["--format", "json"] + chosen_at_merge(case)
        s.check(f"{case}: shuffled lines", s.ok(["merge", "-"] + at_merge, b"".join(lines)), local)
        files = [s.write(f"t{i}.state", st) for i, st in enumerate(states)]
        left = s.write("left.state", s.ok(["merge", files[0], files[1], "--emit-state"]))
        right = s.write("right.state", s.ok(["merge", files[2], files[3], "--emit-state"]))
        s.check(f"{case}: ((1 2) (3 4))", s.ok(["merge", left, right] + at_merge), local)
        chain = s.write("chain.state", s.ok(["merge", files[3], files[0], "--emit-state"]))
        chain = s.write("chain2.state", s.ok(["merge", chain, files[2], "--emit-state"]))
        s.check(f"{case}: (((4 1) 3) 2)", s.ok(["merge", files[1], chain] + at_merge), local)
        once = s.write("once.state", s.ok(["merge"] + files + ["--emit-state"]))
        s.check(f"{case}: merge of one merged state = the merged state",
                s.ok(["merge", once, "--emit-state"]), open(once, "rb").read())


def exact_percentile(values, percent):
    """Hyndman–Fan type 7, as cxkpi's default --percentile-method computes it."""
    values = sorted(values)
    h = (len(values) - 1) * percent / 100
    low = int(h)
    if low + 1 >= len(values):
        return values[-1]
    return values[low] + (h - low) * (values[low + 1] - values[low])


def durations(log, end):
    """Seconds from opened_at to `end` of every row that has both, from the CSV."""
    with open(log, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    stamp = lambda text: datetime.fromisoformat(text.replace("Z", "+00:00"))  # noqa: E731
    return [(stamp(r[end]) - stamp(r["opened_at"])).total_seconds() for r in rows if r[end] and r["opened_at"]]


def sketch(s, log):
    rng = random.Random(13)
    with open(log, encoding="utf-8") as f:
        parts = [s.write(f"k{i}.csv", c.encode()) for i, c in enumerate(chunks(f.read(), 3, rng))]
    for metric, end in (("resolution-time", "resolved_at"), ("first-response-time", "first_response_at")):
        case = [metric, "--approx", "--exact-limit", "200", "--percentiles", "10,50,90,99"]
        local = s.ok([metric, log] + case[1:] + ["--format", "json"])
        states = [s.ok([metric, p] + case[1:] + ["--emit-state"]) for p in parts]
        s.check(f"{metric}: sketched merge of 3 chunks = one run",
                s.ok(["merge", "-", "--format", "json"] + case[-2:], b"".join(states)), local)
        values = durations(log, end)
        s.check(f"{metric}: the log has more distinct durations than the limit", len(set(values)) > 200, True)
        total = json.loads(local)["total"]
        s.check(f"{metric}: marked approximate within 1 %", total.get("approximate", {}).get("relative_error"), 0.01)
        for name, percent in (("p10", 10), ("median", 50), ("p90", 90), ("p99", 99)):
            truth = exact_percentile(values, percent)
            s.check(f"{metric} {name}: within 1 % of {truth}", abs(total[name] - truth) <= 0.01 * truth + 1e-9, True)


if __name__ == "__main__":
    sys.exit(run_mode({"roundtrip": roundtrip, "split": split, "algebra": algebra, "sketch": sketch}, ROWS))
