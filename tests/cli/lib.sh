# lib.sh: sourced by every CLI test. Gives TAP helpers and a scratch folder.
#   RK_BIN  the readykit binary under test (set by tests/run.sh)
#   RK_TOP  the source tree
set -u
: "${RK_TOP:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${RK_BIN:=$RK_TOP/build/readykit}"
RK_TMP=$(mktemp -d)
trap 'rm -rf "$RK_TMP"' EXIT
cd "$RK_TOP" || exit 1
tap_n=0

ok()     { tap_n=$((tap_n + 1)); echo "ok $tap_n - $*"; }
not_ok() { tap_n=$((tap_n + 1)); echo "not ok $tap_n - $*"; }

# run CMD...: run, keeping status in $rc, stdout in $out, stderr in $err.
run() {
    "$@" >"$RK_TMP/.out" 2>"$RK_TMP/.err"
    rc=$?
    out=$(cat "$RK_TMP/.out")
    err=$(cat "$RK_TMP/.err")
}

# expect_rc NAME WANT: compare the last run's status.
expect_rc() {
    if [ "$rc" = "$2" ]; then ok "$1 (exit $rc)"; else
        not_ok "$1: exit $rc, wanted $2"; echo "# stdout: $out" | head -n 5; echo "# stderr: $err" | head -n 5
    fi
}

# expect_contains NAME HAYSTACK NEEDLE
expect_contains() {
    case "$2" in
        *"$3"*) ok "$1" ;;
        *) not_ok "$1: wanted '$3' in:"; printf '%s\n' "$2" | head -n 10 | sed 's/^/# /' ;;
    esac
}

expect_not_contains() {
    case "$2" in
        *"$3"*) not_ok "$1: did not want '$3' in:"; printf '%s\n' "$2" | head -n 10 | sed 's/^/# /' ;;
        *) ok "$1" ;;
    esac
}

# tap_claims FILE: each line of FILE is "ok NAME" or "not ok NAME" (claims
# checked by a helper script, without numbers): report each as a test.
tap_claims() {
    while IFS= read -r line; do
        case "$line" in
            "ok "*) ok "${line#ok }" ;;
            "not ok "*) not_ok "${line#not ok }" ;;
            *) not_ok "claims: $line" ;;
        esac
    done <"$1"
}

# done_testing: every CLI test script ends with this call. It prints the TAP
# plan ("1..N"), so a script that stops before its end is seen as incomplete
# by tests/run.sh.
done_testing() { echo "1..$tap_n"; }
