#!/usr/bin/env bash
# Regenerates docs/report.png, the picture README shows: the HTML report of the bundled
# call log as headless Chromium draws it (a fresh profile, the network sent to a closed port).
# usage: docs/make_screenshot.sh [CXKPI]    CXKPI defaults to build/dev/cxkpi
set -euo pipefail
cd "$(dirname "$0")/.."
cxkpi=${1:-build/dev/cxkpi}
browser=$(command -v chromium || command -v chromium-browser) ||
  { echo "make_screenshot.sh: needs Chromium (apt-get install chromium)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$cxkpi" report data/calls.csv --by week --group channel --metrics service-level,aht \
  --warn service-level=80: --format html -o "$work/report.html" 2>/dev/null ||
  [ $? = 1 ]  # the WARNING status of --warn: service level is below 80 % in the data
"$browser" --headless --disable-gpu --no-sandbox --no-first-run --hide-scrollbars --proxy-server=127.0.0.1:9 \
  --user-data-dir="$work/profile" --window-size=1200,1340 --screenshot="$work/report.png" \
  "file://$work/report.html" >/dev/null 2>&1
cp "$work/report.png" docs/report.png
echo "docs/report.png: $(wc -c <docs/report.png) bytes"
