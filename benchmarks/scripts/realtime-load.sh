#!/usr/bin/env bash
# Issue 16's load test, against PostgreSQL on this machine:
#  1. 8 connections post single transactions for SECONDS (default 60) over CUSTOMERS (default 100,000) customers of
#     a generated lifestyle log, one in twenty sent twice (a retry with the same transaction id): throughput and
#     p50 / p99 latency; then every stored profile is recomputed from fact_transactions and compared byte for byte
#     (segments check-profiles): zero lost updates, zero double counts.
#  2. The same load, the server killed with kill -9 half-way, restarted: check-profiles again (a transaction, its
#     profile and its move are one database transaction, so none may disagree).
# Everything runs on 127.0.0.1, in a schema of its own that is dropped at the end.
#
#   benchmarks/scripts/realtime-load.sh [SECONDS] [CUSTOMERS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
seconds="${1:-60}"
customers="${2:-100000}"
port=18091
schema="segments_realtime_$$"
work="$(mktemp -d)"
java_bin="$(ls /usr/lib/jvm/*/bin/java | while read -r j; do v=$("$j" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'); [ "${v%%.*}" -ge 25 ] 2>/dev/null && echo "$j" && break; done)"

export DATASOURCES_DEFAULT_URL="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$schema"
export DATASOURCES_DEFAULT_USERNAME=postgres DATASOURCES_DEFAULT_PASSWORD=
export SEGMENTS_API_KEY="realtime-$$-$RANDOM" SEGMENTS_HOME="$work/home"

server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill -9 "$server_pid" 2>/dev/null || true
  psql -q -h 127.0.0.1 -U postgres -d test -c "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

start_server() {
  SEGMENTS_VECTOR=on "$root/segments" --version > /dev/null # records the server's start-up cache (once), before the wait
  "$root/segments" serve --port "$port" > "$work/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$port/health" > /dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "server did not start:"; cat "$work/server.log"; exit 1
}

load() {
  "$java_bin" -cp "$root/benchmarks/target/benchmarks.jar" com.segments.benchmarks.load.RealtimeLoad \
    "http://127.0.0.1:$port" "$SEGMENTS_API_KEY" "$customers" "$1" 8 "$2"
}

psql -q -h 127.0.0.1 -U postgres -d test -c "CREATE SCHEMA $schema"
(cd "$root" && ./mvnw -q -B -DskipTests package -pl bootstrap,benchmarks -am)
"$root/segments" generate --transactions "$((customers * 3))" --customers "$customers" --out "$work/log.csv" --seed 16 > /dev/null
"$root/segments" train --transactions "$work/log.csv" --k 5 --seed 1 > /dev/null

echo "== $seconds s of transactions, 8 connections, $customers customers (PostgreSQL) =="
start_server
load "$seconds" steady
"$root/segments" check-profiles

echo "== kill -9 half-way through $seconds s of transactions, then restart =="
load "$seconds" killed > "$work/killed.txt" 2>&1 &
load_pid=$!
sleep "$((seconds / 2))"
echo "kill -9 $server_pid"
kill -9 "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
wait "$load_pid" || true
cat "$work/killed.txt"
start_server
curl -s "http://127.0.0.1:$port/api/v1/customers/rescore"; echo
"$root/segments" check-profiles
