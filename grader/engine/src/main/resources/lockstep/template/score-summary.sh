#!/usr/bin/env bash
# Turns the log of ./mvnw verify into the self-check's summary: the score table that the tests print at the end,
# as Markdown for the run's summary page ($GITHUB_STEP_SUMMARY). Where the tests never ran (the code does not
# compile, say), it shows the build's first errors instead.
#   usage: score-summary.sh LOG
set -euo pipefail

log="${1:?usage: score-summary.sh LOG}"
rule='------------------------------------------------------------------------'

if [ ! -f "$log" ]; then
  printf '## Self-check: no score\n\nThe build left no log: open the job to see what went wrong.\n'
  exit 0
fi

# The last table of the log: a rule, "Lockstep score for ...", a rule, the rows, a rule, then one closing line.
table=$(awk -v rule="$rule" '
  {
    if (closing) {
      if ($0 ~ /^(Not there yet|Every public test)/) block = block "\n" $0
      last = block; closing = 0; inside = 0
    } else if (inside) {
      block = block "\n" $0
      if ($0 == rule && ++rules == 3) closing = 1
    }
    if ($0 ~ /^Lockstep score for /) {
      block = (previous == rule ? previous "\n" : "") $0
      rules = 1; inside = 1; closing = 0
    }
    previous = $0
  }
  END {
    if (inside || closing) last = block
    printf "%s", last
  }' "$log")

fence='```'
if [ -n "$table" ]; then
  score=$(printf '%s\n' "$table" | sed -n 's/^Lockstep score for .*: \([0-9]* \/ [0-9]*\)$/\1/p' | head -n 1)
  printf '## Self-check: %s points\n\n' "${score:-?}"
  printf '%stext\n%s\n%s\n' "$fence" "${table//$fence/\'\'\'}" "$fence"
else
  errors=$(grep -m 20 '^\[ERROR\]' "$log" || true)
  printf '## Self-check: no score\n\nThe tests did not run, so there is no score table.'
  if [ -n "$errors" ]; then
    printf ' The build'"'"'s first errors:\n\n%stext\n%s\n%s\n' "$fence" "${errors//$fence/\'\'\'}" "$fence"
  else
    printf ' Open the job to see its log.\n'
  fi
fi
