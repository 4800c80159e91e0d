#!/usr/bin/env bash
# tests/valgrind.sh [--all] [BINARY]
#
# A memory visualizer must not itself misuse or leak memory. Runs BINARY
# (default ./memviz) with --batch under valgrind over a sample of the
# conformance scripts (12) and of the error cases (6), spread evenly over the
# sorted lists so the sample is the same on every run; --all runs every case.
# A case passes when valgrind reports no error (invalid reads or writes, use of
# uninitialised values, and definite, indirect or possible leaks all count)
# and memviz ended with 0, 1 or 2 rather than a crash or a timeout. Memory
# still reachable at exit is not counted: ncurses and readline keep some.
#
# Ends with the line "N passed, N failed"; exits 1 if any case failed, 2 if
# it could not run at all.
set -euo pipefail
cd "$(dirname "$0")/.."

all=0
if [ "${1:-}" = "--all" ]; then all=1; shift; fi
bin=${1:-./memviz}
n_conformance=${VALGRIND_CONFORMANCE:-12}
n_errors=${VALGRIND_ERRORS:-6}
jobs=$(nproc 2>/dev/null || echo 2)

if ! command -v valgrind >/dev/null 2>&1; then
    echo "valgrind.sh: valgrind is not installed (sudo apt-get install valgrind, or make deps)" >&2
    exit 2
fi
if [ ! -x "$bin" ]; then
    echo "valgrind.sh: $bin: no such program (run make first)" >&2
    exit 2
fi

# sample K: K lines of stdin, evenly spaced (all of them if there are fewer).
sample() {
    if [ "$all" = 1 ]; then cat; return; fi
    awk -v k="$1" '{ a[NR] = $0 }
        END { if (NR <= k) { for (i = 1; i <= NR; i++) print a[i] }
              else { for (i = 0; i < k; i++) print a[int(i * NR / k) + 1] } }'
}
cases() { [ -d "$1" ] && find "$1" -name '*.py' -type f | LC_ALL=C sort; true; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
{ cases tests/conformance | sample "$n_conformance"
  cases tests/errors | sample "$n_errors"; } >"$tmp/list"

# run_one FILE: leaves FILE's verdict in $tmp/<name>.pass or .fail. A case
# that needs options (say --max-steps 1000) has them in FILE's .args sibling.
run_one() {
    local f=$1 name status=0 args=()
    name=$(printf '%s' "$f" | tr '/' '_')
    if [ -f "${f%.py}.args" ]; then read -r -a args <"${f%.py}.args" || true; fi
    timeout -k 10 "${VALGRIND_TIMEOUT:-300}" \
        valgrind --error-exitcode=1 --leak-check=full \
            --errors-for-leak-kinds=definite,indirect,possible \
            --show-leak-kinds=definite,indirect,possible \
            --num-callers=30 --log-file="$tmp/$name.log" \
            "$bin" --batch ${args[@]+"${args[@]}"} "$f" </dev/null >/dev/null 2>"$tmp/$name.stderr" \
        || status=$?
    # memviz's own status 1 (an error in the script) is indistinguishable from
    # valgrind's error exit, so valgrind's verdict is read from its summary.
    if [ "$status" -le 2 ] && grep -q 'ERROR SUMMARY: 0 errors' "$tmp/$name.log"; then
        : >"$tmp/$name.pass"
    else
        { echo "FAIL: $f (exit status $status)"
          if [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; then
              echo "  timed out after ${VALGRIND_TIMEOUT:-300} s"
          fi
          grep -v '^==[0-9]*== *$' "$tmp/$name.log" | sed -n '/Invalid\|uninitialised\|lost in\|Process terminating\|Mismatched\|overlap\|ERROR SUMMARY/,+12p' | head -60
          tail -n 5 "$tmp/$name.stderr"
        } >"$tmp/$name.fail"
    fi
}
export -f run_one
export tmp bin

count=$(wc -l <"$tmp/list")
echo "valgrind: $count cases on $jobs cores with $bin"
tr '\n' '\0' <"$tmp/list" | xargs -0 -r -n 1 -P "$jobs" bash -c 'run_one "$1"' _

passed=$(find "$tmp" -name '*.pass' | wc -l)
failed=$(find "$tmp" -name '*.fail' | wc -l)
for f in "$tmp"/*.fail; do [ -e "$f" ] && cat "$f"; done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -eq "$count" ]
