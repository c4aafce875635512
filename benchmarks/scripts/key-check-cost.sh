#!/usr/bin/env bash
# What the API-key check costs REST predict, in one run: the same server build, store and customer, with keys
# required for reads (segments.api.require-key-for-reads, every request sending a predict-only key made by
# `segments keys add`: the filter hashes it and compares it with every working key) and not required (no key sent),
# alternated ROUNDS times so that both see the same machine; 4 connections, a warm-up, then SECONDS measured each
# time. Prints throughput and latency per run and the ratio of the medians (on / off).
#
#   benchmarks/scripts/key-check-cost.sh [SECONDS] [ROUNDS]     defaults 15 and 3
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
seconds="${1:-15}"
rounds="${2:-3}"
shared="$(cd "$root/../shared" && pwd)"
data="$shared/data/cc_general/CC_GENERAL.csv"
port=18092
work="$(mktemp -d)"
export SEGMENTS_HOME="$work/home"
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

"$root/segments" train --data "$data" --k 4 > /dev/null
# a few keys, so the check compares against more than one
for name in ops boss ci; do "$root/segments" keys add "$name" --role operator > /dev/null 2>&1; done
key="$("$root/segments" keys add bench --role predict-only 2> /dev/null)"
(cd "$root" && ./mvnw -q -o -DskipTests package -pl benchmarks -am) >&2
java_bin="$(sed -n 's/^[^|]*|//p' "$root/bootstrap/target/.java")"
python3 - "$data" "$work/customer.json" <<'PY'
import csv, json, sys
rows = csv.reader(open(sys.argv[1]))
header = next(rows)
cells = next(rows)
customer = {header[0]: cells[0]}
for name, cell in zip(header[1:], cells[1:]):
    customer[name] = float(cell) if cell else None
json.dump(customer, open(sys.argv[2], "w"))
PY

run() { # $1 = require the key for reads (true/false), $2 = the key to send ("" for none)
  SEGMENTS_API_REQUIRE_KEY_FOR_READS="$1" "$root/segments" serve --port "$port" > "$work/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$port/health" > /dev/null 2>&1 && break
    sleep 0.5
  done
  "$java_bin" -cp "$root/benchmarks/target/benchmarks.jar" com.segments.benchmarks.load.PredictThroughput \
    "http://127.0.0.1:$port" "$work/customer.json" 5 "$seconds" 4 "$2"
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true
  server_pid=""
}

on=(); off=()
for r in $(seq 1 "$rounds"); do
  line="$(run true "$key")"; echo "round $r key on : $line"; on+=("$(echo "$line" | awk '{print $4}')")
  line="$(run false "")";    echo "round $r key off: $line"; off+=("$(echo "$line" | awk '{print $4}')")
done
python3 - "${on[*]}" "${off[*]}" <<'PY'
import statistics, sys
on = [float(x) for x in sys.argv[1].split()]
off = [float(x) for x in sys.argv[2].split()]
print(f"median predictions/s: key on {statistics.median(on):.1f}, off {statistics.median(off):.1f}, "
      f"on / off {statistics.median(on) / statistics.median(off):.3f}")
PY
