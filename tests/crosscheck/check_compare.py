#!/usr/bin/env python3
"""--compare's significance tests against plain Python: data/calls.csv is grouped by ISO week
here, each week is compared with the week before, and the two-sided p-values are recomputed
from the raw rows: shares by the pooled two-proportion z test (p = erfc(|z|/√2)), AHT and ASA
by Welch's t test from the sample means and variances, with Student's t tail integrated
numerically (Simpson's rule on the density; cxkpi uses the incomplete beta function), NPS by
its own standard error. `significant` must be p < 1 − confidence at 0.95 and 0.99, and
small_n must mark a test with fewer than 30 on either side. NPS per-score period columns
(nps_0 … nps_10) are checked the same way. Usage: check_compare.py CXKPI (from the source tree)."""
import csv
import math
import random
import sys
from collections import defaultdict

from common import check, cxkpi, iso_week, tally, temporary, ts


def normal_p(z):
    return math.erfc(abs(z) / math.sqrt(2))


def t_tail_two_sided(t, df, steps=20000):
    """2·P(T > |t|) by Simpson's rule on the density of Student's t."""
    c = math.exp(math.lgamma((df + 1) / 2) - math.lgamma(df / 2)) / math.sqrt(df * math.pi)
    density = lambda x: c * (1 + x * x / df) ** (-(df + 1) / 2)  # noqa: E731
    t = abs(t)
    h = t / steps
    s = density(0) + density(t) + sum((4 if i % 2 else 2) * density(i * h) for i in range(1, steps))
    return max(0.0, 1 - 2 * s * h / 3)


def two_proportions(x1, n1, x2, n2):
    if n1 == 0 or n2 == 0:
        return None
    p = (x1 + x2) / (n1 + n2)
    se = math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2))
    diff = x1 / n1 - x2 / n2
    if se == 0:
        return 0.0 if diff else 1.0
    return normal_p(diff / se)


def welch(a, b):
    if len(a) < 2 or len(b) < 2:
        return None
    ma, mb = sum(a) / len(a), sum(b) / len(b)
    va = sum((x - ma) ** 2 for x in a) / (len(a) - 1) / len(a)
    vb = sum((x - mb) ** 2 for x in b) / (len(b) - 1) / len(b)
    if va + vb == 0:
        return 0.0 if ma != mb else 1.0
    df = (va + vb) ** 2 / (va * va / (len(a) - 1) + vb * vb / (len(b) - 1))
    return t_tail_two_sided((ma - mb) / math.sqrt(va + vb), df)


def nps_p(s1, s2):
    """s: (promoters, passives, detractors) counts."""
    def parts(s):
        n = sum(s)
        p, d = s[0] / n, s[2] / n
        return p - d, (p + d - (p - d) ** 2) / n

    (v1, e1), (v2, e2) = parts(s1), parts(s2)
    if e1 + e2 == 0:
        return 0.0 if v1 != v2 else 1.0
    return normal_p((v1 - v2) / math.sqrt(e1 + e2))


def weeks_of_calls(path):
    weeks = defaultdict(lambda: defaultdict(list))
    for r in csv.DictReader(open(path)):
        w = weeks[iso_week(ts(r["opened_at"]))]
        answered = r["answered"] == "1"
        w["offered"].append(int(r["offered"]))
        w["abandoned"].append(int(r["abandoned"]))
        w["in_20"].append(int(answered and float(r["wait_s"]) <= 20))
        if answered:
            w["handle"].append(sum(float(r[k]) for k in ("talk_s", "hold_s", "wrap_s")))
            w["wait"].append(float(r["wait_s"]))
            w["fcr"].append(int(r["first_contact_resolved"]))
        if r["csat"]:
            w["csat_top2"].append(int(int(r["csat"]) >= 4))
        if r["nps"]:
            w["nps"].append(int(r["nps"]))
    return weeks


def classes(scores):
    return (sum(s >= 9 for s in scores), sum(7 <= s <= 8 for s in scores), sum(s <= 6 for s in scores))


def expected_p(metric, now, then):
    if metric == "abandonment":
        return two_proportions(sum(now["abandoned"]), sum(now["offered"]), sum(then["abandoned"]), sum(then["offered"]))
    if metric == "service-level":
        return two_proportions(sum(now["in_20"]), sum(now["offered"]), sum(then["in_20"]), sum(then["offered"]))
    if metric == "fcr":
        return two_proportions(sum(now["fcr"]), len(now["fcr"]), sum(then["fcr"]), len(then["fcr"]))
    if metric == "csat":
        x1, x2 = now["csat_top2"], then["csat_top2"]
        return two_proportions(sum(x1), len(x1), sum(x2), len(x2))
    if metric == "aht":
        return welch(now["handle"], then["handle"])
    if metric == "asa":
        return welch(now["wait"], then["wait"])
    return nps_p(classes(now["nps"]), classes(then["nps"]))


SAMPLE = {"abandonment": "offered", "service-level": "offered", "fcr": "fcr", "csat": "csat_top2", "aht": "handle",
          "asa": "wait", "nps": "nps"}


SIGNIFICANT = defaultdict(int)  # how many checked changes were significant, and marked small


def check_calls(binary, path):
    weeks = weeks_of_calls(path)
    order = sorted(weeks)
    for metric in SAMPLE:
        for confidence in (0.95, 0.99):
            doc = cxkpi(binary, metric, path, "--by", "week", "--compare", "previous",
                        "--confidence", str(confidence))
            check(f"{metric} confidence", doc["confidence"], confidence)
            for row in doc["rows"]:
                i = order.index(row["period"])
                got = row["baseline"]
                if i == 0:
                    check(f"{metric} {row['period']} first p", got.get("p_value"), None)
                    continue
                now, then = weeks[order[i]], weeks[order[i - 1]]
                p = expected_p(metric, now, then)
                name = f"{path} {metric} {row['period']} vs {order[i - 1]}"
                check(f"{name} p", got["p_value"], p)
                tolerance = abs(got["p_value"] - p) if p is not None else 0
                if p is not None and tolerance < 1e-6:
                    check(f"{name} significant at {confidence}", got["significant"], p < 1 - confidence)
                small = min(len(now[SAMPLE[metric]]), len(then[SAMPLE[metric]])) < 30
                SIGNIFICANT["significant"] += got["significant"] is True
                SIGNIFICANT["small"] += small
                check(f"{name} small_n", got.get("small_n", False), small)


def shifted_log():
    """A log whose weeks differ beyond noise (more abandons, longer calls, better answers in
    the second week) and whose third week is small (20 contacts): significant changes and
    small-sample marks that data/calls.csv does not have."""
    rng = random.Random(21)
    f = temporary(".csv")
    f.write("id,opened_at,offered,answered,abandoned,wait_s,talk_s,hold_s,wrap_s,first_contact_resolved,csat,nps\n")
    weeks = [("2026-03-02", 400, 0.08, 300, 0.6), ("2026-03-09", 400, 0.2, 380, 0.8), ("2026-03-16", 20, 0.1, 330, 0.7)]
    n = 0
    for day, contacts, abandon, handle, happy in weeks:
        for _ in range(contacts):
            n += 1
            answered = rng.random() >= abandon
            wait = rng.randint(0, 90)
            talk = round(rng.expovariate(1 / handle)) if answered else 0
            csat = (rng.choice([4, 5]) if rng.random() < happy else rng.choice([1, 2, 3])) if answered else ""
            nps = (rng.choice([9, 10]) if rng.random() < happy else rng.randint(0, 8)) if answered else ""
            f.write(f"{n},{day}T{rng.randint(8, 17):02d}:00:00Z,1,{int(answered)},{int(not answered)},{wait},"
                    f"{talk},{rng.randint(0, 30) if answered else 0},{rng.randint(0, 60) if answered else 0},"
                    f"{int(answered and rng.random() < happy)},{csat},{nps}\n")
    f.close()
    return f.name


def check_nps_columns(binary):
    rows = list(csv.DictReader(open("tests/cli/inputs/nps_scores.csv")))
    by = {(r["month"], r["channel"]): [int(r[f"nps_{k}"]) for k in range(11)] for r in rows}
    doc = cxkpi(binary, "nps", "tests/cli/inputs/nps_scores.csv", "--compare", "previous")
    for row in doc["rows"]:
        counts = by[(row["period"], row["group"]["channel"])]
        scores = [k for k in range(11) for _ in range(counts[k])]
        p, pa, d = classes(scores)
        check(f"nps {row['period']} {row['group']} value", row["value"], 100 * (p - d) / (p + pa + d))
        if row["period"] == "2026-10":
            before = by[("2026-09", row["group"]["channel"])]
            then = classes([k for k in range(11) for _ in range(before[k])])
            check(f"nps {row['period']} p", row["baseline"]["p_value"], nps_p((p, pa, d), then))


def main():
    binary = sys.argv[1]
    check_calls(binary, "data/calls.csv")
    check_calls(binary, shifted_log())
    check_nps_columns(binary)
    # The checks above can fail both ways only if some changes are significant and some small.
    check("significant changes seen", SIGNIFICANT["significant"] > 0, True)
    check("small tests seen", SIGNIFICANT["small"] > 0, True)
    return tally.exit_code("--compare significance")


if __name__ == "__main__":
    sys.exit(main())
