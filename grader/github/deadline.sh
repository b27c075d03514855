#!/usr/bin/env bash
# Checks a deadline given in ISO 8601 and prints it as seconds since the epoch (UTC), for git's --min-age.
# It needs a time of day (a date alone would mean its first second); one without an offset is taken as UTC, so
# give the offset ("2026-12-01T23:59:00+01:00", or "Z") to be sure.
#   usage: deadline.sh DEADLINE
# Exit 2 where DEADLINE is not an ISO 8601 date and time. Needs GNU date.
set -euo pipefail

deadline="${1-}"
iso='^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?(Z|[+-][0-9]{2}(:?[0-9]{2})?)?$'
if ! [[ "$deadline" =~ $iso ]] || ! epoch=$(TZ=UTC date -d "$deadline" +%s 2> /dev/null); then
  echo "deadline.sh: '$deadline' is not an ISO 8601 date and time, such as 2026-12-01T23:59:00+01:00" >&2
  exit 2
fi
echo "$epoch"
