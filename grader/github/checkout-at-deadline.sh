#!/usr/bin/env bash
# Checks out a student's repository as it was at the deadline: the last commit of its default branch whose committer
# date is at or before DEADLINE, into DIR (which must not exist, or be empty). Where there is no such commit (the
# repository is missing or unreadable, empty, or has no commit by the deadline) it writes RESULTS/problem.txt saying
# so, leaves no DIR, and exits 0: that is an outcome for the gradebook, not a failure. Otherwise it writes
# RESULTS/commit.txt: the repository, the commit checked out, its date, the deadline and the later commits ignored.
#   usage: checkout-at-deadline.sh REPOSITORY DIR DEADLINE RESULTS
# REPOSITORY is anything git clone takes: an https URL, a local path. Where GIT_TOKEN is set, the clone sends it to
# github.com in an authorization header that git keeps out of the clone's configuration.
# The checkout is only ever read: symbolic links come out as plain files (so that a link cannot make the grader read
# a file outside the submission), LFS files are not fetched, submodules are not cloned.
# Committer dates are whatever the committer's clock or GIT_COMMITTER_DATE said: where a date is disputed, compare
# with the push times that GitHub records (the repository's activity).
# Exit 2 for a usage error or a bad deadline.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

if [ $# -ne 4 ]; then
  echo "usage: checkout-at-deadline.sh REPOSITORY DIR DEADLINE RESULTS" >&2
  exit 2
fi
repository="$1" dir="$2" deadline="$3" results="$4"
epoch=$(bash "$here/deadline.sh" "$deadline")
if [ -e "$dir" ] && [ -n "$(ls -A "$dir")" ]; then
  echo "checkout-at-deadline.sh: $dir exists and is not empty" >&2
  exit 2
fi
mkdir -p "$results"
rm -f "$results/problem.txt" "$results/commit.txt"

cloned=false
problem() {
  if [ "$cloned" = true ]; then rm -rf "$dir"; fi
  printf '%s\n' "$1" > "$results/problem.txt"
  echo "checkout-at-deadline.sh: $1" >&2
  exit 0
}

export GIT_TERMINAL_PROMPT=0 GIT_LFS_SKIP_SMUDGE=1
if [ -n "${GIT_TOKEN:-}" ]; then
  basic=$(printf 'x-access-token:%s' "$GIT_TOKEN" | base64 | tr -d '\n')
  export GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0="http.https://github.com/.extraheader"
  export GIT_CONFIG_VALUE_0="AUTHORIZATION: basic $basic"
fi

if ! clone_log=$(git clone --quiet --no-checkout -c core.symlinks=false \
    -- "$repository" "$dir" 2>&1); then
  problem "No submission: the repository $repository could not be cloned (it does not exist, or the grader may not read it): $(tail -n 1 <<< "$clone_log")"
fi
cloned=true

if ! git -C "$dir" rev-parse --quiet --verify HEAD > /dev/null; then
  problem "No submission: the repository $repository is empty (nothing was ever pushed to its default branch)."
fi
commit=$(git -C "$dir" rev-list -1 --min-age="$epoch" HEAD)
if [ -z "$commit" ]; then
  first=$(git -C "$dir" log --format=%cI HEAD | tail -n 1)
  problem "No submission by the deadline ($deadline): the first commit of $repository is dated $first."
fi
later=$(git -C "$dir" rev-list --count --max-age="$((epoch + 1))" HEAD)
git -C "$dir" -c advice.detachedHead=false checkout --quiet --detach "$commit"
{
  printf 'repository %s\n' "$repository"
  printf 'commit %s\n' "$commit"
  printf 'date %s\n' "$(git -C "$dir" log -1 --format=%cI "$commit")"
  printf 'deadline %s\n' "$deadline"
  printf 'later commits ignored %s\n' "$later"
} > "$results/commit.txt"
echo "checkout-at-deadline.sh: $repository at $commit ($later later commits ignored)" >&2
