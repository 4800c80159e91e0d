#!/bin/bash
# Runs every error case of tests/errors with `memviz --batch --max-steps 2000000` and
# checks that memviz reports the expected error the expected way.
#
# Usage: tests/run_errors.sh [-j N] [PATTERN...] [MEMVIZ_BINARY]
#   MEMVIZ_BINARY  the memviz executable (default ./memviz): an argument with a slash or an
#                  executable file; extra memviz flags may be given in $MEMVIZ_FLAGS
#   -j N           run N cases at a time (default: nproc)
#   PATTERN        only run cases whose name contains PATTERN (glob characters allowed)
#
# Each case is NAME.err ("CLASS LINE") with its input NAME.py, either committed next to
# it or written by tests/errors/gen.sh into a temporary directory. memviz must exit with
# status 1 within 20 s, without a signal or a sanitizer report, and print on stderr:
#   SyntaxError, IndentationError, TabError: a first line FILE:LINE:COL: CLASS: message
#   StepLimit: a message that names the --max-steps limit
#   any other CLASS: a traceback whose last line is "CLASS" or "CLASS: ..." and whose
#                    last File "...", line N entry has N = LINE
# Ends with the line "N passed, N failed"; exits 1 if anything failed.
set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
suite="$here/errors"
memviz=./memviz
jobs=$(nproc 2>/dev/null || echo 1)
patterns=()
max_steps=2000000

usage() {
    sed -n '5,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

while [ $# -gt 0 ]; do
    case $1 in
        -j) [ $# -ge 2 ] || usage; jobs=$2; shift 2 ;;
        -j[0-9]*) jobs=${1#-j}; shift ;;
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

tmp=$(mktemp -d "${TMPDIR:-/tmp}/memviz-err.XXXXXX") || exit 2
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
    local name=$1 rep="$tmp/res/$1.fail" err="$tmp/err/$1" py cls line rc
    local first rest base last got
    read -r cls line _ < "$suite/$name.err"
    if [ -z "${cls:-}" ] || [ -z "${line:-}" ]; then
        echo "FAIL $name: malformed $name.err" > "$rep"; return
    fi
    if [ -f "$suite/$name.py" ]; then
        py="$suite/$name.py"
    elif [ -f "$tmp/gen/$name.py" ]; then
        py="$tmp/gen/$name.py"
    else
        echo "FAIL $name: no input $name.py" > "$rep"; return
    fi
    base=$(basename "$py")
    # shellcheck disable=SC2086
    run_limited /dev/null "$err" "$memviz" ${MEMVIZ_FLAGS:-} --max-steps "$max_steps" --batch "$py"
    if [ "$rc" -eq 124 ]; then
        echo "FAIL $name: timeout (20 s)" > "$rep"; return
    elif [ "$rc" -ge 128 ]; then
        { echo "FAIL $name: crashed (exit status $rc)"; tail -n 5 "$err" | sed 's/^/    /'; } > "$rep"; return
    elif grep -Eq "$sanitizer_re" "$err"; then
        { echo "FAIL $name: sanitizer report"; grep -E -m 3 "$sanitizer_re" "$err" | sed 's/^/    /'; } > "$rep"; return
    elif [ "$rc" -ne 1 ]; then
        { echo "FAIL $name: exit status $rc, expected 1"; tail -n 5 "$err" | sed 's/^/    /'; } > "$rep"; return
    fi
    case $cls in
        SyntaxError|IndentationError|TabError)
            first=$(head -n 1 "$err")
            if [[ $first == "$py:$line:"* || $first == "$base:$line:"* || $first == *"/$base:$line:"* ]]; then
                rest=${first#*"$base:$line:"}
                if [[ $rest =~ ^[0-9]+:\ $cls:\ . ]]; then
                    : > "$tmp/res/$name.ok"; return
                fi
            fi
            { echo "FAIL $name: expected first stderr line FILE:$line:COL: $cls: message"
              echo "    got: $(printf '%s' "$first" | cut -c1-160)"; } > "$rep"
            ;;
        StepLimit)
            if grep -q -e '--max-steps' "$err"; then
                : > "$tmp/res/$name.ok"
            else
                { echo "FAIL $name: expected a message naming --max-steps"
                  tail -n 3 "$err" | cut -c1-160 | sed 's/^/    got: /'; } > "$rep"
            fi
            ;;
        *)
            last=$(grep -v '^[[:space:]]*$' "$err" | tail -n 1)
            got=$(grep -E '^[[:space:]]*File ".*", line [0-9]+' "$err" | tail -n 1 |
                  sed -E 's/^[[:space:]]*File ".*", line ([0-9]+).*/\1/')
            if ! grep -q '^Traceback (most recent call last):' "$err"; then
                { echo "FAIL $name: no traceback on stderr, expected $cls at line $line"
                  head -n 3 "$err" | cut -c1-160 | sed 's/^/    got: /'; } > "$rep"
            elif [[ $last != "$cls" && $last != "$cls:"* ]]; then
                { echo "FAIL $name: expected last line to start with $cls"
                  echo "    got: $(printf '%s' "$last" | cut -c1-160)"; } > "$rep"
            elif [ "$got" != "$line" ]; then
                echo "FAIL $name: expected $cls at line $line, traceback ends at line ${got:-?}" > "$rep"
            else
                : > "$tmp/res/$name.ok"
            fi
            ;;
    esac
}

mkdir -p "$tmp/err" "$tmp/res" "$tmp/gen"
if ! bash "$suite/gen.sh" "$tmp/gen" > /dev/null; then
    echo "FAIL: tests/errors/gen.sh did not run" >&2
fi

names=()
for f in "$suite"/*.err; do
    [ -e "$f" ] || continue
    n=$(basename "$f" .err)
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
