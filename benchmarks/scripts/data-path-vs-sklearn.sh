#!/usr/bin/env bash
# The data path, whole process, against what a scikit-learn user runs for the same jobs, in the same run:
#   train: `segments train --data F --k K --restarts R` vs read_csv + SimpleImputer(median) + StandardScaler +
#          KMeans(n_init=R) + silhouette (10,000-row sample) + Davies-Bouldin + Calinski-Harabasz + joblib.dump
#   score: `segments score --data F --out O` vs joblib.load + read_csv + transform + predict + to_csv
# on generated blobs (ROWS x COLUMNS, 8 groups, 0.5% of cells missing). Prints wall seconds and peak RSS of each
# process, and the ratios Segments / scikit-learn (lower is better). scikit-learn runs in its own venv
# (benchmarks/target/sklearn-venv); it is never a dependency of the project.
#
#   benchmarks/scripts/data-path-vs-sklearn.sh [ROWS] [COLUMNS] [K] [RESTARTS]     defaults: 1000000 16 8 10
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# Fit speed is measured as the figures in docs/ always were: the Vector API kernel and the optimising compiler,
# whatever size the launcher would judge the data (SEGMENTS_VECTOR, SEGMENTS_JIT in ./segments).
export SEGMENTS_VECTOR="${SEGMENTS_VECTOR:-on}" SEGMENTS_JIT="${SEGMENTS_JIT:-full}"
rows="${1:-1000000}"
columns="${2:-16}"
k="${3:-8}"
restarts="${4:-10}"
work="$root/benchmarks/target/data-path"
mkdir -p "$work"
. "$root/benchmarks/scripts/sklearn-lib.sh"
ensure_venv sklearn pandas joblib || { echo "scikit-learn could not be installed here" >&2; exit 1; }
data="$work/blobs-$rows-$columns.csv"
if [ ! -f "$data" ]; then
  echo "generating $data ..." >&2
  "$venv/bin/python" "$root/benchmarks/scripts/blobs_csv.py" "$data" "$rows" "$columns" 8 7
fi
"$root/segments" --version >/dev/null # builds the jar first, outside the measurement
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT

measure() { # name, command...: runs it under /usr/bin/time, prints "seconds rss_mb"
  local name="$1"; shift
  local started ended
  started=$(date +%s.%N)
  /usr/bin/time -v -o "$work/time-$name.txt" "$@" > "$work/out-$name.txt" 2> "$work/err-$name.txt" || {
    echo "$name failed:" >&2; tail -5 "$work/err-$name.txt" >&2; exit 1; }
  ended=$(date +%s.%N)
  local rss
  rss=$(sed -n 's/^\s*Maximum resident set size (kbytes): //p' "$work/time-$name.txt")
  echo "$(python3 -c "print(round($ended - $started, 2))") $(( rss / 1024 ))"
}

echo "data: $data ($rows x $columns), k = $k, $restarts restarts"
read -r sk_train_s sk_train_mb <<< "$(measure sklearn-train "$venv/bin/python" "$root/benchmarks/scripts/sklearn_train_score.py" train "$data" "$work/model.joblib" "$k" "$restarts")"
read -r sg_train_s sg_train_mb <<< "$(measure segments-train env SEGMENTS_HOME="$home" "$root/segments" train --data "$data" --k "$k" --restarts "$restarts" --seed 0 --json)"
read -r sk_score_s sk_score_mb <<< "$(measure sklearn-score "$venv/bin/python" "$root/benchmarks/scripts/sklearn_train_score.py" score "$data" "$work/model.joblib" "$work/sklearn-scores.csv")"
read -r sg_score_s sg_score_mb <<< "$(measure segments-score env SEGMENTS_HOME="$home" "$root/segments" score --data "$data" --out "$work/segments-scores.csv")"

python3 - "$work" <<PY
import json, sys
work = sys.argv[1]
sk = json.loads(open(f"{work}/out-sklearn-train.txt").read().strip().splitlines()[-1])
sg = json.loads(open(f"{work}/out-segments-train.txt").read())
print(f"{'job':8s} {'segments s':>11s} {'sklearn s':>10s} {'time ratio':>10s} {'segments MB':>12s} {'sklearn MB':>11s} {'RSS ratio':>10s}")
for job, a, b, c, d in [("train", $sg_train_s, $sk_train_s, $sg_train_mb, $sk_train_mb),
                        ("score", $sg_score_s, $sk_score_s, $sg_score_mb, $sk_score_mb)]:
    print(f"{job:8s} {a:11.2f} {b:10.2f} {a / b:10.2f} {c:12d} {d:11d} {c / d:10.2f}")
print(f"fit only: segments {sg['fitSeconds']:.2f} s, scikit-learn {sk['fitSeconds']:.2f} s (ratio {sg['fitSeconds'] / sk['fitSeconds']:.2f});"
      f" inertia ratio {sg['inertia'] / sk['inertia']:.4f}")
PY
