#!/usr/bin/env bash
# Grades one student's checked-out submission, as the per-student job of grade-class.yml does: runs
#   ./grade --submission SUBMISSIONS/STUDENT --suite SUITE --out RESULTS/STUDENT [GRADE_ARGS...]
# Where checkout-at-deadline.sh left RESULTS/STUDENT/problem.txt there is nothing to grade: it says so and exits 0.
# Where the grader itself fails, it writes problem.txt too, and exits with the grader's code so that the job fails.
#   usage: grade-student.sh STUDENT SUBMISSIONS RESULTS SUITE [GRADE_ARGS...]
# GRADE names the grading command (default: the repository's ./grade).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
grade="${GRADE:-$root/grade}"

if [ $# -lt 4 ]; then
  echo "usage: grade-student.sh STUDENT SUBMISSIONS RESULTS SUITE [GRADE_ARGS...]" >&2
  exit 2
fi
student="$1" submissions="$2" results="$3" suite="$4"
shift 4
if ! [[ "$student" =~ ^[A-Za-z0-9][A-Za-z0-9._-]*$ ]]; then
  echo "grade-student.sh: '$student' is not a student name" >&2
  exit 2
fi
out="$results/$student"
mkdir -p "$out"

if [ -f "$out/problem.txt" ]; then
  echo "grade-student.sh: $student is not graded: $(cat "$out/problem.txt")"
  exit 0
fi

code=0
"$grade" --submission "$submissions/$student" --suite "$suite" --out "$out" "$@" || code=$?
if [ "$code" -ne 0 ]; then
  echo "The grader failed on this submission (exit code $code): see the log of its grading job." > "$out/problem.txt"
  echo "grade-student.sh: the grader failed on $student with exit code $code" >&2
  exit "$code"
fi
