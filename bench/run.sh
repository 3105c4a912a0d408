#!/usr/bin/env bash
# Benchmark cxkpi against peer tools (DuckDB, mawk, Miller) on one query and print a
# Markdown table.  See bench/README.md.
#
#   bench/run.sh [--rows "1000000 10000000"] [--runs 3] [--seed 1]
#                [--miller-max-rows 1000000] [--smoke]
#
# The query, per UTC day x channel: contacts, abandonment, ASA, service level (20 s),
# AHT, CSAT (top-2 box of 1-5), NPS.  Every tool's result is checked against DuckDB's
# (or mawk's when DuckDB is missing) to 1e-9 relative; exit status 1 if any disagrees or
# fails, 2 on a usage or setup error.
#
# --smoke: 100 000 rows, 1 run, clean CSV only, installs nothing and skips missing tools
#          (options after --smoke override its settings).
# Environment: CXKPI=path to the binary (default build/dev/cxkpi).
set -euo pipefail

BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH")
OUT=$BENCH/out
TOOLS=$BENCH/.tools
CXKPI_BUILT=${CXKPI:-$ROOT/build/dev/cxkpi}
DUCKDB_NODE_API=1.5.6-r.1
# shellcheck disable=SC2054  # the commas are cxkpi's list syntax
CXKPI_ARGS=(--by day --group channel --metrics abandonment,asa,service-level,aht,csat,nps
            --format csv)

ROWS="1000000 10000000"
RUNS=3
SEED=1
MILLER_MAX_ROWS=1000000
SMOKE=0

usage() {
    sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

say() { printf '%s\n' "$*" >&2; }
die() { say "run.sh: $*"; exit 2; }
have() { command -v "$1" > /dev/null 2>&1; }

parse_args() {
    while (($#)); do
        case $1 in
            --rows) ROWS=${2:?--rows needs a value}; shift 2 ;;
            --runs) RUNS=${2:?--runs needs a value}; shift 2 ;;
            --seed) SEED=${2:?--seed needs a value}; shift 2 ;;
            --miller-max-rows) MILLER_MAX_ROWS=${2:?--miller-max-rows needs a value}; shift 2 ;;
            --smoke) SMOKE=1; ROWS=100000; RUNS=1; MILLER_MAX_ROWS=100000; shift ;;
            -h|--help) usage; exit 0 ;;
            *) usage >&2; die "unknown argument: $1" ;;
        esac
    done
    [[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "--runs must be a positive integer"
    [[ $SEED =~ ^[0-9]+$ ]] || die "--seed must be a non-negative integer"
    [[ $MILLER_MAX_ROWS =~ ^[0-9]+$ ]] || die "--miller-max-rows must be an integer"
    local n
    for n in $ROWS; do [[ $n =~ ^[1-9][0-9]*$ ]] || die "--rows: not a row count: $n"; done
    [[ -n ${ROWS// /} ]] || die "--rows is empty"
}

# ---------------------------------------------------------------- tools

install_apt_tools() {
    local missing=()
    have mlr || missing+=(miller)
    have mawk || missing+=(mawk)
    [[ -x /usr/bin/time ]] || missing+=(time)
    ((${#missing[@]})) || return 0
    say "installing ${missing[*]} (apt-get)"
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; } >&2; then
        say "WARNING: apt-get could not install ${missing[*]}; going on without"
    fi
}

duckdb_installed() {
    [[ -f $TOOLS/node_modules/@duckdb/node-api/package.json ]] && have node \
        && node "$BENCH/duckdb_query.mjs" --version > /dev/null 2>&1
}

install_duckdb() {
    duckdb_installed && return 0
    if ! have npm || ! have node; then
        say "WARNING: node/npm not found: DuckDB cannot be installed; going on without it"
        return 0
    fi
    say "installing @duckdb/node-api@$DUCKDB_NODE_API into bench/.tools (npm)"
    if npm view "@duckdb/node-api@$DUCKDB_NODE_API" version > /dev/null 2>&1 \
        && npm install --prefix "$TOOLS" --save-exact --no-audit --no-fund \
               "@duckdb/node-api@$DUCKDB_NODE_API" >&2 \
        && duckdb_installed; then
        return 0
    fi
    say "WARNING: DuckDB (@duckdb/node-api@$DUCKDB_NODE_API) could not be installed; going on without it"
}

# The binary may be missing for a moment while someone rebuilds it: wait for it, then
# run a private copy so that a rebuild during the benchmark does not change what is timed.
snapshot_cxkpi() {
    local waited=0
    until [[ -x $CXKPI_BUILT ]]; do
        ((waited < 300)) || die "no cxkpi binary at $CXKPI_BUILT (set CXKPI=...)"
        ((waited == 0)) && say "waiting for $CXKPI_BUILT ..."
        sleep 5; waited=$((waited + 5))
    done
    sleep 1
    cp "$CXKPI_BUILT" "$OUT/cxkpi.tmp" && mv "$OUT/cxkpi.tmp" "$OUT/cxkpi"
    CX=$OUT/cxkpi
    "$CX" --version > /dev/null || die "$CXKPI_BUILT does not run"
}

versions() {
    local head
    head=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
    git -C "$ROOT" diff --quiet HEAD -- src include 2>/dev/null || head+=", src/ or include/ with uncommitted changes"
    echo "- cxkpi: $("$CX" --version) (binary sha256 $(sha256sum "$CX" | cut -c1-12), built $(date -u -r "$CXKPI_BUILT" '+%Y-%m-%d %H:%M UTC'); repo at $head)"
    if ((HAVE_DUCKDB)); then
        echo "- DuckDB: $(node "$BENCH/duckdb_query.mjs" --version | sed 's/^DuckDB //') via @duckdb/node-api $DUCKDB_NODE_API, node $(node --version)"
    else
        echo "- DuckDB: not available"
    fi
    if ((HAVE_MAWK)); then echo "- mawk: $(mawk -W version 2>&1 | head -n1 | sed 's/^mawk //')"; else echo "- mawk: not available"; fi
    if ((HAVE_MLR)); then echo "- Miller: $(mlr --version | sed 's/^mlr //')"; else echo "- Miller: not available"; fi
    echo "- generator: bench/gen_calls.py --seed $SEED, $(/usr/bin/python3 --version)"
}

machine() {
    local cpu mem
    cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n1)
    mem=$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
    # shellcheck disable=SC1091
    echo "- machine: $(nproc) CPUs, ${cpu:-unknown CPU}, $mem RAM, $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r)"
}

# ---------------------------------------------------------------- data

# log_path ROWS KIND -> bench/out/calls-ROWS-sSEED[-KIND].EXT
log_path() {
    case $2 in
        csv) echo "$OUT/calls-$1-s$SEED.csv" ;;
        dirty) echo "$OUT/calls-$1-s$SEED-dirty.csv" ;;
        ndjson) echo "$OUT/calls-$1-s$SEED.ndjson" ;;
    esac
}

# make_log ROWS KIND: generate unless a complete file newer than the generator is there
# (files are written under a temporary name and renamed when complete).
make_log() {
    local rows=$1 kind=$2 path flags=()
    path=$(log_path "$rows" "$kind")
    if [[ -s $path && $path -nt $BENCH/gen_calls.py ]]; then
        say "reusing $(basename "$path")"
        return 0
    fi
    case $kind in
        dirty) flags=(--dirty) ;;
        ndjson) flags=(--format ndjson) ;;
    esac
    say "generating $(basename "$path") ($rows rows)"
    /usr/bin/python3 "$BENCH/gen_calls.py" --rows "$rows" --seed "$SEED" "${flags[@]}" > "$path.tmp"
    mv "$path.tmp" "$path"
}

# ---------------------------------------------------------------- timing

# measure OUTFILE CMD... : run once; stdout to OUTFILE; prints "wall_s cpu_s rss_kib rc".
# Wall time from bash's clock (microseconds); CPU and peak RSS from GNU time, whose RSS
# is that of the largest process (for a pipeline: the largest member).
measure() {
    local out=$1; shift
    local stats=$WORK/time.txt t0 t1 rc=0
    : > "$stats"
    t0=$EPOCHREALTIME
    if ((HAVE_GNU_TIME)); then
        /usr/bin/time -f '%U %S %M' -o "$stats" "$@" > "$out" 2> "$out.err" || rc=$?
    else
        "$@" > "$out" 2> "$out.err" || rc=$?
    fi
    t1=$EPOCHREALTIME
    awk -v t0="$t0" -v t1="$t1" -v rc="$rc" '
        NF == 3 && $1 ~ /^[0-9.]+$/ { cpu = $1 + $2; rss = $3 }
        END { printf "%.4f %s %s %d\n", t1 - t0, cpu == "" ? "-" : cpu, rss == "" ? "-" : rss, rc }
    ' "$stats"
}

# Tools for one size, as "name<TAB>input file<TAB>command" lines; the command is an
# array literal eval'ed in run_size (paths are quoted with printf %q).
tool_lines() {
    local rows=$1 csv dirty ndjson
    csv=$(log_path "$rows" csv); dirty=$(log_path "$rows" dirty); ndjson=$(log_path "$rows" ndjson)
    if ((HAVE_DUCKDB)); then
        printf 'DuckDB\t%s\t%s\n' "$csv" "$(q node "$BENCH/duckdb_query.mjs" "$csv")"
        if ((!SMOKE)); then
            printf 'DuckDB (dirty CSV)\t%s\t%s\n' "$dirty" "$(q node "$BENCH/duckdb_query.mjs" "$dirty")"
            printf 'DuckDB (NDJSON)\t%s\t%s\n' "$ndjson" "$(q node "$BENCH/duckdb_query.mjs" "$ndjson")"
        fi
    fi
    printf 'cxkpi\t%s\t%s\n' "$csv" "$(q "$CX" report "$csv" "${CXKPI_ARGS[@]}")"
    # shellcheck disable=SC2016  # expanded by the inner bash
    printf 'cxkpi (stdin pipe)\t%s\t%s\n' "$csv" \
        "$(q bash -c 'set -o pipefail; cat "$1" | "$2" report - "${@:3}"' pipe "$csv" "$CX" "${CXKPI_ARGS[@]}")"
    if ((!SMOKE)); then
        printf 'cxkpi (dirty CSV)\t%s\t%s\n' "$dirty" "$(q "$CX" report "$dirty" "${CXKPI_ARGS[@]}")"
        printf 'cxkpi (NDJSON)\t%s\t%s\n' "$ndjson" "$(q "$CX" report "$ndjson" "${CXKPI_ARGS[@]}")"
    fi
    if ((HAVE_MAWK)); then
        printf 'mawk\t%s\t%s\n' "$csv" "$(q mawk -F, -f "$BENCH/query.awk" "$csv")"
    fi
    if ((HAVE_MLR)); then
        if ((rows <= MILLER_MAX_ROWS)); then
            printf 'Miller\t%s\t%s\n' "$csv" "$(q "$BENCH/query_mlr.sh" "$csv")"
        else
            printf 'Miller\t%s\t-\n' "$csv"
        fi
    fi
}

q() { printf '%q ' "$@"; }

human_rows() {
    awk -v n="$1" 'BEGIN {
        if (n >= 1e6 && n % 1e6 == 0) printf "%d M", n / 1e6
        else if (n >= 1e3 && n % 1e3 == 0) printf "%d k", n / 1e3
        else printf "%d", n }'
}

# ran_ok TIMES: every run of a tool exited 0 (4th field of measure's lines)
ran_ok() {
    [[ -s $1 ]] && awk '$4 != 0 { bad = 1 } END { exit bad }' "$1"
}

# median of the numbers on stdin
median() {
    sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# run_size ROWS: time every tool RUNS times (round robin, so that a burst of load on a
# shared machine hits all tools alike), compare results, append table rows to $TABLE.
run_size() {
    local rows=$1 dir=$WORK/$1 names=() inputs=() cmds=() argv=() i r name input cmd
    mkdir -p "$dir"
    while IFS=$'\t' read -r name input cmd; do
        names+=("$name"); inputs+=("$input"); cmds+=("$cmd")
    done < <(tool_lines "$rows")

    # Warm the page cache so every tool reads its input from memory.
    for input in $(printf '%s\n' "${inputs[@]}" | sort -u); do cat "$input" > /dev/null; done
    say "$(human_rows "$rows") rows: load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "- $(human_rows "$rows") rows: load average $(cut -d' ' -f1-3 /proc/loadavg) before" >> "$LOADS"

    for ((r = 1; r <= RUNS; r++)); do
        for i in "${!names[@]}"; do
            [[ ${cmds[i]} == - ]] && continue
            say "  run $r/$RUNS: ${names[i]}"
            eval "argv=(${cmds[i]})"
            measure "$dir/$i.run$r.csv" "${argv[@]}" >> "$dir/$i.times"
        done
    done
    echo "- $(human_rows "$rows") rows: load average $(cut -d' ' -f1-3 /proc/loadavg) after" >> "$LOADS"

    # The reference: DuckDB on the clean CSV, else mawk (whichever ran without failing).
    local ref="" ref_name="" candidate
    for candidate in DuckDB mawk; do
        for i in "${!names[@]}"; do
            if [[ -z $ref && ${names[i]} == "$candidate" ]] && ran_ok "$dir/$i.times"; then
                ref=$dir/$i.run1.csv; ref_name=$candidate
            fi
        done
    done
    [[ -n $ref ]] || say "WARNING: no reference result (DuckDB or mawk) at $(human_rows "$rows") rows: agreement not checked"

    # DuckDB's median wall time on each input file, for the "× DuckDB" column.
    local -A duck_wall=()
    for i in "${!names[@]}"; do
        if [[ ${names[i]} == DuckDB* ]] && ran_ok "$dir/$i.times"; then
            duck_wall[${inputs[i]}]=$(cut -d' ' -f1 "$dir/$i.times" | median)
        fi
    done

    local bytes wall cpu rss ratio agrees failed
    for i in "${!names[@]}"; do
        name=${names[i]}
        bytes=$(stat -c %s "${inputs[i]}")
        if [[ ${cmds[i]} == - ]]; then
            printf '| %s | %s | %.0f | not run (over --miller-max-rows %s) | | | | | |\n' \
                "$(human_rows "$rows")" "$name" "$(awk -v b="$bytes" 'BEGIN { print b / 1e6 }')" \
                "$MILLER_MAX_ROWS" >> "$TABLE"
            continue
        fi
        wall=$(cut -d' ' -f1 "$dir/$i.times" | median)
        cpu=$(cut -d' ' -f2 "$dir/$i.times" | grep -v '^-$' | median || true)
        rss=$(cut -d' ' -f3 "$dir/$i.times" | grep -v '^-$' | sort -g | tail -n1 || true)
        ratio="" failed=0
        if [[ -n ${duck_wall[${inputs[i]}]:-} ]]; then
            ratio=$(awk -v w="$wall" -v d="${duck_wall[${inputs[i]}]}" 'BEGIN { printf "%.2f×", w / d }')
        fi
        if ! ran_ok "$dir/$i.times"; then
            ratio="–"; failed=1
            r=$(awk '$4 != 0 { print NR; exit }' "$dir/$i.times")
            agrees="**FAILED** (exit $(sed -n "${r}p" "$dir/$i.times" | cut -d' ' -f4)): $(head -c 200 "$dir/$i.run$r.csv.err" | tr '\n|' '  ')"
            FAILURES=$((FAILURES + 1))
        elif [[ -z $ref ]]; then
            agrees="not checked"
        elif [[ $dir/$i.run1.csv == "$ref" ]]; then
            agrees="reference"
        elif /usr/bin/python3 "$BENCH/compare.py" "$ref" "$dir/$i.run1.csv" \
                --names "$name" "$ref_name" > "$dir/$i.compare" 2>&1; then
            agrees="yes"
        else
            agrees="**NO: DISAGREES with $ref_name**"
            FAILURES=$((FAILURES + 1))
            say "!!! $name at $(human_rows "$rows") rows disagrees with $ref_name:"
            sed 's/^/!!!   /' "$dir/$i.compare" >&2
            { echo "### $name vs $ref_name, $(human_rows "$rows") rows"; echo '```'; cat "$dir/$i.compare"; echo '```'; } >> "$DETAILS"
        fi
        awk -v size="$(human_rows "$rows")" -v name="$name" -v b="$bytes" -v w="$wall" \
            -v cpu="${cpu:--}" -v rss="${rss:--}" -v ratio="${ratio:-–}" -v agrees="$agrees" \
            -v failed="$failed" 'BEGIN {
            printf "| %s | %s | %.0f | %.3f | %s | %s | %s | %s | %s |\n", size, name, b / 1e6, w,
                cpu == "-" ? "–" : sprintf("%.2f", cpu), failed ? "–" : sprintf("%.0f", b / 1e6 / w),
                rss == "-" ? "–" : sprintf("%.1f", rss / 1024), ratio, agrees }' >> "$TABLE"
    done
}

# ---------------------------------------------------------------- main

main() {
    local started=$SECONDS rows
    parse_args "$@"
    mkdir -p "$OUT"
    if ((SMOKE)); then
        say "smoke run: $ROWS rows, 1 run, nothing installed"
    else
        install_apt_tools
        install_duckdb
    fi
    HAVE_DUCKDB=0; duckdb_installed && HAVE_DUCKDB=1
    HAVE_MAWK=0; have mawk && HAVE_MAWK=1
    HAVE_MLR=0; have mlr && HAVE_MLR=1
    HAVE_GNU_TIME=0; /usr/bin/time -f '%M' -o /dev/null true 2> /dev/null && HAVE_GNU_TIME=1
    ((HAVE_DUCKDB)) || say "note: DuckDB not available; results are checked against mawk"
    ((HAVE_MLR)) || say "note: Miller (mlr) not available; skipped"
    ((HAVE_GNU_TIME)) || say "note: GNU time not available; no peak RSS or CPU time"

    snapshot_cxkpi
    VERSIONS=$(versions)   # now: the binary and the repo may change during the run
    rm -rf "$OUT"/run.*
    WORK=$(mktemp -d "$OUT/run.XXXXXX")
    TABLE=$WORK/table.md; LOADS=$WORK/loads.md; DETAILS=$WORK/details.md
    : > "$TABLE"; : > "$LOADS"; : > "$DETAILS"
    FAILURES=0
    for rows in $ROWS; do
        make_log "$rows" csv
        if ((!SMOKE)); then make_log "$rows" dirty; make_log "$rows" ndjson; fi
        run_size "$rows"
    done

    local report=$WORK/report.md
    {
        echo "## cxkpi benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
        echo
        echo "Query: per UTC day × channel, contacts, abandonment, ASA, service level (≤ 20 s), AHT, CSAT, NPS;"
        echo "$RUNS run(s) per tool, round robin; median wall time; CPU s = user + system, median; MB = 10^6 bytes"
        echo "of input; peak RSS = max over runs; agrees = same per-(day, channel) numbers as the reference"
        echo "(DuckDB on the clean CSV, else mawk) to 1e-9 relative."
        echo
        echo "| rows | tool | input MB | median s | CPU s | MB/s | peak RSS MiB | × DuckDB time, same input | agrees |"
        echo "|---|---|--:|--:|--:|--:|--:|--:|---|"
        cat "$TABLE"
        echo
        machine
        echo "$VERSIONS"
        cat "$LOADS"
        echo "- wall time of this run.sh (installs, data generation, runs): $((SECONDS - started)) s"
        if [[ -s $DETAILS ]]; then echo; cat "$DETAILS"; fi
    } > "$report"
    cat "$report"
    cp "$report" "$OUT/last-report.md"
    say "report also in bench/out/last-report.md; outputs in ${WORK#"$ROOT"/}"
    if ((FAILURES)); then
        say "run.sh: $FAILURES tool result(s) FAILED or DISAGREED"
        exit 1
    fi
}

main "$@"
