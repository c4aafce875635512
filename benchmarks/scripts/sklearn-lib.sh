# Shared by the scripts that measure Segments against scikit-learn or pandas; sourced, never run. The caller sets
# `root` (the project root). scikit-learn lives in its own venv, benchmarks/target/sklearn-venv: it is never a
# dependency of the project.

venv="$root/benchmarks/target/sklearn-venv"
jar="$root/benchmarks/target/benchmarks.jar"

# ensure_venv MODULE...: makes the venv (scikit-learn, pandas, scipy, threadpoolctl) unless its python can already
# import every MODULE; returns non-zero when they cannot be installed, for the caller to say what that means.
ensure_venv() {
  local imports
  imports="$(IFS=,; echo "$*")"
  if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c "import $imports" 2>/dev/null; then
    return 0
  fi
  echo "installing scikit-learn into $venv ..." >&2
  python3 -m venv "$venv" && "$venv/bin/pip" install -q scikit-learn pandas scipy threadpoolctl >&2 \
    && "$venv/bin/python" -c "import $imports" 2>/dev/null
}

# ensure_benchmarks_jar: builds benchmarks/target/benchmarks.jar when it is missing or a main source is newer.
ensure_benchmarks_jar() {
  if [ ! -f "$jar" ] || [ -n "$(find "$root" -not -path '*/target/*' -path '*/src/main/*' -newer "$jar" -print -quit)" ]; then
    echo "building $jar ..." >&2
    (cd "$root" && ./mvnw -q -B -DskipTests package -pl benchmarks -am) >&2
  fi
}
