# Shared by the scripts that start a Segments server and measure it; sourced, never run. The caller sets `root` (the
# project root) and `work` (a scratch directory it removes); the functions set `server_pid` and `java_bin`.

server_pid=""

# The first JDK 25 or newer under /usr/lib/jvm, for the benchmark clients (the server finds its own through ./segments).
find_java_bin() {
  java_bin="$(ls /usr/lib/jvm/*/bin/java | while read -r j; do
    v=$("$j" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    [ "${v%%.*}" -ge 25 ] 2>/dev/null && echo "$j" && break
  done)"
}

# customer_json CSV OUT [ROWS]: the CSV's first ROWS data rows (default 1) as predict request bodies, one JSON object a
# line: the first column as text (the customer id), the others as numbers, an empty cell as null.
customer_json() {
  python3 - "$1" "$2" "${3:-1}" <<'PY'
import csv, json, sys
rows = csv.reader(open(sys.argv[1]))
header = next(rows)
with open(sys.argv[2], "w") as out:
    for _, cells in zip(range(int(sys.argv[3])), rows):
        out.write(json.dumps({h: (v if i == 0 else (float(v) if v else None))
                              for i, (h, v) in enumerate(zip(header, cells))}) + "\n")
PY
}

# start_server PORT [TRIES]: `segments serve` in the background (log in $work/server-PORT.log), waiting up to TRIES
# half-seconds (default 60) for /health; prints the log and exits when it does not answer.
start_server() {
  local port="$1" tries="${2:-60}"
  SEGMENTS_VECTOR=on "$root/segments" --version > /dev/null # records the server's start-up cache (once), before the wait
  "$root/segments" serve --port "$port" > "$work/server-$port.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 "$tries"); do
    curl -sf "http://127.0.0.1:$port/health" > /dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "server did not start:"; cat "$work/server-$port.log"; exit 1
}

# stop_server [SIGNAL]: stops the server started last (default TERM) and waits for it.
stop_server() {
  [ -n "$server_pid" ] || return 0
  kill "-${1:-TERM}" "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}
