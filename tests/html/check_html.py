#!/usr/bin/env python3
"""--format html and --format svg, read back with the standard library only.

The page must parse as XML (well-formed XHTML with inline SVG), hold no script and no
network reference, give every <svg> a <title>, escape hostile labels, and show every figure
of the `--format json` output of the same run, rounded as the terminal table rounds it.
One headline is also checked against a hand calculation. A year of daily data by channel
must stay under 1 MB.

usage: check_html.py CXKPI
"""
import datetime
import json
import math
import random
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from figures import HERE, SMALL, Page, missing_figures, row_of, run, shown, small_run

CXKPI = sys.argv[1]
SVG = "{http://www.w3.org/2000/svg}"
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)


def page(text, what):
    check("<script" not in text.lower(), f"{what}: a <script> element")
    check("http://" not in text and "https://" not in text, f"{what}: a network reference")
    check("Content-Security-Policy" in text, f"{what}: no policy forbidding scripts and fetches")
    root = ET.fromstring(text.split("\n", 1)[1])  # after <!DOCTYPE html>
    for svg in root.iter("svg"):
        check(svg.find("title") is not None and svg.find("title").text, f"{what}: an <svg> without <title>")
        check(svg.find("desc") is not None and svg.find("desc").text, f"{what}: an <svg> without <desc>")
    return root


def report_case():
    doc, text = small_run(CXKPI, "report")
    root = page(text, "report")
    for m in missing_figures(Page(text), doc, report=True):
        check(False, f"report: {m}")
    check(len(list(root.iter("svg"))) >= 2 * len(doc["metrics"]), "report: a trend and a group chart per metric")
    # By hand: talk 1060 + hold 0 + wrap 90 over 7 handled contacts = 164.2857… s.
    check(Page(text).headlines["aht"].startswith("164.29"), "report: aht headline, by hand 164.29")


def metric_case():
    doc, text = small_run(CXKPI, "aht")
    for m in missing_figures(Page(text), doc, report=False):
        check(False, f"aht: {m}")
    page(text, "aht")
    # By hand: abandoned 1 of 3 on 2 and on 3 March, 0 of 3 on 4 March: the last day changes
    # by 0 - 33.33 = -33.33 points, -100 % of 33.33.
    changed = run(CXKPI, "abandonment", str(HERE / "small.csv"), "--by", "day", "--compare", "previous",
                  "--format", "html")
    check("2026-03-04: change -33.33 (-100.00 %) against 2026-03-03" in changed, "abandonment: headline change")
    banded = run(CXKPI, "aht", str(HERE / "small.csv"), *SMALL, "--format", "html", "--warn", "~:200")
    root = page(banded, "aht --warn")
    check(any("band" in (r.get("class") or "") for r in root.iter("rect")), "aht: --warn drawn as a band")


def hostile_case():
    text = run(CXKPI, "report", str(HERE / "hostile.csv"), "--by", "day", "--group", "channel", "--format", "html")
    root = page(text, "hostile")
    shown = "".join(root.itertext())
    check('<script>alert("x")</script>' in shown, "hostile: the <script> label is not shown as text")
    # Control characters are written out as the terminal table writes them; a byte that is
    # no UTF-8 becomes U+FFFD, so that the page parses.
    check("a&b 'q' \\x07bell" in shown, "hostile: the bell is not written out as \\x07")
    check("x\ufffdy\\u0085z" in shown, "hostile: the 0xff byte or the C1 control")
    check("\x07" not in text and "\x85" not in text, "hostile: a raw control character")


def best_time_case():
    """The weekday x hour heatmap: a rect per bucket, every non-empty bucket of the JSON in the table."""
    args = ["best-time-to-call", str(HERE.parent.parent / "data" / "fixture_f.csv"), "--min-n", "2"]
    doc = json.loads(run(CXKPI, *args, "--format", "json"))
    text = run(CXKPI, *args, "--format", "html")
    root = page(text, "best-time")
    rows = Page(text).sections["best-time-to-call"]
    for bucket in (b for b in doc["grid"] if b["offered"]):
        got = row_of(rows, 2, (bucket["weekday"], f"{bucket['hour']:02}"))
        want = [str(bucket["offered"]), str(bucket["answered"]), shown("value", bucket["answer_rate"]),
                shown("value", bucket["asa"])]
        check(got is not None and got[2:6] == want, f"best-time {bucket['weekday']} {bucket['hour']}: {got}, json {want}")
    # explain's worked example on this file: the best bucket is Monday 09:00.
    check("best: Mon 09" in "".join(root.itertext()), "best-time: best bucket Mon 09")
    svg = ET.fromstring(run(CXKPI, *args, "--format", "svg"))
    cells = [r for r in svg.iter(SVG + "rect")]
    check(len(cells) == 7 * 24, f"best-time svg: {len(cells)} cells, 7 x 24 wanted")
    check(svg.find(SVG + "title") is not None, "best-time svg: no <title>")


# Where a duration histogram's bins end, in seconds: 1, 5, 15, 30 min, 1, 2, 4, 8 h, 1, 2, 7 days.
LADDER = [60, 300, 900, 1800, 3600, 7200, 14400, 28800, 86400, 172800, 604800]


def durations_of(column):
    """The seconds from opened_at to `column` of each row of durations.csv that has one."""
    import csv
    parse = lambda t: datetime.datetime.strptime(t, "%Y-%m-%dT%H:%M:%SZ")
    with open(HERE / "durations.csv") as f:
        return sorted((parse(r[column]) - parse(r["opened_at"])).total_seconds() for r in csv.DictReader(f) if r[column])


def linear_percentile(xs, p):
    """Hyndman-Fan type 7 on sorted xs, in exact fractions."""
    from fractions import Fraction
    h = (len(xs) - 1) * Fraction(p)
    low = int(h)
    return float(xs[low] + (h - low) * (Fraction(xs[min(low + 1, len(xs) - 1)]) - Fraction(xs[low])))


def full_counts(xs):
    """Counts in [0, 60), [60, 300) ... [604800, inf)."""
    return [sum(1 for x in xs if low <= x < high) for low, high in zip([0] + LADDER, LADDER + [float("inf")])]


def bin_counts(xs):
    """full_counts with the empty bins at both ends left off."""
    counts = full_counts(xs)
    first = next(i for i, c in enumerate(counts) if c)
    last = max(i for i, c in enumerate(counts) if c)
    return counts[first:last + 1]


def histogram_checks(svg, ns, table_rows, xs, what):
    """The bars' counts in the table, the median and p90 marked with their values inside their bars.
    `ns` is the SVG namespace as ElementTree spells it: "" inline in the page."""
    counts = bin_counts(xs)
    check([int(r[1]) for r in table_rows] == counts, f"{what}: counts {table_rows}, by python {counts}")
    marks = {g.find(f"{ns}text").text.split(" ")[0]: g for g in svg.iter(f"{ns}g") if g.get("class") == "marker"}
    bars = [r for r in svg.iter(f"{ns}rect") if r.get("fill")]
    check(len(bars) == len(counts), f"{what}: {len(bars)} bars, {len(counts)} bins")
    first_filled = next(i for i, c in enumerate(full_counts(xs)) if c)
    for name, p in (("median", "1/2"), ("p90", "9/10")):
        value = linear_percentile(xs, p)
        g = marks.get(name)
        check(g is not None and g.find(f"{ns}text").text == f"{name} {shown('v', value)} s",
              f"{what}: {name} marker, by python {value}")
        if g is None or len(bars) != len(counts):
            continue
        # The line stands inside the bar of the bin holding the value.
        i = sum(1 for b in LADDER if b <= value) - first_filled
        x = float(g.find(f"{ns}line").get("x1"))
        check(float(bars[i].get("x")) <= x <= float(bars[i].get("x")) + float(bars[i].get("width")),
              f"{what}: {name} line at {x} outside the bar of its bin {i}")


def histogram_case():
    """First-response and resolution time on durations.csv: bins, median and p90, by python and by hand.

    By hand, first response (10 contacts): 30 45 | 90 200 | 400 | 1000 | 2000 | 4000 | 9000 | 0 | 0 | 100000
    in under 1 min, 1-5 min, 5-15 min, 15-30 min, 30 min-1 h, 1-2 h, 2-4 h, 4-8 h, 8 h-1 d, 1-2 d:
    counts 2 2 1 1 1 1 1 0 0 1; median 400 + 0.5 x 600 = 700 s; p90 9000 + 0.1 x 91000 = 18100 s.
    Resolution (8 resolved): 600 | 1200 | 3000 | 3600 | 7200 | 20000 | 0 | 90000 | 0 | 700000 from 5-15 min
    to 7 d or more (3600 and 7200 open their bins); median 3600 + 0.5 x 3600 = 5400 s;
    p90 90000 + 0.3 x 610000 = 273000 s.
    """
    hand = {"first_response_at": ([2, 2, 1, 1, 1, 1, 1, 0, 0, 1], 700, 18100),
            "resolved_at": ([1, 1, 1, 1, 1, 1, 0, 1, 0, 1], 5400, 273000)}
    for column, (counts, median, p90) in hand.items():
        xs = durations_of(column)
        check((bin_counts(xs), linear_percentile(xs, "1/2"), linear_percentile(xs, "9/10")) == (counts, median, p90),
              f"{column}: python and hand disagree")
    text = run(CXKPI, "report", str(HERE / "durations.csv"), "--format", "html")
    root = page(text, "durations report")
    sections = {s.get("id"): s for s in root.iter("section")}
    for metric, column in (("first-response-time", "first_response_at"), ("resolution-time", "resolved_at")):
        section = sections.get(metric)
        if section is None:
            check(False, f"durations report: no section {metric}")
            continue
        svg = next((s for s in section.iter("svg") if "histogram" in s.get("aria-labelledby")), None)
        tables = list(section.iter("table"))
        check(svg is not None and len(tables) == 3, f"{metric}: no histogram with its table")
        if svg is None or len(tables) < 3:
            continue
        rows = [["".join(c.itertext()) for c in tr] for tr in tables[2].find("tbody")]
        histogram_checks(svg, "", rows, durations_of(column), metric)
    # frt alone, one period: its first chart is the histogram; its markers equal the JSON's figures.
    args = ["frt", str(HERE / "durations.csv")]
    total = json.loads(run(CXKPI, *args, "--format", "json"))["total"]
    svg = ET.fromstring(run(CXKPI, *args, "--format", "svg"))
    labels = [t.text for g in svg.iter(f"{SVG}g") if g.get("class") == "marker" for t in g.iter(f"{SVG}text")]
    want = [f"median {shown('v', total['median'])} s", f"p90 {shown('v', total['p90'])} s"]
    check(labels == want, f"frt svg markers {labels}, json {want}")
    xs = durations_of("first_response_at")
    histogram_checks(svg, SVG, [["", str(c)] for c in bin_counts(xs)], xs, "frt svg")


def heatmap_scale_case():
    """The heatmap's colours span the buckets with n >= min-n only; fewer are hatched, not coloured.

    By hand on fixture_f.csv (UTC): Mon 09 holds ids 1-3, 2 of 3 answered (66.67 %), Mon 10 ids 4, 5
    and 11, 1 of 3 (33.33 %); Mon 14, Tue 09, Tue 11, Wed 09 and Fri 10 one call each, all answered.
    With --min-n 2 the scale runs from 33.33 to 66.67 % and the five single calls are hatched.
    """
    import csv
    buckets = {}
    with open(HERE.parent.parent / "data" / "fixture_f.csv") as f:
        for r in csv.DictReader(f):
            at = datetime.datetime.strptime(r["opened_at"], "%Y-%m-%dT%H:%M:%SZ")
            offered, answered = buckets.get((at.weekday(), at.hour), (0, 0))
            buckets[at.weekday(), at.hour] = (offered + int(r["offered"]), answered + int(r["answered"]))
    rates = [100 * a / o for o, a in buckets.values() if o >= 2]
    few = sorted(k for k, (o, _) in buckets.items() if 0 < o < 2)
    check((min(rates), max(rates), len(few)) == (100 / 3, 200 / 3, 5), "heatmap: python and hand disagree")
    svg = ET.fromstring(run(CXKPI, "best-time-to-call", str(HERE.parent.parent / "data" / "fixture_f.csv"),
                            "--min-n", "2", "--format", "svg"))
    axis = next(t.text for t in svg.iter(f"{SVG}text") if t.get("class") == "axis")
    check(f"{min(rates):g} (lightest) to {max(rates):g} (darkest)" in axis, f"heatmap scale: {axis}")
    cells = [r for r in svg.iter(f"{SVG}rect")]
    hatched = sorted(divmod(i, 24) for i, r in enumerate(cells) if r.get("fill", "").startswith("url(#"))
    check(hatched == few, f"heatmap: hatched cells {hatched}, by python {few}")
    darkest = [divmod(i, 24) for i, r in enumerate(cells) if r.get("fill") == "#08306b"]
    check(darkest == [(0, 9)], f"heatmap: the darkest cell is {darkest}, Mon 09 wanted")


def group_change_case():
    """With several groups and --compare previous, the headline gives each group's last change.

    By hand: CSAT chat 800 of 1000 then 880 of 1000, change 8.00 points, 10.00 %; voice 800 then
    810, change 1.00, 1.25 %. A two-proportion z-test (pooled) marks chat, not voice: computed below.
    Report on small.csv by day and channel: chat abandoned 1 of 1 on 3 March, 0 of 2 on 4 March,
    change -100.00 points (-100.00 %); voice 0 of 2 then 0 of 1, change 0.00 (no relative change).
    """
    def z(a, n, b, m):
        p = (a + b) / (n + m)
        return abs(a / n - b / m) / math.sqrt(p * (1 - p) * (1 / n + 1 / m))
    marked = {name: "*" if z(*counts) > 1.959964 else "" for name, counts in
              (("chat", (800, 1000, 880, 1000)), ("voice", (800, 1000, 810, 1000)))}
    check(marked == {"chat": "*", "voice": ""}, f"group change: python marks {marked}")
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as f:
        f.write("period,channel,csat_responses,csat_satisfied\n2026-01,chat,1000,800\n2026-01,voice,1000,800\n"
                "2026-02,chat,1000,880\n2026-02,voice,1000,810\n")
    root = page(run(CXKPI, "csat", f.name, "--compare", "previous", "--format", "html"), "csat by channel")
    Path(f.name).unlink()
    changes = ["".join(li.itertext()) for ul in root.iter("ul") if ul.get("class") == "change" for li in ul]
    want = [f"chat — 2026-02: change 8.00{marked['chat']} (10.00 %) against 2026-01",
            f"voice — 2026-02: change 1.00{marked['voice']} (1.25 %) against 2026-01"]
    check(changes == want, f"group change: {changes}, wanted {want}")
    check(any("beyond sampling noise" in "".join(p.itertext()) for p in root.iter("p") if p.get("class") == "marks"),
          "group change: the * is not explained")
    text = run(CXKPI, "report", str(HERE / "small.csv"), *SMALL, "--compare", "previous", "--format", "html")
    section = next(s for s in page(text, "report --compare").iter("section") if s.get("id") == "abandonment")
    changes = ["".join(li.itertext()) for ul in section.iter("ul") if ul.get("class") == "change" for li in ul]
    want = ["chat — 2026-03-04: change -100.00 (-100.00 %) against 2026-03-03",
            "voice — 2026-03-04: change 0.00 (n/a %) against 2026-03-03"]
    check(changes == want, f"report group change: {changes}, wanted {want}")


def erlang_case():
    """erlang-c's page for numbers given as flags: service level and ASA against the agent counts.

    100 calls in 1800 s at an AHT of 180 s are A = 10 Erlangs; Erlang C is computed below, and the
    agents required are the fewest with at least 80 % answered in 20 s (by hand: 14, at 88.84 %).
    """
    args = ["erlang-c", "--calls", "100", "--interval", "1800", "--aht", "180"]
    traffic, b, figures = 10.0, 1.0, {}
    for n in range(1, 18):
        b = traffic * b / (n + traffic * b)
        if n > traffic:
            pw = n * b / (n - traffic * (1 - b))
            figures[n] = (100 * (1 - pw * math.exp(-(n - traffic) * 20 / 180)), pw * 180 / (n - traffic))
    required = min(n for n, (sl, _) in figures.items() if sl >= 80)
    check((required, shown("v", figures[required][0])) == (14, "88.84"), "erlang-c: python and hand disagree")
    doc = json.loads(run(CXKPI, *args, "--format", "json"))
    root = page(run(CXKPI, *args, "--format", "html"), "erlang-c")
    section = next(s for s in root.iter("section") if s.get("id") == "erlang-c")
    headline = "".join(next(p for p in section.iter("p") if p.get("class") == "headline").itertext())
    check(headline.startswith(f"{shown('v', figures[required][0])} at {required} agents; {required} agents required"),
          f"erlang-c headline: {headline}")
    rows = [["".join(c.itertext()) for c in tr] for tr in next(section.iter("table")).find("tbody")]
    want = [[str(a["agents"]), shown("v", figures[a["agents"]][0]), shown("v", figures[a["agents"]][1])]
            for a in doc["around"]]
    check([a["agents"] for a in doc["around"]] == list(range(11, 18)), "erlang-c: JSON agent counts")
    from_json = [[str(a["agents"]), shown("v", a["service_level"]), shown("v", a["asa"])] for a in doc["around"]]
    got = [[r[0], r[3], r[4]] for r in rows]
    check(got == want == from_json, f"erlang-c table {got}, python {want}, json {from_json}")
    svgs = list(section.iter("svg"))
    check(len(svgs) == 2, f"erlang-c: {len(svgs)} charts, service level and ASA wanted")
    for svg in svgs:
        check(len(list(svg.iter("circle"))) == 7, "erlang-c: a point per agent count")
        labels = ["".join(g.itertext()) for g in svg.iter("g") if g.get("class") == "marker"]
        check(labels == [f"{required} agents required"], f"erlang-c marker {labels}")
    check(any("band" in (r.get("class") or "") for r in svgs[0].iter("rect")), "erlang-c: the target not drawn")
    svg = ET.fromstring(run(CXKPI, *args, "--format", "svg"))
    check(svg.find(SVG + "title").text.startswith("service level (%)"), "erlang-c svg: not the service level")


def erlang_intervals_case():
    """erlang-c's page for a table of intervals: the agents each needs, the peak, the service level.

    data/intervals.csv with --interval 30m --shrinkage 30: each interval's agents required are the
    fewest with at least 80 % answered in 20 s by Erlang C (computed below), scheduled agents
    ceil(required / 0.7); by hand 09:00 (100 calls, AHT 180 s) needs 14 and schedules 20, and the
    peak is 10:00 (160 calls, AHT 182 s).
    """
    args = ["erlang-c", str(HERE.parent.parent / "data" / "intervals.csv"), "--interval", "30m", "--shrinkage", "30"]
    lines = (HERE.parent.parent / "data" / "intervals.csv").read_text().split()[1:]
    want = {}
    for line in lines:
        interval, calls, aht = line.split(",")
        traffic, b, n = int(calls) * int(aht) / 1800, 1.0, 0
        while True:
            n += 1
            b = traffic * b / (n + traffic * b)
            if n > traffic and (traffic == 0 or 1 - n * b / (n - traffic * (1 - b)) *
                                math.exp(-(n - traffic) * 20 / int(aht)) >= 0.8):
                break
        required = 0 if traffic == 0 else n
        want[interval] = (required, math.ceil(required / 0.7 - 1e-9))
    check(want["09:00"] == (14, 20), f"erlang intervals: python gives {want['09:00']} at 09:00, by hand 14 and 20")
    doc = json.loads(run(CXKPI, *args, "--format", "json"))
    from_json = {r["period"]: (r["agents_required"], r["scheduled_agents"]) for r in doc["rows"]}
    check(from_json == want, f"erlang intervals: json {from_json}, python {want}")
    root = page(run(CXKPI, *args, "--format", "html"), "erlang-c intervals")
    section = next(s for s in root.iter("section") if s.get("id") == "erlang-c")
    headline = "".join(next(p for p in section.iter("p") if p.get("class") == "headline").itertext())
    peak = max(want, key=lambda k: want[k][0])
    check(headline.startswith(f"{want[peak][0]} at {peak}, the busiest interval"), f"erlang intervals: {headline}")
    rows = {tr[0].text: ["".join(c.itertext()) for c in tr] for tr in next(section.iter("table")).find("tbody")}
    got = {k: (int(v[5]), int(v[6])) for k, v in rows.items() if k in want}
    check(got == want, f"erlang intervals table {got}, python {want}")
    check(rows["peak"][5:7] == [str(want[peak][0]), str(want[peak][1])], f"erlang intervals peak row {rows['peak']}")
    svgs = list(section.iter("svg"))
    check(len(svgs) == 2, f"erlang intervals: {len(svgs)} charts, agents and service level wanted")
    bars = [r for r in svgs[0].iter("rect") if r.get("fill") and "band" not in (r.get("class") or "")]
    check(len(bars) >= 2 * len(want), f"erlang intervals: {len(bars)} bars, required and scheduled per interval wanted")
    check(f"The most, {want[peak][0]}, at {peak}." in svgs[0].find("desc").text, "erlang intervals: peak not described")
    check(len(list(svgs[1].iter("circle"))) == sum(1 for r in want.values() if r[0] > 0),
          "erlang intervals: a service-level point per interval with traffic")
    svg = ET.fromstring(run(CXKPI, *args, "--format", "svg"))
    check(svg.find(SVG + "title").text == "agents required by interval", "erlang intervals svg: not the agents chart")


def counts_case():
    """Under each metric's chart, the numerator, denominator and n of each period and group.

    By hand on small.csv by day and channel: AHT chat 4 March is ids 8 and 9, (120 + 30) + 180 = 330 s
    over 2 handled; voice 3 March ids 4 and 5, (300 + 10) + (100 + 30) = 440 s over 2; the total
    1060 + 90 = 1150 s over 7. Abandonment voice 2 March: 1 abandoned of 2 offered.
    """
    import csv
    with open(HERE / "small.csv") as f:
        rows = list(csv.DictReader(f))
    def aht(day, channel):
        mine = [r for r in rows if r["opened_at"].startswith(day) and r["channel"] == channel and r["answered"] == "1"]
        return [str(sum(int(r[k]) for r in mine for k in ("talk_s", "hold_s", "wrap_s"))), str(len(mine)), str(len(mine))]
    check(aht("2026-03-04", "chat") == ["330", "2", "2"] and aht("2026-03-03", "voice") == ["440", "2", "2"],
          "counts: python and hand disagree")
    want = {("aht", "2026-03-04", "chat"): aht("2026-03-04", "chat"),
            ("aht", "2026-03-03", "voice"): aht("2026-03-03", "voice"),
            ("aht", "total", ""): ["1150", "7", "7"],
            ("abandonment", "2026-03-02", "voice"): ["1", "2", "2"]}
    root = page(run(CXKPI, "report", str(HERE / "small.csv"), *SMALL, "--format", "html"), "report counts")
    sections = {s.get("id"): s for s in root.iter("section")}
    for (metric, period, channel), figures in want.items():
        table = list(sections[metric].iter("table"))[1]
        header = ["".join(c.itertext()) for c in table.find("thead").find("tr")]
        check(header == ["period", "channel", "numerator", "denominator", "n"], f"counts {metric}: header {header}")
        got = next(([("".join(c.itertext())) for c in tr][2:] for tr in table.find("tbody")
                    if [("".join(c.itertext())) for c in tr][:2] == [period, channel]), None)
        check(got == figures, f"counts {metric} {period} {channel}: {got}, by hand {figures}")


def svg_case():
    text = run(CXKPI, "aht", str(HERE / "small.csv"), *SMALL, "--format", "svg")
    root = ET.fromstring(text)
    check(root.tag == SVG + "svg", f"svg: root is {root.tag}")
    check(root.find(SVG + "title") is not None, "svg: no <title>")
    check(text.count("http") == 1, "svg: a reference besides the SVG namespace")


def year_case():
    """365 days × 4 channels × 3 contacts: the page stays under 1 MB."""
    rng = random.Random(7)
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as f:
        f.write("id,opened_at,channel,offered,answered,abandoned,wait_s,talk_s,hold_s,wrap_s\n")
        n = 0
        for day in range(365):
            date = datetime.date(2025, 1, 1) + datetime.timedelta(days=day)
            for channel in ("voice", "chat", "email", "social"):
                for hour in (9, 12, 15):
                    n += 1
                    answered = rng.random() > 0.1
                    f.write(f"{n},{date}T{hour:02}:00:00Z,{channel},1,{int(answered)},{int(not answered)},"
                            f"{rng.randint(0, 300)},{rng.randint(60, 900) if answered else 0},0,30\n")
    size = len(run(CXKPI, "report", f.name, "--by", "day", "--group", "channel", "--format", "html").encode())
    Path(f.name).unlink()
    print(f"a year of daily data by channel: {size} bytes")
    check(size < 1_000_000, f"year: the page is {size} bytes")


for case in (report_case, metric_case, group_change_case, hostile_case, best_time_case, heatmap_scale_case,
             histogram_case, erlang_case, erlang_intervals_case, counts_case, svg_case, year_case):
    case()
for f in failures:
    print("FAIL", f)
sys.exit(1 if failures else 0)
