#!/usr/bin/env bash
# The first run on small data, whole process, against the Python script a data scientist would write, in one run:
#   segments --version            (the limit: 0.3 s)
#   segments train on 5,000 x 2   vs  python: start, imports, read_csv, StandardScaler, KMeans(n_init=10)
# Each command runs RUNS times after one warm-up run (file cache, the launcher's first-build work), the three taking
# turns; the medians, their ratio and the median of each turn's own ratio are printed, with every run's time.
# scikit-learn runs in its own venv (benchmarks/target/sklearn-venv), never a dependency.
#
#   benchmarks/scripts/startup-vs-python.sh [RUNS]      default 7
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
runs="${1:-7}"
work="$root/benchmarks/target/startup"
mkdir -p "$work"
. "$root/benchmarks/scripts/sklearn-lib.sh"
ensure_venv sklearn pandas || { echo "scikit-learn could not be installed here" >&2; exit 1; }
data="$work/small.csv"
python3 - "$data" <<'PY'
import random, sys
random.seed(5)
centres = [(0, 0), (5, 5), (0, 6), (6, 0)]
with open(sys.argv[1], "w") as out:
    out.write("id,x,y\n")
    for i in range(5000):
        cx, cy = centres[i % 4]
        out.write(f"c{i},{cx + random.gauss(0, 1):.4f},{cy + random.gauss(0, 1):.4f}\n")
PY
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
export SEGMENTS_HOME="$home"
"$root/segments" --version >/dev/null # builds the jar and its start-up cache, outside the measurement

wall_ms() { # command...: runs it once, prints its wall milliseconds
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1
  end=$(date +%s%N)
  echo "$(( (end - start) / 1000000 ))"
}
median_of() { # milliseconds...: prints their median in seconds
  printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {printf "%.3f", a[int((NR+1)/2)] / 1000}'
}

# The two sides of the comparison take turns (train, python, train, python, ...), so a change in the machine's load
# during the run weighs on both alike; one warm-up run of each first.
train=(env SEGMENTS_HOME="$home" "$root/segments" train --data "$data" --k 4)
python=("$venv/bin/python" "$root/benchmarks/scripts/sklearn_small_train.py" "$data" 4)
wall_ms "$root/segments" --version >/dev/null
wall_ms "${train[@]}" >/dev/null
wall_ms "${python[@]}" >/dev/null
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
version_ms=() train_ms=() python_ms=()
for _ in $(seq 1 "$runs"); do
  version_ms+=("$(wall_ms "$root/segments" --version)")
  train_ms+=("$(wall_ms "${train[@]}")")
  python_ms+=("$(wall_ms "${python[@]}")")
done
version=$(median_of "${version_ms[@]}")
train=$(median_of "${train_ms[@]}")
python=$(median_of "${python_ms[@]}")
echo "median of $runs runs, seconds (load average before: $load_before, after: $(cut -d' ' -f1-3 /proc/loadavg))"
printf '%-44s %8s\n' "segments --version" "$version"
printf '%-44s %8s\n' "segments train --data small.csv --k 4" "$train"
printf '%-44s %8s\n' "python: read, scale, KMeans(n_init=10)" "$python"
python3 -c "print(f'train / python: {$train / $python:.2f}   --version limit 0.3 s: {\"met\" if $version <= 0.3 else \"not met\"}')"
python3 - "${train_ms[*]}" "${python_ms[*]}" <<'PY'
import statistics, sys
train, python = ([int(v) for v in side.split()] for side in sys.argv[1:3])
print(f"median of each turn's train / python: {statistics.median(t / p for t, p in zip(train, python)):.2f}")
print("runs, ms: train", *train, "/ python", *python)
PY
