#!/usr/bin/env zsh
# The zsh completion of `cxkpi completions zsh`, driven through zsh's own completion system:
# a zsh on a pseudo-terminal (zpty) loads compinit and the script, a line is typed with a
# TAB, and compadd is wrapped to print every candidate zsh would offer.
emulate -L zsh
setopt err_return no_unset
bin=$1
zmodload zsh/zpty
script=$(mktemp) work=$(mktemp -d)
"$bin" completions zsh >$script
trap 'rm -rf $script $work; zpty -d z 2>/dev/null' EXIT
cp -r ${0:A:h}/../../data $work/data  # files to complete, under a known name

# offered LINE: the candidates zsh offers at the end of LINE, one a line.
offered() {
  zpty -d z 2>/dev/null || true
  zpty z zsh -f -i
  zpty -w z "cd $work; PS1= RPS1=; autoload -Uz compinit && compinit -u -D; source $script"
  # The markers are written split ("<""<") so that the echo of these lines holds none.
  zpty -w z 'compadd() { if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "$@"; return; fi; local -a hits; builtin compadd -A hits "$@"; print -rl -- "<""<"${^hits}">"">" }'
  zpty -w z 'end-marker() { print -r -- "<""<END>"">" }; comppostfuncs=(end-marker)'
  zpty -w z 'zstyle ":completion:*" list-prompt ""; zstyle ":completion:*" menu no'
  zpty -w -n z "$1"$'\t'
  local out= chunk=
  while zpty -r z chunk; do  # until the end marker (the test's timeout guards a hang)
    out+=$chunk
    [[ $out == *'<<END>>'* ]] && break
  done
  print -r -- $out | grep -o '<<[^<>]*>>' | sed 's/^<<//; s/>>$//' | grep -vx END
}

passed=0 failed=0
# check NAME LINE WORD...: each WORD is among the candidates for LINE
check() {
  local name=$1 line=$2; shift 2
  local got=$(offered $line) w missing=
  for w in $@; do grep -qx -- $w <<<$got || missing+=" $w"; done
  if [[ -z $missing ]]; then passed=$((passed + 1)); else
    failed=$((failed + 1)); print -r -- "FAIL $name: missing$missing; offered: ${(f)got}"
  fi
}
# refuse NAME LINE WORD: WORD is not among the candidates
refuse() {
  if grep -qx -- $3 <<<$(offered $2); then failed=$((failed + 1)); print -r -- "FAIL $1: offers $3"; else
    passed=$((passed + 1)); fi
}

check "commands" "cxkpi rep" report
check "--format values" "cxkpi aht --format " table json ndjson csv tsv markdown html svg
check "--format=value" "cxkpi aht --format=c" csv
refuse "presets --format lists its own" "cxkpi presets --format " csv
check "--by periods" "cxkpi report --by " all hour day week month quarter year weekday hour-of-day
check "--color" "cxkpi nps --color " never auto always
check "--preset names" "cxkpi aht --preset " zendesk twilio none
# compadd is given the word after what is typed already (past a comma, past a directory)
check "--metrics list" "cxkpi report --metrics abandonment,a" asa aht avg-wait
refuse "--metrics list leaves out what it has" "cxkpi report --metrics abandonment,a" abandonment
check "explain metrics" "cxkpi explain erl" erlang-c
check "flags" "cxkpi nps --pro" --promoters
check "files" "cxkpi aht data/cal" calls.csv calls.ndjson
check "a file after -o" "cxkpi aht -o data/mon" monthly.csv monthly.json
print "$passed passed, $failed failed"
(( failed == 0 ))
