#!/usr/bin/env bash
# tests/run_trace.sh [MEMVIZ_BINARY]: runs every conformance script with
# --trace (the event printer's path) and fails on a crash, a sanitizer
# report, a hang, or a trace that does not end with the module's return.
set -u
cd "$(dirname "$0")/.."
memviz=${1:-./memviz}
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for py in tests/conformance/*.py; do
    timeout 60 "$memviz" --trace "$py" > "$tmp/out" 2> "$tmp/err"
    rc=$?
    if [ $rc -ge 2 ] || grep -qE "runtime error:|ERROR: AddressSanitizer|LeakSanitizer" "$tmp/err" ||
       ! grep -qE '^[0-9]+ L[0-9]+ return <module>@1$' "$tmp/out"; then
        echo "FAIL $(basename "$py" .py): exit $rc"
        head -5 "$tmp/err" | sed 's/^/    /'
        fail=$((fail + 1))
    else
        pass=$((pass + 1))
    fi
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
