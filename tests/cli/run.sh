#!/usr/bin/env bash
# Golden CLI tests. A case is a folder tests/cli/<command>/<NNNN>/ holding:
#   cmd     one shell line run from the project root; `cxkpi` is the binary under test
#   expout  expected stdout            exit    expected exit code
#   experr  expected stderr (optional; when absent, stderr is not compared)
#
#   run.sh CXKPI CASE_DIR            run one case (what ctest does)
#   run.sh --update CXKPI [CASE...]  rewrite expout/exit/experr from the current binary;
#                                    review the diff in git before committing
#   CXKPI_WRAPPER="valgrind -q --error-exitcode=99" run.sh CXKPI   runs every case under a wrapper
set -u
update=0
if [ "${1:-}" = "--update" ]; then update=1; shift; fi
bin=$(realpath "$1"); shift
root=$(cd "$(dirname "$0")/../.." && pwd)
cases=("$@")
[ ${#cases[@]} -gt 0 ] || mapfile -t cases < <(find "$root/tests/cli" -name cmd -printf '%h\n' | sort)

status=0
for dir in "${cases[@]}"; do
  dir=$(realpath "$dir")
  out=$(mktemp) err=$(mktemp)
  (cd "$root" && export bin wrapper="${CXKPI_WRAPPER:-}"
   NO_COLOR=1 bash -c "cxkpi() { \$wrapper \"\$bin\" \"\$@\"; }; $(cat "$dir/cmd")" </dev/null >"$out" 2>"$err")
  code=$?
  if [ $update = 1 ]; then
    cp "$out" "$dir/expout"; echo "$code" >"$dir/exit"
    if [ -s "$err" ]; then cp "$err" "$dir/experr"; else rm -f "$dir/experr"; fi
    echo "updated ${dir#$root/}"
  else
    fail=""
    [ "$code" = "$(cat "$dir/exit")" ] || fail+=" exit $code (expected $(cat "$dir/exit"))"
    diff -u "$dir/expout" "$out" >"$out.diff" || fail+=" stdout differs"
    if [ -f "$dir/experr" ]; then diff -u "$dir/experr" "$err" >>"$out.diff" || fail+=" stderr differs"; fi
    if [ -n "$fail" ]; then
      echo "FAIL ${dir#$root/}:$fail"; echo "  cmd: $(cat "$dir/cmd")"; cat "$out.diff"
      [ -s "$err" ] && { echo "  stderr:"; cat "$err"; }
      status=1
    fi
    rm -f "$out.diff"
  fi
  rm -f "$out" "$err"
done
exit $status
