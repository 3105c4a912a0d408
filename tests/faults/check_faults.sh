#!/usr/bin/env bash
# Faults a cron job or a pipeline meets: a stderr that cannot be written, a full disk, an
# output file with its own permissions or behind a symbolic link, a signal while writing.
# Each check states what a user relies on. Usage: check_faults.sh CXKPI
set -u
bin=$(realpath "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"
passed=0 failed=0
check() {  # check "what the user relies on" COMMAND...
  local what=$1; shift
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $what"; fi
}

expected=$("$bin" report data/calls.csv --by month)

# stderr that cannot be written never changes the result or the exit code.
out=$("$bin" report data/calls.csv --by month 2>/dev/full); rc=$?
check "stderr on a full disk: exit 0 and the same table" test "$rc:$out" = "0:$expected"
out=$("$bin" report data/calls.csv --by month 2>&-); rc=$?
check "stderr closed: exit 0 and the same table" test "$rc:$out" = "0:$expected"
"$bin" report no-such-file.csv 2>/dev/full; rc=$?
check "an error with stderr on a full disk keeps its exit code (66)" test "$rc" = 66
"$bin" report no-such-file.csv 2>&-; rc=$?
check "an error with stderr closed keeps its exit code (66)" test "$rc" = 66
"$bin" report data/calls.csv --bogus-flag 2>/dev/full; rc=$?
check "a usage error with stderr on a full disk keeps its exit code (64)" test "$rc" = 64

# With stderr closed, the -o file is not mistaken for stderr (descriptor 2 is reused by open).
"$bin" report data/calls.csv --by month --on-error skip -o "$work/closed.txt" 2>&-; rc=$?
check "-o with stderr closed holds exactly the table" test "$rc:$(cat "$work/closed.txt")" = "0:$expected"

# stdout that cannot be written is an output error (74); a reader that left is not.
"$bin" report data/calls.csv >/dev/full 2>/dev/null; rc=$?
check "stdout on a full disk: exit 74" test "$rc" = 74
"$bin" report --help >/dev/full 2>/dev/null; rc=$?
check "--help on a full disk: exit 74" test "$rc" = 74
"$bin" report --help | head -c1 >/dev/null; rc=${PIPESTATUS[0]}
check "--help into a pipe closed early: exit 0" test "$rc" = 0

# -o keeps the target's permissions and writes through a symbolic link.
echo old >"$work/private.txt"; chmod 600 "$work/private.txt"
"$bin" report data/calls.csv --by month -o "$work/private.txt"; rc=$?
check "-o keeps a 0600 file 0600" test "$rc:$(stat -c %a "$work/private.txt")" = "0:600"
check "-o replaced the content" test "$(cat "$work/private.txt")" = "$expected"
echo old >"$work/real.txt"; ln -s real.txt "$work/link.txt"
"$bin" report data/calls.csv --by month -o "$work/link.txt"; rc=$?
check "-o through a symbolic link leaves the link a link" test -L "$work/link.txt"
check "-o through a symbolic link writes its target" test "$rc:$(cat "$work/real.txt")" = "0:$expected"
check "-o leaves no temporary file behind" test -z "$(ls "$work" | grep -E '\.txt\.')"

# --rejects is written as safely as -o, and never over an input or the -o file.
printf 'opened_at,answered,wait_s\n2026-01-05T09:00:00Z,1,10\n2026-01-05T09:01:00Z,1,ten\n' >"$work/bad.csv"
cp "$work/bad.csv" "$work/bad.orig"
"$bin" report "$work/bad.csv" --on-error skip --rejects "$work/bad.csv" >/dev/null 2>&1; rc=$?
check "--rejects naming the input is refused (64)" test "$rc" = 64
check "--rejects naming the input leaves the input whole" cmp -s "$work/bad.csv" "$work/bad.orig"
"$bin" report "$work/bad.csv" --on-error skip --rejects "$work/r.ndjson" -o "$work/r.ndjson" >/dev/null 2>&1; rc=$?
check "--rejects naming the -o file is refused (64)" test "$rc" = 64
"$bin" report "$work/bad.csv" --on-error skip --rejects /dev/full >/dev/null 2>&1; rc=$?
check "--rejects that cannot be written: exit 74" test "$rc" = 74
"$bin" report "$work/bad.csv" --on-error skip --rejects "$work/kept.ndjson" >/dev/null 2>&1; rc=$?
check "--rejects keeps the bad row, with its line" test "$rc:$(grep -c '"source":"[^"]*bad.csv:3' "$work/kept.ndjson")" = "0:1"
echo old >"$work/limit.ndjson"
"$bin" report "$work/bad.csv" --on-error skip --max-errors 0 --rejects "$work/limit.ndjson" >/dev/null 2>&1; rc=$?
check "--max-errors exceeded: exit 65 and the rejects that caused it are kept" \
  test "$rc:$(grep -c bad.csv:3 "$work/limit.ndjson")" = "65:1"
"$bin" report "$work/bad.csv" --on-error skip >"$work/warned.txt" 2>/dev/full; rc=$?
check "a run with a warning and stderr on a full disk: exit 0 and the table" test "$rc:$(grep -c total "$work/warned.txt")" = "0:1"

# A signal while an -o or --rejects file is open removes the temporary file.
mkfifo "$work/slow.csv"
"$bin" report "$work/slow.csv" --on-error skip --rejects "$work/rejects.ndjson" -o "$work/out.txt" 2>/dev/null &
pid=$!
exec 3>"$work/slow.csv"  # the writer end stays open, so cxkpi waits for rows
printf 'opened_at,answered,wait_s\n2026-01-05T09:00:00Z,1,10\n' >&3
sleep 0.5
kill -TERM "$pid"; wait "$pid"; rc=$?
exec 3>&-
check "SIGTERM ends the run with the signal's status (143)" test "$rc" = 143
check "SIGTERM leaves no temporary file" test -z "$(ls "$work" | grep -E '^(rejects\.ndjson|out\.txt)\.')"
check "SIGTERM leaves no half-written result" test ! -e "$work/out.txt" -a ! -e "$work/rejects.ndjson"

echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
