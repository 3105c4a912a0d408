#!/usr/bin/env bash
# The generated man page renders and names every command; the bash completion loads and
# completes commands, flags and their values; zsh (tests/docs/check_zsh.zsh) and fish
# scripts are produced.
set -u
bin=$(realpath "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
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
check "bash completes --definitions on service-level" grep -qx -- --definitions <(complete_words cxkpi service-level --defi)
check "bash completes --definitions on report" grep -qx -- --definitions <(complete_words cxkpi report --defi)
check "bash completes --rolling on a metric" grep -qx -- --rolling <(complete_words cxkpi aht data/calls.csv --roll)
check "man page tells of intervals" grep -q -- "15m" <<<"$page"
check "bash completes --weight on the survey metrics" grep -qx -- --weight <(complete_words cxkpi ces --wei)
check "bash completes --weight on report" grep -qx -- --weight <(complete_words cxkpi report --wei)
check "bash completes erlang-c flags" grep -qx -- --sl-target <(complete_words cxkpi erlang-c --sl)
check "bash completes --patience on erlang-c" grep -qx -- --patience <(complete_words cxkpi erlang-c --pat)
check "bash completes --concurrency on erlang-c" grep -qx -- --concurrency <(complete_words cxkpi staffing --conc)
check "man page documents --patience" grep -q -- --patience <<<"$page"
check "bash completes the staffing alias" grep -qx staffing <(complete_words cxkpi staf)
check "bash completes metric names after explain" grep -qx erlang-c <(complete_words cxkpi explain erl)
check "bash completes aliases after explain" grep -qx staffing <(complete_words cxkpi explain staf)
# Values: the words each flag takes, from the flag's own check (or the table it is checked
# against after parsing: presets, metrics), per command.
words_equal() {  # words_equal "EXPECTED WORDS" WORD...: the candidates are exactly these
  [ "$(complete_words "${@:2}" | sort | tr '\n' ' ')" = "$(tr ' ' '\n' <<<"$1" | sort | tr '\n' ' ')" ]
}
check "bash completes --format values" words_equal "table json ndjson csv tsv markdown html svg" cxkpi aht --format ''
check "bash completes --format=value" words_equal "csv" cxkpi aht --format = c
check "bash completes presets' own --format" words_equal "table json" cxkpi presets --format ''
check "bash completes --by periods" words_equal "all hour day week month quarter year weekday hour-of-day" \
  cxkpi report data/calls.csv --by ''
check "bash completes --color" words_equal "never auto always" cxkpi nps --color ''
check "bash completes --preset names" grep -qx zendesk <(complete_words cxkpi aht --preset '')
check "bash completes --preset none" grep -qx none <(complete_words cxkpi aht --preset '')
check "bash completes a --metrics list" words_equal "abandonment,abandonment abandonment,asa abandonment,aht abandonment,article-read-time abandonment,article-reads abandonment,agent-satisfaction abandonment,avg-wait" cxkpi report --metrics abandonment,a
check "bash completes the shell of completions" words_equal "bash zsh fish" cxkpi completions ''
check "bash completes files after a flag" grep -qx data/calls.csv <(cd "$root" && complete_words cxkpi aht --desc data/cal)
check "bash completes a file after -o" grep -qx data/monthly.csv <(cd "$root" && complete_words cxkpi aht -o data/mon)
check "bash completes files, not words, after --threshold" grep -qx data/calls.csv <(cd "$root" && complete_words cxkpi service-level --threshold data/cal)
check "bash completes merge" grep -qx merge <(complete_words cxkpi mer)
check "bash completes shard flags" grep -qx -- --shards <(complete_words cxkpi shard --sha)
check "bash completes --emit-state on report" grep -qx -- --emit-state <(complete_words cxkpi report x.csv --emit)
check "man page documents --emit-state" grep -q -- --emit-state <<<"$page"
check "zsh script" grep -q '^#compdef cxkpi' <("$bin" completions zsh)
check "fish script" grep -q "complete -c cxkpi -n __fish_use_subcommand -a nps" <("$bin" completions fish)
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
