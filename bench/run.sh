#!/usr/bin/env bash
# bench/run.sh [--markdown] [SCRIPT.py...]
#
# Times each benchmark (default: every bench/*.py) three ways on the same
# file: python3, `memviz --batch` (recording every event, as the UI needs)
# and `memviz --batch --no-events` (the interpreter alone). Each figure is
# the best of BENCH_RUNS runs (default 3) of wall-clock time. memviz's stdout
# must equal python3's, or the run fails: a fast wrong answer is no result.
# --markdown prints the table as Markdown, for the README.
#
# The benchmarks run tens of millions of instructions, far past the default
# step limit, so memviz gets a larger --max-steps here.
set -euo pipefail
cd "$(dirname "$0")/.."

markdown=0
if [ "${1:-}" = "--markdown" ]; then markdown=1; shift; fi
if [ $# -gt 0 ]; then scripts=("$@"); else scripts=(bench/*.py); fi
runs=${BENCH_RUNS:-3}
memviz=./memviz
limits=(--max-steps 1000000000)

if ! command -v python3 >/dev/null 2>&1; then
    echo "bench: python3 is needed as the reference (sudo apt-get install python3)" >&2
    exit 2
fi
if [ ! -x "$memviz" ]; then
    make -j"$(nproc 2>/dev/null || echo 2)" memviz >&2
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# now: seconds since the epoch with microseconds (LC_NUMERIC may say ",").
now() {
    if [ -n "${EPOCHREALTIME:-}" ]; then echo "${EPOCHREALTIME/,/.}"
    else date +%s.%N; fi
}

# best OUT CMD...: runs CMD $runs times with its stdout in OUT; prints the
# shortest time in seconds, or FAIL if CMD ever exits nonzero.
best() {
    local out=$1 t0 t1 best=
    shift
    for ((r = 0; r < runs; r++)); do
        t0=$(now)
        if ! "$@" </dev/null >"$out" 2>"$out.err"; then
            echo FAIL
            return
        fi
        t1=$(now)
        best=$(awk -v a="$t0" -v b="$t1" -v m="$best" \
            'BEGIN { d = b - a; if (m == "" || d < m) m = d; printf "%.3f", m }')
    done
    echo "$best"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a + 0 > 0 && b != "FAIL") printf "%.1fx", b / a; else print "-" }'; }

row() {
    if [ "$markdown" = 1 ]; then
        printf '| %s | %s | %s | %s | %s | %s |\n' "$@"
    else
        printf '%-18s %10s %10s %8s %21s %8s\n' "$@"
    fi
}

echo "# memviz: $("$memviz" --version 2>/dev/null || echo '?'); $(python3 --version 2>&1);" \
     "best of $runs runs;" \
     "cpu: $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || uname -m)"
row script "python3 s" "memviz s" ratio "memviz --no-events s" ratio
if [ "$markdown" = 1 ]; then echo '|---|---:|---:|---:|---:|---:|'; fi

status=0
for script in "${scripts[@]}"; do
    name=$(basename "$script")
    tpy=$(best "$tmp/py" python3 "$script")
    tmv=$(best "$tmp/mv" "$memviz" --batch "${limits[@]}" "$script")
    tne=$(best "$tmp/ne" "$memviz" --batch --no-events "${limits[@]}" "$script")
    row "$name" "$tpy" "$tmv" "$(ratio "$tpy" "$tmv")" "$tne" "$(ratio "$tpy" "$tne")"
    for v in mv ne; do
        if [ "$tpy" = FAIL ]; then
            echo "  $name: python3 failed:" >&2; head -n 5 "$tmp/py.err" >&2
            status=1; break
        elif ! cmp -s "$tmp/py" "$tmp/$v"; then
            echo "  $name: memviz ($v) output differs from python3's:" >&2
            diff "$tmp/py" "$tmp/$v" | head -n 10 >&2 || true
            head -n 5 "$tmp/$v.err" >&2
            status=1
        fi
    done
done
exit "$status"
