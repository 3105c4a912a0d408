"""What the HTML page must show of a run's JSON output, shared by check_html.py (the file as
cxkpi writes it) and check_browser.py (the DOM a browser built from it).

A page is read with html.parser, so the same reading serves cxkpi's XHTML and Chromium's
--dump-dom. Figures are written as the terminal table writes them, worked out here from the
JSON independently: a value rounded half away from zero to 2 decimals, a numerator or
denominator with every digit, a count whole, no value as n/a.
"""
import json
import subprocess
import sys
from decimal import ROUND_HALF_UP, Decimal
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
SMALL = ["--by", "day", "--group", "channel"]


def run(cxkpi, *args):
    done = subprocess.run([cxkpi, *args], capture_output=True)
    if done.returncode != 0:
        sys.exit(f"cxkpi {' '.join(args)} exited {done.returncode}: {done.stderr!r}")
    return done.stdout.decode("utf-8")  # the page must be UTF-8 whatever the input held


def shown(key, value):
    """A JSON figure as a table for people writes it."""
    if value is None:
        return "n/a"
    if key in ("numerator", "denominator"):
        return str(int(value)) if float(value).is_integer() else repr(float(value))
    if key in ("n", "contacts"):
        return str(int(value))
    return str(Decimal(repr(float(value))).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


class Page(HTMLParser):
    """Per section (by id, or by class for the table of every figure): its headline and its
    table's rows as lists of cell texts, the first word of each, marks (†, ≈, *) left off."""

    def __init__(self, text):
        super().__init__()
        self.sections, self.headlines = {}, {}
        self._section, self._cell, self._headline = None, None, False
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "section":
            self._section = a.get("id") or a.get("class")
            self.sections[self._section] = []
        elif tag == "tr" and self._section:
            self.sections[self._section].append([])
        elif tag in ("td", "th") and self._section:
            self._cell = ""
        elif tag == "span" and a.get("class") == "value":
            self._headline, self.headlines[self._section] = True, ""

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            word = self._cell.strip().split(" ")[0] if self._cell.strip() else ""
            self.sections[self._section][-1].append(word.strip("†≈*"))
            self._cell = None
        elif tag == "span":
            self._headline = False
        elif tag == "section":
            self._section = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell += data
        if self._headline:
            self.headlines[self._section] += data


def row_of(rows, width, key):
    """The row of `rows` whose first `width` cells are `key`."""
    return next((r for r in rows if tuple(r[:width]) == key), None)


def missing_figures(page, doc, report):
    """Every figure of `doc` (the JSON of the same run) that the page does not show."""
    missing = []
    figures = page.sections.get("figures", [])
    header = figures[0] if figures else []
    groups = list(doc["rows"][0]["group"]) if doc["rows"] else []
    for row in doc["rows"] + [dict(doc["total"], period="total", group={g: "" for g in groups})]:
        key = (row["period"], *row["group"].values())
        got = row_of(figures, 1 + len(groups), key)
        if got is None:
            missing.append(f"no row {key} in the table of every figure")
            continue
        for name, value in wanted(row, doc, report):
            if shown(name, value) not in got:
                missing.append(f"{key} {name}: {shown(name, value)} not in {got}")
    if report:
        missing += missing_in_sections(page, doc)
    return missing


def wanted(row, doc, report):
    """The figures of one JSON row that its table row shows: a report shows each metric's value."""
    if report:
        return [("contacts", row["contacts"])] + [(m, row[m]["value"]) for m in doc["metrics"]]
    return [(k, v) for k, v in row.items() if k not in ("period", "group", "reason") and not isinstance(v, dict)]


def missing_in_sections(page, doc):
    """A report's section per metric: its headline is the total, its table one value per period and group."""
    missing = []
    for metric in doc["metrics"]:
        section = metric.replace("_", "-")
        rows = page.sections.get(section)
        if not rows:
            missing.append(f"no section for {metric}")
            continue
        headline = page.headlines.get(section, "").strip().split(" ")[0].strip("†≈*")
        if headline != shown(metric, doc["total"][metric]["value"]):
            missing.append(f"{metric} headline {headline!r}")
        for row in doc["rows"]:
            got = row_of(rows, 1, (row["period"],))
            column = rows[0].index(" / ".join(row["group"].values()))
            if got is None or got[column] != shown(metric, row[metric]["value"]):
                missing.append(f"{metric} {row['period']} {row['group']}: {got}")
    return missing


def small_run(cxkpi, *args):
    """The JSON and the page of one run on small.csv."""
    files = [str(HERE / "small.csv"), *SMALL]
    return json.loads(run(cxkpi, *args, *files, "--format", "json")), run(cxkpi, *args, *files, "--format", "html")
