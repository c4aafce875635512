#!/usr/bin/env bash
# How often the recommended k equals the true k, against silhouette alone and the elbow alone, on seeded sets with a
# known number of groups (com.segments.benchmarks.choosek.KnownGroups). Each set goes through the product as a user
# would run it: `segments compare --algorithms kmeans --json`, range sized to the data; the table is computed from
# those JSON documents by choosing_k_table.py.
#
# usage: benchmarks/scripts/choosing-k.sh [SETS] [BOOTSTRAP] [GAP_DRAWS] [SAMPLE_ROWS] [FIRST]
#   SETS sets from number FIRST (default 40 from 0), BOOTSTRAP refits (default 10) and GAP_DRAWS (default 5) of
#   SAMPLE_ROWS rows at most (default 1000; compare's --stability-rows). Lighter than compare's defaults (30 refits of
#   up to 3,000 rows, 10 draws) so that 40 sets run in well under an hour on two shared cores.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
sets="${1:-40}"
bootstrap="${2:-10}"
gap_draws="${3:-5}"
sample_rows="${4:-1000}"
first="${5:-0}"
out="$root/benchmarks/target/choosing-k"
java_bin="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"

if [ ! -f "$root/benchmarks/target/benchmarks.jar" ] || [ ! -f "$root/bootstrap/target/segments.jar" ]; then
  (cd "$root" && ./mvnw -q -B -DskipTests package -pl benchmarks,bootstrap -am)
fi
mkdir -p "$out/results" "$out/home"
# A copy, so that a rebuild while the sets run cannot change the program half-way.
[ -f "$out/segments.jar" ] || cp "$root/bootstrap/target/segments.jar" "$out/segments.jar"
# Written once: a second run over other sets (FIRST) can share them while the first is still reading.
if [ ! -f "$out/data/truth.csv" ] || [ "$(($(wc -l < "$out/data/truth.csv") - 1))" -lt "$((first + sets))" ]; then
  "$java_bin" -cp "$root/benchmarks/target/benchmarks.jar" com.segments.benchmarks.choosek.KnownGroups "$out/data" \
    "$((first + sets))"
fi

for i in $(seq "$first" "$((first + sets - 1))"); do
  name="$(printf 'set-%02d' "$i")"
  result="$out/results/$name.json"
  [ -s "$result" ] || [ -f "$result.part" ] && continue
  SEGMENTS_HOME="$out/home" "$java_bin" --sun-misc-unsafe-memory-access=allow -jar "$out/segments.jar" compare \
    --data "$out/data/$name.csv" --algorithms kmeans --bootstrap "$bootstrap" --gap-draws "$gap_draws" \
    --stability-rows "$sample_rows" --json \
    > "$result.part" 2> "$out/results/$name.err"
  mv "$result.part" "$result"
  echo "$name done" >&2
done

python3 "$root/benchmarks/scripts/choosing_k_table.py" "$out/data/truth.csv" "$out/results"
