#!/usr/bin/env bash
# Regenerates algorithms/src/test/resources/hdbscan/known-answers.json: scikit-learn's HDBSCAN labels on the shaped
# sets the Java tests generate (written out by ShapedDataCsv from the test classes) and a small case with
# membership, GLOSH and approximate prediction by the hdbscan library's definitions. See hdbscan_known_answers.py.
#
#   benchmarks/scripts/hdbscan-known-answers.sh
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
java_bin="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
venv="$root/benchmarks/target/sklearn-venv"
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import sklearn" 2>/dev/null; then
  echo "installing scikit-learn into $venv ..." >&2
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q scikit-learn pandas scipy threadpoolctl >&2
fi
(cd "$root" && ./mvnw -q -B -DskipTests package -pl algorithms -am) >&2
shapes="$root/algorithms/target/shaped-csv"
"$java_bin" -cp "$root/algorithms/target/test-classes:$root/algorithms/target/classes:$root/domain/target/classes" \
  com.segments.algorithms.ShapedDataCsv "$shapes"
mkdir -p "$root/algorithms/src/test/resources/hdbscan"
"$venv/bin/python" "$root/benchmarks/scripts/hdbscan_known_answers.py" "$shapes" \
  "$root/algorithms/src/test/resources/hdbscan/known-answers.json"
