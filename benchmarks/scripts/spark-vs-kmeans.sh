#!/usr/bin/env bash
# The Spark engine (local[2]) against the project's own k-means on one machine: 1,000,000 customers x 16 features
# (8 Gaussian blobs, centres uniform in [-10, 10], standard deviation 2, 0.5% of cells empty), k = 8, each trained
# through the product as a user would: `segments train --engine spark --master local[2] ...` and
# `segments train ...` (our kmeans plugin, best of 10 k-means++ starts), one run each, into stores of their own.
# Prints wall time (whole command: JVM start, reading, pipeline, fit, metrics, storing), the fit alone, and inertia.
# On one machine Spark is expected to be slower: the figure shows its overhead, not a reason to use it here.
#
#   benchmarks/scripts/spark-vs-kmeans.sh [ROWS=1000000] [COLUMNS=16] [K=8]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# Fit speed is measured as the figures in docs/ always were: the Vector API kernel and the optimising compiler,
# whatever size the launcher would judge the data (SEGMENTS_VECTOR, SEGMENTS_JIT in ./segments).
export SEGMENTS_VECTOR="${SEGMENTS_VECTOR:-on}" SEGMENTS_JIT="${SEGMENTS_JIT:-full}"
rows="${1:-1000000}"
columns="${2:-16}"
k="${3:-8}"
out="$root/benchmarks/target/spark-vs-kmeans"
data="$out/blobs-${rows}x${columns}.csv"
mkdir -p "$out"

if [ ! -f "$root/engine-spark/target/segments-spark.jar" ]; then
  (cd "$root" && ./mvnw -q -B -DskipTests package -pl engine-spark -am) >&2
fi
if [ ! -f "$data" ]; then
  echo "writing $data ..." >&2
  python3 - "$data" "$rows" "$columns" "$k" <<'PY'
import random, sys
out, rows, columns, groups = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
rng = random.Random(7)
centres = [[rng.uniform(-10, 10) for _ in range(columns)] for _ in range(groups)]
with open(out, "w") as f:
    f.write("customer_id," + ",".join(f"f{j + 1:02d}" for j in range(columns)) + "\n")
    for i in range(rows):
        c = centres[rng.randrange(groups)]
        cells = ("" if rng.random() < 0.005 else f"{rng.gauss(c[j], 2.0):.6f}" for j in range(columns))
        f.write(f"C{i:08d}," + ",".join(cells) + "\n")
PY
fi

run() { # NAME ARGS...: trains into a fresh store, prints the JSON to $out/NAME.json and the wall seconds
  local name="$1"; shift
  rm -rf "$out/$name-home"
  local start end
  start="$(date +%s.%N)"
  SEGMENTS_HOME="$out/$name-home" "$root/segments" train --data "$data" --k "$k" --json "$@" > "$out/$name.json" \
    2> "$out/$name.err"
  end="$(date +%s.%N)"
  echo "$end - $start" | bc
}

"$root/segments" --version > /dev/null # builds segments.jar and its start-up cache first, outside the timings
spark_wall="$(run spark --engine spark --master 'local[2]')"
ours_wall="$(run kmeans)"

python3 - "$out/spark.json" "$out/kmeans.json" "$spark_wall" "$ours_wall" "$rows" "$columns" "$k" <<'PY'
import json, sys
spark, ours = (json.load(open(p)) for p in sys.argv[1:3])
spark_wall, ours_wall = float(sys.argv[3]), float(sys.argv[4])
print(f"{int(sys.argv[5]):,} rows x {sys.argv[6]} features, k = {sys.argv[7]}, one run each on this machine")
print(f"{'':28}{'Spark local[2]':>16}{'our kmeans':>14}{'Spark / ours':>14}")
print(f"{'train, wall seconds':28}{spark_wall:16.1f}{ours_wall:14.1f}{spark_wall / ours_wall:14.2f}")
print(f"{'fit alone, seconds':28}{spark['fitSeconds']:16.1f}{ours['fitSeconds']:14.1f}"
      f"{spark['fitSeconds'] / ours['fitSeconds']:14.2f}")
print(f"{'inertia':28}{spark['inertia']:16.6g}{ours['inertia']:14.6g}{spark['inertia'] / ours['inertia']:14.4f}")
print(f"(ours: best of {ours['parameters'].get('restarts', '?')} k-means++ starts; Spark: one k-means|| start, "
      f"{spark['parameters']['maxIterations']} iterations at most)")
PY
