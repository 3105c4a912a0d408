#!/usr/bin/env python3
"""`cxkpi report EXPORT --format json`, with no flag, on each vendor export of
tests/data/vendors/, against the figures of that vendor's expected.py (stdlib only, reads
only the fixture, written from the vendor's own definitions: see SOURCE.md beside it).

For each export the test checks that the preset is found by its header, that every figure
the report shows is one the test expects (no figure the export cannot support), and that
each agrees with expected.py's exact fraction, or with a sum worked out by hand below.
usage: check_presets.py CXKPI   (run from the project root)"""
import json
import re
import subprocess
import sys
from fractions import Fraction

VENDORS = "tests/data/vendors"


def expected_lines(preset):
    """expected.py's output: each "label: N/D = x" or "label: N" line, by its label."""
    out = subprocess.run([sys.executable, "expected.py"], cwd=f"{VENDORS}/{preset}", check=True,
                         capture_output=True, text=True).stdout
    figures = {}
    for line in out.splitlines():
        if m := re.match(r"(.*?): (-?\d+)/(\d+) = ", line):
            figures[m[1]] = Fraction(int(m[2]), int(m[3]))
        elif m := re.match(r"(.*?): (\d+)$", line):
            figures[m[1]] = Fraction(int(m[2]))
    return figures


def py(label):
    return ("py", label)


def hand(fraction):
    return ("hand", fraction)


# preset → (fixture, {metric: {JSON key of the figure: where its expected value comes from}}).
CASES = {
    "amazon-connect": ("ctr.json", {
        "abandonment": {"value": py("abandonment % = abandoned / queued")},
        "asa": {"value": py("ASA (Average queue answer time) = mean Queue.Duration of answered")},
        # cxkpi's default service level: answered within T over offered (= queued).
        "service_level": {"value": py("service level 20s, answered-only variant (answered <= 20s / queued)")},
        # A record that never queued (OUTBOUND C07) is not offered, so not in cxkpi's AHT.
        "aht": {"value": py("AHT, queued-and-answered contacts only")},
        # Queue.Duration of the 10 queued: 12+20+35+45+8+5+15+19+21+62 = 242 s over 10.
        "avg_wait": {"value": hand(Fraction(242, 10))},
        # Hold of the 7 answered: C02 60 + C05 125 + C10 30 = 215 s over 7; over the 3 held.
        "hold": {"value": hand(Fraction(215, 7)),
                 "avg_hold_per_held": py("average customer hold time (Connect: only contacts that went on hold)")},
    }),
    "amazon-connect-datalake": ("contact_record.csv", {
        "abandonment": {"value": py("abandonment % = abandoned / queued")},
        "asa": {"value": py("ASA = mean queue_duration_ms of answered, in s")},
        "service_level": {"value": py(
            "service level 20 s (data lake reference query: handled with answer time <= 20000 ms / queued)")},
        "aht": {"value": py("AHT, queued-and-answered only, in s")},
        # queue_duration_ms of the 10 queued: 12340+20000+35210+45800+8120+4990+15005+19999+20001+62400
        # = 243865 ms over 10.
        "avg_wait": {"value": hand(Fraction(243865, 10 * 1000))},
        # Hold of the 7 answered: C02 60500 + C05 125000 + C10 30000 = 215500 ms over 7.
        "hold": {"value": hand(Fraction(215500, 7 * 1000)), "avg_hold_per_held": hand(Fraction(215500, 3 * 1000))},
    }),
    "genesys": ("interactions.csv", {
        "abandonment": {"value": py("abandon % = Abandoned / Offered")},
        "asa": {"value": py("ASA = sum(Total Queue of answered) / answered, in s")},
        "service_level": {"value": py("service level % = answered within 20 s / (answered + abandoned)")},
        # Non-ACD rows (G06, G08) are offered to no queue, so they are in no cxkpi figure.
        "aht": {"value": py("AHT, ACD (queue) interactions only")},
        # Total Queue of the 10 offered: 8000+20000+35000+45000+3000+5200+19999+20001+62000+15000
        # = 233200 ms over 10.
        "avg_wait": {"value": hand(Fraction(233200, 10 * 1000))},
        "hold": {"value": hand(Fraction(215000, 7 * 1000)), "avg_hold_per_held": py("avg hold per held interaction")},
        # Transferred is NO on every row: 0 of the 7 answered.
        "transfer_rate": {"value": hand(Fraction(0))},
    }),
}


def close(got, want):
    return abs(got - float(want)) <= 1e-9 * max(1.0, abs(float(want)))


def check(cxkpi, preset, fixture, metrics):
    path = f"{VENDORS}/{preset}/{fixture}"
    problems = []
    columns = json.loads(subprocess.run([cxkpi, "columns", path, "--json"], check=True, capture_output=True,
                                        text=True).stdout)
    if not columns.get("preset", "").startswith(f"preset {preset} "):
        problems.append(f"columns says {columns.get('preset')!r}, not preset {preset}")
    report = json.loads(subprocess.run([cxkpi, "report", path, "--format", "json"], check=True,
                                       capture_output=True, text=True).stdout)
    shown = set(report["metrics"])
    if shown != set(metrics):
        problems.append(f"report shows {sorted(shown)}, expected {sorted(metrics)}")
    figures = expected_lines(preset)
    for metric, keys in metrics.items():
        got = report["total"].get(metric, {})
        for key, (kind, source) in keys.items():
            want = figures.get(source) if kind == "py" else source
            if want is None:
                problems.append(f"expected.py prints no line {source!r}")
            elif got.get(key) is None or not close(got[key], want):
                problems.append(f"{metric}.{key} = {got.get(key)}, expected {float(want)} ({want})")
    for p in problems:
        print(f"FAIL {path}: {p}")
    if not problems:
        print(f"ok   {path}: {', '.join(sorted(metrics))}")
    return not problems


def main(cxkpi):
    results = [check(cxkpi, preset, fixture, metrics) for preset, (fixture, metrics) in CASES.items()]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
