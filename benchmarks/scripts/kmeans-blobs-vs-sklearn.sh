#!/usr/bin/env bash
# Our k-means against scikit-learn on FitBenchmark's blobs (8 Gaussian segments, 16 features), the same files in the
# same run, scikit-learn on 2 threads (SKLEARN_THREADS) and ours on every core (segments.threads; 2 here). Prints
# ratios ours / scikit-learn: time (lower is faster) and inertia (lower is better).
#
#   benchmarks/scripts/kmeans-blobs-vs-sklearn.sh [ROWS_FOR_FIT=1000000]
#
# 1. fit, best of 10 k-means++ starts, k = 8 (each side warmed up by one small fit first)
# 2. Lloyd per iteration from the same centres (the first 8 rows), tolerance 0, at most 10 and 300 iterations:
#    time / iterations (the first 10 measure every distance nearly every time; the rest mostly skip them)
# 3. single starts reaching the best inertia: 10 seeds x {10k, 100k} rows, best = lowest of either side (1e-6)
# 4. sampled fit (sampleRows 100,000) against the full fit on the same rows: inertia and time
# 5. scoring every row with a fitted k = 8 model (our block scorer with distance, confidence and outlier flag;
#    scikit-learn's predict), best of 5
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rows="${1:-1000000}"
java_bin="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
data="$root/benchmarks/target/kmeans-data"

. "$root/benchmarks/scripts/sklearn-lib.sh"
ensure_venv sklearn threadpoolctl || { echo "scikit-learn could not be installed here" >&2; exit 1; }
ensure_benchmarks_jar
mkdir -p "$data"
ours() { "$java_bin" -Xmx6g --add-modules=jdk.incubator.vector -cp "$jar" com.segments.benchmarks.KMeansSideBySide "$@"; }
theirs() { "$venv/bin/python" "$root/benchmarks/scripts/sklearn_kmeans_bench.py" "$@"; }
field() { python3 -c 'import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])' "$1" "$2"; }
ratio() { python3 -c 'import sys; print(f"{float(sys.argv[1]) / float(sys.argv[2]):.4f}")' "$1" "$2"; }
for n in 10000 100000 "$rows"; do
  [ -f "$data/blobs-$n.f64" ] || ours blobs "$n" 42 "$data/blobs-$n.f64"
done
big="$data/blobs-$rows.f64"
echo "scikit-learn $("$venv/bin/python" -c 'import sklearn; print(sklearn.__version__)') on ${SKLEARN_THREADS:-2} threads; ours on $(nproc) cores"

a="$(ours fit "$big" 8 10 0)"; b="$(theirs fit "$big" 8 10 0)"
echo "fit $rows x 16, k=8, best of 10: ours $(field "$a" seconds) s, scikit-learn $(field "$b" seconds) s, time ratio $(ratio "$(field "$a" seconds)" "$(field "$b" seconds)"), inertia ratio $(ratio "$(field "$a" inertia)" "$(field "$b" inertia)")"

for iterations in 10 300; do
a="$(ours from-init "$big" 8 "$iterations")"; b="$(theirs from-init "$big" 8 "$iterations")"
echo "Lloyd from the same 8 rows, tol 0, at most $iterations iterations: ours $(field "$a" per_iteration) s/iteration ($(field "$a" iterations) iterations), scikit-learn $(field "$b" per_iteration) s/iteration ($(field "$b" iterations)), ratio $(ratio "$(field "$a" per_iteration)" "$(field "$b" per_iteration)"), inertia ratio $(ratio "$(field "$a" inertia)" "$(field "$b" inertia)")"
done

for n in 10000 100000; do
  a="$(ours singles "$data/blobs-$n.f64" 8 10)"; b="$(theirs singles "$data/blobs-$n.f64" 8 10)"
  python3 - "$n" "$a" "$b" <<'PY'
import json, sys
n, ours, theirs = sys.argv[1], json.loads(sys.argv[2])["inertias"], json.loads(sys.argv[3])["inertias"]
best = min(ours + theirs)
hits = lambda xs: sum(x <= best * (1 + 1e-6) for x in xs)
print(f"single starts reaching the best inertia on {n} rows: ours {hits(ours)} of 10, scikit-learn {hits(theirs)} of 10")
PY
done

a="$(ours fit "$big" 8 10 0 100000)"; b="$(ours fit "$big" 8 10 0)"
echo "sampled fit (100,000 of $rows rows) against the full fit: inertia ratio $(ratio "$(field "$a" inertia)" "$(field "$b" inertia)"), time ratio $(ratio "$(field "$a" seconds)" "$(field "$b" seconds)")"

a="$(ours score "$big" 8)"; b="$(theirs score "$big" 8)"
echo "scoring $rows rows, k=8: ours $(field "$a" seconds) s, scikit-learn predict $(field "$b" seconds) s, ratio $(ratio "$(field "$a" seconds)" "$(field "$b" seconds)")"
