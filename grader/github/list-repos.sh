#!/usr/bin/env bash
# Lists the students to grade as the job matrix of grade-class.yml, on stdout, as one line of JSON: an array of
# chunks of at most CHUNK students each (GitHub runs at most 256 jobs per matrix), each chunk
#   {"chunk": 1, "students": [{"student": "alice", "repository": "ORG/hw1-alice"}, ...]}
# with the students sorted by name.
#
#   list-repos.sh --org ORG --prefix PREFIX [--chunk-size CHUNK]
#       every repository of ORG whose name starts with PREFIX (GitHub Classroom names them PREFIX<username>), but
#       templates; the student is the rest of the name. Asks the GitHub API through the gh command ($GH, default
#       gh), which reads its token from GH_TOKEN.
#   list-repos.sh --org ORG --roster FILE [--prefix PREFIX] [--chunk-size CHUNK]
#       every student of the roster, whether or not they have a repository (a missing one is reported at
#       checkout): one per line, "student" (repository ORG/PREFIXstudent) or "student,repository" (ORG/repository,
#       or owner/repository); blank lines and lines starting with # are skipped.
#
# Empty option values count as not given, so a workflow can pass its inputs as they are. Exit 2 for a usage error,
# 1 where there is no student to grade. Needs bash 4, jq.
set -euo pipefail

usage() {
  echo "usage: list-repos.sh --org ORG (--prefix PREFIX | --roster FILE [--prefix PREFIX]) [--chunk-size N]" >&2
  exit 2
}

org="" prefix="" roster="" chunk_size=256
while [ $# -gt 0 ]; do
  case "$1" in
    --org) org="${2-}"; shift 2 || usage ;;
    --prefix) prefix="${2-}"; shift 2 || usage ;;
    --roster) roster="${2-}"; shift 2 || usage ;;
    --chunk-size) chunk_size="${2-}"; shift 2 || usage ;;
    *) echo "list-repos.sh: unknown argument '$1'" >&2; usage ;;
  esac
done

name_pattern='^[A-Za-z0-9][A-Za-z0-9._-]*$'
[[ "$org" =~ $name_pattern ]] || { echo "list-repos.sh: --org needs an organization name, not '$org'" >&2; usage; }
[ -n "$prefix" ] || [ -n "$roster" ] || { echo "list-repos.sh: give --prefix or --roster" >&2; usage; }
if ! [[ "$chunk_size" =~ ^[1-9][0-9]{0,2}$ ]] || [ "$chunk_size" -gt 256 ]; then
  echo "list-repos.sh: --chunk-size must be 1 to 256, not '$chunk_size'" >&2
  usage
fi

trim() {
  local text="$1"
  text="${text#"${text%%[![:space:]]*}"}"
  printf '%s' "${text%"${text##*[![:space:]]}"}"
}

# One "student<TAB>owner/repository" line per student.
pairs=()
if [ -n "$roster" ]; then
  [ -f "$roster" ] || { echo "list-repos.sh: no roster file at $roster" >&2; exit 2; }
  line_number=0
  while IFS= read -r line || [ -n "$line" ]; do
    line_number=$((line_number + 1))
    line=$(trim "$line")
    if [ -z "$line" ] || [ "${line:0:1}" = "#" ]; then continue; fi
    student=$(trim "${line%%,*}")
    repository=""
    if [[ "$line" == *,* ]]; then repository=$(trim "${line#*,}"); fi
    if ! [[ "$student" =~ $name_pattern ]]; then
      echo "list-repos.sh: $roster:$line_number: '$student' is not a GitHub user name" >&2
      exit 2
    fi
    if [ -z "$repository" ]; then
      if [ -z "$prefix" ]; then
        echo "list-repos.sh: $roster:$line_number: $student has no repository; give one or --prefix" >&2
        exit 2
      fi
      repository="$org/$prefix$student"
    elif [[ "$repository" =~ ^[A-Za-z0-9._-]+$ ]]; then
      repository="$org/$repository"
    elif ! [[ "$repository" =~ ^[A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9._-]+$ ]]; then
      echo "list-repos.sh: $roster:$line_number: '$repository' is not a repository name" >&2
      exit 2
    fi
    pairs+=("$student"$'\t'"$repository")
  done < "$roster"
else
  command -v "${GH:-gh}" > /dev/null || { echo "list-repos.sh: needs the GitHub CLI (${GH:-gh})" >&2; exit 2; }
  names=$("${GH:-gh}" api --paginate "orgs/$org/repos?per_page=100&type=all" \
    | jq -r '.[] | select(.is_template | not) | .name')
  while IFS= read -r name; do
    if [ -z "$name" ] || [ "${name#"$prefix"}" = "$name" ] || [ "$name" = "$prefix" ]; then continue; fi
    student="${name#"$prefix"}"
    if [[ "$student" =~ $name_pattern ]]; then pairs+=("$student"$'\t'"$org/$name"); fi
  done <<< "$names"
fi

if [ "${#pairs[@]}" -eq 0 ]; then
  echo "list-repos.sh: no student to grade in $org (prefix '$prefix', roster '$roster')" >&2
  exit 1
fi

# One line per student (the first line wins for a student listed twice), sorted the same way everywhere.
sorted=$(printf '%s\n' "${pairs[@]}" | LC_ALL=C sort -t $'\t' -k1,1 -u)
jq -R -s -c --argjson size "$chunk_size" '
    [split("\n")[] | select(length > 0) | split("\t") | {student: .[0], repository: .[1]}]
    | [range(0; length; $size) as $start | {chunk: ($start / $size + 1), students: .[$start:$start + $size]}]' \
  <<< "$sorted"
echo "list-repos.sh: $(wc -l <<< "$sorted") student(s) listed" >&2
