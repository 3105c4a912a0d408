#!/usr/bin/env bash
# Peak memory and time of cxkpi against the number of buckets (period x group values), and
# a Markdown table of them.  See bench/README.md.
#
#   bench/buckets.sh [--buckets "1000 100000 1000000"]
#
# For each bucket count N, from logs made by bench/gen_buckets.py (one row per bucket):
#   agent   aht --by week --group agent over N/5 agents x 5 weeks (CSV)
#   id      aht --by week --group id over N rows of one week (CSV, then JSON)
#   report  report --by week --group agent --metrics aht,asa,abandonment,csat (CSV)
# Peak RSS is GNU time's %M; bytes per bucket is that peak over N (process start included,
# so it means little at small N).
# Environment: CXKPI=path to the binary (default build/dev/cxkpi).
set -euo pipefail

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH")
OUT=$BENCH/out
CXKPI_BUILT=${CXKPI:-$ROOT/build/dev/cxkpi}
BUCKETS="1000 100000 1000000"
WEEKS=5

say() { printf '%s\n' "$*" >&2; }
die() { say "buckets.sh: $*"; exit 2; }

while (($#)); do
    case $1 in
        --buckets) BUCKETS=${2:?--buckets needs a value}; shift 2 ;;
        -h|--help) sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown argument: $1" ;;
    esac
done
for n in $BUCKETS; do
    if ! [[ $n =~ ^[1-9][0-9]*$ ]] || ((n % WEEKS != 0)); then die "--buckets: not a multiple of $WEEKS: $n"; fi
done
[[ -x /usr/bin/time ]] || die "GNU time is missing (apt-get install time)"
[[ -x $CXKPI_BUILT ]] || die "no cxkpi at $CXKPI_BUILT (build it, or set CXKPI)"
mkdir -p "$OUT"
CXKPI=$OUT/cxkpi-buckets
cp "$CXKPI_BUILT" "$CXKPI"  # a rebuild during the run changes nothing

# log KEYS WEEKS: the path of a generated log, made when missing or older than the generator.
log() {
    local file=$OUT/buckets-$1x$2.csv
    if [[ ! -s $file || $file -ot $BENCH/gen_buckets.py ]]; then
        say "generating $file"
        python3 "$BENCH/gen_buckets.py" --keys "$1" --weeks "$2" > "$file.tmp" && mv "$file.tmp" "$file"
    fi
    printf '%s\n' "$file"
}

# measure LABEL BUCKETS ROWS ARGS...: one table line; the output itself goes to /dev/null.
measure() {
    local label=$1 buckets=$2 rows=$3; shift 3
    local wall rss
    /usr/bin/time -o "$OUT/buckets-time" -f '%e %M' "$CXKPI" "$@" > /dev/null 2> "$OUT/buckets-stderr" ||
        die "failed: cxkpi $* ($(cat "$OUT/buckets-stderr"))"
    read -r wall rss < "$OUT/buckets-time"
    printf '| %s | %s | %s | %s | %s | %s |\n' "$buckets" "$label" "$rows" "$wall" \
        "$(awk -v k="$rss" 'BEGIN { printf "%.0f", k / 1024 }')" \
        "$(awk -v k="$rss" -v n="$buckets" 'BEGIN { printf "%.0f", k * 1024 / n }')"
}

echo "| buckets | case | rows | wall s | peak RSS MiB | bytes / bucket |"
echo "|---:|---|---:|---:|---:|---:|"
for n in $BUCKETS; do
    agents=$(log $((n / WEEKS)) "$WEEKS")
    ids=$(log "$n" 1)
    measure "agent: aht CSV" "$n" "$n" aht "$agents" --by week --group agent --format csv
    measure "id: aht CSV" "$n" "$n" aht "$ids" --by week --group id --format csv
    measure "id: aht JSON" "$n" "$n" aht "$ids" --by week --group id --format json
    measure "agent: report of 4 (CSV)" "$n" "$n" report "$agents" --by week --group agent \
        --metrics aht,asa,abandonment,csat --format csv
done
