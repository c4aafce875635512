#!/usr/bin/env bash
# What the API-key check costs REST predict, in one run: two servers on the same store, started once and both kept
# running, one with keys required for reads (segments.api.require-key-for-reads; every request sends a predict-only
# key made by `segments keys add`, which the filter hashes and compares with every working key) and one without (no
# key sent). Short bursts alternate between them ROUNDS times, so both see the same machine, warm JITs and the same
# neighbours (the order within a round alternates too); 4 connections, SECONDS measured per burst after a warm-up of
# both. Prints each burst and the ratio of the medians (on / off).
#
#   [FIRST=on|off] benchmarks/scripts/key-check-cost.sh [SECONDS] [ROUNDS]     defaults off, 10 and 8
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
seconds="${1:-10}"
rounds="${2:-8}"
shared="$(cd "$root/../shared" && pwd)"
data="$shared/data/cc_general/CC_GENERAL.csv"
port_on=18092
port_off=18093
work="$(mktemp -d)"
export SEGMENTS_HOME="$work/home"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
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

serve() { # $1 = port, $2 = require the key for reads (true/false)
  SEGMENTS_VECTOR=on "$root/segments" --version > /dev/null # records the server's start-up cache (once), before the wait
  SEGMENTS_API_REQUIRE_KEY_FOR_READS="$2" "$root/segments" serve --port "$1" > "$work/server-$1.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 240); do
    curl -sf "http://127.0.0.1:$1/health" > /dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "the server on port $1 did not start" >&2; exit 1
}
burst() { # $1 = port, $2 = warm-up seconds, $3 = the key to send ("" for none)
  "$java_bin" -cp "$root/benchmarks/target/benchmarks.jar" com.segments.benchmarks.load.PredictThroughput \
    "http://127.0.0.1:$1" "$work/customer.json" "$2" "$seconds" 4 "$3"
}

# The server started first opens the embedded store, the second reaches it through the first (H2's automatic
# server); FIRST=on|off says which is which, so that a run of each shows whether that order matters.
if [ "${FIRST:-off}" = on ]; then serve "$port_on" true; serve "$port_off" false
else serve "$port_off" false; serve "$port_on" true; fi
burst "$port_on" 10 "$key" > /dev/null
burst "$port_off" 10 "" > /dev/null
on=(); off=()
measure_on() { line="$(burst "$port_on" 1 "$key")"; echo "round $r key on : $line"; on+=("$(echo "$line" | awk '{print $4}')"); }
measure_off() { line="$(burst "$port_off" 1 "")"; echo "round $r key off: $line"; off+=("$(echo "$line" | awk '{print $4}')"); }
for r in $(seq 1 "$rounds"); do
  if [ $((r % 2)) -eq 1 ]; then measure_on; measure_off; else measure_off; measure_on; fi  # neither always goes first
done
python3 - "${on[*]}" "${off[*]}" <<'PY'
import statistics, sys
on = [float(x) for x in sys.argv[1].split()]
off = [float(x) for x in sys.argv[2].split()]
print(f"median predictions/s: key on {statistics.median(on):.1f}, off {statistics.median(off):.1f}, "
      f"on / off {statistics.median(on) / statistics.median(off):.3f}")
PY
