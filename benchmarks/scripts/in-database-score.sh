#!/usr/bin/env bash
# Scoring a customer table that lives in PostgreSQL, two ways, one run each:
#   in-database  segments score --in-database: the model goes to the data as one SQL statement (chunks of the id
#                range, one transaction), the scores are written into a table beside it;
#   export       psql \copy the table out to CSV, segments score --data on the file, \copy the scores back in.
# ROWS customers (default 10,000,000) x 16 numeric columns of Gaussian blobs (0.5% cells empty) are generated to CSV
# and loaded with COPY; the model (k-means, K segments, median imputation + standardisation) is trained on the first
# 200,000 rows. Wall time and peak memory of each step come from /usr/bin/time -v; the PostgreSQL side is the peak
# resident size of its busiest server process, sampled every 0.2 s (the server's own memory is not in time -v).
# Everything runs in a schema of its own on 127.0.0.1, dropped at the end; results go to benchmarks/target/.
#
#   benchmarks/scripts/in-database-score.sh [ROWS] [K]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rows="${1:-10000000}"
k="${2:-8}"
schema="segments_indb_$$"
work="$(mktemp -d)"
out="$root/benchmarks/target/in-database-score-$rows.txt"
mkdir -p "$root/benchmarks/target"
psql_db=(psql -q -X -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres -d test)

export DATASOURCES_DEFAULT_URL="jdbc:postgresql://127.0.0.1:5432/test?currentSchema=$schema"
export DATASOURCES_DEFAULT_USERNAME=postgres DATASOURCES_DEFAULT_PASSWORD=
export SEGMENTS_HOME="$work/home" PGOPTIONS="-c search_path=$schema"

sampler_pid=""
cleanup() {
  [ -n "$sampler_pid" ] && kill "$sampler_pid" 2>/dev/null || true
  "${psql_db[@]}" -c "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# The largest resident size (kB) of any postgres process while the step runs, into $work/pg-peak.
start_sampler() {
  echo 0 > "$work/pg-peak"
  ( peak=0; while true; do
      now=$(ps -C postgres -o rss= | sort -n | tail -1 | tr -d ' '); now=${now:-0}
      [ "$now" -gt "$peak" ] && peak=$now && echo "$peak" > "$work/pg-peak"
      sleep 0.2
    done ) &
  sampler_pid=$!
}
stop_sampler() {
  kill "$sampler_pid" 2>/dev/null || true
  wait "$sampler_pid" 2>/dev/null || true
  sampler_pid=""
}

# step NAME COMMAND...: runs it under time -v, records wall seconds, peak client MB and peak server MB.
step() {
  local name="$1"; shift
  start_sampler
  /usr/bin/time -v -o "$work/$name.time" "$@" > "$work/$name.out" 2> "$work/$name.err" || {
    stop_sampler; echo "step $name failed:"; cat "$work/$name.err" "$work/$name.out"; exit 1; }
  stop_sampler
  local wall rss
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$work/$name.time" \
    | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.1f", s }')
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/$name.time")
  printf '%-22s %9s s %9d MB client %9d MB server\n' "$name" "$wall" "$((rss / 1024))" "$(($(cat "$work/pg-peak") / 1024))" \
    | tee -a "$out"
}

: > "$out"
echo "rows=$rows columns=16 k=$k $(date -u +%FT%TZ) $(nproc) cores" | tee -a "$out"
"$root/segments" --version > /dev/null # builds the jar first when it is missing or stale, outside the timed steps

python3 - "$work/customers.csv" "$rows" <<'EOF'
import sys
import numpy as np
out, rows = sys.argv[1], int(sys.argv[2])
rng = np.random.default_rng(7)
centres = rng.uniform(-10, 10, size=(8, 16))
with open(out, "w") as f:
    f.write("customer_id," + ",".join(f"f{j + 1:02d}" for j in range(16)) + "\n")
    for start in range(0, rows, 250_000):
        n = min(250_000, rows - start)
        x = centres[rng.integers(0, 8, n)] + rng.normal(0, 2.0, (n, 16))
        text = np.char.mod("%.6f", x)
        text[rng.random(x.shape) < 0.005] = ""
        ids = np.arange(start + 1, start + n + 1).astype(str)
        f.write("\n".join(",".join(r) for r in np.column_stack([ids, text])) + "\n")
EOF
head -n 200001 "$work/customers.csv" > "$work/train.csv"
"${psql_db[@]}" -c "CREATE SCHEMA $schema"
"${psql_db[@]}" -c "CREATE TABLE customers (customer_id BIGINT PRIMARY KEY, $(for j in $(seq -w 1 16); do printf 'f%s DOUBLE PRECISION%s' "$j" "$([ "$j" = 16 ] || echo ', ')"; done))"
step load-copy "${psql_db[@]}" -c "\\copy customers FROM '$work/customers.csv' WITH (FORMAT csv, HEADER true)"
"${psql_db[@]}" -c "ANALYZE customers"
"$root/segments" train --data "$work/train.csv" --k "$k" --seed 1 > "$work/train.out"

step in-database "$root/segments" score --in-database --table customers --into scores_sql
echo "  $(grep -c '^chunk' "$work/in-database.out") chunks; last: $(grep '^chunk' "$work/in-database.out" | tail -1)" | tee -a "$out"

step export-copy "${psql_db[@]}" -c "\\copy customers TO '$work/export.csv' WITH (FORMAT csv, HEADER true)"
step export-score "$root/segments" score --data "$work/export.csv" --out "$work/scores.csv"
"${psql_db[@]}" -c "CREATE TABLE scores_java (customer_id BIGINT, segment INTEGER, distance DOUBLE PRECISION, confidence DOUBLE PRECISION, outlier BOOLEAN)"
step export-copy-back "${psql_db[@]}" -c "\\copy scores_java FROM '$work/scores.csv' WITH (FORMAT csv, HEADER true)"

# Both ways must agree before their times mean anything.
"${psql_db[@]}" -At -c "SELECT COUNT(*), SUM(CASE WHEN s.segment <> j.segment THEN 1 ELSE 0 END), MAX(ABS(s.distance - j.distance) / GREATEST(j.distance, 1e-6)) FROM scores_sql s JOIN scores_java j ON j.customer_id = s.id" \
  | awk -F'|' '{ printf "agreement: %s rows joined, %s segments differ, worst relative distance difference %s\n", $1, $2, $3 }' | tee -a "$out"
awk '/^(in-database|export-)/ { t[$1] = $2 } END {
  e = t["export-copy"] + t["export-score"] + t["export-copy-back"];
  printf "in-database %.1f s, export + score + copy back %.1f s: in-database takes %.2f of the export path'"'"'s time\n", t["in-database"], e, t["in-database"] / e }' "$out" | tee -a "$out"
echo "written to $out"
