#!/usr/bin/env bash
# Compare two cxkpi binaries side by side on the benchmark's query and print a Markdown table.
#
#   bench/versus.sh OLD NEW FILE... [--runs 7] [--threads "0 1"]
#
# Each FILE is read by both binaries, round robin (old, new, new, old, ...) so that a burst of
# load on a shared machine falls on both alike; the outputs must be byte-identical.  For each
# file and thread count the table gives the median wall and CPU (user + sys) seconds of each
# binary and NEW / OLD.  --threads 0 is cxkpi's default (one per core).
# Exit status 1 if the outputs differ, 2 on a usage error.
set -euo pipefail

# shellcheck disable=SC2054  # the commas are cxkpi's list syntax
ARGS=(--by day --group channel --metrics abandonment,asa,service-level,aht,csat,nps
      --format csv)
RUNS=7
THREADS="0 1"

die() { printf 'versus.sh: %s\n' "$*" >&2; exit 2; }

(($# >= 3)) || die "usage: bench/versus.sh OLD NEW FILE... [--runs N] [--threads LIST]"
OLD=$1 NEW=$2
shift 2
FILES=()
while (($#)); do
    case $1 in
        --runs) RUNS=${2:?--runs needs a value}; shift 2 ;;
        --threads) THREADS=${2:?--threads needs a value}; shift 2 ;;
        *) FILES+=("$1"); shift ;;
    esac
done
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "--runs must be a positive integer"
for f in "$OLD" "$NEW"; do [[ -x $f ]] || die "not an executable: $f"; done
for f in "${FILES[@]}"; do [[ -r $f ]] || die "cannot read: $f"; done

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# One timed run: prints "wall cpu" in seconds; the output goes to $WORK/<tag>.out.
timed() {
    local bin=$1 file=$2 threads=$3 tag=$4
    /usr/bin/time -f '%e %U %S' -o "$WORK/time" \
        "$bin" report "$file" "${ARGS[@]}" --threads "$threads" > "$WORK/$tag.out"
    awk '{ printf "%s %.3f\n", $1, $2 + $3 }' "$WORK/time"
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

compare_one() {
    local file=$1 threads=$2 run order
    : > "$WORK/old.t"
    : > "$WORK/new.t"
    cat "$file" > /dev/null  # into the page cache before the first timed run
    for ((run = 0; run < RUNS; run++)); do
        order="old new"
        ((run % 2)) && order="new old"
        for tag in $order; do
            local bin=$OLD
            [[ $tag == new ]] && bin=$NEW
            timed "$bin" "$file" "$threads" "$tag" >> "$WORK/$tag.t"
        done
        cmp -s "$WORK/old.out" "$WORK/new.out" || { echo "outputs differ on $file" >&2; exit 1; }
    done
    local ow oc nw nc
    ow=$(cut -d' ' -f1 "$WORK/old.t" | median)
    oc=$(cut -d' ' -f2 "$WORK/old.t" | median)
    nw=$(cut -d' ' -f1 "$WORK/new.t" | median)
    nc=$(cut -d' ' -f2 "$WORK/new.t" | median)
    local label=$threads
    [[ $threads == 0 ]] && label="default"
    awk -v f="$(basename "$file")" -v t="$label" -v ow="$ow" -v oc="$oc" -v nw="$nw" -v nc="$nc" \
        'BEGIN { printf "| %s | %s | %.3f | %.3f | %.3f | %.3f | %.2f× | %.2f× |\n",
                 f, t, ow, oc, nw, nc, nw / ow, nc / oc }'
}

echo "| input | threads | old wall s | old CPU s | new wall s | new CPU s | new/old wall | new/old CPU |"
echo "|---|---|--:|--:|--:|--:|--:|--:|"
for file in "${FILES[@]}"; do
    for threads in $THREADS; do compare_one "$file" "$threads"; done
done
echo
echo "medians of $RUNS runs each, round robin; outputs identical; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
