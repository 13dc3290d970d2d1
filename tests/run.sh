#!/bin/sh
# run.sh BUILD_DIR: run every test against BUILD_DIR (unit tests built there,
# CLI tests against BUILD_DIR/readykit) and end with "N passed, N failed".
#
# Every test speaks TAP ("ok ..." / "not ok ..."): cmocka through
# CMOCKA_MESSAGE_OUTPUT=TAP, the shell tests through tests/cli/lib.sh. A test
# program that dies without reporting counts as one failure.
set -u
build=${1:-build}
top=$(cd "$(dirname "$0")/.." && pwd)
export RK_BIN="$top/$build/readykit"
export RK_TOP="$top"
export CMOCKA_MESSAGE_OUTPUT=TAP
log=$(mktemp)
trap 'rm -f "$log"' EXIT
passed=0
failed=0

run_one() { # name command...
    name=$1; shift
    "$@" >"$log" 2>&1
    rc=$?
    p=$(grep -c '^ok ' "$log")
    f=$(grep -c '^not ok ' "$log")
    if [ "$rc" != 0 ] && [ "$f" = 0 ]; then
        f=1
        echo "not ok - $name exited with status $rc without reporting a failure"
    fi
    if [ "$f" != 0 ]; then
        echo "== $name: $f failed"
        grep -v '^ok ' "$log" | sed 's/^/   /' | head -n 60
    else
        echo "== $name: $p passed"
    fi
    passed=$((passed + p))
    failed=$((failed + f))
}

for t in "$top/$build"/tests/test_*; do
    case "$t" in *.d) continue ;; esac
    [ -x "$t" ] || continue
    cd "$top" && run_one "$(basename "$t")" "$t"
done
for t in "$top"/tests/cli/test_*.sh; do
    [ -f "$t" ] || continue
    cd "$top" && run_one "$(basename "$t")" sh "$t"
done
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]
