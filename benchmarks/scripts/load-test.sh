#!/usr/bin/env bash
# Issue 5's acceptance, against PostgreSQL on this machine:
#  1. 8 connections of predict for SECONDS (default 60) while a retrain runs and two activations and a rollback
#     happen: no failed request, every response names a version, none answered by a replaced version after its
#     replacement was confirmed; predict latency idle and while training.
#  2. kill -9 of the server while a retrain trains, then a restart: the job and the version it was training read
#     FAILED/interrupted, the previous active version still serves, no version with a (partial) model was added.
# Everything runs on 127.0.0.1, in a schema of its own that is dropped at the end.
#
#   benchmarks/scripts/load-test.sh [SECONDS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
seconds="${1:-60}"
shared="$(cd "$root/../shared" && pwd)"
data="$shared/data/cc_general/CC_GENERAL.csv"
port=18090
schema="segments_load_$$"
work="$(mktemp -d)"
# shellcheck source=server-lib.sh
. "$root/benchmarks/scripts/server-lib.sh"
find_java_bin

export DATASOURCES_DEFAULT_URL="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$schema"
export DATASOURCES_DEFAULT_USERNAME=postgres DATASOURCES_DEFAULT_PASSWORD=
export SEGMENTS_API_KEY="load-$$-$RANDOM" SEGMENTS_DATA_DIR="$shared" SEGMENTS_HOME="$work/home"

cleanup() {
  [ -n "$server_pid" ] && kill -9 "$server_pid" 2>/dev/null || true
  psql -q -h 127.0.0.1 -U postgres -d test -c "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

psql -q -h 127.0.0.1 -U postgres -d test -c "CREATE SCHEMA $schema"
(cd "$root" && ./mvnw -q -B -DskipTests package -pl bootstrap,benchmarks -am)
"$root/segments" train --data "$data" --k 4 --seed 1 > /dev/null
"$root/segments" train --data "$data" --k 4 --seed 2 > /dev/null
customer_json "$data" "$work/customer.json"

echo "== $seconds s of predictions with a retrain, two activations and a rollback (PostgreSQL) =="
start_server "$port"
"$java_bin" -cp "$root/benchmarks/target/benchmarks.jar" com.segments.benchmarks.load.LoadTest \
  "http://127.0.0.1:$port" "$SEGMENTS_API_KEY" "$work/customer.json" "$data" "$seconds"

echo "== kill -9 during training, then restart =="
active_before="$(curl -s "http://127.0.0.1:$port/health" | python3 -c 'import json,sys; print(json.load(sys.stdin)["activeModelVersion"])')"
versions_before="$(curl -s "http://127.0.0.1:$port/api/v1/models" | python3 -c 'import json,sys; print(sum(1 for m in json.load(sys.stdin) if m["status"] in ("READY","ACTIVE","RETIRED")))')"
job="$(curl -s -X POST "http://127.0.0.1:$port/api/v1/retrain" -H "X-API-Key: $SEGMENTS_API_KEY" \
  -H 'Content-Type: application/json' -d "{\"data\": \"$data\", \"algorithm\": \"ward\", \"parameters\": {\"k\": 5}}" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')"
for _ in $(seq 1 50); do
  state="$(curl -s "http://127.0.0.1:$port/api/v1/jobs/$job" | python3 -c 'import json,sys; print(json.load(sys.stdin)["state"])')"
  [ "$state" = RUNNING ] && break
  sleep 0.1
done
echo "job $job is $state; kill -9 $server_pid"
stop_server 9
start_server "$port"
after="$(curl -s "http://127.0.0.1:$port/api/v1/jobs/$job")"
active_after="$(curl -s "http://127.0.0.1:$port/health" | python3 -c 'import json,sys; print(json.load(sys.stdin)["activeModelVersion"])')"
versions_after="$(curl -s "http://127.0.0.1:$port/api/v1/models" | python3 -c 'import json,sys; print(sum(1 for m in json.load(sys.stdin) if m["status"] in ("READY","ACTIVE","RETIRED")))')"
# the version the killed job was training must read FAILED/interrupted; none may be left TRAINING
training_left="$(curl -s "http://127.0.0.1:$port/api/v1/models" | python3 -c 'import json,sys; print(sum(1 for m in json.load(sys.stdin) if m["status"] == "TRAINING"))')"
interrupted_versions="$(curl -s "http://127.0.0.1:$port/api/v1/models" | python3 -c 'import json,sys; print(sum(1 for m in json.load(sys.stdin) if m["status"] == "FAILED" and "interrupted" in (m.get("statusReason") or "")))')"
echo "after restart: $after"
echo "active version $active_before -> $active_after; versions with a model $versions_before -> $versions_after;"\
  "left TRAINING $training_left; FAILED/interrupted $interrupted_versions"
echo "$after" | grep -q '"state":"FAILED"' && echo "$after" | grep -q 'interrupted' \
  && [ "$active_before" = "$active_after" ] && [ "$versions_before" = "$versions_after" ] \
  && [ "$training_left" = 0 ] && [ "$interrupted_versions" -ge 1 ] \
  && echo "KILL TEST PASSED" || { echo "KILL TEST FAILED"; exit 1; }
