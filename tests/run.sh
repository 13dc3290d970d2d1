#!/bin/sh
# run.sh BUILD_DIR [PROGRAM...]: run every test (or only the PROGRAMs named:
# unit test binaries or tests/cli/*.sh scripts) against BUILD_DIR (unit tests
# built there, CLI tests against BUILD_DIR/readykit, or RK_BIN_OVERRIDE when
# set) and end with the line
# "N passed, N failed, N skipped"; exit 1 when anything failed.
#
# Every test program speaks TAP: cmocka through CMOCKA_MESSAGE_OUTPUT=TAP, the
# shell tests through tests/cli/lib.sh. The count trusts no program:
#   - a program must print exactly one plan ("1..N") and exactly N results
#     ("ok"/"not ok"), numbered 1..N in order when numbered; otherwise it
#     ended early (or printed stray results) and one failure is added;
#   - "Bail out!" is a failure;
#   - a program that exits non-zero without reporting a failure, is killed
#     by a signal, or runs longer than RK_TEST_TIMEOUT seconds (default 900)
#     adds one failure;
#   - "ok N # SKIP reason" (also cmocka's "not ok N # SKIP name", and a plan
#     "1..0 # SKIP reason") is counted as skipped, never as passed. Under
#     CI=true a skip is a failure unless its reason starts with
#     "ci-allowed:" (say why it cannot run there).
# Each program's output is shown indented when it failed or skipped.
set -u
build=${1:-build}
top=$(cd "$(dirname "$0")/.." && pwd)
export RK_BIN="${RK_BIN_OVERRIDE:-$top/$build/readykit}"
export RK_TOP="$top"
export CMOCKA_MESSAGE_OUTPUT=TAP
: "${RK_TEST_TIMEOUT:=900}"
: "${CI:=}"
log=$(mktemp)
sum=$(mktemp)
trap 'rm -f "$log" "$sum"' EXIT
passed=0
failed=0
skipped=0
broken=""

# tap_count RC < LOG: print the harness's own "not ok - ..." lines, then a
# last line "PASSED FAILED SKIPPED".
tap_count() {
    awk -v rc="$1" -v ci="$CI" -v limit="$RK_TEST_TIMEOUT" '
    function bad(msg) { extra++; print "not ok - " msg }
    function skip_ok(reason) {
        sub(/^[ \t]+/, "", reason)
        if (ci == "true" && reason !~ /^ci-allowed:/) {
            bad("skipped under CI=true without \"ci-allowed: reason\": " reason)
            return 0
        }
        return 1
    }
    /^Bail out!/ { bailed = 1; bad("bailed out: " substr($0, 11)); next }
    /^1\.\.[0-9]+/ {
        plans++
        match($0, /^1\.\.[0-9]+/)
        planned = substr($0, 4, RLENGTH - 3) + 0
        if (planned == 0 && toupper($0) ~ /# *SKIP/) {
            r = $0; sub(/^[^#]*# *[Ss][Kk][Ii][Pp][^ \t]*/, "", r)
            if (skip_ok(r)) s++
        }
        next
    }
    /^(not )?ok([ \t]|$)/ {
        n++
        notok = ($0 ~ /^not /)
        rest = $0; sub(/^(not )?ok[ \t]*/, "", rest)
        if (rest ~ /^[0-9]+/) {
            match(rest, /^[0-9]+/)
            num = substr(rest, 1, RLENGTH) + 0
            if (num != n && !misnumbered) {
                misnumbered = 1
                bad("result " n " is numbered " num " (stray or missing results)")
            }
        }
        # cmocka 1.1 prints a skipped test as "not ok N # SKIP name"
        if (toupper(rest) ~ /^[0-9]*[^#]*# *SKIP/) {
            r = rest; sub(/^[^#]*# *[Ss][Kk][Ii][Pp][^ \t]*/, "", r)
            if (skip_ok(r)) s++
        } else if (notok) f++
        else p++
        next
    }
    END {
        if (bailed) ;
        else if (plans == 0) bad("no TAP plan: the program ended before printing 1..N")
        else if (plans > 1) bad(plans " TAP plans")
        else if (planned != n && !misnumbered) bad("planned " planned " tests but ran " n + 0)
        if (rc == 124) bad("killed after " limit " s (RK_TEST_TIMEOUT)")
        else if (rc > 128) bad("killed by signal " (rc - 128))
        else if (rc != 0 && f + extra == 0) bad("exited with status " rc " without reporting a failure")
        print p + 0, f + extra, s + 0
    }'
}

# run_one NAME COMMAND...: run one test program and add up its results.
run_one() {
    name=$1; shift
    timeout "$RK_TEST_TIMEOUT" "$@" >"$log" 2>&1 </dev/null
    rc=$?
    tap_count "$rc" <"$log" >"$sum"
    read -r p f s <<EOF
$(tail -n 1 "$sum")
EOF
    if [ "$f" != 0 ]; then
        echo "== $name: $p passed, $f FAILED, $s skipped"
        sed '$d' "$sum" | sed 's/^/   /'
        grep -v '^ok ' "$log" | head -n 100 | sed 's/^/   | /'
        broken="$broken $name"
    elif [ "$s" != 0 ]; then
        echo "== $name: $p passed, $s skipped"
        grep -i -e '^ok.*# *skip' -e '^1\.\.0' "$log" | sed 's/^/   | /'
    else
        echo "== $name: $p passed"
    fi
    passed=$((passed + p))
    failed=$((failed + f))
    skipped=$((skipped + s))
}

# The programs: those named, or every unit test binary then every CLI script.
shift 2>/dev/null
if [ $# = 0 ]; then
    for t in "$top/$build"/tests/test_*; do
        case "$t" in *.d) continue ;; esac
        [ -x "$t" ] && set -- "$@" "$t"
    done
    for t in "$top"/tests/cli/test_*.sh; do
        [ -f "$t" ] && set -- "$@" "$t"
    done
fi
for t in "$@"; do
    case "$t" in
        *.sh) cd "$top" && run_one "$(basename "$t")" sh "$t" ;;
        *) cd "$top" && run_one "$(basename "$t")" "$t" ;;
    esac
done
[ -n "$broken" ] && echo "failing programs:$broken"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ]
