#!/bin/bash
# Runs every tests/conformance/*.py with `memviz --batch` and compares its stdout
# byte for byte with the matching .out file (what CPython 3.11 prints).
#
# Usage: tests/run_conformance.sh [-j N] [--no-python] [PATTERN...] [MEMVIZ_BINARY]
#   MEMVIZ_BINARY  the memviz executable (default ./memviz): an argument with a slash or an
#                  executable file; extra memviz flags may be given in $MEMVIZ_FLAGS
#   -j N           run N tests at a time (default: nproc)
#   --no-python    do not confirm the .out files against python3
#   PATTERN        only run tests whose file name contains PATTERN (glob characters allowed)
#
# A test fails when memviz times out (20 s), exits non-zero or by a signal, reports a
# sanitizer error on stderr, or prints something else than the .out file. When python3
# is CPython 3.11, the .out file itself is also checked against python3's stdout.
# Ends with the line "N passed, N failed"; exits 1 if anything failed.
set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
suite="$here/conformance"
memviz=./memviz
jobs=$(nproc 2>/dev/null || echo 1)
use_python=1
patterns=()

usage() {
    sed -n '5,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

while [ $# -gt 0 ]; do
    case $1 in
        -j) [ $# -ge 2 ] || usage; jobs=$2; shift 2 ;;
        -j[0-9]*) jobs=${1#-j}; shift ;;
        --no-python) use_python=0; shift ;;
        -h|--help) usage ;;
        -*) echo "unknown option: $1" >&2; usage ;;
        *)
            # A path (an executable file, or anything with a slash) names memviz.
            if [[ $1 == */* ]] || { [ -f "$1" ] && [ -x "$1" ]; }; then memviz=$1; else patterns+=("$1"); fi
            shift ;;
    esac
done
case $jobs in ''|*[!0-9]*|0) echo "-j needs a positive number" >&2; exit 2 ;; esac
case $memviz in */*) ;; *) memviz=./$memviz ;; esac

tmp=$(mktemp -d "${TMPDIR:-/tmp}/memviz-conf.XXXXXX") || exit 2
cleanup() {
    local pids
    pids=$(jobs -p)
    # shellcheck disable=SC2086
    [ -n "$pids" ] && kill $pids 2>/dev/null
    wait 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ "$use_python" = 1 ]; then
    if ! command -v python3 >/dev/null 2>&1 ||
       [ "$(python3 -c 'import sys; print(sys.version_info[:2])' 2>/dev/null)" != "(3, 11)" ]; then
        use_python=0
    fi
fi

selected() {
    local name=$1 p
    [ ${#patterns[@]} -eq 0 ] && return 0
    for p in "${patterns[@]}"; do
        # shellcheck disable=SC2053
        [[ $name == *$p* ]] && return 0
    done
    return 1
}

sanitizer_re='ERROR: [A-Za-z]*Sanitizer|runtime error:|==[0-9]+==ERROR|WARNING: [A-Za-z]*Sanitizer'

# run_limited OUT ERR CMD...: runs CMD under a 20 s timeout with stdout/stderr to files,
# sets rc to its exit status. A TERM to this (sub)shell stops CMD too, and the group
# redirection keeps bash's own "Segmentation fault" notices off the terminal.
run_limited() {
    local out=$1 err=$2 child
    shift 2
    {
        timeout 20 "$@" > "$out" 2> "$err" < /dev/null &
        child=$!
        trap 'kill "$child" 2> /dev/null; exit 143' TERM
        wait "$child"
        rc=$?
        trap - TERM
    } 2> /dev/null
}

# run_one NAME: writes $tmp/res/NAME.ok or $tmp/res/NAME.fail (the failure report).
run_one() {
    local name=$1 py="$suite/$1.py" exp="$suite/$1.out"
    local out="$tmp/out/$name" err="$tmp/err/$name" rep="$tmp/res/$name.fail" rc
    if [ ! -f "$exp" ]; then
        echo "FAIL $name: missing $name.out" > "$rep"; return
    fi
    # shellcheck disable=SC2086
    run_limited "$out" "$err" "$memviz" ${MEMVIZ_FLAGS:-} --batch "$py"
    if [ "$rc" -eq 124 ]; then
        echo "FAIL $name: timeout (20 s)" > "$rep"; return
    elif [ "$rc" -ge 128 ]; then
        { echo "FAIL $name: crashed (exit status $rc)"; tail -n 5 "$err" | sed 's/^/    /'; } > "$rep"; return
    elif grep -Eq "$sanitizer_re" "$err"; then
        { echo "FAIL $name: sanitizer report"; grep -E -m 3 "$sanitizer_re" "$err" | sed 's/^/    /'; } > "$rep"; return
    elif [ "$rc" -ne 0 ]; then
        { echo "FAIL $name: exit status $rc"; tail -n 5 "$err" | sed 's/^/    /'; } > "$rep"; return
    elif ! cmp -s "$out" "$exp"; then
        { echo "FAIL $name: stdout differs from $name.out"
          diff -u --label expected --label memviz "$exp" "$out" | sed -n '3,14p' | sed 's/^/    /'; } > "$rep"
        return
    fi
    if [ "$use_python" = 1 ]; then
        run_limited "$tmp/py/$name" /dev/null python3 "$py"
        if ! cmp -s "$tmp/py/$name" "$exp"; then
            { echo "FAIL $name: corpus error, $name.out differs from python3's output"
              diff -u --label "$name.out" --label python3 "$exp" "$tmp/py/$name" | sed -n '3,14p' | sed 's/^/    /'; } > "$rep"
            return
        fi
    fi
    : > "$tmp/res/$name.ok"
}

mkdir -p "$tmp/out" "$tmp/err" "$tmp/py" "$tmp/res"
names=()
for f in "$suite"/*.py; do
    [ -e "$f" ] || continue
    n=$(basename "$f" .py)
    selected "$n" && names+=("$n")
done

if [ ! -x "$memviz" ]; then
    echo "memviz binary not found or not executable: $memviz" >&2
    echo "0 passed, ${#names[@]} failed"
    exit 1
fi

running=0
for n in ${names[@]+"${names[@]}"}; do
    if [ $running -ge "$jobs" ]; then
        wait -n
        running=$((running - 1))
    fi
    run_one "$n" &
    running=$((running + 1))
done
wait

passed=0
failed=0
for n in ${names[@]+"${names[@]}"}; do
    if [ -f "$tmp/res/$n.ok" ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        if [ -f "$tmp/res/$n.fail" ]; then cat "$tmp/res/$n.fail"; else echo "FAIL $n: no result"; fi
    fi
done
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
