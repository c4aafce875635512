#!/usr/bin/env bash
# Transactions to profiles at scale: generates logs of 1 million and 10 million transactions over the same
# customers, turns each into per-customer profiles with a fixed, small heap, and prints transactions per second
# and peak memory. Memory must follow the number of customers, not of transactions: both runs use the same heap
# limit, and the 10-million run's peak should be close to the 1-million run's.
# With pandas installable (benchmarks/target/sklearn-venv, shared with kmeans-vs-sklearn.sh), the same
# aggregation in pandas (read_csv + groupby) runs side by side as the yardstick.
#
#   benchmarks/scripts/profiles-throughput.sh [TRANSACTIONS] [CUSTOMERS] [HEAP]
#   defaults: 10000000 200000 256m
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
transactions="${1:-10000000}"
customers="${2:-200000}"
heap="${3:-256m}"
small=$(( transactions / 10 ))
work="$root/benchmarks/target/profiles-bench"
mkdir -p "$work"
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
export SEGMENTS_HOME="$home"

peak_kb() { sed -n 's/^\s*Maximum resident set size (kbytes): //p' "$1"; }

for n in "$small" "$transactions"; do
  log="$work/log-$n.csv"
  if [ ! -f "$log" ]; then
    echo "generating $n transactions of $customers customers into $log ..." >&2
    "$root/segments" generate --transactions "$n" --customers "$customers" --out "$log" --seed 1 >/dev/null
  fi
done

echo "profiles: heap limit -Xmx$heap, $customers customers"
printf '%12s  %12s  %10s  %14s  %12s\n' transactions customers seconds "transactions/s" "peak RSS MB"
for n in "$small" "$transactions"; do
  log="$work/log-$n.csv"
  SEGMENTS_JAVA_OPTS="-Xmx$heap" /usr/bin/time -v -o "$work/time-$n.txt" \
    "$root/segments" profiles --transactions "$log" --out "$work/profiles-$n.csv" --json > "$work/result-$n.json"
  python3 - "$work/result-$n.json" "$(peak_kb "$work/time-$n.txt")" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print(f"{r['rowsRead']:12d}  {r['customers']:12d}  {r['seconds']:10.1f}  {r['transactionsPerSecond']:14,.0f}  {int(sys.argv[2]) / 1024:12.0f}")
PY
done

. "$root/benchmarks/scripts/sklearn-lib.sh"
ensure_venv pandas || {
  echo "pandas could not be installed here; no side-by-side figure" >&2
  exit 0
}
echo
echo "pandas $("$venv/bin/python" -c 'import pandas; print(pandas.__version__)'): read_csv + groupby (RFM, spend per category)"
printf '%12s  %10s  %14s  %12s\n' transactions seconds "transactions/s" "peak RSS MB"
for n in "$small" "$transactions"; do
  /usr/bin/time -v -o "$work/time-pandas-$n.txt" "$venv/bin/python" - "$work/log-$n.csv" > "$work/pandas-$n.txt" <<'PY'
import sys, time
import pandas as pd
started = time.perf_counter()
df = pd.read_csv(sys.argv[1], parse_dates=["date"])
rows = len(df)
df = df[df["customer_id"].notna() & (df["amount"] > 0)].drop_duplicates()
last = df["date"].max()
g = df.groupby("customer_id")
profiles = pd.DataFrame({
    "frequency": g.size(), "monetary": g["amount"].sum(),
    "recency_days": (last - g["date"].max()).dt.days, "tenure_days": (last - g["date"].min()).dt.days,
    "active_months": df.assign(m=df["date"].dt.to_period("M")).groupby("customer_id")["m"].nunique(),
})
spend = df.pivot_table(index="customer_id", columns="category", values="amount", aggfunc="sum", fill_value=0)
profiles = profiles.join(spend.add_prefix("spend_"))
print(rows, len(profiles), time.perf_counter() - started)
PY
  read -r rows customers_found seconds < "$work/pandas-$n.txt"
  python3 -c "import sys; r,s,kb=int(sys.argv[1]),float(sys.argv[2]),int(sys.argv[3]); print(f'{r:12d}  {s:10.1f}  {r/s:14,.0f}  {kb/1024:12.0f}')" \
    "$rows" "$seconds" "$(peak_kb "$work/time-pandas-$n.txt")"
done
