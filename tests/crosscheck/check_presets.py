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


def expected_lines(folder, args=()):
    """expected.py's output: each "label: N/D = x" or "label: N" line, by its label."""
    out = subprocess.run([sys.executable, "expected.py", *args], cwd=f"{VENDORS}/{folder}", check=True,
                         capture_output=True, text=True).stdout
    figures = {}
    for line in out.splitlines():
        if m := re.match(r"(.*?): (-?\d+)/(\d+) = ", line):
            figures[m[1]] = Fraction(int(m[2]), int(m[3]))
        elif m := re.match(r"(.*?): (\d+)$", line):
            figures[m[1]] = Fraction(int(m[2]))
    return figures


def py(label, scale=1):
    """A figure of expected.py, times `scale` (60 for minutes shown as seconds)."""
    return ("py", (label, scale))


def hand(fraction):
    return ("hand", fraction)


# preset → (its vendor folder/fixture, {metric: {JSON key of the figure: where its expected value comes from}}).
CASES = {
    "amazon-connect": ("amazon-connect/ctr.json", {
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
    "amazon-connect-datalake": ("amazon-connect-datalake/contact_record.csv", {
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
    "genesys": ("genesys/interactions.csv", {
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
    # The conversation details query: metrics summed per participant purpose, t-metrics in ms.
    "genesys-analytics": ("genesys-analytics/conversations_details.json", {
        "abandonment": {"value": py("abandon % = tAbandon count / nOffered")},
        "asa": {"value": py("ASA = tAnswered sum / tAnswered count, in s")},
        "service_level": {"value": py("service level % = answered within 20 s / (answered + abandoned)")},
        # Conversations with no acd participant (outbound G06, direct G08) are offered to no queue.
        "aht": {"value": py("AHT, conversations that went through a queue only")},
        # acd tAcd of the 10 offered: 8000+20000+35000+45000+3000+5200+19999+20001+62000+15000 = 233200 ms.
        "avg_wait": {"value": hand(Fraction(233200, 10 * 1000))},
        # agent tHeldComplete of the 7 answered: 60000 + 125000 + 30000 = 215000 ms, over 7 and over the 3 held.
        "hold": {"value": hand(Fraction(215000, 7 * 1000)), "avg_hold_per_held": hand(Fraction(215000, 3 * 1000))},
    }),
    # Ticket exports: no queue figure; times measured between the export's timestamps.
    "freshdesk": ("freshdesk/tickets_export.csv", {
        "contacts": {"value": hand(Fraction(12))},
        "first_response_time": {"value": py("FRT mean, calendar (Initial response time - Created time)"),
                                "median": py("FRT median, calendar")},
        "resolution_time": {"value": py("resolution mean, calendar (Resolved time - Created time)"),
                            "median": py("resolution median, calendar")},
        # Survey results in the classic survey's words: Awesome over rated answers.
        "csat": {"value": py("CSAT % = 'Awesome' (happy) / rated")},
    }),
    "dbt-zendesk": ("dbt-zendesk/zendesk__ticket_metrics.csv", {
        "contacts": {"value": py("tickets (rows)")},
        # first_reply_time_calendar_minutes, 4 decimals of a minute, read exactly as seconds.
        "first_response_time": {"value": py("FRT mean (seconds)"), "median": py("FRT median (seconds)")},
        # last_solved_at - created_at is the model's final_resolution_calendar_minutes.
        "resolution_time": {"value": py("resolution mean, final (seconds)"),
                            "median": py("resolution median, final (minutes)", 60)},
        "csat": {"value": py("CSAT % = good / (good + bad)")},
    }),
    "zendesk": ("zendesk/tickets.json", {
        # The Tickets API has no reply or solved time: tickets and their satisfaction score only.
        "contacts": {"value": hand(Fraction(12))},
        "csat": {"value": py("CSAT % = good / (good + bad)")},
    }),
    "zendesk-metrics": ("zendesk/ticket_metrics.json", {
        "contacts": {"value": hand(Fraction(12))},
        # reply_time_in_minutes.calendar, whole minutes; null (no reply yet) left out.
        "first_response_time": {"value": py("FRT mean (seconds)"), "median": py("FRT median (seconds)")},
        # solved_at - created_at is full_resolution_time_in_minutes.calendar, to the second.
        "resolution_time": {"value": py("resolution mean (seconds)"),
                            "median": py("resolution median (minutes)", 60)},
    }),
    "chatwoot": ("chatwoot/conversations.json", {
        "contacts": {"value": py("conversations")},
        "first_response_time": {"value": py("FRT mean"), "median": py("FRT median")},
    }),
    "twilio": ("twilio/calls.json", {
        # 12 call resources, of which 2 are child legs (parent_call_sid set): 10 calls, and no
        # contact-centre figure.
        "contacts": {"value": hand(Fraction(10))},
    }),
}


# Other exports a preset reads: (preset, fixture, metrics, expected.py's arguments).
MORE_CASES = [
    # The contact records flattened to a CSV with dotted headers (Agent.AgentInteractionDuration,
    # Queue.EnqueueTimestamp, empty cells for null): the records of ctr.json, so the same figures,
    # which expected.py works out again from the CSV's own cells.
    ("amazon-connect", "amazon-connect/ctr-flattened.csv", CASES["amazon-connect"][1], ["ctr-flattened.csv"]),
]


def close(got, want):
    return abs(got - float(want)) <= 1e-9 * max(1.0, abs(float(want)))


def shown_figure(report, metric, key):
    """The figure `report` shows for metric.key (the contact count for "contacts")."""
    if metric == "contacts":
        return report["total"]["contacts"]
    return (report["total"].get(metric) or {}).get(key)


def check(cxkpi, preset, fixture, metrics, args=()):
    folder = fixture.split("/")[0]  # the vendor's folder, with its expected.py
    path = f"{VENDORS}/{fixture}"
    problems = []
    columns = json.loads(subprocess.run([cxkpi, "columns", path, "--json"], check=True, capture_output=True,
                                        text=True).stdout)
    if not columns.get("preset", "").startswith(f"preset {preset} "):
        problems.append(f"columns says {columns.get('preset')!r}, not preset {preset}")
    report = json.loads(subprocess.run([cxkpi, "report", path, "--format", "json"], check=True,
                                       capture_output=True, text=True).stdout)
    shown = set(report["metrics"])
    if shown != set(metrics) - {"contacts"}:
        problems.append(f"report shows {sorted(shown)}, expected {sorted(set(metrics) - {'contacts'})}")
    figures = expected_lines(folder, args)
    for metric, keys in metrics.items():
        for key, (kind, source) in keys.items():
            want = source if kind == "hand" else figures.get(source[0])
            if want is None:
                problems.append(f"expected.py prints no line {source[0]!r}")
                continue
            want = want * source[1] if kind == "py" else want
            got = shown_figure(report, metric, key)
            if got is None or not close(got, want):
                problems.append(f"{metric}.{key} = {got}, expected {float(want)} ({want})")
    for p in problems:
        print(f"FAIL {path}: {p}")
    if not problems:
        print(f"ok   {path}: {', '.join(sorted(metrics))}")
    return not problems


def main(cxkpi):
    results = [check(cxkpi, preset, fixture, metrics) for preset, (fixture, metrics) in CASES.items()]
    results += [check(cxkpi, *case) for case in MORE_CASES]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
