#!/usr/bin/env bash
# K-Means quality and fit time, Segments against scikit-learn, on the same data in the same run.
# Both standardise median-imputed columns and keep the best of 10 k-means++ starts; the ratios printed are
# Segments / scikit-learn (inertia: lower is better, so <= 1.001 means "within 0.1%"; time: lower is faster).
# Segments' time is the plugin's fit as `segments train --json` reports it (fitSeconds, in a fresh JVM);
# scikit-learn runs on SKLEARN_THREADS threads (default 2, this machine's cores). ALGORITHM picks the plugin
# (default kmeans; tribuo-kmeans for the old one).
# scikit-learn is installed into benchmarks/target/sklearn-venv for this script only; it is never a dependency.
#
#   benchmarks/scripts/kmeans-vs-sklearn.sh [FILE.csv] [ID_COLUMN] [k ...]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# Fit speed is measured as the figures in docs/ always were: the Vector API kernel and the optimising compiler,
# whatever size the launcher would judge the data (SEGMENTS_VECTOR, SEGMENTS_JIT in ./segments).
export SEGMENTS_VECTOR="${SEGMENTS_VECTOR:-on}" SEGMENTS_JIT="${SEGMENTS_JIT:-full}"
data="${1:-$root/../shared/data/cc_general/CC_GENERAL.csv}"
id_column="${2:-CUST_ID}"
shift $(( $# > 2 ? 2 : $# )) || true
ks=("$@")
[ ${#ks[@]} -gt 0 ] || ks=(2 3 4 5 6 7 8 9 10)
algorithm="${ALGORITHM:-kmeans}"

. "$root/benchmarks/scripts/sklearn-lib.sh"
ensure_venv sklearn pandas threadpoolctl || {
  echo "scikit-learn could not be installed here; nothing to compare against" >&2
  exit 1
}

home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
sklearn_version="$("$venv/bin/python" -c 'import sklearn; print(sklearn.__version__)')"
echo "data: $data"
echo "scikit-learn $sklearn_version on ${SKLEARN_THREADS:-2} threads: KMeans(n_init=10, random_state=0); Segments: $algorithm --restarts 10 --seed 0"
printf '%4s  %16s  %16s  %13s  %10s  %10s  %10s\n' k "segments inertia" "sklearn inertia" "inertia ratio" "segments s" "sklearn s" "time ratio"
"$venv/bin/python" "$root/benchmarks/scripts/sklearn_kmeans.py" "$data" "$id_column" "${ks[@]}" | while read -r line; do
  k="$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["k"])' "$line")"
  ours="$(SEGMENTS_HOME="$home" "$root/segments" train --data "$data" --algorithm "$algorithm" --k "$k" --restarts 10 --seed 0 --json)"
  python3 - "$line" "$ours" <<'PY'
import json, sys
theirs, ours = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print(f"{theirs['k']:4d}  {ours['inertia']:16.2f}  {theirs['inertia']:16.2f}  {ours['inertia'] / theirs['inertia']:13.5f}"
      f"  {ours['fitSeconds']:10.3f}  {theirs['seconds']:10.3f}  {ours['fitSeconds'] / theirs['seconds']:10.2f}")
PY
done
