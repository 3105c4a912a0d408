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


for case in (report_case, metric_case, hostile_case, best_time_case, svg_case, year_case):
    case()
for f in failures:
    print("FAIL", f)
sys.exit(1 if failures else 0)
