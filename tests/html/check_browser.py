#!/usr/bin/env python3
"""The HTML report in a real browser: headless Chromium, started here, with no network (a
proxy to a closed port) and a fresh profile.

- --dump-dom: the DOM the browser built shows every figure of the JSON output of the same
  run (figures.py), for a report and for a single metric;
- scripts do not run: a copy of the page with a script added before </body> is loaded, and
  the DOM shows the script did not run (the page's own Content-Security-Policy forbids it);
- --print-to-pdf: A4 landscape pages, about one per metric (each starts a page, none is cut);
- --screenshot: the PNG is not blank, and the charts' Okabe–Ito colours are on it.

Chromium's --blink-settings=scriptEnabled=false cannot be used to turn scripts off: since
the new headless mode (Chromium 132), --dump-dom, --screenshot and --print-to-pdf write
nothing at all under it (seen with Debian's Chromium 156), as they drive the page through
DevTools. The page's policy is what keeps scripts out, and it is what is tested.

Exits 77 (skipped) when no Chromium is installed. usage: check_browser.py CXKPI
"""
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

from figures import Page, missing_figures, small_run

CXKPI = sys.argv[1]
BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)


def browse(work, page, *action):
    """Runs Chromium on the file `page` with one action flag; its stdout."""
    profile = tempfile.mkdtemp(dir=work)
    done = subprocess.run([BROWSER, "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run",
                           "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
                           f"--user-data-dir={profile}", "--window-size=1280,1600", *action,
                           page.as_uri()], capture_output=True, text=True, timeout=120)
    return done.stdout


def dom_case(work, command):
    doc, text = small_run(CXKPI, command)
    page = work / f"{command}.html"
    page.write_text(text, encoding="utf-8")
    dom = browse(work, page, "--dump-dom")
    check("<svg" in dom, f"{command}: the DOM has no chart")
    for m in missing_figures(Page(dom), doc, report=command == "report"):
        check(False, f"{command} in the browser: {m}")
    return page, len(doc.get("metrics", [doc.get("metric")]))


def script_case(work, page):
    hostile = work / "with-script.html"
    hostile.write_text(page.read_text(encoding="utf-8").replace(
        "</body>", '<script>document.body.setAttribute("data-ran","yes")</script></body>'), encoding="utf-8")
    dom = browse(work, hostile, "--dump-dom")
    check("<body" in dom, "script: no DOM dumped")
    check('data-ran="yes"' not in dom, "script: a script added to the page ran")


def pdf_case(work, page, metrics):
    pdf = work / "report.pdf"
    browse(work, page, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    data = pdf.read_bytes() if pdf.exists() else b""
    pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", data))
    print(f"PDF: {pages} pages for {metrics} metrics, {len(data)} bytes")
    check(metrics <= pages <= 3 * metrics + 2, f"pdf: {pages} pages for {metrics} metrics")
    sizes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)", data)
    check(bool(sizes) and all(abs(float(w) - 842) < 2 and abs(float(h) - 595) < 2 for w, h in sizes),
          f"pdf: pages are not A4 landscape (842 x 595 pt): {sorted(set(sizes))}")


def png_pixels(data):
    """(width, height, rows of RGB(A) bytes) of an 8-bit RGB or RGBA PNG, filters undone."""
    width, height, depth, kind = struct.unpack(">IIBB", data[16:26])
    assert depth == 8 and kind in (2, 6), f"PNG of depth {depth}, colour type {kind}"
    chunks, at = b"", 8
    while at < len(data):
        length, name = struct.unpack(">I4s", data[at:at + 8])
        if name == b"IDAT":
            chunks += data[at + 8:at + 8 + length]
        at += 12 + length
    raw, bpp = zlib.decompress(chunks), 3 if kind == 2 else 4
    stride, rows, previous = width * bpp, [], bytearray(width * bpp)
    for y in range(height):
        kind_of_filter, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - bpp] if i >= bpp else 0
            up, corner = previous[i], previous[i - bpp] if i >= bpp else 0
            if kind_of_filter == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind_of_filter == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind_of_filter == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind_of_filter == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 0xFF
        rows.append(line)
        previous = line
    return width, height, rows, bpp


def screenshot_case(work, page):
    shot = work / "report.png"
    browse(work, page, f"--screenshot={shot}")
    if not shot.exists():
        check(False, "screenshot: no PNG written")
        return
    width, height, rows, bpp = png_pixels(shot.read_bytes())
    colours = {}
    for line in rows:
        for x in range(0, width * bpp, bpp):
            rgb = bytes(line[x:x + 3])
            colours[rgb] = colours.get(rgb, 0) + 1
    ink = sum(n for c, n in colours.items() if c != b"\xff\xff\xff")
    print(f"screenshot: {width}x{height}, {len(colours)} colours, {100 * ink / (width * height):.1f} % not white")
    check(len(colours) > 50, f"screenshot: only {len(colours)} colours")
    check(ink > 0.02 * width * height, "screenshot: almost blank")
    for name, rgb in (("blue #0072B2", b"\x00\x72\xb2"), ("orange #E69F00", b"\xe6\x9f\x00")):
        check(colours.get(rgb, 0) > 20, f"screenshot: no chart drawn in {name}")


def main():
    if BROWSER is None:
        print("no chromium on PATH: skipped")
        return 77
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        page, metrics = dom_case(work, "report")
        dom_case(work, "aht")
        script_case(work, page)
        pdf_case(work, page, metrics)
        screenshot_case(work, page)
    for f in failures:
        print("FAIL", f)
    return 1 if failures else 0


sys.exit(main())
