#!/usr/bin/env bash
# The generated man page renders and names every command; the bash completion loads and
# completes commands and flags; zsh and fish scripts are produced.
set -u
bin=$(realpath "$1")
passed=0 failed=0
check() {  # check NAME COMMAND...
  local name=$1; shift
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL $name"; fi
}
commands=$("$bin" --help | awk '/^Subcommands:/{on=1; next} on && NF {sub(/,$/, "", $1); print $1}')
page=$("$bin" man | MANWIDTH=200 man -l - 2>/dev/null)
check "man page renders" test -n "$page"
for c in $commands; do
  check "man page lists $c" grep -qw -- "$c" <<<"$page"
done

source <("$bin" completions bash)
complete_words() {  # the candidates bash offers for the words given
  COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMPREPLY=(); _cxkpi; printf '%s\n' "${COMPREPLY[@]}"
}
check "bash completes commands" grep -qx nps <(complete_words cxkpi n)
check "bash completes report" grep -qx report <(complete_words cxkpi rep)
check "bash completes flags" grep -qx -- --promoters <(complete_words cxkpi nps --pro)
check "bash completes --by on report" grep -qx -- --by <(complete_words cxkpi report data/calls.csv --b)
check "bash completes erlang-c flags" grep -qx -- --sl-target <(complete_words cxkpi erlang-c --sl)
check "bash completes the staffing alias" grep -qx staffing <(complete_words cxkpi staf)
check "bash completes metric names after explain" grep -qx erlang-c <(complete_words cxkpi explain erl)
check "bash completes aliases after explain" grep -qx staffing <(complete_words cxkpi explain staf)
check "zsh script" grep -q '^#compdef cxkpi' <("$bin" completions zsh)
check "fish script" grep -q "complete -c cxkpi -n __fish_use_subcommand -a nps" <("$bin" completions fish)
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
