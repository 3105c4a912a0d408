#!/usr/bin/env bash
# Table-driven bad-input tests: each line of cases.tsv names arguments for cxkpi, the exit
# code they must give and a stable part of the message. Prints one line per failure and
# ends with "N passed, M failed".
set -u
bin=$(realpath "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Made here rather than committed: a 100 MB line with no line end.
{ printf 'period,promoters,passives,detractors\n'; head -c 100000000 /dev/zero | tr '\0' 'x'; } > "$tmp/long_line.csv"
# A row value of 80 000 objects nested in one another, as a JSON array and as an NDJSON line.
deep_value=$(printf '{"a":%.0s' $(seq 80000); printf 1; head -c 80000 /dev/zero | tr '\0' '}')
printf '[{"id":"c1","wait_s":1,"b":%s}]' "$deep_value" > "$tmp/deep_object.json"
printf '{"id":"c0","wait_s":1}\n{"id":"c1","wait_s":1,"b":%s}\n' "$deep_value" > "$tmp/deep_object.ndjson"

passed=0 failed=0
while IFS=$'\t' read -r name args want message; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  args=${args//\{in\}/tests/bad/inputs}
  args=${args//\{tmp\}/$tmp}
  read -ra argv <<<"$args"
  "$bin" "${argv[@]}" >"$tmp/out" 2>"$tmp/err" </dev/null
  got=$?
  problem=""
  [ "$got" = "$want" ] || problem="exit $got, expected $want"
  if [ -n "$message" ] && ! cat "$tmp/err" "$tmp/out" | grep -qF -- "$message"; then problem+="${problem:+; }output lacks: $message"; fi
  if grep -qiE '(^|[^a-z])(nan|-?inf)([^a-z]|$)|-0\.0+([^0-9]|$)' "$tmp/out"; then problem+="${problem:+; }nan, inf or -0 in output"; fi
  if [ "$got" -ge 128 ] || grep -q 'internal error' "$tmp/err"; then problem+="${problem:+; }crash"; fi
  if [ -n "$problem" ]; then
    failed=$((failed + 1))
    echo "FAIL $name: $problem"
    echo "  cxkpi $args"
    sed 's/^/  stderr: /' "$tmp/err" | head -3
  else
    passed=$((passed + 1))
  fi
done < tests/bad/cases.tsv
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
