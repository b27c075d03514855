#!/usr/bin/env bash
# Builds the class's gradebook from the result folders of grade-class.yml (one folder per student, holding
# result.json, or problem.txt where there was nothing to grade) and, inside GitHub Actions, puts it on the job's
# summary page.
#   usage: build-gradebook.sh RESULTS OUT
# GRADE names the grading command (default: the repository's ./grade).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
grade="${GRADE:-$root/grade}"

if [ $# -ne 2 ]; then
  echo "usage: build-gradebook.sh RESULTS OUT" >&2
  exit 2
fi
results="$1" out="$2"
if [ ! -d "$results" ]; then
  echo "build-gradebook.sh: no results folder at $results" >&2
  exit 2
fi
mkdir -p "$out"

"$grade" gradebook --results "$results" --out "$out"

if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  if [ -f "$out/gradebook.md" ]; then
    cat "$out/gradebook.md" >> "$GITHUB_STEP_SUMMARY"
  else
    echo "The gradebook command wrote no gradebook.md into $out." >> "$GITHUB_STEP_SUMMARY"
  fi
fi
