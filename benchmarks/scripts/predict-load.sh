#!/usr/bin/env bash
# REST predict under the same client load for one model per algorithm, one after another in one run (issue 13: predict
# for the models without centres must stay close to k-means'). Every model is trained on CC GENERAL (8,950 x 17) in one
# embedded store; then, per algorithm, its version is activated, a server started, CONNECTIONS connections send 1,000
# different CC GENERAL customers in turn (PredictThroughput) for a 10 s warm-up and SECONDS measured, and the server
# stopped. Prints predictions/s, p50 and p99 per algorithm and each one's ratio to the first algorithm's (k-means by
# default). The machine is shared: compare figures of one run only.
#
#   benchmarks/scripts/predict-load.sh [ALGORITHMS] [SECONDS] [CONNECTIONS]
#
# ALGORITHMS: comma-separated plugin ids, default kmeans,ward,single-linkage,hdbscan. An id takes --k 4, or its own
# plugin parameters after a colon, separated by '+': e.g. hdbscan:minClusterSize=50 (the default for ids containing
# with hdbscan). SECONDS defaults to 30, CONNECTIONS to 4.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
algorithms="${1:-kmeans,ward,single-linkage,hdbscan}"
seconds="${2:-30}"
connections="${3:-4}"
shared="$(cd "$root/../shared" && pwd)"
data="$shared/data/cc_general/CC_GENERAL.csv"
port=18097
work="$(mktemp -d)"
export SEGMENTS_HOME="$work/home"
# shellcheck source=server-lib.sh
. "$root/benchmarks/scripts/server-lib.sh"
cleanup() {
  stop_server 9
  rm -rf "$work"
}
trap cleanup EXIT

(cd "$root" && ./mvnw -q -B -o -DskipTests package -pl bootstrap,benchmarks -am) >&2
find_java_bin
customer_json "$data" "$work/customers.json" 1000

# train_args SPEC: the train options for one "id[:name=value+...]" entry
train_args() {
  local id="${1%%:*}" params=""
  [[ "$1" == *:* ]] && params="${1#*:}"
  [ -z "$params" ] && [[ "$id" == *hdbscan* ]] && params="minClusterSize=50"
  echo "--algorithm $id"
  if [ -z "$params" ]; then echo "--k 4"; else tr '+' '\n' <<< "$params" | sed 's/^/--param /'; fi
}

IFS=',' read -r -a specs <<< "$algorithms"
versions=()
for spec in "${specs[@]}"; do
  # shellcheck disable=SC2046
  version="$("$root/segments" train --data "$data" --seed 1 --json $(train_args "$spec") \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["version"])')"
  versions+=("$version")
  echo "trained $spec: version $version" >&2
done

results=()
for i in "${!specs[@]}"; do
  "$root/segments" models activate "${versions[$i]}" > /dev/null
  start_server "$port" 240
  active="$(curl -s "http://127.0.0.1:$port/health" | python3 -c 'import json,sys; print(json.load(sys.stdin)["activeModelVersion"])')"
  [ "$active" = "${versions[$i]}" ] || { echo "server serves version $active, not ${versions[$i]}"; exit 1; }
  line="$("$java_bin" -cp "$root/benchmarks/target/benchmarks.jar" com.segments.benchmarks.load.PredictThroughput \
    "http://127.0.0.1:$port" "$work/customers.json" 10 "$seconds" "$connections")"
  echo "${specs[$i]} (version ${versions[$i]}): $line"
  results+=("${specs[$i]} $line")
  stop_server
done

printf '%s\n' "${results[@]}" > "$work/results.txt"
python3 - "$work/results.txt" <<'PY'
import sys
rows = []
for line in open(sys.argv[1]):
    f = line.split()
    v = dict(zip(f[1::2], f[2::2]))
    rows.append((f[0], float(v["per_second"]), float(v["p50_ms"]), float(v["p99_ms"]), int(v["failures"])))
base = rows[0]
print()
print(f"{'algorithm':<34} {'pred/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'fail':>5}   ratio to {base[0]}: pred/s, p50, p99")
for name, rate, p50, p99, failures in rows:
    print(f"{name:<34} {rate:9.1f} {p50:8.3f} {p99:8.3f} {failures:5d}   {rate / base[1]:.3f}  {p50 / base[2]:.3f}  {p99 / base[3]:.3f}")
PY
