#!/usr/bin/env bash
# Gradescope runs this once, as root, while it builds the autograder image (Ubuntu). The autograder zip holds the
# Lockstep repository at its root, with this file and run_autograder copied beside it, e.g.:
#   git archive --format=zip -o autograder.zip HEAD
#   zip -j autograder.zip grader/gradescope/setup.sh grader/gradescope/run_autograder
# Gradescope unpacks the zip into /autograder/source.
set -euo pipefail

export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends openjdk-17-jdk-headless ca-certificates
rm -rf /var/lib/apt/lists/*

cd /autograder/source
# Zip files may drop the execute bits.
chmod +x mvnw grade grader/gradescope/run_autograder run_autograder 2>/dev/null || true

export JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}"
# Build the grader now, while the image build has the network: grading then starts from the built jar
# (./grade rebuilds only when a source is newer than the jar).
./mvnw -B -q -DskipTests -Djacoco.skip=true package
# Grade the reference twice: the first test JVM records the classes it loads, the second dumps them into the class
# data archive (grader/engine/target/cds), which every student's test JVM then maps instead of loading them again.
./grade --submission solutions --out /tmp/lockstep-warm-up >/dev/null
./grade --submission solutions --out /tmp/lockstep-warm-up >/dev/null
rm -rf /tmp/lockstep-warm-up
