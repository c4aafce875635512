#!/usr/bin/env bash
# Our HDBSCAN against scikit-learn's (sklearn.cluster.HDBSCAN, min_cluster_size 50, min_samples the same) on the
# same blobs in the same run: 8 Gaussian blobs in 8 dimensions with 20% uniform noise (HdbscanSideBySide). Prints
# for each size our time, scikit-learn's, the ratio ours / scikit-learn's, our peak RSS and the ARI between the two
# labelings; then our fit alone on BIG rows (scikit-learn's Prim is O(n^2) and is not run there; BIG=0 skips it).
#
#   benchmarks/scripts/hdbscan-vs-sklearn.sh [SIZES="20000 50000 100000"] [BIG=1000000]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
sizes="${1:-20000 50000 100000}"
big="${2:-1000000}"
java_bin="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
data="$root/benchmarks/target/hdbscan-data"

. "$root/benchmarks/scripts/sklearn-lib.sh"
ensure_venv sklearn || { echo "scikit-learn could not be installed here" >&2; exit 1; }
ensure_benchmarks_jar
mkdir -p "$data"
field() { python3 -c 'import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])' "$1" "$2"; }
ratio() { python3 -c 'import sys; print(f"{float(sys.argv[1]) / float(sys.argv[2]):.4f}")' "$1" "$2"; }
ours() { # rows -> JSON line, peak RSS in KiB on the last line of $data/rss
  /usr/bin/time -f '%M' -o "$data/rss" "$java_bin" -Xmx12g -cp "$jar" com.segments.benchmarks.HdbscanSideBySide \
    fit "$data/blobs-$1.f64" 50 "$data/ours-$1.labels"
}
echo "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); scikit-learn $("$venv/bin/python" -c 'import sklearn; print(sklearn.__version__)')"
[ "$big" = 0 ] && big=""
for n in $sizes $big; do
  [ -f "$data/blobs-$n.f64" ] || "$java_bin" -cp "$jar" com.segments.benchmarks.HdbscanSideBySide blobs "$n" 42 "$data/blobs-$n.f64"
done
for n in $sizes; do
  a="$(ours "$n")"; rss="$(tail -1 "$data/rss")"
  b="$("$venv/bin/python" "$root/benchmarks/scripts/hdbscan_sklearn_bench.py" fit "$data/blobs-$n.f64" 50 "$data/sklearn-$n.labels")"
  ari="$("$venv/bin/python" "$root/benchmarks/scripts/hdbscan_sklearn_bench.py" ari "$data/ours-$n.labels" "$data/sklearn-$n.labels")"
  echo "$n x 8: ours $(field "$a" seconds) s ($(field "$a" clusters) clusters, noise $(field "$a" noise), peak RSS $((rss / 1024)) MiB), scikit-learn $(field "$b" seconds) s ($(field "$b" clusters) clusters, noise $(field "$b" noise)), time ratio $(ratio "$(field "$a" seconds)" "$(field "$b" seconds)"), ARI $(field "$ari" ari)"
done
if [ -n "$big" ]; then
  a="$(ours "$big")"; rss="$(tail -1 "$data/rss")"
  echo "$big x 8: ours $(field "$a" seconds) s ($(field "$a" clusters) clusters, noise $(field "$a" noise), peak RSS $((rss / 1024)) MiB); scikit-learn not run (O(n^2))"
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
