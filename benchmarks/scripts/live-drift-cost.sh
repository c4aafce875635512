#!/usr/bin/env bash
# What counting predictions into the live drift window costs REST predict, in one run: the same server, store and
# customer, with the window on (segments.drift.live-window 10,000) and off (0), alternated ROUNDS times so that both
# see the same machine; 4 connections, a warm-up, then SECONDS measured each time. Prints throughput and latency per
# run and the ratio of the medians (on / off).
#
#   benchmarks/scripts/live-drift-cost.sh [SECONDS] [ROUNDS]     defaults 15 and 3
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
seconds="${1:-15}"
rounds="${2:-3}"
shared="$(cd "$root/../shared" && pwd)"
data="$shared/data/cc_general/CC_GENERAL.csv"
port=18091
work="$(mktemp -d)"
export SEGMENTS_HOME="$work/home"
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

"$root/segments" train --data "$data" --k 4 > /dev/null
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

run() { # $1 = window
  SEGMENTS_VECTOR=on "$root/segments" --version > /dev/null # records the server's start-up cache (once), before the wait
  SEGMENTS_DRIFT_LIVE_WINDOW="$1" "$root/segments" serve --port "$port" > "$work/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$port/health" > /dev/null 2>&1 && break
    sleep 0.5
  done
  "$java_bin" -cp "$root/benchmarks/target/benchmarks.jar" com.segments.benchmarks.load.PredictThroughput \
    "http://127.0.0.1:$port" "$work/customer.json" 5 "$seconds" 4
  kill "$server_pid"; wait "$server_pid" 2>/dev/null || true
  server_pid=""
}

on=(); off=()
for r in $(seq 1 "$rounds"); do
  line="$(run 10000)"; echo "round $r live on : $line"; on+=("$(echo "$line" | awk '{print $4}')")
  line="$(run 0)";     echo "round $r live off: $line"; off+=("$(echo "$line" | awk '{print $4}')")
done
python3 - "${on[*]}" "${off[*]}" <<'PY'
import statistics, sys
on = [float(x) for x in sys.argv[1].split()]
off = [float(x) for x in sys.argv[2].split()]
print(f"median predictions/s: live on {statistics.median(on):.1f}, off {statistics.median(off):.1f}, "
      f"on / off {statistics.median(on) / statistics.median(off):.3f}")
PY
