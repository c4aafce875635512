#!/usr/bin/env bash
# Regenerates algorithms/src/test/resources/hdbscan/known-answers.json: scikit-learn's HDBSCAN labels on the shaped
# sets the Java tests generate (written out by ShapedDataCsv from the test classes) and a small case with
# membership, GLOSH and approximate prediction by the hdbscan library's definitions. See hdbscan_known_answers.py.
#
#   benchmarks/scripts/hdbscan-known-answers.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
java_bin="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
. "$root/benchmarks/scripts/sklearn-lib.sh"
ensure_venv sklearn || { echo "scikit-learn could not be installed here" >&2; exit 1; }
(cd "$root" && ./mvnw -q -B -DskipTests package -pl algorithms -am) >&2
shapes="$root/algorithms/target/shaped-csv"
"$java_bin" -cp "$root/algorithms/target/test-classes:$root/algorithms/target/classes:$root/domain/target/classes" \
  com.segments.algorithms.ShapedDataCsv "$shapes"
mkdir -p "$root/algorithms/src/test/resources/hdbscan"
"$venv/bin/python" "$root/benchmarks/scripts/hdbscan_known_answers.py" "$shapes" \
  "$root/algorithms/src/test/resources/hdbscan/known-answers.json"
